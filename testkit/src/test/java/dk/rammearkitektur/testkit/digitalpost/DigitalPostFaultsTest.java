package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.TransportException;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.Transmission;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults reach the client as typed exceptions, and resends with the same ids deliver exactly once. */
class DigitalPostFaultsTest {
    private static DigitalPostSimulator sim;
    private static DigitalPostClient client;

    @BeforeAll
    static void start() {
        sim = DigitalPostSimulator.builder().build().start().registerForNemSms(Letters.CPR);
        client = sim.clientBuilder().retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(5))
                .maxDelay(Duration.ofMillis(20)).build())
                .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4))).build();
        assertTrue(client.isRegisteredForDigitalPost(Letters.CPR), "warm up both tokens");
        client.send(KombiRequest.nemSms(Letters.sms(Letters.CPR, "warm up")));
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

    private Transmission letter() {
        return client.prepare(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(2_000))));
    }

    @Test
    void outageIsAnHttpStatusAndNothingIsDelivered() {
        sim.faults().next(DigitalPostFault.httpStatus(503));
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> client.send(letter()));
        assertEquals(503, e.status());
        assertFalse(e.isRetrySafe(), "a send is not idempotent; resend the transmission instead");
        assertTrue(e.getMessage().contains("HTTP status 503"), e.getMessage());
        assertEquals(0, sim.mailboxTotal());
    }

    @Test
    void sendWithRetriesRepeatsTheSameTransmissionAfterAnOutage() {
        sim.faults().next(DigitalPostFault.httpStatus(500)).next(DigitalPostFault.connectionReset());
        SendReceipt r = client.sendWithRetries(letter());
        assertTrue(r.accepted());
        assertEquals(3, sim.requestCount("KOMBI"));
        assertEquals(1, sim.mailboxTotal());
    }

    @Test
    void plainSendIsNeverRetried() {
        sim.faults().next(DigitalPostFault.connectionReset());
        Transmission t = letter();
        ConnectionFailedException e = assertThrows(ConnectionFailedException.class, () -> client.send(t));
        assertTrue(e.mayHaveReachedService());
        assertEquals(1, sim.requestCount("KOMBI"));
        assertEquals(0, sim.mailboxTotal());
        assertTrue(client.resend(e.request(Transmission.class).orElseThrow()).accepted());
        assertEquals(1, sim.mailboxTotal());
    }

    @Test
    void malformedAndTruncatedRepliesAfterDeliveryAreSafeToResend() {
        for (DigitalPostFault f : new DigitalPostFault[] {DigitalPostFault.malformedReply(), DigitalPostFault.truncatedReply()}) {
            sim.reset();
            sim.faults().next(f);
            Transmission t = letter();
            TransportException e = assertThrows(MalformedReplyException.class, () -> client.send(t), f.toString());
            assertEquals(1, sim.mailboxTotal(), "delivered before the broken reply");
            SendReceipt again = client.resend(e.request(Transmission.class).orElseThrow());
            assertTrue(again.accepted());
            assertEquals(1, sim.mailboxTotal(), f + " resend must not deliver twice");
            assertEquals(sim.mailbox(Letters.CPR).get(0).transmissionId(), again.transmissionId());
        }
    }

    /** Content of unknown size that reads fine {@code goodOpenings} times (the dry run counting the body) and then fails. */
    private static FileContent failingAfter(int goodOpenings) {
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        return FileContent.ofStream(() -> {
            boolean fail = opened.incrementAndGet() > goodOpenings;
            return new java.io.InputStream() {
                private int left = 200_000;

                @Override
                public int read() throws java.io.IOException {
                    if (left-- <= 0) {
                        return -1;
                    }
                    if (fail && left < 100_000) {
                        throw new java.io.IOException("disk gone");
                    }
                    return 'x';
                }
            };
        });
    }

    /** Sends a letter whose file fails after {@code goodOpenings} readings; returns the content failure. */
    private TransportException contentFailure(int goodOpenings) {
        MemoMessage letter = Letters.letter(MemoVersion.V1_2, Letters.CPR, failingAfter(goodOpenings));
        TransportException e = assertThrows(TransportException.class,
                () -> client.sendWithRetries(client.prepare(KombiRequest.digitalPost(letter))));
        assertTrue(e.getMessage().contains("the request body could not be written"), e.getMessage());
        assertEquals(0, sim.mailboxTotal());
        return e;
    }

    @Test
    void aFileThatFailsWhileStreamingAbortsTheSendInsteadOfSendingAShortBody() {
        // openings: the client's readability check, the dry run counting the body, then the send that fails
        assertTrue(contentFailure(2).mayHaveReachedService(), "the headers went out before the content failed");
        // Whether the simulator's handler saw the aborted request before the reset is a race; a retry would make 2.
        assertTrue(sim.requestCount("KOMBI") <= 1, "a content failure is not retried: " + sim.requestCount("KOMBI"));
    }

    @Test
    void aFileThatFailsWhileItsLengthIsCountedSendsNothing() {
        assertFalse(contentFailure(1).mayHaveReachedService());
        assertEquals(0, sim.requestCount("KOMBI"));
    }

    @Test
    void aLookupWithAllItsAttemptsStaysWithinTheTotalTimeout() {
        try (DigitalPostClient tight = sim.clientBuilder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(10)).build())
                .timeouts(Timeouts.of(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(1000))).build()) {
            assertTrue(tight.isRegisteredForNemSms(Letters.CPR), "warm up");
            sim.faults().rate(DigitalPostFault.latency(Duration.ofMillis(2000)), 1.0);
            long t0 = System.nanoTime();
            assertThrows(CallTimeoutException.class, () -> tight.isRegisteredForDigitalPost(Letters.CPR));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis >= 900 && millis < 1000 + 500, "took " + millis + " ms");
        } finally {
            sim.faults().clear();
        }
    }

    @Test
    void eachSendAttemptGetsTheTotalTimeout() {
        try (DigitalPostClient tight = sim.clientBuilder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(5))
                        .maxDelay(Duration.ofMillis(10)).build())
                .timeouts(Timeouts.of(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(800))).build()) {
            tight.send(KombiRequest.nemSms(Letters.sms(Letters.CPR, "warm up")));
            sim.faults().rate(DigitalPostFault.latency(Duration.ofMillis(1500)), 1.0);
            long t0 = System.nanoTime();
            assertThrows(CallTimeoutException.class,
                    () -> tight.sendWithRetries(tight.prepare(KombiRequest.nemSms(Letters.sms(Letters.CPR, "x")))));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis >= 2 * 800 - 100 && millis < 2 * 800 + 1000,
                    "two send attempts of at most the total timeout each took " + millis + " ms");
            assertEquals(2, sim.requestCount("KOMBI") - 1);
        } finally {
            sim.faults().clear();
        }
    }

    @Test
    void latencyWithinTheTimeoutIsHarmless() {
        sim.faults().next(DigitalPostFault.latency(Duration.ofMillis(300)));
        assertTrue(client.send(letter()).accepted());
    }

    @Test
    void lookupsAreRetriedAfterTransportFailures() {
        sim.faults().next(DigitalPostFault.httpStatus(503)).next(DigitalPostFault.connectionReset());
        assertTrue(client.isRegisteredForNemSms(Letters.CPR));
        assertEquals(3, sim.requestCount("LOOKUP"));
    }

    @Test
    void ratedFaultsHitAFractionOfRequestsAndResendsStillDeliverOnce() {
        sim.faults().seed(7).rate(DigitalPostFault.httpStatus(503), 0.3);
        int delivered = 0;
        for (int i = 0; i < 10; i++) {
            Transmission t = letter();
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    client.send(t);
                    delivered++;
                    break;
                } catch (HttpStatusException e) {
                    assertFalse(e.request(Transmission.class).isEmpty());
                }
            }
        }
        assertEquals(10, delivered);
        assertEquals(10, sim.mailboxTotal());
        assertTrue(sim.requestCount("KOMBI") > 10, "some requests were hit");
    }
}
