package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.events.ObjectRegistration;
import dk.rammearkitektur.clients.common.events.RelatedObject;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The persons, companies and CPR event codes an envelope names; anything else is left out, never an error. */
class EventSubjectsTest {
    /** Fictitious: a date that cannot be a birth date (the 31st of June) would be refused, so a plain valid one. */
    private static final String CPR = "1212121212";
    private static final String CVR = "29189846";

    private static EventMessage.Builder event() {
        return EventMessage.builder().messageId(UUID.randomUUID()).messageType(UUID.randomUUID().toString());
    }

    private static ObjectRegistration registration(String objectId, String action) {
        return new ObjectRegistration(null, null, null, null, objectId, null, action, null);
    }

    @Test
    void readsPersonsCompaniesAndEventCodesFromBothPlaces() {
        EventMessage m = event()
                .relatedObject(RelatedObject.of("urn:oio:cpr-nr:" + CPR, "urn:oio:objekttype:person"))
                .relatedObject(RelatedObject.of("urn:oio:cvr:" + CVR, "urn:oio:objekttype:virksomhed"))
                .objectRegistration(registration("URN:OIO:CPR-NR:" + CPR, "urn:oio:cpr:personhaendelse:004"))
                .objectRegistration(registration("urn:oio:cvr-nr:" + CVR, null)).build();
        EventSubjects s = EventSubjects.of(m);
        assertEquals(List.of(Cpr.parse(CPR)), s.persons(), "each once, prefix case ignored");
        assertEquals(List.of(Cvr.parse(CVR)), s.companies(), "urn:oio:cvr: and urn:oio:cvr-nr: both read");
        assertEquals(List.of("004"), s.cprEventCodes());
        assertTrue(s.concerns(Cpr.parse(CPR)));
        assertFalse(s.toString().contains(CPR), s.toString());
        assertTrue(s.toString().contains("121212-****"), s.toString());
    }

    @Test
    void identifiersOfOtherShapesAreLeftOut() {
        EventMessage m = event()
                .relatedObject(RelatedObject.of("urn:oio:cpr-nr:12345", "urn:oio:objekttype:person"))
                .relatedObject(RelatedObject.of("urn:oio:cvr-nr:12345678", "urn:oio:objekttype:virksomhed"))
                .relatedObject(RelatedObject.of(UUID.randomUUID().toString(), "urn:oio:objekttype:sag"))
                .objectRegistration(registration(null, "urn:oio:cpr:personhaendelse:")).build();
        EventSubjects s = EventSubjects.of(m);
        assertTrue(s.persons().isEmpty());
        assertTrue(s.companies().isEmpty(), "a CVR number with a wrong check digit is left out");
        assertTrue(s.cprEventCodes().isEmpty());
        assertTrue(EventSubjects.of(event().build()).persons().isEmpty());
    }

    @Property(tries = 300)
    void anyObjectIdsAreReadWithoutFailing(@ForAll @Size(max = 6) List<@StringLength(min = 1, max = 40) String> ids) {
        EventMessage m;
        try {
            EventMessage.Builder b = event();
            for (String id : ids) {
                b.relatedObject(RelatedObject.of("urn:oio:cpr-nr:" + id, "urn:oio:t"));
                b.objectRegistration(registration("urn:oio:cvr:" + id, "urn:oio:cpr:personhaendelse:" + id));
            }
            m = b.build();
        } catch (dk.rammearkitektur.core.ValidationException notAllowedInTheEnvelope) {
            return;
        }
        EventSubjects s = EventSubjects.of(m);
        assertTrue(s.persons().size() <= ids.size() && s.companies().size() <= ids.size());
        assertEquals(s.persons().stream().distinct().count(), s.persons().size());
    }
}
