package dk.rammearkitektur.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.KombiXml;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import dk.rammearkitektur.model.xml.ModelXml;
import dk.rammearkitektur.reliability.Letters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The document parsers not already fuzzed in their own modules: the Digital Post reply ({@link SendReceipt#parse}),
 * the whole {@code kombi_request} ({@link KombiXml#read}) from mutated genuine requests, and MeMo, model JSON and
 * model XML from random text, and the Beskedfordeler's event envelope ({@link EventMessage#parse}, bare and in
 * ModtagBeskedInput) from mutated envelopes and random text (their mutated-document properties live in clients' MemoXmlPropertyTest and testkit's
 * CorruptInputTest). Only our exceptions escape, each input is answered within two seconds.
 */
class DocumentParsersFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(2);
    static final List<String> RECEIPTS = List.of(
            "<kombi_response><Result>true</Result><TransmissionID>t-42</TransmissionID><Advis><AdvisId>1</AdvisId>"
                    + "<AdvisTekst>Modtaget</AdvisTekst></Advis></kombi_response>",
            "<k:kombi_response xmlns:k='urn:x'><k:Result>false</k:Result><k:FejlId>E17</k:FejlId>"
                    + "<k:FejlTekst>Modtager fritaget</k:FejlTekst></k:kombi_response>",
            "<?xml version='1.0' encoding='UTF-8'?><kombi_response><Result>true</Result><TransmissionID/></kombi_response>");
    static final String KOMBI = new String(KombiXml.toBytes(KombiRequest.digitalPost(
            Letters.letter(Letters.CPR, UUID.fromString("7b0e6c3e-3f43-4f5e-9d7a-8a0c2b5d9e11")))), StandardCharsets.UTF_8);

    /** A Beskedfordeler event envelope as the SDK writes it, bare and wrapped as the Beskedfordeler pushes it. */
    static final EventMessage EVENT = EventMessage.builder().messageId(UUID.fromString("3f2b8c1e-9a4d-4e6f-b1c2-d3e4f5a6b7c8"))
            .messageType("5d2e0a9c-1b7f-4c3e-8a6d-0f1e2d3c4b5a").version("1.0").build();
    static final List<String> ENVELOPES = List.of(new String(EVENT.toXml(), StandardCharsets.UTF_8),
            new String(EVENT.toModtagBeskedInput(), StandardCharsets.UTF_8));

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Mutation.some();
    }

    @Provide
    Arbitrary<String> randomText() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), Arbitraries.just(""),
                Arbitraries.strings().withChars("<>/=\"' :{}[],abcdeMmo").ofMaxLength(300),
                Arbitraries.of(Mutation.NASTY));
    }

    @Property(tries = 1000)
    void sendReceiptFromMutatedReplies(@ForAll("receipts") String reply, @ForAll("edits") List<Mutation> edits) {
        Fuzz.onlyOurs(LIMIT, () -> SendReceipt.parse(bytes(Mutation.applyAll(edits, reply))))
                .ifPresent(r -> assertNotNull(r.advices()));
    }

    @Property(tries = 1000)
    void eventMessageFromMutatedEnvelopes(@ForAll("envelopes") String envelope, @ForAll("edits") List<Mutation> edits) {
        Fuzz.onlyOurs(LIMIT, () -> EventMessage.parse(Mutation.applyAll(edits, envelope).getBytes(StandardCharsets.UTF_8)))
                .ifPresent(m -> assertEquals(m, EventMessage.parse(m.toXml()), "a parsed event writes back the same"));
    }

    @Property(tries = 300)
    void eventMessageFromRandomText(@ForAll("randomText") String text) {
        Fuzz.onlyOurs(LIMIT, () -> EventMessage.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> envelopes() {
        return Arbitraries.of(ENVELOPES);
    }

    @Provide
    Arbitrary<String> receipts() {
        return Arbitraries.of(RECEIPTS);
    }

    @Property(tries = 300)
    void sendReceiptFromRandomText(@ForAll("randomText") String text) {
        Fuzz.onlyOurs(LIMIT, () -> SendReceipt.parse(bytes(text)));
    }

    @Property(tries = 1000)
    void kombiRequestFromMutatedRequests(@ForAll("edits") List<Mutation> edits) {
        Fuzz.onlyOurs(LIMIT, () -> KombiXml.read(bytes(Mutation.applyAll(edits, KOMBI)), FileContentSink.inMemory(1 << 20)))
                .ifPresent(r -> assertNotNull(r.channel()));
    }

    @Property(tries = 300)
    void memoFromRandomText(@ForAll("randomText") String text) {
        Fuzz.onlyOurs(LIMIT, () -> MemoXml.read(bytes(text)));
    }

    @Property(tries = 300)
    void modelJsonFromRandomText(@ForAll("randomText") String text) {
        Fuzz.onlyOurs(LIMIT, () -> RammearkitekturJson.read(text, Case.class));
        Fuzz.onlyOurs(LIMIT, () -> RammearkitekturJson.readHistory(text, Person.class));
    }

    @Property(tries = 300)
    void modelXmlFromRandomText(@ForAll("randomText") String text) {
        Fuzz.onlyOurs(LIMIT, () -> ModelXml.read(text, Case.class));
        Fuzz.onlyOurs(LIMIT, () -> ModelXml.readHistory(text.getBytes(StandardCharsets.UTF_8), Person.class));
    }
}
