package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.Describe;
import dk.rammearkitektur.clients.common.events.internal.Values;
import java.util.List;
import java.util.UUID;

/**
 * What subscriptions are matched against ({@code Filtreringsdata}). Identifiers are {@code sd:UnikIdType} values: a
 * UUID (kept in lower case) or a URN (kept as given). {@link #toString()} masks CPR numbers.
 *
 * @param messageType {@code Beskedtype}; required
 * @param responsibleActor {@code BeskedAnsvarligAktoer}; or null
 * @param allowedRecipients {@code TilladtModtager}, e.g. {@code urn:oio:cvr-nr:…}; never null
 * @param relatedObjects {@code RelateretObjekt}; never null
 * @param objectRegistrations {@code ObjektRegistrering}; never null
 * @param crossProcesses {@code TvaergaaendeProces}; never null
 */
public record EventFilter(String messageType, UUID responsibleActor, List<String> allowedRecipients,
        List<RelatedObject> relatedObjects, List<ObjectRegistration> objectRegistrations, List<String> crossProcesses) {
    /** Validates and normalises the parts; null lists are empty. */
    public EventFilter {
        messageType = Values.unikId(messageType, "Filtreringsdata.Beskedtype");
        allowedRecipients = Values.unikIds(allowedRecipients, "Filtreringsdata.TilladtModtager");
        relatedObjects = Values.list(relatedObjects, "Filtreringsdata.RelateretObjekt");
        objectRegistrations = Values.list(objectRegistrations, "Filtreringsdata.ObjektRegistrering");
        crossProcesses = Values.unikIds(crossProcesses, "Filtreringsdata.TvaergaaendeProces");
    }

    /** A filter with only the message type. */
    public static EventFilter of(String messageType) {
        return new EventFilter(messageType, null, List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public String toString() {
        return Describe.masked(this);
    }
}
