package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.Describe;
import dk.rammearkitektur.clients.common.events.internal.Values;
import java.util.UUID;

/**
 * A registration of an object that caused the event ({@code ObjektRegistrering}). Every part is optional;
 * identifiers are {@code sd:UnikIdType} values (a UUID in lower case, or a URN as given). The local extension
 * ({@code ObjektRegistreringLokalUdvidelse}, e.g. the sender's signature) is not kept. {@link #toString()} masks CPR
 * numbers.
 *
 * @param registrationId {@code ObjektRegistreringId}
 * @param registeringActor {@code RegistreringsAktoer}
 * @param registeredAt {@code Registreringstidspunkt}
 * @param responsibleAuthority {@code ObjektAnsvarligMyndighed}, e.g. {@code urn:oio:cvr-nr:…}
 * @param objectId {@code ObjektId}
 * @param objectType {@code ObjektType}
 * @param objectAction {@code ObjektHandling}
 * @param taskSubject {@code OpgaveEmne}, e.g. {@code urn:oio:kle:…}
 */
public record ObjectRegistration(String registrationId, UUID registeringActor, EventTime registeredAt,
        String responsibleAuthority, String objectId, String objectType, String objectAction, String taskSubject) {
    /** Validates and normalises the identifiers. */
    public ObjectRegistration {
        registrationId = Values.optionalUnikId(registrationId, "ObjektRegistrering.ObjektRegistreringId");
        responsibleAuthority = Values.optionalUnikId(responsibleAuthority, "ObjektRegistrering.ObjektAnsvarligMyndighed");
        objectId = Values.optionalUnikId(objectId, "ObjektRegistrering.ObjektId");
        objectType = Values.optionalUnikId(objectType, "ObjektRegistrering.ObjektType");
        objectAction = Values.optionalUnikId(objectAction, "ObjektRegistrering.ObjektHandling");
        taskSubject = Values.optionalUnikId(taskSubject, "ObjektRegistrering.OpgaveEmne");
    }

    /** A registration naming only the object, its type and what was done to it. */
    public static ObjectRegistration of(String objectId, String objectType, String objectAction) {
        return new ObjectRegistration(null, null, null, null, objectId, objectType, objectAction, null);
    }

    @Override
    public String toString() {
        return Describe.masked(this);
    }
}
