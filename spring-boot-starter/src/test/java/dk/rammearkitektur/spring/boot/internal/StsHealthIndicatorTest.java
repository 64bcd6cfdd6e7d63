package dk.rammearkitektur.spring.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The STS health indicator's verdict, its reuse for the interval, its timeout and its details. */
class StsHealthIndicatorTest {
    private static final URI STS = URI.create("https://sts.example.test/issue");
    private static final Instant VALID_UNTIL = Instant.parse("2030-01-01T08:00:00Z");

    /** A clock tests move by hand. */
    private static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final TestClock clock = new TestClock();
    private final AtomicInteger checks = new AtomicInteger();

    private StsHealthIndicator indicator(List<StsHealthIndicator.Target> targets, Duration timeout) {
        return new StsHealthIndicator(() -> targets, Duration.ofMinutes(5), timeout, clock);
    }

    private StsHealthIndicator.Target counting(String client, URI endpoint) {
        return new StsHealthIndicator.Target(client, endpoint, () -> {
            checks.incrementAndGet();
            return VALID_UNTIL;
        });
    }

    @Test
    void upWithTheTokensExpiryAndTheVerdictReusedForTheInterval() {
        try (StsHealthIndicator h = indicator(List.of(counting("klassifikation", STS)), Duration.ofSeconds(5))) {
            Health first = h.health();
            assertEquals(Status.UP, first.getStatus(), first.toString());
            Map<?, ?> d = (Map<?, ?>) first.getDetails().get("klassifikation");
            assertEquals(STS.toString(), d.get("endpoint"));
            assertEquals(VALID_UNTIL.toString(), d.get("validUntil"));
            assertEquals(List.of("klassifikation"), d.get("clients"));
            assertEquals(clock.instant().toString(), first.getDetails().get("lastChecked"));
            clock.now.set(clock.instant().plus(Duration.ofMinutes(5)).minusMillis(1));
            assertEquals(first, h.health(), "within the interval: the same verdict");
            assertEquals(1, checks.get(), "within the interval: no second token request");
            clock.now.set(clock.instant().plusMillis(1));
            Health second = h.health();
            assertEquals(2, checks.get(), "after the interval: checked again");
            assertEquals(clock.instant().toString(), second.getDetails().get("lastChecked"));
        }
    }

    @Test
    void oneCheckPerEndpointWhateverTheNumberOfClients() {
        URI other = URI.create("https://other-sts.example.test/issue");
        try (StsHealthIndicator h = indicator(List.of(counting("serviceplatform", STS),
                counting("klassifikation", STS), counting("digital-post", other)), Duration.ofSeconds(5))) {
            Health health = h.health();
            assertEquals(Status.UP, health.getStatus());
            assertEquals(2, checks.get());
            assertEquals(List.of("serviceplatform", "klassifikation"),
                    ((Map<?, ?>) health.getDetails().get("serviceplatform")).get("clients"));
            assertEquals(other.toString(), ((Map<?, ?>) health.getDetails().get("digital-post")).get("endpoint"));
            assertFalse(health.getDetails().containsKey("klassifikation"));
        }
    }

    @Test
    void downWhenOneStsFailsWithTheErrorsTypeAndMaskedMessage() {
        StsHealthIndicator.Target failing = new StsHealthIndicator.Target("digital-post",
                URI.create("https://other-sts.example.test/issue"), () -> {
                    throw new IllegalStateException("refused for 0101901234");
                });
        try (StsHealthIndicator h = indicator(List.of(counting("klassifikation", STS), failing),
                Duration.ofSeconds(5))) {
            Health health = h.health();
            assertEquals(Status.DOWN, health.getStatus(), health.toString());
            Map<?, ?> d = (Map<?, ?>) health.getDetails().get("digital-post");
            assertEquals("DOWN", d.get("status"));
            assertEquals("IllegalStateException", d.get("errorType"));
            assertTrue(d.get("error").toString().startsWith("refused for "), d.toString());
            assertFalse(health.toString().contains("0101901234"), "CPR numbers are masked: " + health);
            assertEquals("UP", ((Map<?, ?>) health.getDetails().get("klassifikation")).get("status"));
        }
    }

    @Test
    void aSlowCheckIsDownAfterTheTimeoutAndItsVerdictServesTheNextPoll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StsHealthIndicator.Target slow = new StsHealthIndicator.Target("serviceplatform", STS, () -> {
            checks.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return VALID_UNTIL;
        });
        try (StsHealthIndicator h = indicator(List.of(slow), Duration.ofMillis(100))) {
            long t0 = System.nanoTime();
            Health waited = h.health();
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "bounded by the timeout");
            assertEquals(Status.DOWN, waited.getStatus());
            assertEquals("timeout", waited.getDetails().get("errorType"));
            assertEquals(Status.DOWN, h.health().getStatus(), "still running");
            assertEquals(1, checks.get(), "a poll during a running check starts no second one");
            release.countDown();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Health later = h.health();
            while (later.getStatus() != Status.UP && System.nanoTime() < end) {
                Thread.sleep(20);
                later = h.health();
            }
            assertEquals(Status.UP, later.getStatus(), later.toString());
            assertEquals(1, checks.get());
        }
    }

    @Test
    void unknownWithoutClients() {
        try (StsHealthIndicator h = indicator(List.of(), Duration.ofSeconds(5))) {
            Health health = h.health();
            assertEquals(Status.UNKNOWN, health.getStatus());
            assertTrue(health.getDetails().get("sts").toString().contains("no client"), health.toString());
        }
    }
}
