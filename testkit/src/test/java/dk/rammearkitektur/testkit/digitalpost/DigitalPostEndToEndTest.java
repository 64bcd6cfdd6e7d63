package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.DeliveryStatusLog;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.MemoLetters;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.digitalpost.Transmission;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Address;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.VariantKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The acceptance path: client and simulator over loopback mutual TLS. */
class DigitalPostEndToEndTest {
    private static DigitalPostSimulator sim;
    private static DigitalPostClient client;

    @BeforeAll
    static void start() {
        sim = DigitalPostSimulator.builder().build().start();
        sim.exemptFromDigitalPost(Letters.EXEMPT_CPR).registerForNemSms(Letters.CPR);
        client = sim.clientBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(50)).build())
                .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
    }

    @Test
    void letterGoesThroughTheTokenFlowIntoTheMailbox() {
        byte[] pdf = Letters.pdf(20_000);
        MemoMessage letter = Letters.letter(Letters.CPR, pdf);
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                DigitalPostClient fresh = sim.clientBuilder().build()) {
            SendReceipt receipt = fresh.send(KombiRequest.digitalPost(letter));
            assertTrue(receipt.accepted(), receipt.toString());
            assertNotNull(receipt.transmissionId());
            List<MailboxEntry> box = sim.mailbox(Letters.CPR);
            assertEquals(1, box.size());
            MailboxEntry e = box.get(0);
            assertEquals(letter.header().messageUuid(), e.messageUuid());
            assertEquals(receipt.transmissionId(), e.transmissionId());
            assertEquals("Afgørelse om boligstøtte", e.label());
            assertEquals("1.2", e.memoVersion());
            assertEquals(1, e.files().size());
            assertEquals(Letters.sha256(pdf), e.files().get(0).sha256());
            assertEquals(20_000, e.files().get(0).size());
            assertEquals("afgoerelse.pdf", e.files().get(0).filename());
            assertEquals("no violations", sim.conformanceReport().lines().reduce((a, b) -> b).orElse(""), sim.conformanceReport());
            assertEquals(1, sim.requestCount("STS"));
            assertEquals(1, sim.requestCount("TOKEN"));
            fresh.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, pdf)));
            assertEquals(1, sim.requestCount("STS"), "the STS token is cached");
            assertEquals(1, sim.requestCount("TOKEN"), "the access token is cached");
            assertEquals(2, sim.mailbox(Letters.CPR).size());
            sim.revokeAccessTokens();
            assertTrue(fresh.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, pdf))).accepted());
            assertEquals(2, sim.requestCount("TOKEN"), "a refused access token is exchanged again");
            assertEquals(1, sim.requestCount("STS"));
            assertEquals(3, sim.mailbox(Letters.CPR).size());
        }
    }

    @Test
    void memo11LettersAreAcceptedToo() {
        MemoMessage letter = Letters.letter(MemoVersion.V1_1, Letters.CPR, FileContent.ofBytes(Letters.pdf(100)));
        assertTrue(client.send(KombiRequest.digitalPost(letter)).accepted());
        assertEquals("1.1", sim.mailbox(Letters.CPR).get(0).memoVersion());
    }

    @Test
    void resendAfterTimeoutYieldsExactlyOneMailboxEntry() {
        sim.faults().next(DigitalPostFault.timeout(Duration.ofSeconds(6)));
        Transmission t = client.prepare(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(5_000))));
        CallTimeoutException timeout = assertThrows(CallTimeoutException.class, () -> client.send(t));
        assertTrue(timeout.mayHaveReachedService());
        assertEquals(t, timeout.request(Transmission.class).orElseThrow());
        awaitMailbox(1);
        assertEquals(1, sim.mailbox(Letters.CPR).size(), "the simulator handled the request before holding the reply");
        SendReceipt again = client.resend(timeout.request(Transmission.class).orElseThrow());
        assertTrue(again.accepted());
        assertEquals(1, sim.mailbox(Letters.CPR).size());
        assertEquals(sim.mailbox(Letters.CPR).get(0).transmissionId(), again.transmissionId());
        assertEquals(2, sim.requestCount("KOMBI"));
    }

    private static void awaitMailbox(int size) {
        long until = System.nanoTime() + 5_000_000_000L;
        while (sim.mailbox(Letters.CPR).size() < size && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void sameMessageWithANewTransactionIsNotDeliveredTwice() {
        MemoMessage letter = Letters.letter(Letters.CPR, Letters.pdf(300));
        SendReceipt first = client.send(KombiRequest.digitalPost(letter));
        SendReceipt second = client.send(KombiRequest.digitalPost(letter));
        assertEquals(first.transmissionId(), second.transmissionId());
        assertEquals(1, sim.mailbox(Letters.CPR).size());
        assertFalse(second.advices().isEmpty(), "the second reply says the message was already received");
    }

    @Test
    void exemptRecipientGetsThePrintedLetterUnderAutomaticChoice() {
        byte[] pdf = Letters.pdf(4_000);
        MemoMessage letter = Letters.letter(Letters.EXEMPT_CPR, pdf);
        SendReceipt receipt = client.send(KombiRequest.automatic(letter, Letters.print(Letters.EXEMPT_CPR, pdf)));
        assertTrue(receipt.accepted());
        assertEquals(0, sim.mailboxTotal());
        assertEquals(1, sim.printQueue().size());
        PrintedLetter printed = sim.printQueue().get(0);
        assertEquals(Letters.EXEMPT_CPR, printed.recipientId());
        assertEquals(letter.header().messageUuid(), printed.messageUuid());
        assertEquals(Letters.sha256(pdf), printed.letter().sha256());
        assertEquals("Jens Hansen", printed.personName());
        assertFalse(printed.toString().contains(Letters.EXEMPT_CPR), printed.toString());
    }

    @Test
    void aModelDecisionForAnExemptCitizenIsPrintedUnderAutomaticChoice() {
        byte[] pdf = Letters.pdf(3_000);
        Person citizen = Person.builder().id(PartyId.random()).cpr(Cpr.parse(Letters.EXEMPT_CPR)).name("Jens Hansen")
                .address(Address.danish("Rådhuspladsen 2", "8000", "Aarhus C")).build();
        Document decision = Document.builder().id(DocumentId.random()).title("Afgørelse om boligstøtte")
                .letterDate(LocalDate.of(2026, 11, 25)).type(DocumentType.DECISION).direction(DocumentDirection.OUTGOING)
                .variants(List.of(DocumentVariant.of(VariantKind.ARCHIVE,
                        List.of(DocumentPart.of("afgørelse.pdf", "application/pdf", pdf.length, Letters.sha256(pdf))))))
                .build();
        FileContent content = FileContent.ofBytes(pdf);
        MemoMessage letter = MemoLetters.letter(decision, citizen, content,
                Sender.cvr(Letters.SENDER_CVR, "Aarhus Kommune").build(), Instant.parse("2026-11-25T09:00:00Z"));
        assertTrue(client.send(KombiRequest.automatic(letter, MemoLetters.print(decision, citizen, content))).accepted());
        assertEquals(0, sim.mailboxTotal());
        PrintedLetter printed = sim.printQueue().get(0);
        assertEquals(Letters.sha256(pdf), printed.letter().sha256());
        assertEquals("Afgørelse om boligstøtte", printed.title());
        assertEquals(letter.header().messageUuid(), printed.messageUuid());
    }

    @Test
    void registeredRecipientGetsDigitalPostUnderAutomaticChoice() {
        byte[] pdf = Letters.pdf(1_000);
        client.send(KombiRequest.automatic(Letters.letter(Letters.CPR, pdf), Letters.print(Letters.CPR, pdf)));
        assertEquals(1, sim.mailbox(Letters.CPR).size());
        assertTrue(sim.printQueue().isEmpty());
    }

    @Test
    void exemptRecipientRefusedForDigitalPostOnly() {
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> client.send(KombiRequest.digitalPost(Letters.letter(Letters.EXEMPT_CPR, Letters.pdf(10)))));
        assertEquals(DigitalPostErrors.NOT_REACHABLE, e.faultCode());
        assertEquals(400, e.httpStatus().getAsInt());
        assertFalse(e.getMessage().contains(Letters.EXEMPT_CPR), e.getMessage());
        assertEquals(0, sim.mailboxTotal());
    }

    @Test
    void physicalPostGoesToThePrintQueue() {
        SendReceipt r = client.send(KombiRequest.physicalPost(Letters.print(Letters.CPR, Letters.pdf(700))));
        assertTrue(r.accepted());
        assertNull(r.transmissionId(), "a printed letter may be accepted without a transmission id");
        assertEquals(1, sim.printQueue().size());
        assertNull(sim.printQueue().get(0).messageUuid());
    }

    @Test
    void nemSmsLandsInTheOutbox() {
        client.send(KombiRequest.nemSms(Letters.sms(Letters.CPR, "Husk dit møde i morgen kl. 10")));
        assertEquals(1, sim.smsOutbox().size());
        assertEquals("Husk dit møde i morgen kl. 10", sim.smsOutbox().get(0).text());
        assertEquals(0, sim.mailboxTotal());
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> client.send(KombiRequest.nemSms(Letters.sms(Letters.EXEMPT_CPR, "Hej"))));
        assertEquals(DigitalPostErrors.NOT_REACHABLE, e.faultCode());
    }

    @Test
    void invalidMessagesAreRefusedBeforeAnythingIsSent() {
        ValidationException bad = assertThrows(ValidationException.class, () -> Letters.letter(MemoVersion.V1_2,
                "12345", FileContent.ofBytes(Letters.pdf(10))));
        assertTrue(bad.getMessage().contains("message.header.recipient"), bad.getMessage());
        ValidationException missing = assertThrows(ValidationException.class, () -> client.send(KombiRequest.digitalPost(
                Letters.letter(MemoVersion.V1_2, Letters.CPR, FileContent.ofPath(Path.of("no-such-letter.pdf"))))));
        assertTrue(missing.getMessage().contains(
                "transmission.request.memo.body.mainDocument.files[0].content: must be readable"), missing.getMessage());
        assertEquals(0, sim.requestCount("KOMBI"));
        assertEquals(0, sim.requestCount("STS"));
    }

    @Test
    void registrationLookups() {
        assertTrue(client.isRegisteredForDigitalPost(Letters.CPR));
        assertFalse(client.isRegisteredForDigitalPost("020280-2345"));
        assertTrue(client.isRegisteredForDigitalPost("12345678"));
        assertTrue(client.isRegisteredForNemSms(Letters.CPR));
        assertFalse(client.isRegisteredForNemSms(Letters.EXEMPT_CPR));
        assertEquals(1, sim.requestCount("TOKEN"), "one access token for PostForespoerg");
        assertFalse(client.isRegisteredForNemSms("12345678"), "a CVR goes as cvrNumber, as public clients send it");
        sim.registerForNemSms("12345678");
        assertTrue(client.isRegisteredForNemSms("12345678"));
        ValidationException e = assertThrows(ValidationException.class, () -> client.isRegisteredForNemSms("1234567"));
        assertTrue(e.getMessage().startsWith("cprOrCvr: must be a CPR number"), e.getMessage());
    }

    @Test
    void everyCallCanTunnelThroughAProxy() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy();
                DigitalPostClient viaProxy = sim.clientBuilder().proxy(proxy.address()).build()) {
            assertTrue(viaProxy.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(100)))).accepted());
            assertTrue(viaProxy.isRegisteredForDigitalPost(Letters.CPR));
            assertFalse(proxy.connects().isEmpty());
            String target = "127.0.0.1:" + sim.baseUri().getPort();
            assertTrue(proxy.connects().stream().allMatch(target::equals), proxy.connects().toString());
            assertEquals(1, sim.mailbox(Letters.CPR).size());
        }
    }

    @Test
    void deliveryStatusesParseAndRepeatsAreTolerated() {
        try (DigitalPostSimulator repeating = DigitalPostSimulator.builder().repeatStatuses(true).build().start();
                DigitalPostClient c = repeating.clientBuilder().build()) {
            DeliveryStatusLog log = new DeliveryStatusLog();
            repeating.onStatus(s -> log.record(DeliveryStatus.parse(s.openStream())));
            MemoMessage letter = Letters.letter(Letters.CPR, Letters.pdf(10));
            c.send(KombiRequest.digitalPost(letter));
            assertEquals(4, repeating.statuses().size());
            assertEquals(2, log.size());
            UUID uuid = letter.header().messageUuid();
            assertEquals(DeliveryStatus.Kind.DELIVERED, log.current(uuid).orElseThrow().kind());
            assertEquals("Digital Post", log.current(uuid).orElseThrow().channel());
        }
    }
}
