package dk.rammearkitektur.clients.stoettesystemer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.DomWriter;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.stoettesystemer.FunctionRecord;
import dk.rammearkitektur.clients.stoettesystemer.UnitRecord;
import dk.rammearkitektur.clients.stoettesystemer.UserRecord;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@link OrgObjectMessages}: what it writes reads back as written through the SDK's serializer and the hardened
 * parser (keys and names with markup characters, quotes, carriage returns, tabs, Danish letters, surrogate pairs,
 * edge spaces) and validates against the client's own contract subset; replies written with such values map to
 * records holding exactly them; and any reply, well-formed or not, becomes a result or a typed exception.
 */
class OrgObjectMessagesPropertyTest {
    private static final ServiceCall CALL = ServiceCall.read("SF1500", "list", "c");
    private static final String SD = LoraReplies.SD;
    private static final String OWN = "/dk/rammearkitektur/clients/stoettesystemer/organisation/";

    /** Serializes a document the way the SDK sends it and parses it back with SecureXml. */
    private static Element roundTrip(Document doc) {
        byte[] bytes = DomWriter.toBytes(doc);
        return SecureXml.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    }

    /** A document with a {@code Body} wrapper element the writers add their element to. */
    private static Element body() {
        Document doc = Dom.newDocument();
        Element body = doc.createElementNS("urn:test", "t:Body");
        doc.appendChild(body);
        return body;
    }

    private static Schema own(OrgObjectKind kind) {
        String file = switch (kind) {
            case BRUGER -> "Bruger_6.xsd";
            case ORGANISATION_ENHED -> "OrganisationEnhed_6.xsd";
            case ORGANISATION_FUNKTION -> "OrganisationFunktion_6.xsd";
        };
        URL url = OrgObjectMessagesPropertyTest.class.getResource(OWN + file);
        try {
            return SecureXml.schemaFactory("file,jar").newSchema(new StreamSource(url.toExternalForm()));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 300)
    void soegKeepsKeyNameRelationsAndPagingThroughTheWire(@ForAll("kinds") OrgObjectKind kind,
            @ForAll("keys") String key, @ForAll("names") String name, @ForAll("offsets") int first,
            @ForAll("sizes") int max) throws Exception {
        Map<String, UUID> relations = new LinkedHashMap<>();
        for (String r : kind.relations()) {
            relations.put(r, UUID.randomUUID());
        }
        Element body = body();
        OrgObjectMessages.soeg(body, kind, key, name, relations, first, max);
        Element in = (Element) roundTrip(body.getOwnerDocument()).getFirstChild();
        own(kind).newValidator().validate(new DOMSource(in));
        assertEquals(Integer.toString(first), Dom.child(in, SD, "FoersteResultatReference").getTextContent());
        assertEquals(Integer.toString(max), Dom.child(in, SD, "MaksimalAntalKvantitet").getTextContent());
        Element egenskab = Dom.child(Dom.child(in, kind.namespace(), "AttributListe"), kind.namespace(), "Egenskab");
        assertEquals(key, Dom.child(egenskab, SD, "BrugervendtNoegleTekst").getTextContent());
        assertEquals(name, Dom.child(egenskab, SD, kind.nameElement()).getTextContent());
        List<String> written = new ArrayList<>();
        for (Element r : Dom.children(Dom.child(in, kind.namespace(), "RelationListe"))) {
            written.add(r.getLocalName());
            assertEquals(relations.get(r.getLocalName()).toString(),
                    Dom.childText(Dom.child(r, SD, "ReferenceID"), SD, "UUIDIdentifikator"));
        }
        assertEquals(kind.relations(), written, "every relation once, in the published order");
    }

    @Test
    void soegWithoutCriteriaHasEmptyListsAndAnUnknownRelationIsRefused() throws Exception {
        for (OrgObjectKind kind : OrgObjectKind.values()) {
            Element body = body();
            OrgObjectMessages.soeg(body, kind, null, null, Map.of(), 0, 5);
            Element in = (Element) roundTrip(body.getOwnerDocument()).getFirstChild();
            own(kind).newValidator().validate(new DOMSource(in));
            assertEquals(List.of(), Dom.children(Dom.child(in, kind.namespace(), "AttributListe")));
            assertEquals(List.of(), Dom.children(Dom.child(in, kind.namespace(), "RelationListe")));
        }
        assertThrows(IllegalArgumentException.class, () -> OrgObjectMessages.soeg(body(), OrgObjectKind.BRUGER,
                null, null, Map.of("Overordnet", UUID.randomUUID()), 0, 5));
    }

    @Property(tries = 300)
    void repliesWithOddValuesMapToExactlyThoseValues(@ForAll("kinds") OrgObjectKind kind, @ForAll("keys") String key,
            @ForAll("names") String name, @ForAll("instants") Instant from, @ForAll boolean bounded) throws Exception {
        UUID uuid = UUID.randomUUID();
        Map<String, List<UUID>> relations = new LinkedHashMap<>();
        for (String r : kind.relations()) {
            relations.put(r, List.of(UUID.randomUUID()));
        }
        Instant to = bounded ? from.plusSeconds(3600) : null;
        Element body = body();
        Element out = output(body, kind, "ListOutput", "20");
        snapshot(out, kind, uuid, key, name, relations, from, to);
        Element reply = roundTrip(body.getOwnerDocument());
        Element listOutput = (Element) reply.getFirstChild();
        own(kind).newValidator().validate(new DOMSource(listOutput));
        List<OrgObjectMessages.ObjectSnapshot> read = OrgObjectMessages.readList(kind, listOutput, CALL);
        OrgObjectMessages.ObjectSnapshot expected = new OrgObjectMessages.ObjectSnapshot(uuid, key, name, relations,
                true, from, to);
        assertEquals(List.of(expected), read);
        Object record = switch (kind) {
            case BRUGER -> OrgObjectMessages.user(read.get(0));
            case ORGANISATION_ENHED -> OrgObjectMessages.unit(read.get(0));
            case ORGANISATION_FUNKTION -> OrgObjectMessages.function(read.get(0));
        };
        Object wanted = switch (kind) {
            case BRUGER -> new UserRecord(uuid, key, name, relations.get("Tilhoerer").get(0),
                    relations.get("TilknyttedeEnheder"), relations.get("TilknyttedeFunktioner"), true, from, to);
            case ORGANISATION_ENHED -> new UnitRecord(uuid, key, name, relations.get("Overordnet").get(0),
                    relations.get("Tilhoerer").get(0), relations.get("Enhedstype").get(0), true, from, to);
            case ORGANISATION_FUNKTION -> new FunctionRecord(uuid, key, name, relations.get("Funktionstype").get(0),
                    relations.get("TilknyttedeEnheder"), relations.get("TilknyttedeBrugere"), true, from, to);
        };
        assertEquals(wanted, record);
    }

    @Property(tries = 300)
    void anyBytesGiveAResultOrATypedException(@ForAll byte[] bytes, @ForAll("kinds") OrgObjectKind kind) {
        readAll(kind, bytes);
    }

    @Property(tries = 500)
    void mutatedRepliesGiveAResultOrATypedException(@ForAll("kinds") OrgObjectKind kind,
            @ForAll("cuts") int at, @ForAll("cuts") int length, @ForAll("names") String name) {
        Element body = body();
        Element out = output(body, kind, "ListOutput", "20");
        Map<String, List<UUID>> relations = new LinkedHashMap<>();
        kind.relations().forEach(r -> relations.put(r, List.of(UUID.randomUUID(), UUID.randomUUID())));
        snapshot(out, kind, UUID.randomUUID(), "k", name, relations, Instant.EPOCH, null);
        String xml = new String(DomWriter.toBytes(body.getOwnerDocument()), StandardCharsets.UTF_8);
        int a = Math.min(at, xml.length());
        readAll(kind, (xml.substring(0, a) + xml.substring(Math.min(xml.length(), a + length)))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code bytes} as each of the three replies; only typed outcomes are allowed. */
    private static void readAll(OrgObjectKind kind, byte[] bytes) {
        Element e;
        try {
            e = SecureXml.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (RammearkitekturException typed) {
            return;
        }
        List<Element> candidates = new ArrayList<>(Dom.children(e));
        candidates.add(e);
        for (Element c : candidates) {
            for (int i = 0; i < 3; i++) {
                try {
                    switch (i) {
                        case 0 -> OrgObjectMessages.readSoeg(kind, c, CALL);
                        case 1 -> OrgObjectMessages.readLaes(kind, c, CALL);
                        default -> OrgObjectMessages.readList(kind, c, CALL);
                    }
                } catch (ReplyShapeException | ServiceFaultException typed) {
                    // typed: the executor turns ReplyShapeException into MalformedReplyException for the call
                }
            }
        }
    }

    @Test
    void statusOtherThan20IsAFaultWithCodeAndText() {
        Element body = body();
        Element out = output(body, OrgObjectKind.BRUGER, "SoegOutput", "44");
        Dom.add(Dom.child(out, SD, "StandardRetur"), SD, "sd:FejlbeskedTekst", "ikke fundet");
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> OrgObjectMessages.readSoeg(OrgObjectKind.BRUGER, out, CALL));
        assertEquals("44", e.faultCode());
        assertEquals("ikke fundet", e.faultText());
    }

    @Test
    void snapshotsWithoutRegistrationAreLeftOutAndOtherReplyElementsAreShapeErrors() {
        Element body = body();
        Element out = output(body, OrgObjectKind.ORGANISATION_ENHED, "LaesOutput", "20");
        Element snap = Dom.add(out, OrgObjectKind.ORGANISATION_ENHED.namespace(), "orgenhed:FiltreretOejebliksbillede",
                null);
        Dom.add(Dom.add(snap, OrgObjectKind.ORGANISATION_ENHED.namespace(), "orgenhed:ObjektType", null), SD,
                "sd:UUIDIdentifikator", UUID.randomUUID().toString());
        assertNull(OrgObjectMessages.readLaes(OrgObjectKind.ORGANISATION_ENHED, out, CALL));
        assertThrows(ReplyShapeException.class, () -> OrgObjectMessages.readLaes(OrgObjectKind.BRUGER, out, CALL),
                "a OrganisationEnhed reply is no Bruger reply");
        assertThrows(ReplyShapeException.class,
                () -> OrgObjectMessages.readList(OrgObjectKind.ORGANISATION_ENHED, out, CALL));
    }

    private static Element output(Element body, OrgObjectKind kind, String local, String status) {
        Element out = Dom.add(body, kind.namespace(), kind.prefix() + ":" + local, null);
        Dom.add(Dom.add(out, SD, "sd:StandardRetur", null), SD, "sd:StatusKode", status);
        return out;
    }

    /** One FiltreretOejebliksbillede in the published shape, written with the test's own DOM calls. */
    private static void snapshot(Element out, OrgObjectKind kind, UUID uuid, String key, String name,
            Map<String, List<UUID>> relations, Instant from, Instant to) {
        String ns = kind.namespace();
        String p = kind.prefix() + ":";
        Element snap = Dom.add(out, ns, p + "FiltreretOejebliksbillede", null);
        Dom.add(Dom.add(snap, ns, p + "ObjektType", null), SD, "sd:UUIDIdentifikator", uuid.toString());
        Element reg = Dom.add(snap, ns, p + "Registrering", null);
        Dom.add(reg, SD, "sd:LivscyklusKode", "Importeret");
        Element egenskab = Dom.add(Dom.add(reg, ns, p + "AttributListe", null), ns, p + "Egenskab", null);
        Dom.add(egenskab, SD, "sd:BrugervendtNoegleTekst", key);
        Dom.add(egenskab, SD, "sd:" + kind.nameElement(), name);
        Element inactive = Dom.add(Dom.add(reg, ns, p + "TilstandListe", null), OrgObjectMessages.FAELLES,
                "orgfaelles:Gyldighed", null);
        Dom.add(inactive, OrgObjectMessages.FAELLES, "orgfaelles:GyldighedStatusKode", "Inaktiv");
        Element gyldighed = Dom.add((Element) inactive.getParentNode(), OrgObjectMessages.FAELLES,
                "orgfaelles:Gyldighed", null);
        Element virkning = Dom.add(gyldighed, SD, "sd:Virkning", null);
        Dom.add(Dom.add(virkning, SD, "sd:FraTidspunkt", null), SD, "sd:TidsstempelDatoTid", from.toString());
        Element end = Dom.add(virkning, SD, "sd:TilTidspunkt", null);
        if (to == null) {
            Dom.add(end, SD, "sd:GraenseIndikator", "true");
        } else {
            Dom.add(end, SD, "sd:TidsstempelDatoTid", to.toString());
        }
        Dom.add(gyldighed, OrgObjectMessages.FAELLES, "orgfaelles:GyldighedStatusKode", "Aktiv");
        Element list = Dom.add(reg, ns, p + "RelationListe", null);
        for (Map.Entry<String, List<UUID>> r : relations.entrySet()) {
            for (UUID target : r.getValue()) {
                Element rel = Dom.add(list, SD, "sd:" + r.getKey(), null);
                Dom.add(Dom.add(rel, SD, "sd:ReferenceID", null), SD, "sd:UUIDIdentifikator", target.toString());
            }
        }
    }

    @Provide
    Arbitrary<OrgObjectKind> kinds() {
        return Arbitraries.of(OrgObjectKind.class);
    }

    /** Any text XML 1.0 carries: markup characters, quotes, CR, tab, Danish letters, a surrogate pair, spaces. */
    private static Arbitrary<String> odd(int max) {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '\uD7FF')
                .withChars('\t', '\n', '\r', '<', '>', '&', '"', '\'', 'æ', 'ø', 'å', 'Å', '\uE000', '\uFFFD')
                .ofMinLength(1).ofMaxLength(max - 2);
        return Combinators.combine(plain, Arbitraries.of("", " ", "\uD83D\uDE00", "]]>", "&amp;"))
                .as((s, extra) -> (s + extra).length() > max ? s : s + extra).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> keys() {
        return odd(50);
    }

    @Provide
    Arbitrary<String> names() {
        return odd(200);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(1, 501);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 3000);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
    }
}
