package dk.rammearkitektur.clients.common.events;

import static dk.rammearkitektur.clients.common.events.Samples.CPR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventMessageParseTest {
    private static final String FILTER = "Haendelsesbesked.Beskedkuvert.Filtreringsdata";
    private static final String DELIVERY = "Haendelsesbesked.Beskedkuvert.Leveranceinformation";

    @Test
    void readsEveryPartOfAKombitLikeMessage() {
        EventMessage m = EventMessage.parse(Samples.kombitLike());
        assertEquals(Samples.MESSAGE_ID.toLowerCase(), m.messageId());
        assertEquals("1.0", m.version());
        EventFilter f = m.filter();
        assertEquals(Samples.MESSAGE_TYPE.toLowerCase(), f.messageType());
        assertEquals(UUID.fromString("8a5b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"), f.responsibleActor());
        assertEquals(List.of("urn:oio:cvr-nr:29189846"), f.allowedRecipients());
        assertEquals(List.of(new RelatedObject("urn:oio:cpr-nr:" + CPR, "urn:oio:objekttype:person", "urn:oio:objektrolle:part")),
                f.relatedObjects());
        assertEquals(List.of(new ObjectRegistration("1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"), EventTime.of(OffsetDateTime.parse("2017-02-15T12:00+01:00")),
                "urn:oio:cvr-nr:29189846", "urn:oio:cpr-nr:" + CPR, "urn:oio:objekttype:person", "urn:oio:objekthandling:opret",
                "urn:oio:kle:27.24.00")), f.objectRegistrations());
        assertEquals(List.of("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a"), f.crossProcesses());
        DeliveryInfo d = m.delivery();
        assertEquals(EventTime.of(OffsetDateTime.parse("2017-02-15T12:00:01Z")), d.createdAt());
        assertEquals("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b", d.transactionId());
        assertEquals(UUID.fromString("5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b9c"), d.sourceSystem());
        assertEquals("10.0.0.1", d.sourceIpAddress());
        assertEquals("urn:oio:sikkerhedsklassificering:fortrolig", d.securityClassification());
        assertEquals(List.of(new DeliveryRoute("urn:oio:fordelingssystem:beskedfordeler",
                EventTime.of(OffsetDateTime.parse("2017-02-15T12:00:02+01:00")), null, null, null, 2)), d.routes());
        assertEquals(new RecipientAction("urn:oio:handling:orientering", null), m.recipientAction());
        assertEquals(EventTime.of(OffsetDateTime.parse("2017-02-15T00:00+01:00")), m.validFrom());
        assertEquals(EventTime.boundary(true), m.validTo());
        assertEquals(1, m.payloads().size());
    }

    @Test
    void decodesTheBase64PayloadAndNamesItsRoot() {
        EventPayload p = EventMessage.parse(Samples.kombitLike()).payloads().get(0);
        assertEquals("Base64", p.rootName());
        assertEquals(EventPayload.BASE64_NAMESPACE, p.rootNamespace());
        assertEquals(Samples.PERSON_XML, new String(p.base64Content().orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("Base64", p.document().getDocumentElement().getLocalName());
    }

    @Test
    void keepsAnInlinePayloadWithTheNamespacesItNeeds() {
        EventMessage m = EventMessage.parse(Samples.bytes(Samples.replacing(
                "<Beskeddata><Base64", "<Beskeddata xmlns:p=\"urn:test:p\"><p:Status><p:Kode>20</p:Kode></p:Status><Base64")));
        EventPayload p = m.payloads().get(0);
        assertEquals("urn:test:p", p.rootNamespace());
        assertEquals("Status", p.rootName());
        assertEquals("20", p.document().getDocumentElement().getTextContent());
        assertTrue(p.base64Content().isPresent(), "the second element is still there");
        assertTrue(new String(p.documentBytes(), StandardCharsets.UTF_8).contains("xmlns:p=\"urn:test:p\""));
    }

    @Test
    void readsTheWrappersAsTheBareMessage() {
        EventMessage bare = EventMessage.parse(Samples.kombitLike());
        String inner = Samples.KOMBIT_LIKE.substring(Samples.KOMBIT_LIKE.indexOf("<Haendelsesbesked"));
        for (String wrapper : List.of("<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\">%s</sts:ModtagBeskedInput>",
                "<b:AfsendBeskedInput xmlns:b=\"urn:oio:sts:beskedfordeler:1.0.0\">%s</b:AfsendBeskedInput>")) {
            assertEquals(bare, EventMessage.parse(Samples.bytes(wrapper.formatted(inner))), wrapper);
        }
        assertEquals(bare, EventMessage.parse(bare.toModtagBeskedInput()));
    }

    @Test
    void readsFromAStream() {
        InputStream in = new ByteArrayInputStream(Samples.kombitLike());
        assertEquals(EventMessage.parse(Samples.kombitLike()), EventMessage.parse(in));
    }

    @Test
    void uuidsAreReadInEitherCaseAndKeptInLowerCase() {
        EventMessage upper = EventMessage.parse(Samples.kombitLike());
        EventMessage lower = EventMessage.parse(Samples.bytes(Samples.KOMBIT_LIKE.replace(Samples.MESSAGE_ID,
                Samples.MESSAGE_ID.toLowerCase()).replace(Samples.MESSAGE_TYPE, Samples.MESSAGE_TYPE.toLowerCase())));
        assertEquals(upper, lower);
        assertEquals(Samples.MESSAGE_ID.toLowerCase(), upper.messageId());
    }

    @Test
    void aUrnMessageIdIsKeptAsGiven() {
        EventMessage m = EventMessage.parse(Samples.bytes(Samples.replacing(
                "<sd:UUIDIdentifikator>" + Samples.MESSAGE_ID + "</sd:UUIDIdentifikator>",
                "<sd:URNIdentifikator>urn:Test:Besked-1</sd:URNIdentifikator>")));
        assertEquals("urn:Test:Besked-1", m.messageId());
    }

    static Stream<Arguments> brokenMessages() {
        return Stream.of(
                Arguments.of(Samples.without("<BeskedId>"), "Haendelsesbesked.BeskedId", "is required"),
                Arguments.of(Samples.without("<BeskedVersion>"), "Haendelsesbesked.BeskedVersion", "is required"),
                Arguments.of(Samples.replacing("<BeskedVersion>1.0<", "<BeskedVersion> <"), "Haendelsesbesked.BeskedVersion",
                        "must not be blank"),
                Arguments.of(Samples.KOMBIT_LIKE.replaceAll("(?s)<Beskedkuvert>.*</Beskedkuvert>\n", ""),
                        "Haendelsesbesked.Beskedkuvert", "is required"),
                Arguments.of(Samples.KOMBIT_LIKE.replaceAll("(?s)<Filtreringsdata>.*</Filtreringsdata>\n", ""),
                        FILTER, "is required"),
                Arguments.of(Samples.without("<Beskedtype>"), FILTER + ".Beskedtype", "is required"),
                Arguments.of(Samples.KOMBIT_LIKE.replaceAll("(?s)<Leveranceinformation>.*</Leveranceinformation>\n", ""),
                        DELIVERY, "is required"),
                Arguments.of(Samples.without("<ObjektId><sd:URNIdentifikator>urn:oio:cpr"), FILTER + ".RelateretObjekt[0].ObjektId",
                        "is required"),
                Arguments.of(Samples.without("<ObjektType>"), FILTER + ".RelateretObjekt[0].ObjektType", "is required"),
                Arguments.of(Samples.replacing("<BeskedAnsvarligAktoer><sd:UUIDIdentifikator>8A5B1C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D</sd:UUIDIdentifikator>",
                        "<BeskedAnsvarligAktoer>"), FILTER + ".BeskedAnsvarligAktoer.UUIDIdentifikator", "is required"),
                Arguments.of(Samples.replacing("<sd:UUIDIdentifikator>" + Samples.MESSAGE_TYPE + "</sd:UUIDIdentifikator>", ""),
                        FILTER + ".Beskedtype", "must hold a UUIDIdentifikator or a URNIdentifikator"),
                Arguments.of(Samples.replacing(Samples.MESSAGE_TYPE, "not-a-uuid"), FILTER + ".Beskedtype.UUIDIdentifikator",
                        "must be a UUID"),
                Arguments.of(Samples.replacing("urn:oio:cvr-nr:29189846", "cvr 29189846"), FILTER + ".TilladtModtager[0].URNIdentifikator",
                        "must be a URN (urn:NID:NSS)"),
                Arguments.of(Samples.replacing("2017-02-15T12:00:01Z", "yesterday"),
                        DELIVERY + ".Dannelsestidspunkt.TidsstempelDatoTid", "must be an xs:dateTime"),
                Arguments.of(Samples.replacing("<sd:GraenseIndikator>true", "<sd:GraenseIndikator>maybe"),
                        "Haendelsesbesked.Beskedkuvert.GyldighedTil.GraenseIndikator", "must be true or false"),
                Arguments.of(Samples.replacing("<AntalLeveranceforsoeg>2", "<AntalLeveranceforsoeg>-1"),
                        DELIVERY + ".Leveranceruter.Leverancerute[0].LeveranceruteLokalUdvidelse.AntalLeveranceforsoeg",
                        "must not be negative"),
                Arguments.of(Samples.replacing("</Beskeddata>", "</Beskeddata><Ekstra/>"),
                        "Haendelsesbesked.Ekstra", "is not allowed here"),
                Arguments.of(Samples.replacing("<BeskedVersion>1.0</BeskedVersion>",
                        "<BeskedVersion xmlns=\"urn:other\">1.0</BeskedVersion>"), "Haendelsesbesked.BeskedVersion",
                        "must be in the namespace urn:oio:besked:kuvert:1.0"),
                Arguments.of(Samples.replacing("<BeskedVersion>1.0</BeskedVersion>", "<BeskedVersion>1.<b/>0</BeskedVersion>"),
                        "Haendelsesbesked.BeskedVersion", "must hold text only"),
                Arguments.of(Samples.replacing("<Beskedkuvert>", "<Beskedkuvert>text"), "Haendelsesbesked.Beskedkuvert",
                        "must hold elements only, no text"),
                Arguments.of(Samples.replacing("urn:oio:besked:kuvert:1.0\" xmlns:sd", "urn:oio:besked:kuvert:2.0\" xmlns:sd"),
                        "Haendelsesbesked", "must be the document element, or inside ModtagBeskedInput (urn:oio:sts:1.0.0) "
                                + "or AfsendBeskedInput (urn:oio:sts:beskedfordeler:1.0.0)"),
                Arguments.of("<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\"/>", "ModtagBeskedInput.Haendelsesbesked",
                        "is required"),
                Arguments.of("<Haendelsesbesked", "Haendelsesbesked", "must be well-formed XML without a DOCTYPE"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("brokenMessages")
    void refusesABrokenMessageNamingThePathAndTheRule(String xml, String path, String rule) {
        ValidationException e = assertThrows(ValidationException.class, () -> EventMessage.parse(Samples.bytes(xml)));
        assertEquals(List.of(Violation.of(path, rule)), e.violations());
        assertTrue(e.getMessage().contains(path + ": " + rule), e.getMessage());
    }

    @Test
    void refusesADoctypeAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Haendelsesbesked [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + Samples.KOMBIT_LIKE.substring(Samples.KOMBIT_LIKE.indexOf("<Haendelsesbesked")).replace("10.0.0.1", "&x;");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]><a>&b;</a>";
        for (String xml : List.of(xxe, bomb)) {
            ValidationException e = assertThrows(ValidationException.class, () -> EventMessage.parse(Samples.bytes(xml)));
            assertEquals("Haendelsesbesked", e.violations().get(0).path());
            assertTrue(e.getCause() instanceof dk.rammearkitektur.core.XmlSecurityException, String.valueOf(e.getCause()));
            assertFalse(e.getMessage().contains("root:"), e.getMessage());
        }
    }

    @Test
    void refusesADocumentOverTheSizeLimit() {
        byte[] big = new byte[EventMessage.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        ValidationException e = assertThrows(ValidationException.class, () -> EventMessage.parse(new ByteArrayInputStream(big)));
        assertEquals(List.of(Violation.of("Haendelsesbesked", "must not exceed " + EventMessage.MAX_BYTES + " bytes")),
                e.violations());
    }

    @Test
    void aDateTimeWithoutOffsetIsDanishTime() {
        EventMessage m = EventMessage.parse(Samples.bytes(Samples.replacing("2017-02-15T12:00:01Z", "2017-07-01T12:00:00")));
        assertEquals(OffsetDateTime.parse("2017-07-01T12:00+02:00"), m.delivery().createdAt().dateTime());
    }

    @Test
    void cprNumbersAreMaskedInToStringAndInMessages() {
        EventMessage m = EventMessage.parse(Samples.kombitLike());
        for (Object o : List.of(m, m.filter(), m.filter().relatedObjects().get(0), m.filter().objectRegistrations().get(0))) {
            assertFalse(o.toString().contains(CPR), o.toString());
            assertTrue(o.toString().contains("010190-****"), o.toString());
        }
        String cprUrn = "urn:oio:cpr-nr:" + CPR;
        for (Object o : List.of(new DeliveryRoute(cprUrn, null, null, null, cprUrn, 1), new RecipientAction(cprUrn, null),
                new DeliveryInfo(null, cprUrn, null, CPR, null, null), EventPayload.of("<a xmlns=\"urn:x:" + CPR + "\"/>"))) {
            assertFalse(o.toString().contains(CPR), o.toString());
            assertTrue(o.toString().contains("010190-****"), o.toString());
        }
        assertFalse(m.payloads().get(0).toString().contains("Jens"), m.payloads().get(0).toString());
        ValidationException e = assertThrows(ValidationException.class,
                () -> EventMessage.parse(Samples.bytes(Samples.replacing("urn:oio:cpr-nr:0101901234", "cpr:" + CPR))));
        assertFalse(e.getMessage().contains(CPR), e.getMessage());
        ValidationException bare = assertThrows(ValidationException.class,
                () -> EventMessage.parse(Samples.bytes("<x>" + CPR + "<x>")));
        assertFalse(bare.getMessage().contains(CPR), bare.getMessage());
    }

    @Test
    void aPayloadIsRefusedWhenItIsNotElementsOrNotBase64() {
        assertEquals("Beskeddata", assertThrows(ValidationException.class, () -> EventPayload.of("text"))
                .violations().get(0).path());
        assertEquals("Beskeddata", assertThrows(ValidationException.class, () -> EventPayload.of("<a>"))
                .violations().get(0).path());
        assertThrows(ValidationException.class, () -> EventPayload.of("<!DOCTYPE a><a/>"));
        assertEquals("Beskeddata.Base64", assertThrows(ValidationException.class,
                () -> EventPayload.of("<Base64>éé</Base64>").base64Content()).violations().get(0).path());
        EventPayload empty = EventPayload.of("");
        assertTrue(empty.isEmpty());
        assertEquals("", empty.rootName());
        assertTrue(empty.base64Content().isEmpty());
        assertThrows(ValidationException.class, empty::document);
        assertArrayEquals(new byte[] {1, 2, 3}, EventPayload.ofBase64(new byte[] {1, 2, 3}).base64Content().orElseThrow());
        assertNull(EventMessage.parse(Samples.kombitLike()).delivery().routes().get(0).deliveredAt());
    }
}
