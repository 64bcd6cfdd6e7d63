package dk.rammearkitektur.clients.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.events.EventPayload;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A PKO_PostStatus delivered in a Beskedfordeler event, inline or Base64-encoded, becomes the same DeliveryStatus. */
class DeliveryStatusEventTest {
    private static final String STATUS = RepliesTest.status("Afleveret Digital Post", "2025-03-03T10:15:30Z");

    private static EventMessage event(EventPayload... payloads) {
        EventMessage.Builder b = EventMessage.builder().messageId(UUID.randomUUID()).messageType("urn:test:beskedtype:pko-poststatus");
        for (EventPayload p : payloads) {
            b.payload(p);
        }
        return b.build();
    }

    private static DeliveryStatus direct() {
        return DeliveryStatus.parse(new ByteArrayInputStream(STATUS.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheStatusInlineOrBase64Encoded() {
        EventPayload other = EventPayload.of("<Andet xmlns=\"urn:test\"/>");
        EventMessage inline = event(other, EventPayload.of(STATUS));
        EventMessage encoded = event(other, EventPayload.ofBase64(STATUS.getBytes(StandardCharsets.UTF_8)));
        for (EventMessage m : List.of(inline, encoded)) {
            assertEquals(direct(), DeliveryStatus.of(m));
            assertEquals(direct(), DeliveryStatus.parseBeskedfordeler(new ByteArrayInputStream(m.toModtagBeskedInput())));
            assertEquals(direct(), DeliveryStatus.parseBeskedfordeler(new ByteArrayInputStream(m.toXml())));
        }
        assertEquals(RepliesTest.MESSAGE, DeliveryStatus.of(encoded).messageUuid());
    }

    @Test
    void anEventWithoutAPostStatusIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DeliveryStatus.of(event(EventPayload.of("<Andet xmlns=\"urn:test\"/>"))));
        assertEquals(List.of(Violation.of("Haendelsesbesked.Beskeddata", "must hold a PKO_PostStatus, itself or Base64-encoded")),
                e.violations());
        ValidationException bad = assertThrows(ValidationException.class,
                () -> DeliveryStatus.of(event(EventPayload.of("<Base64>%%%</Base64>"))));
        assertEquals("Haendelsesbesked.Beskeddata.Base64", bad.violations().get(0).path());
    }

    @Test
    void aBrokenEnvelopeIsRefusedWithItsPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> DeliveryStatus.parseBeskedfordeler(
                new ByteArrayInputStream("<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\"/>".getBytes(StandardCharsets.UTF_8))));
        assertEquals("ModtagBeskedInput.Haendelsesbesked", e.violations().get(0).path());
    }
}
