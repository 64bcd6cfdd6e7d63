package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.core.ValidationException;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated letters: every valid one the client sends is accepted by the independent simulator (XSDs and rules) and
 * lands intact; every one with a forbidden file name is refused by the client before anything is sent.
 */
class SendPropertyTest {
    private static DigitalPostSimulator sim;
    private static DigitalPostClient client;

    @BeforeContainer
    static void start() {
        sim = DigitalPostSimulator.builder().build().start();
        client = sim.clientBuilder().build();
    }

    @AfterContainer
    static void stop() {
        client.close();
        sim.close();
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().withChars("abcæøåABCÆØÅ 0123456789-.,()'\"&<>").ofMinLength(1).ofMaxLength(256)
                .filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> filenames() {
        return Arbitraries.strings().withChars("abcæøå_-. 0123456789").ofMinLength(1).ofMaxLength(60)
                .filter(s -> !s.isBlank()).map(s -> s + ".pdf");
    }

    @Provide
    Arbitrary<String> cprs() {
        return Arbitraries.strings().numeric().ofLength(10);
    }

    private static MemoMessage letter(MemoVersion v, String label, String filename, String cpr, byte[] pdf) {
        return MemoMessage.builder(v)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label(label).mandatory(false).legalNotification(false)
                        .sender(Sender.cvr(Letters.SENDER_CVR, "Kommune").build()).recipient(Recipient.cpr(cpr).build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"),
                        MainDocument.of(label, MemoFile.of(MemoFile.PDF, filename, "da", FileContent.ofBytes(pdf)))).build())
                .build();
    }

    @Property(tries = 40)
    void validLettersAreAcceptedAndLandIntact(@ForAll MemoVersion version, @ForAll("labels") String label,
            @ForAll("filenames") String filename, @ForAll("cprs") String cpr, @ForAll byte[] pdf) {
        MemoMessage m = letter(version, label, filename, cpr, pdf);
        SendReceipt r = client.send(KombiRequest.digitalPost(m));
        assertTrue(r.accepted(), sim.conformanceReport());
        MailboxEntry e = sim.mailbox(cpr).stream().filter(x -> x.messageUuid().equals(m.header().messageUuid()))
                .findFirst().orElseThrow();
        assertEquals(label, e.label());
        assertEquals(filename, e.files().get(0).filename());
        assertEquals(Letters.sha256(pdf), e.files().get(0).sha256());
        assertEquals(version.attribute(), e.memoVersion());
    }

    @Property(tries = 40)
    void forbiddenFilenamesNeverLeaveTheClient(@ForAll("filenames") String filename,
            @ForAll("forbidden") char bad, @ForAll("cprs") String cpr) {
        int before = sim.requestCount("KOMBI");
        String name = filename.substring(0, filename.length() / 2) + bad + filename.substring(filename.length() / 2);
        ValidationException e = assertThrows(ValidationException.class, () -> client.send(KombiRequest.digitalPost(
                letter(MemoVersion.V1_2, "Brev", name, cpr, new byte[] {1}))));
        assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("message.body.mainDocument.files[0].filename")),
                e.getMessage());
        assertEquals(before, sim.requestCount("KOMBI"));
    }

    @Provide
    Arbitrary<Character> forbidden() {
        return Arbitraries.of('<', '>', ':', '"', '/', '\\', '|', '?', '*', '\r', '\n', '\u00a0', '\u2003', '\u2028', '\u3000');
    }
}
