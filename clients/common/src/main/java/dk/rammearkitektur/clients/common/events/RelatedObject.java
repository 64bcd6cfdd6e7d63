package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.Describe;
import dk.rammearkitektur.clients.common.events.internal.Values;

/**
 * An object the event is about ({@code RelateretObjekt}), e.g. a person {@code urn:oio:cpr-nr:…}. Identifiers are
 * {@code sd:UnikIdType} values: a UUID (kept in lower case) or a URN (kept as given). {@link #toString()} masks CPR
 * numbers.
 *
 * @param objectId the object ({@code ObjektId}); required
 * @param objectType its type ({@code ObjektType}); required
 * @param objectRole its role in the event ({@code ObjektRolle}); or null
 */
public record RelatedObject(String objectId, String objectType, String objectRole) {
    /** Validates and normalises the identifiers. */
    public RelatedObject {
        objectId = Values.unikId(objectId, "RelateretObjekt.ObjektId");
        objectType = Values.unikId(objectType, "RelateretObjekt.ObjektType");
        objectRole = Values.optionalUnikId(objectRole, "RelateretObjekt.ObjektRolle");
    }

    /** An object without a role. */
    public static RelatedObject of(String objectId, String objectType) {
        return new RelatedObject(objectId, objectType, null);
    }

    @Override
    public String toString() {
        return Describe.masked(this);
    }
}
