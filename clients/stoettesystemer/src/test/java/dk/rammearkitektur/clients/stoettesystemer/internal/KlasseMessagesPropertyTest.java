package dk.rammearkitektur.clients.stoettesystemer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The reply mapping of {@link KlasseMessages}: any reply, well-formed or not, becomes a typed result or one of the
 * typed exceptions (the XML parser's {@link RammearkitekturException}, {@link ReplyShapeException},
 * {@link ServiceFaultException}); never another exception. And a valid snapshot maps to what it says.
 */
class KlasseMessagesPropertyTest {
    private static final ServiceCall CALL = ServiceCall.read("SF1510", "list", "c");
    private static final String NS = "xmlns='http://stoettesystemerne.dk/klassifikation/klasse/7/' "
            + "xmlns:sd='urn:oio:sagdok:3.0.0'";

    static String snapshot(String uuid, String key, String title, String facet, String from, String published) {
        return "<FiltreretOejebliksbillede><ObjektID><sd:UUIDIdentifikator>" + uuid + "</sd:UUIDIdentifikator>"
                + "</ObjektID><Registrering><AttributListe><Egenskab><sd:BrugervendtNoegleTekst>" + key
                + "</sd:BrugervendtNoegleTekst><sd:TitelTekst>" + title + "</sd:TitelTekst></Egenskab></AttributListe>"
                + "<TilstandListe><PubliceretStatus><sd:Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>" + from
                + "</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true"
                + "</sd:GraenseIndikator></sd:TilTidspunkt></sd:Virkning><sd:ErPubliceretIndikator>" + published
                + "</sd:ErPubliceretIndikator></PubliceretStatus></TilstandListe><RelationListe><sd:Facet>"
                + "<sd:ReferenceID><sd:UUIDIdentifikator>" + facet + "</sd:UUIDIdentifikator></sd:ReferenceID>"
                + "</sd:Facet></RelationListe></Registrering></FiltreretOejebliksbillede>";
    }

    static String listOutput(String status, String snapshots) {
        return "<ListOutput " + NS + "><sd:StandardRetur><sd:StatusKode>" + status + "</sd:StatusKode>"
                + "<sd:FejlbeskedTekst>t</sd:FejlbeskedTekst></sd:StandardRetur>" + snapshots + "</ListOutput>";
    }

    private static Element parse(String xml) {
        return SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    /** Reads {@code bytes} as each of the three replies; only typed outcomes are allowed. */
    private static void readAll(byte[] bytes) {
        Element e;
        try {
            e = SecureXml.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (RammearkitekturException typed) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            try {
                switch (i) {
                    case 0 -> KlasseMessages.readSoeg(e, CALL);
                    case 1 -> KlasseMessages.readLaes(e, CALL);
                    default -> KlasseMessages.readList(e, CALL);
                }
            } catch (ReplyShapeException | ServiceFaultException typed) {
                // typed: the executor turns ReplyShapeException into MalformedReplyException for the call
            }
        }
    }

    @Property(tries = 300)
    void anyBytesGiveAResultOrATypedException(@ForAll byte[] bytes) {
        readAll(bytes);
    }

    @Property(tries = 500)
    void mutatedRepliesGiveAResultOrATypedException(@ForAll("mutatedReplies") String xml) {
        readAll(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void validSnapshotsMapToWhatTheySay(@ForAll("keys") String key, @ForAll("titles") String title,
            @ForAll("instants") Instant from) {
        UUID uuid = UUID.randomUUID();
        UUID facet = UUID.randomUUID();
        List<Classification> out = KlasseMessages.readList(parse(listOutput("20",
                snapshot(uuid.toString(), key, title, facet.toString(), from.toString(), "true"))), CALL);
        assertEquals(List.of(new Classification(uuid, key.trim(), title.trim(), facet, from, null)), out);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars("0123456789.ABCGK").ofMinLength(1).ofMaxLength(50)
                .filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().alpha().numeric().withChars(" æøåÆØÅ,-").ofMaxLength(300);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> mutatedReplies() {
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40)
                .map(s -> s.replace("<", "").replace("&", "")), Arbitraries.of(
                UUID.randomUUID().toString(), "2020-01-01T00:00:00Z", "2020-01-01T00:00:00", "true", "false", "", "20",
                "44", "x"));
        Arbitrary<String> snap = Combinators.combine(field, field, field, field, field, field)
                .as(KlasseMessagesPropertyTest::snapshot);
        Arbitrary<String> valid = Combinators.combine(field, snap.list().ofMaxSize(3))
                .as((status, snaps) -> listOutput(status, String.join("", snaps)));
        // drop a random slice of the text too, so elements go missing or nest wrongly
        return Combinators.combine(valid, Arbitraries.integers().between(0, 2000), Arbitraries.integers().between(0, 60))
                .as((xml, at, len) -> {
                    int a = Math.min(at, xml.length());
                    return xml.substring(0, a) + xml.substring(Math.min(xml.length(), a + len));
                });
    }

    @Test
    void statusOtherThan20IsAFaultWithCodeAndText() {
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> KlasseMessages.readList(parse(listOutput("44", "")), CALL));
        assertEquals("44", e.faultCode());
        assertEquals("t", e.faultText());
    }

    @Test
    void laesWithoutSnapshotIsNullAndWrongElementIsAShapeError() {
        assertNull(KlasseMessages.readLaes(parse("<LaesOutput " + NS + "><sd:StandardRetur><sd:StatusKode>20"
                + "</sd:StatusKode></sd:StandardRetur></LaesOutput>"), CALL));
        assertThrows(ReplyShapeException.class, () -> KlasseMessages.readSoeg(parse(listOutput("20", "")), CALL));
        assertThrows(ReplyShapeException.class, () -> KlasseMessages.readList(parse(listOutput("20",
                snapshot("not-a-uuid", "G01", "t", UUID.randomUUID().toString(), "2020-01-01T00:00:00Z", "true"))),
                CALL));
    }
}
