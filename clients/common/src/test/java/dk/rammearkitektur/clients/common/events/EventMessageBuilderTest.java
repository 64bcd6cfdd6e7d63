package dk.rammearkitektur.clients.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventMessageBuilderTest {
    @Test
    void reportsEveryMissingRequiredPartAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> EventMessage.builder().messageId((UUID) null).version(" ").build());
        assertEquals(List.of(Violation.of("Haendelsesbesked.BeskedId", "is required"),
                Violation.of("Haendelsesbesked.BeskedVersion", "must not be blank"),
                Violation.of("Haendelsesbesked.Beskedkuvert.Filtreringsdata.Beskedtype", "is required")), e.violations());
    }

    @Test
    void refusesInvalidIdentifiersWithTheirPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> EventMessage.builder().messageId("besked-1")
                .messageType("urn:x:y").allowedRecipient("29189846").build());
        assertEquals(List.of(Violation.of("Haendelsesbesked.BeskedId", "must be a UUID or a URN (urn:NID:NSS)"),
                Violation.of("Haendelsesbesked.Beskedkuvert.Filtreringsdata.TilladtModtager[0]",
                        "must be a UUID or a URN (urn:NID:NSS)")), e.violations());
        assertTrue(e.getMessage().contains("TilladtModtager[0]"), e.getMessage());
    }

    @Test
    void refusesValuesTheSchemaCannotCarry() {
        assertEquals("Leveranceinformation.KildesystemIPAdresse", assertThrows(ValidationException.class,
                () -> new DeliveryInfo(null, null, null, "\u0000", null, null)).violations().get(0).path());
        assertEquals("Tidspunkt.TidsstempelDatoTid", assertThrows(ValidationException.class,
                () -> EventTime.of(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(18)))).violations().get(0).path());
        assertEquals("Tidspunkt", assertThrows(ValidationException.class, () -> new EventTime(null, null)).violations().get(0).path());
        assertEquals("Leverancerute.LeveranceruteLokalUdvidelse.AntalLeveranceforsoeg", assertThrows(ValidationException.class,
                () -> new DeliveryRoute(null, null, null, null, null, -1)).violations().get(0).path());
        assertEquals("Filtreringsdata.RelateretObjekt[1]", assertThrows(ValidationException.class,
                () -> new EventFilter("urn:a:b", null, null, java.util.Arrays.asList(RelatedObject.of("urn:a:b", "urn:a:c"), null),
                        null, null)).violations().get(0).path());
    }

    @Test
    void writesTheMessageInSchemaOrderWithUuidsAndUrnsInTheirElements() {
        UUID id = UUID.fromString("5d7e9b0a-1c3f-4e2b-9a8d-7f6e5d4c3b2a");
        EventMessage m = EventMessage.builder().messageId(id).messageType("urn:oio:beskedtype:test")
                .relatedObject(RelatedObject.of("urn:oio:cpr-nr:0101901234", "urn:oio:objekttype:person"))
                .delivery(DeliveryInfo.createdAt(EventTime.of(java.time.Instant.parse("2024-01-02T03:04:05Z"))))
                .payload(EventPayload.ofBase64("<a/>".getBytes(StandardCharsets.UTF_8))).build();
        String xml = new String(m.toXml(), StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><besked:Haendelsesbesked"), xml);
        assertTrue(xml.contains("<besked:BeskedId><sd:UUIDIdentifikator>" + id + "</sd:UUIDIdentifikator></besked:BeskedId>"
                + "<besked:BeskedVersion>1.0</besked:BeskedVersion><besked:Beskedkuvert><besked:Filtreringsdata><besked:Beskedtype>"
                + "<sd:URNIdentifikator>urn:oio:beskedtype:test</sd:URNIdentifikator>"), xml);
        assertTrue(xml.contains("<besked:Dannelsestidspunkt><sd:TidsstempelDatoTid>2024-01-02T03:04:05Z</sd:TidsstempelDatoTid>"), xml);
        assertTrue(xml.contains("<besked:Beskeddata><Base64 xmlns=\"urn:besked:kuvert:1.0\">PGEvPg==</Base64></besked:Beskeddata>"), xml);
        String push = new String(m.toModtagBeskedInput(), StandardCharsets.UTF_8);
        assertTrue(push.contains("<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\"><besked:Haendelsesbesked"), push);
        assertEquals(id.toString(), EventMessage.parse(push.getBytes(StandardCharsets.UTF_8)).messageId());
    }
}
