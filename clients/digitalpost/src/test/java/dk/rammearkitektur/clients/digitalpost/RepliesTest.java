package dk.rammearkitektur.clients.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlSecurityException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepliesTest {
    static final UUID MESSAGE = UUID.fromString("8c2b0c8e-2f8e-4c5a-9d3b-3f1f8a7e2b10");

    static InputStream xml(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptedReceiptWithTransmissionIdAndAdvice() {
        SendReceipt r = SendReceipt.parse(xml("<kombi_response><Result>true</Result><TransmissionID>t-42</TransmissionID>"
                + "<HovedoplysningerSvarREST><SvarReaktion><Advis><AdvisId>1</AdvisId><AdvisTekst>Modtaget</AdvisTekst></Advis>"
                + "<Advis><AdvisTekst>OK</AdvisTekst></Advis></SvarReaktion></HovedoplysningerSvarREST></kombi_response>"));
        assertTrue(r.accepted());
        assertEquals("t-42", r.transmissionId());
        assertEquals(List.of(new SendReceipt.Advice("1", "Modtaget"), new SendReceipt.Advice(null, "OK")), r.advices());
        assertNull(r.errorCode());
        assertNull(r.errorText());
    }

    @Test
    void printedLetterMayBeAcceptedWithoutTransmissionId() {
        SendReceipt r = SendReceipt.parse(xml("<kombi_response><Result>true</Result><TransmissionID/></kombi_response>"));
        assertTrue(r.accepted());
        assertTrue(r.transmission().isEmpty());
    }

    @Test
    void refusedReceiptCarriesTheErrorInAnyNamespace() {
        SendReceipt r = SendReceipt.parse(xml("<kombi_response xmlns:x=\"urn:x\"><x:Result>false</x:Result>"
                + "<x:Fejl><x:FejlKode>4001</x:FejlKode><x:FejlTekst>Ugyldig MeMo</x:FejlTekst></x:Fejl></kombi_response>"));
        assertFalse(r.accepted());
        assertEquals("4001", r.errorCode());
        assertEquals("Ugyldig MeMo", r.errorText());
        SendReceipt advisOnly = SendReceipt.parse(xml("<kombi_response><Result>false</Result><FejlId>e1</FejlId>"
                + "<Advis><AdvisTekst>Modtager fritaget</AdvisTekst></Advis></kombi_response>"));
        assertEquals("e1", advisOnly.errorCode());
        assertEquals("Modtager fritaget", advisOnly.errorText());
    }

    @Test
    void unreadableRepliesAreParseErrors() {
        XmlParseException noResult = assertThrows(XmlParseException.class,
                () -> SendReceipt.parse(xml("<kombi_response><TransmissionID>t</TransmissionID></kombi_response>")));
        assertTrue(noResult.getMessage().contains("no Result"));
        assertThrows(XmlParseException.class, () -> SendReceipt.parse(xml("<html><body>Bad gateway</body></htm>")));
        assertThrows(XmlSecurityException.class, () -> SendReceipt.parse(xml("<!DOCTYPE x><kombi_response/>")));
    }

    static String status(String text, String time) {
        return "<ns:PKO_PostStatus xmlns:ns=\"http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types\">"
                + "<ns:TransmissionId>t-42</ns:TransmissionId><ns:MessageUUID>" + MESSAGE + "</ns:MessageUUID>"
                + "<ns:MessageId>ESDH-1</ns:MessageId><ns:KanalKode>Digital Post</ns:KanalKode>"
                + "<ns:TransaktionsDatoTid>" + time + "</ns:TransaktionsDatoTid>"
                + "<ns:TransaktionsStatusKode>" + text + "</ns:TransaktionsStatusKode><ns:CorrelationId>c-1</ns:CorrelationId>"
                + "<ns:NytFelt><ns:Under>ignored</ns:Under></ns:NytFelt></ns:PKO_PostStatus>";
    }

    @Test
    void parsesDeliveryStatuses() {
        DeliveryStatus d = DeliveryStatus.parse(xml(status("Afleveret Digital Post", "2025-03-03T10:15:30Z")));
        assertEquals(DeliveryStatus.Kind.DELIVERED, d.kind());
        assertEquals("Digital Post", d.channel());
        assertEquals("t-42", d.transmissionId());
        assertEquals(MESSAGE, d.messageUuid());
        assertEquals("ESDH-1", d.messageId());
        assertEquals(Instant.parse("2025-03-03T10:15:30Z"), d.time());
        assertEquals("c-1", d.correlationId());
        assertEquals(DeliveryStatus.Kind.RECEIVED, DeliveryStatus.parse(xml(status("modtaget digital post", "2025-03-03T11:15:30+01:00"))).kind());
        assertEquals(Instant.parse("2025-03-03T10:15:30Z"),
                DeliveryStatus.parse(xml(status("Modtaget Digital Post", "2025-03-03T11:15:30"))).time(), "local time is Danish time");
        DeliveryStatus failed = DeliveryStatus.parse(xml(status("Fejlet", "2025-03-03T10:15:30Z")
                .replace("<ns:CorrelationId>", "<ns:FejlDetaljer><ns:FejlKode>17</ns:FejlKode><ns:FejlTekst>Ukendt modtager</ns:FejlTekst>"
                        + "</ns:FejlDetaljer><ns:CorrelationId>")));
        assertEquals(DeliveryStatus.Kind.FAILED, failed.kind());
        assertEquals("17", failed.errorCode());
        assertEquals("Ukendt modtager", failed.errorText());
        assertEquals(DeliveryStatus.Kind.IN_PROGRESS, DeliveryStatus.Kind.of("Afsendt"));
    }

    @Test
    void onlySourcedTextsAreClassifiedAndUnknownTextsAreNeverDelivered() {
        assertEquals(DeliveryStatus.Kind.IN_PROGRESS, DeliveryStatus.Kind.of("Afleveret til print og kuvertering"),
                "handed to print is not delivered");
        assertEquals(DeliveryStatus.Kind.WITHDRAWN, DeliveryStatus.Kind.of(" tilbagekaldt "));
        assertEquals(DeliveryStatus.Kind.RECEIVED, DeliveryStatus.Kind.of("Modtaget"));
        assertEquals(DeliveryStatus.Kind.IN_PROGRESS, DeliveryStatus.Kind.of("Opdatering fra  Post Danmark"));
        for (String invented : new String[] {"Afleveret", "Afleveret NemSMS", "Afleveret Fysisk Post", "Modtaget NemSMS",
            "Leveret", "", null, "Fejl"}) {
            assertEquals(DeliveryStatus.Kind.UNKNOWN, DeliveryStatus.Kind.of(invented), String.valueOf(invented));
        }
        DeliveryStatus withDetails = DeliveryStatus.parse(xml(status("Afleveret Digital Post", "2025-03-03T10:15:30Z")
                .replace("<ns:CorrelationId>", "<ns:FejlDetaljer><ns:FejlTekst>Postkasse lukket</ns:FejlTekst></ns:FejlDetaljer>"
                        + "<ns:CorrelationId>")));
        assertEquals(DeliveryStatus.Kind.FAILED, withDetails.kind(), "failure details make a failure whatever the text");
        assertEquals("Postkasse lukket", withDetails.errorText());
    }

    @Test
    void printFieldsAndEventsAreRead() {
        String print = "<ps:PKO_PostStatus xmlns:ps=\"http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types\"><ps:AfsendelseIdentifikator>brev-1"
                + "</ps:AfsendelseIdentifikator><ps:ForsendelseIdentifikator>F-9</ps:ForsendelseIdentifikator>"
                + "<ps:BrugerNavn>sagsbehandler</ps:BrugerNavn><ps:EnhedTekst>Borgerservice</ps:EnhedTekst>"
                + "<ps:AfsenderSystemIdentifikator>ESDH</ps:AfsenderSystemIdentifikator>"
                + "<ps:ForsendelseTypeIdentifikator>12345</ps:ForsendelseTypeIdentifikator><ps:KanalKode>Fysisk Post</ps:KanalKode>"
                + "<ps:TransaktionsDatoTid>2025-03-04T08:00:00Z</ps:TransaktionsDatoTid>"
                + "<ps:TransaktionsStatusKode>Afleveret til print og kuvertering</ps:TransaktionsStatusKode>"
                + "<ps:ForsendelseHaendelseSamling><ps:ForsendelseHaendelse><ps:ForsendelseHaendelseTypeKode>Print"
                + "</ps:ForsendelseHaendelseTypeKode><ps:ForsendelseHaendelseDatoTid>2025-03-04T09:00:00</ps:ForsendelseHaendelseDatoTid>"
                + "<ps:ForsendelseHaendelseBeloeb>8.50</ps:ForsendelseHaendelseBeloeb></ps:ForsendelseHaendelse>"
                + "<ps:ForsendelseHaendelse><ps:ForsendelseHaendelseTypeKode>Porto</ps:ForsendelseHaendelseTypeKode>"
                + "</ps:ForsendelseHaendelse></ps:ForsendelseHaendelseSamling></ps:PKO_PostStatus>";
        DeliveryStatus d = DeliveryStatus.parse(xml(print));
        assertEquals(DeliveryStatus.Kind.IN_PROGRESS, d.kind());
        assertEquals("brev-1", d.shipmentId());
        assertEquals(Instant.parse("2025-03-04T08:00:00Z"), d.time(), "the event's time is not the status time");
        DeliveryStatus.PrintDetails p = d.print();
        assertEquals(new DeliveryStatus.PrintDetails("F-9", "sagsbehandler", "Borgerservice", "ESDH", "12345", List.of(
                new DeliveryStatus.PrintEvent("Print", Instant.parse("2025-03-04T08:00:00Z"), "8.50"),
                new DeliveryStatus.PrintEvent("Porto", null, null))), p);
        ValidationException badEvent = assertThrows(ValidationException.class, () -> DeliveryStatus.parse(xml(
                print.replace("2025-03-04T09:00:00<", "i morgen<"))));
        assertEquals("deliveryStatus.print.events[0].time", badEvent.violations().get(0).path());
        assertEquals(null, DeliveryStatus.parse(xml(status("Afleveret Digital Post", "2025-03-03T10:15:30Z"))).print());
    }

    @Test
    void badStatusesNameTheField() {
        ValidationException noStatus = assertThrows(ValidationException.class, () -> DeliveryStatus.parse(xml(
                status("", "2025-03-03T10:15:30Z"))));
        assertEquals("deliveryStatus.statusText", noStatus.violations().get(0).path());
        ValidationException badTime = assertThrows(ValidationException.class, () -> DeliveryStatus.parse(xml(status("Fejlet", "i går"))));
        assertEquals("deliveryStatus.time", badTime.violations().get(0).path());
        ValidationException root = assertThrows(ValidationException.class, () -> DeliveryStatus.parse(xml("<Status/>")));
        assertEquals("deliveryStatus", root.violations().get(0).path());
    }

    @Test
    void duplicatesAreKeptOnce() {
        DeliveryStatusLog log = new DeliveryStatusLog();
        DeliveryStatus received = DeliveryStatus.parse(xml(status("Modtaget Digital Post", "2025-03-03T10:00:00Z")));
        DeliveryStatus delivered = DeliveryStatus.parse(xml(status("Afleveret Digital Post", "2025-03-03T10:01:00Z")));
        assertTrue(log.record(received));
        assertTrue(log.record(delivered));
        assertFalse(log.record(DeliveryStatus.parse(xml(status("Modtaget Digital Post", "2025-03-03T10:00:00Z")))));
        assertFalse(log.record(DeliveryStatus.parse(xml(status("MODTAGET DIGITAL POST", "2025-03-03T10:00:00Z")))));
        assertEquals(2, log.size());
        assertEquals(List.of(received, delivered), log.forMessage(MESSAGE));
        assertEquals(delivered, log.current(MESSAGE).orElseThrow());
        assertTrue(log.record(DeliveryStatus.parse(xml(status("Modtaget Digital Post", "2025-03-03T12:00:00Z")))));
        assertEquals(delivered, log.current(MESSAGE).orElseThrow(), "a later 'received' does not undo 'delivered'");
        assertTrue(log.current(UUID.randomUUID()).isEmpty());
    }
}
