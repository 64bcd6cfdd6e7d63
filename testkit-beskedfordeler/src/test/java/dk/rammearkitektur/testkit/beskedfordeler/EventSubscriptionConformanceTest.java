package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.PublishReceipt;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK's Beskedfordeler client against the simulator's broker: a subscription receives, deduplicates, rejects the
 * unreadable, gives back and dead-letters what its handler cannot handle, survives dropped and refused connections,
 * renews its token by reconnecting and closes cleanly; publish gets status 20 and its event routed, 41 a typed fault.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class EventSubscriptionConformanceTest {
    private static final String TYPE = "5d2e0a9c-1b7f-4c3e-8a6d-0f1e2d3c4b5a";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final UUID dueslag;
    private final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
    private final List<UnreadableMessage> unreadable = new CopyOnWriteArrayList<>();
    private BeskedfordelerClient client;

    EventSubscriptionConformanceTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        this.bf = bf;
        this.sts = sts;
        this.dueslag = bf.createDueslag();
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        bf.faults().clear();
    }

    private BeskedfordelerClient client(Clock clock) {
        return client(clock, StsProtocol.SOAP);
    }

    private BeskedfordelerClient client(Clock clock, StsProtocol protocol) {
        client = BeskedfordelerClient.builder().stsProtocol(protocol)
                .environment(BeskedfordelerEnvironment.custom(bf.host(), bf.port(), sts.baseUri(), sts.baseUri()))
                .systemCertificate(sts.systemIdentity().pkcs12("pw".toCharArray()), "pw".toCharArray())
                .trustAnchors(List.of(bf.tlsTrustAnchor(), sts.tlsTrustAnchor()))
                .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr())
                .clock(clock).build();
        return client;
    }

    private EventSubscription.Builder subscription() {
        return client(Clock.systemUTC()).subscription(dueslag).onUnreadable(unreadable::add)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400)).retryDelay(Duration.ofMillis(50));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private Set<String> handledIds() {
        return handled.stream().map(e -> e.message().messageId()).collect(Collectors.toSet());
    }

    @Test
    void eventsAreHandledOnceAndAcknowledgedAfterTheHandler() throws Exception {
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            assertTrue(s.awaitConsuming(WAIT), "consuming: " + s.lastFailure());
            List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString());
            for (String id : ids) {
                bf.deliver(dueslag, id, envelope(id, TYPE));
            }
            String twice = UUID.randomUUID().toString();
            bf.faults().deliverTwice(dueslag, twice, envelope(twice, TYPE));
            await(() -> s.counts().handled() == 4 && s.counts().duplicates() == 1, "4 handled, 1 duplicate");
            await(() -> bf.depth(dueslag) == 0, "an empty dueslag");
            assertEquals(Set.of(ids.get(0), ids.get(1), ids.get(2), twice), handledIds());
            assertEquals(4, handled.size());
            assertEquals(Optional.of(dueslag), handled.get(0).dueslag());
            assertEquals(TYPE, handled.get(0).message().filter().messageType());
            assertEquals(EventSubscription.State.CONSUMING, s.state());
        }
    }

    @Test
    void unreadableMessageGoesToTheErrorQueueAfterTheApplicationSawIt() throws Exception {
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            assertTrue(s.awaitConsuming(WAIT));
            bf.faults().deliverMalformed(dueslag);
            await(() -> bf.fejlkoe(dueslag).size() == 1, "the malformed message in the fejlkø");
            assertEquals(1, unreadable.size());
            assertEquals(1, s.counts().unreadable());
            assertTrue(handled.isEmpty());
            assertTrue(unreadable.get(0).reason().length() > 0);
        }
    }

    @Test
    void failingHandlerIsRetriedThenTheMessageIsDeadLettered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String flaky = UUID.randomUUID().toString();
        String broken = UUID.randomUUID().toString();
        try (EventSubscription s = subscription().maxAttempts(3).handler(e -> {
            String id = e.message().messageId();
            if (id.equals(broken) || (id.equals(flaky) && calls.incrementAndGet() < 3)) {
                throw new IllegalStateException("not now");
            }
            handled.add(e);
        }).start()) {
            assertTrue(s.awaitConsuming(WAIT));
            bf.deliver(dueslag, flaky, envelope(flaky, TYPE));
            await(() -> s.counts().handled() == 1, "the flaky event handled at its third attempt");
            assertTrue(handled.get(0).redelivered(), "a given-back message comes back redelivered");
            bf.deliver(dueslag, broken, envelope(broken, TYPE));
            await(() -> bf.fejlkoe(dueslag).size() == 1, "the broken event dead-lettered");
            assertEquals(1, s.counts().deadLettered());
            assertEquals(2 + 3, s.counts().failures());
            assertEquals(broken, bf.fejlkoe(dueslag).get(0).messageId());
        }
    }

    @Test
    void droppedAndRefusedConnectionsAreReconnected() throws Exception {
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            assertTrue(s.awaitConsuming(WAIT));
            bf.faults().refuseNextConnections(2);
            assertTrue(bf.faults().dropConnections() >= 1);
            await(() -> s.counts().connections() >= 2 && s.state() == EventSubscription.State.CONSUMING,
                    "a reconnection after two refusals");
            assertTrue(s.lastFailure().isEmpty());
            String id = UUID.randomUUID().toString();
            bf.deliver(dueslag, id, envelope(id, TYPE));
            await(() -> handledIds().contains(id), "an event after the reconnection");
        }
    }

    @Test
    void expiredTokensAreRefusedUntilTheBrokerAcceptsThem() throws Exception {
        bf.faults().expireTokens(true);
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            await(() -> s.lastFailure().isPresent(), "a refused connection");
            assertFalse(s.awaitConsuming(Duration.ofMillis(300)));
            bf.faults().expireTokens(false);
            assertTrue(s.awaitConsuming(WAIT), "consuming once tokens are accepted: " + s.lastFailure());
        }
    }

    @Test
    void tokenIsRenewedByReconnectingBeforeItRunsOut() throws Exception {
        MovableClock clock = new MovableClock();
        // the REST STS protocol carries no timestamp the STS could refuse as from the future
        try (EventSubscription s = client(clock, StsProtocol.REST).subscription(dueslag).handler(handled::add)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400)).start()) {
            assertTrue(s.awaitConsuming(WAIT));
            assertEquals(1, s.counts().connections());
            // past the renewal time (expiry less 5 minutes) of the simulator's 8-hour tokens, yet within their validity
            clock.advance(Duration.ofHours(8).minusMinutes(3));
            await(() -> s.counts().connections() >= 2, "a reconnection with a new token");
            clock.advance(Duration.ofHours(8).minusMinutes(3).negated());
            assertTrue(s.awaitConsuming(WAIT));
            String id = UUID.randomUUID().toString();
            bf.deliver(dueslag, id, envelope(id, TYPE));
            await(() -> handledIds().contains(id), "an event after the renewal");
        }
    }

    @Test
    void closeLetsTheHandlerInProgressFinishAndAcknowledge() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventSubscription s = subscription().handler(e -> {
            started.countDown();
            assertTrue(release.await(20, TimeUnit.SECONDS));
            handled.add(e);
        }).start();
        assertTrue(s.awaitConsuming(WAIT));
        String id = UUID.randomUUID().toString();
        bf.deliver(dueslag, id, envelope(id, TYPE));
        assertTrue(started.await(20, TimeUnit.SECONDS));
        Thread closer = new Thread(s::close);
        closer.start();
        Thread.sleep(200);
        assertTrue(closer.isAlive(), "close waits for the handler in progress");
        release.countDown();
        closer.join(20_000);
        assertFalse(closer.isAlive());
        assertEquals(EventSubscription.State.CLOSED, s.state());
        assertEquals(1, handled.size());
        assertEquals(0, bf.depth(dueslag), "acknowledged before the connection closed");
    }

    @Test
    void anotherAuthoritysDueslagIsNotConsumed() throws Exception {
        UUID theirs = bf.createDueslag("12345678");
        try (EventSubscription s = client(Clock.systemUTC()).subscription(theirs).handler(handled::add)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(200)).start()) {
            await(() -> s.lastFailure().isPresent(), "a refusal");
            assertFalse(s.awaitConsuming(Duration.ofMillis(300)));
        }
    }

    @Test
    void publishedEventIsAcceptedAndRoutedToTheSubscribedDueslag() throws Exception {
        bf.subscribe(dueslag, TYPE);
        EventMessage event = EventMessage.builder().messageId(UUID.randomUUID()).messageType(TYPE).build();
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            assertTrue(s.awaitConsuming(WAIT));
            PublishReceipt receipt = client.publish(event);
            assertEquals(event.messageId(), receipt.messageId());
            assertEquals(1, receipt.attempts());
            assertTrue(bf.published().stream().anyMatch(p -> p.messageId().equals(event.messageId())
                    && p.statusKode() == 20 && p.correlationId().equals(receipt.correlationId())));
            await(() -> handledIds().contains(event.messageId()), "the published event received");
        }
    }

    @Test
    void publishRefusedWith41IsSentOnceMoreWithANewTokenThenTheRefusalIsTyped() {
        BeskedfordelerClient c = client(Clock.systemUTC());
        bf.faults().expireNextPublishTokens(1);
        EventMessage first = EventMessage.builder().messageId(UUID.randomUUID()).messageType(TYPE).build();
        PublishReceipt receipt = c.publish(first);
        assertEquals(2, receipt.attempts());
        assertEquals(List.of(41, 20), bf.published().stream().filter(p -> p.messageId().equals(first.messageId()))
                .map(PublishedBesked::statusKode).toList());
        bf.faults().expireNextPublishTokens(2);
        EventMessage second = EventMessage.builder().messageId(UUID.randomUUID()).messageType(TYPE).build();
        ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> c.publish(second));
        assertEquals("41", e.faultCode());
        assertEquals("SF1462", e.service());
        assertEquals(2, bf.published().stream().filter(p -> p.messageId().equals(second.messageId())).count());
    }

    @Test
    void publishedEventNobodySubscribesToIsAcceptedAndRoutedNowhere() {
        BeskedfordelerClient c = client(Clock.systemUTC());
        EventMessage noType = EventMessage.builder().messageId(UUID.randomUUID()).messageType("urn:oio:x:y").build();
        PublishReceipt ok = c.publish(noType);
        assertEquals(1, ok.attempts());
        assertTrue(bf.published().stream().anyMatch(p -> p.messageId().equals(noType.messageId())
                && p.routedTo().isEmpty()));
    }

    /** A clock tests move. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
