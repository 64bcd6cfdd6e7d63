package dk.rammearkitektur.reliability.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.TransportException;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.Transmission;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.reliability.Bounded;
import dk.rammearkitektur.reliability.Letters;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostFault;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the Digital Post simulator can inject, against a client whose retry policy allows three attempts:
 * a plain send ends in time in its documented exception and is never repeated on its own; a resend of the
 * transmission the exception carries, or {@code sendWithRetries}, delivers the letter exactly once (the platform
 * deduplicates by transaction id and by messageUUID); lookups are retried as the policy says.
 */
class DigitalPostFaultMatrixTest {
    static final Duration READ = Duration.ofMillis(500);
    static final Duration TOTAL = Duration.ofMillis(1000);
    static final Duration BUDGET = TOTAL.plusMillis(700);
    /** Longer than the total timeout, which bounds a send (upload included). */
    static final Duration HOLD = Duration.ofMillis(1300);

    private static DigitalPostSimulator sim;
    private static DigitalPostClient client;

    @BeforeAll
    static void start() {
        sim = DigitalPostSimulator.builder().build().start().registerForNemSms(Letters.CPR);
        try (DigitalPostClient patient = sim.clientBuilder().build()) {
            assertTrue(patient.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, UUID.randomUUID())))
                    .accepted(), "warm up");
        }
        client = sim.clientBuilder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(20)).build())
                .timeouts(Timeouts.of(Duration.ofMillis(500), READ, TOTAL)).build();
        assertTrue(client.isRegisteredForDigitalPost(Letters.CPR), "warm up both tokens");
        client.send(KombiRequest.nemSms(Letters.sms(Letters.CPR, UUID.randomUUID(), "warm up")));
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.registerForNemSms(Letters.CPR);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("latency beyond the read timeout", DigitalPostFault.latency(HOLD),
                        CallTimeoutException.class),
                Arguments.of("reply held back after delivery", DigitalPostFault.timeout(HOLD),
                        CallTimeoutException.class),
                Arguments.of("connection reset", DigitalPostFault.connectionReset(), ConnectionFailedException.class),
                Arguments.of("HTTP 500", DigitalPostFault.httpStatus(500), HttpStatusException.class),
                Arguments.of("HTTP 503", DigitalPostFault.httpStatus(503), HttpStatusException.class),
                Arguments.of("malformed reply", DigitalPostFault.malformedReply(), MalformedReplyException.class),
                Arguments.of("truncated reply", DigitalPostFault.truncatedReply(), MalformedReplyException.class));
    }

    private static Transmission letter() {
        return client.prepare(KombiRequest.digitalPost(Letters.letter(Letters.CPR, UUID.randomUUID())));
    }

    /** Waits until a request the simulator may still be holding (latency, timeout faults) has been handled. */
    private static void settle(DigitalPostFault fault) throws InterruptedException {
        if (!fault.amount().isZero()) {
            Thread.sleep(fault.amount().toMillis() + 300);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void sendIsNeverRetriedBlindlyAndAResendDeliversOnce(String name, DigitalPostFault fault,
            Class<? extends TransportException> type) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            sim.faults().next(fault);
        }
        Transmission t = letter();
        TransportException e = Bounded.fails(type, BUDGET, () -> client.send(t));
        assertEquals(1, sim.requestCount("KOMBI"), name + ": a send is never repeated on its own");
        Transmission carried = e.request(Transmission.class).orElseThrow();
        assertEquals(t.transactionId(), carried.transactionId());
        assertEquals(t.messageUuid(), carried.messageUuid());
        sim.faults().clear();
        SendReceipt again = client.resend(carried);
        assertTrue(again.accepted(), name);
        settle(fault);
        assertEquals(1, sim.mailboxTotal(), name + ": delivered exactly once");
        assertEquals(t.messageUuid(), sim.mailbox(Letters.CPR).get(0).messageUuid());
    }

    /**
     * {@code sendWithRetries} repeats the transmission with the same ids after transport failures until the letter
     * is through. Each attempt is a whole send and may take up to the total timeout (so a retried large upload is not
     * starved), so two slow replies cost two timeouts before the third attempt succeeds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void sendWithRetriesRepeatsTheSameIdsAndDeliversOnce(String name, DigitalPostFault fault,
            Class<? extends TransportException> type) throws InterruptedException {
        sim.faults().next(fault).next(fault);
        long t0 = System.nanoTime();
        assertTrue(client.sendWithRetries(letter()).accepted(), name);
        long ms = Bounded.millisSince(t0);
        assertEquals(3, sim.requestCount("KOMBI"), name);
        assertTrue(ms <= 3 * TOTAL.toMillis() + BUDGET.toMillis(), name + " took " + ms + " ms");
        settle(fault);
        assertEquals(1, sim.mailboxTotal(), name + ": delivered exactly once");
    }

    /**
     * Lookups are GET requests, retried by the policy when the failure is retry-safe (a malformed reply and HTTP 500
     * are not: the same answer is likely again). Besides the SDK's policy, the JDK HTTP client itself repeats an idempotent request
     * once when the connection is reset, so the simulator may see up to twice the policy's attempts for that fault.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void lookupsAreRetriedByThePolicy(String name, DigitalPostFault fault,
            Class<? extends TransportException> type) {
        if (type == MalformedReplyException.class || fault.kind() == DigitalPostFault.Kind.HTTP_500) {
            sim.faults().next(fault);
            TransportException e = Bounded.fails(type, BUDGET, () -> client.isRegisteredForNemSms(Letters.CPR));
            assertFalse(e.isRetrySafe(), name);
            assertEquals(1, sim.requestCount("LOOKUP"), name + ": not retry-safe, so not retried");
            return;
        }
        boolean reset = fault.kind() == DigitalPostFault.Kind.CONNECTION_RESET;
        boolean slow = !fault.amount().isZero();
        sim.faults().next(fault);
        if (!slow) {
            sim.faults().next(fault);
        }
        assertTrue(client.isRegisteredForNemSms(Letters.CPR), name);
        assertEquals(slow ? 2 : 3, sim.requestCount("LOOKUP"), name);
        sim.reset();
        sim.faults().rate(fault, 1.0);
        Bounded.fails(type, BUDGET.multipliedBy(2), () -> client.isRegisteredForDigitalPost(Letters.CPR));
        int seen = sim.requestCount("LOOKUP");
        assertTrue(reset ? seen >= 3 && seen <= 6 : slow ? seen >= 1 && seen <= 3 : seen == 3,
                name + ": " + seen + " requests for at most 3 attempts");
    }

    /** Regression: a lookup with all its retries stays within the total timeout (fixed in 0c7d6a7). */
    @Test
    void lookupRetriesStayWithinTheTotalTimeout() {
        try (DigitalPostClient tight = sim.clientBuilder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(10)).build())
                .timeouts(Timeouts.of(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(1000))).build()) {
            assertTrue(tight.isRegisteredForNemSms(Letters.CPR), "warm up");
            sim.faults().rate(DigitalPostFault.latency(Duration.ofMillis(2000)), 1.0);
            Bounded.fails(CallTimeoutException.class, Duration.ofMillis(1000 + 700),
                    () -> tight.isRegisteredForDigitalPost(Letters.CPR));
        } finally {
            sim.faults().clear();
        }
    }

    @Test
    void newTransmissionOfTheSameMessageIsDeduplicatedByMessageUuid() {
        MemoMessage memo = Letters.letter(Letters.CPR, UUID.randomUUID());
        Transmission first = client.prepare(KombiRequest.digitalPost(memo));
        Transmission second = client.prepare(KombiRequest.digitalPost(memo));
        assertTrue(!first.transactionId().equals(second.transactionId()));
        assertTrue(client.send(first).accepted());
        assertTrue(client.send(second).accepted());
        assertEquals(2, sim.requestCount("KOMBI"));
        assertEquals(1, sim.mailboxTotal(), "one messageUUID, one letter");
    }

    @Test
    void refusalByThePlatformIsNeverRepeated() {
        String exempt = "0202802345";
        sim.exemptFromDigitalPost(exempt);
        Transmission t = client.prepare(KombiRequest.digitalPost(Letters.letter(exempt, UUID.randomUUID())));
        ServiceFaultException e = Bounded.fails(ServiceFaultException.class, BUDGET,
                () -> client.sendWithRetries(t));
        assertTrue(e.faultCode() != null && !e.faultCode().isBlank(), e.getMessage());
        assertEquals(1, sim.requestCount("KOMBI"), "a refusal is not retried");
        assertEquals(0, sim.mailboxTotal());
    }

    @Test
    void revokedSystemCertificateIsRefusedByTheStsAndNothingIsSent() {
        char[] pw = "x".toCharArray();
        try (DigitalPostClient revoked = sim.clientBuilder().systemCertificate(sim.pki().revoked().pkcs12(pw), pw)
                .timeouts(Timeouts.of(Duration.ofMillis(500), READ, TOTAL)).build()) {
            Transmission t = revoked.prepare(KombiRequest.digitalPost(Letters.letter(Letters.CPR, UUID.randomUUID())));
            ServiceFaultException e = Bounded.fails(ServiceFaultException.class, BUDGET, () -> revoked.send(t));
            assertTrue(e instanceof StsRefusedException, e.toString());
            assertEquals(0, sim.requestCount("KOMBI"), "nothing reaches KombiPostAfsend");
            assertEquals(0, sim.mailboxTotal());
        }
    }

    /**
     * A client clock far behind sees the fresh STS token as not yet valid and refuses it before anything is sent.
     * (A clock far ahead is not refused: tokens are valid for hours and the simulator does not compare
     * {@code x-TransaktionsTid} with its own clock.)
     */
    @Test
    void clientClockFarBehindRefusesTheTokenAndDeliversNothing() {
        try (DigitalPostClient skewed = sim.clientBuilder()
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30)))
                .timeouts(Timeouts.of(Duration.ofMillis(500), READ, TOTAL)).build()) {
            Transmission t = skewed.prepare(KombiRequest.digitalPost(Letters.letter(Letters.CPR, UUID.randomUUID())));
            SecurityCheckException e = Bounded.fails(SecurityCheckException.class, BUDGET, () -> skewed.send(t));
            assertTrue(e.reason().startsWith("token."), e.reason());
            assertEquals(0, sim.requestCount("KOMBI"));
            assertEquals(0, sim.mailboxTotal());
        }
    }

    @Test
    void revokedAccessTokenIsRenewedOnceWithTheSameIds() {
        sim.revokeAccessTokens();
        int tokensBefore = sim.requestCount("TOKEN");
        assertTrue(client.send(letter()).accepted());
        assertEquals(tokensBefore + 1, sim.requestCount("TOKEN"), "one new access token");
        assertEquals(1, sim.mailboxTotal());
    }
}
