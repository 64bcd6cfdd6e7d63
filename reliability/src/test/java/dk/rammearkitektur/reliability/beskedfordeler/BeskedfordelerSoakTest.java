package dk.rammearkitektur.reliability.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.InMemoryDeduplication;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulatorExtension;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.reliability.Leaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak of a subscription: {@value #DEFAULT_MESSAGES} messages (property {@code reliability.bf.soak.messages})
 * through one dueslag of the Beskedfordeler simulator, about 10% of them faulty: 3% delivered twice, 3% malformed
 * envelopes, 3% whose handler fails on the first attempt and succeeds on the retry, and the broker dropping every
 * connection every {@value #DROP_EVERY} messages. The messages are put on the dueslag while it is consumed. At the
 * end: every good message handled exactly once, every malformed one in the fejlkø once and seen by onUnreadable (at least once: one whose reject was
 * lost in a drop comes again), the
 * subscription's counts agree, nothing is left, and after close there is no thread or connection left (threads
 * named {@code beskedfordeler-*}, open broker connections, and descriptors within a slack). Bounded: the whole run
 * must end within {@value #DEADLINE_S} s.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class BeskedfordelerSoakTest {
    private static final Logger LOG = LoggerFactory.getLogger(BeskedfordelerSoakTest.class);
    static final int DEFAULT_MESSAGES = 50_000;
    static final int MESSAGES = Integer.getInteger("reliability.bf.soak.messages", DEFAULT_MESSAGES);
    static final int DROP_EVERY = 2_500;
    static final long DEADLINE_S = 240;
    static final int FD_SLACK = 32;

    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handlerFailures = new AtomicInteger();
    private final AtomicInteger unreadableCalls = new AtomicInteger();

    BeskedfordelerSoakTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        this.bf = bf;
        this.sts = sts;
    }

    @Test
    void fiftyThousandMessagesUnderFaultsAreHandledOnceWithoutLeaks() throws Exception {
        run(Math.min(MESSAGES, 1_000), "warm-up");
        settle();
        List<String> threadsBefore = sdkThreads();
        long fdsBefore = Leaks.openFiles();
        handled.clear();
        unreadable.clear();
        handlerFailures.set(0);
        unreadableCalls.set(0);

        Result r = run(MESSAGES, "soak");
        settle();
        List<String> threadsAfter = sdkThreads();
        long fdsAfter = Leaks.openFiles();
        LOG.info("beskedfordeler soak: {} messages in {} ms ({} msg/s) incl. putting them on the dueslag; {} good, "
                + "{} twice, {} malformed, {} failing once, {} connection drops; counts {}; sdk threads {} -> {}, "
                + "descriptors {} -> {}", MESSAGES, r.wallMs, MESSAGES * 1000L / Math.max(1, r.wallMs), r.good.size(),
                r.twice, r.malformed.size(), r.failingOnce, r.drops, r.counts, threadsBefore,
                threadsAfter, fdsBefore, fdsAfter);

        assertEquals(r.good, handled.keySet(), "every good message handled, and nothing else");
        List<String> twice = handled.entrySet().stream().filter(e -> e.getValue().get() != 1).map(Map.Entry::getKey)
                .toList();
        assertTrue(twice.isEmpty(), "handled more than once: " + twice);
        assertEquals(r.malformed, unreadable, "every malformed message seen by onUnreadable");
        assertEquals(r.malformed, new HashSet<>(r.fejlkoe), "every malformed message in the fejlkø, and nothing else");
        assertEquals(r.malformed.size(), r.fejlkoe.size(), "each malformed message in the fejlkø once");
        assertEquals(0, r.depth, "nothing left on the dueslag");
        EventSubscription.Counts c = r.counts;
        assertEquals(r.good.size(), c.handled(), "handled count");
        // a malformed message whose reject did not reach the broker before a drop comes again and is seen again
        assertEquals(unreadableCalls.get(), c.unreadable(), "unreadable count");
        assertTrue(c.unreadable() >= r.malformed.size(), "unreadable count: " + c);
        assertEquals(handlerFailures.get(), c.failures(), "failure count");
        assertTrue(c.failures() >= r.failingOnce, "each failing-once message failed: " + c);
        assertEquals(0, c.deadLettered(), "nothing dead-lettered");
        assertTrue(c.duplicates() >= r.twice, "the twice-delivered were recognised: " + c);
        // a drop during a reconnection's channel set-up fails that attempt before it counts as a connection
        assertTrue(c.connections() > 1, "reconnected after the drops: " + c);
        assertTrue(threadsAfter.isEmpty(), "SDK threads after close: " + threadsAfter + " (before: " + threadsBefore
                + ")");
        assertEquals(0, bf.connectionCount(), "broker connections left open");
        if (fdsBefore >= 0) {
            assertTrue(fdsAfter <= fdsBefore + FD_SLACK, "descriptor leak: " + fdsBefore + " -> " + fdsAfter);
        }
        assertTrue(r.wallMs <= DEADLINE_S * 1000, "bounded: " + r.wallMs + " ms");
    }

    private Result run(int messages, String name) throws Exception {
        UUID dueslag = bf.createDueslag();
        Result r = new Result();
        long t0 = System.nanoTime();
        try (BeskedfordelerClient client = BfRig.client(bf, sts)) {
            EventSubscription s = client.subscription(dueslag).deduplication(InMemoryDeduplication.create())
                    .prefetch(250).concurrency(4).maxAttempts(5).retryDelay(Duration.ZERO)
                    .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                    .onUnreadable(this::unreadable).handler(e -> {
                        String id = e.message().messageId();
                        if (failOnce.remove(id)) {
                            handlerFailures.incrementAndGet();
                            throw new IllegalStateException("not yet: " + id);
                        }
                        handled.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    }).start();
            assertTrue(s.awaitConsuming(Duration.ofSeconds(30)), name + " consuming: " + s.lastFailure());
            for (int i = 0; i < messages; i++) {
                int kind = i % 100;
                String id = UUID.randomUUID().toString();
                if (kind < 3) {
                    bf.faults().deliverTwice(dueslag, id, BfRig.envelope(id));
                    r.twice++;
                    r.good.add(id);
                } else if (kind < 6) {
                    r.malformed.add(bf.faults().deliverMalformed(dueslag));
                } else if (kind < 9) {
                    failOnce.add(id);
                    r.failingOnce++;
                    bf.deliver(dueslag, id, BfRig.envelope(id));
                    r.good.add(id);
                } else {
                    bf.deliver(dueslag, id, BfRig.envelope(id));
                    r.good.add(id);
                }
                if (i > 0 && i % DROP_EVERY == 0) {
                    r.drops += bf.faults().dropConnections() > 0 ? 1 : 0;
                }
            }
            long end = t0 + DEADLINE_S * 1_000_000_000L;
            while (handled.size() < r.good.size() || unreadable.size() < r.malformed.size() || bf.depth(dueslag) > 0) {
                assertTrue(System.nanoTime() < end, name + " not done within " + DEADLINE_S + " s: " + handled.size()
                        + " of " + r.good.size() + " handled, " + unreadable.size() + " of " + r.malformed.size()
                        + " unreadable, depth " + bf.depth(dueslag) + ", " + s.counts());
                Thread.sleep(20);
            }
            r.wallMs = (System.nanoTime() - t0) / 1_000_000;
            r.depth = bf.depth(dueslag);
            s.close();
            r.counts = s.counts();
        }
        r.fejlkoe = new ArrayList<>();
        bf.fejlkoe(dueslag).forEach(m -> r.fejlkoe.add(m.messageId()));
        return r;
    }

    private void unreadable(UnreadableMessage m) {
        assertTrue(!PersonalData.containsCprNumber(m.reason()), "CPR number in a reason");
        unreadableCalls.incrementAndGet();
        unreadable.add(m.amqpMessageId());
    }

    private static final class Result {
        final Set<String> good = new HashSet<>();
        final Set<String> malformed = new HashSet<>();
        List<String> fejlkoe;
        int twice;
        int failingOnce;
        int drops;
        int depth;
        long wallMs;
        EventSubscription.Counts counts;
    }

    /** Lets closed connections and their threads end (at most 5 s). */
    private void settle() throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while ((bf.connectionCount() > 0 || sdkThreads().stream().anyMatch(t -> !t.startsWith("beskedfordeler-amqp")))
                && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    /**
     * Live threads of the SDK's Beskedfordeler client: subscription loops, AMQP consumer threads, and the RabbitMQ
     * client's connection reader ({@code AMQP Connection host:port}); nothing else in this JVM opens AMQP connections.
     * The simulator's own ({@code beskedfordeler-simulator-*}) are not counted.
     */
    private static List<String> sdkThreads() {
        return Leaks.threads(n -> n.startsWith("beskedfordeler-") && !n.startsWith("beskedfordeler-simulator")
                || n.startsWith("AMQP Connection"));
    }
}
