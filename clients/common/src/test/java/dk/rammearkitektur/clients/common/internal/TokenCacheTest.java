package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.StsRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import dk.rammearkitektur.core.ServiceCall;

class TokenCacheTest {
    private static final TokenCache.Key KEY = new TokenCache.Key("urn:service", "12345678", "abc");

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    private final TestClock clock = new TestClock();
    private final AtomicInteger issued = new AtomicInteger();

    private StsClient sts(Duration lifetime, long delayMillis) {
        return (entityId, cvr, correlationId) -> {
            issued.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new IssuedToken(null, clock.instant().plus(lifetime));
        };
    }

    @Test
    void sixtyFourConcurrentCallersShareOneRequest() throws Exception {
        TokenCache cache = new TokenCache(sts(Duration.ofHours(1), 200), clock, Duration.ofMinutes(5), Duration.ofSeconds(30),
                ObservationRegistry.NOOP);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IssuedToken>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(KEY);
                }));
            }
            start.countDown();
            IssuedToken first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<IssuedToken> f : results) {
                assertSame(first, f.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, issued.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void renewsWithinTheMarginButNotBefore() {
        TokenCache cache = new TokenCache(sts(Duration.ofMinutes(60), 0), clock, Duration.ofMinutes(5), Duration.ofSeconds(30),
                ObservationRegistry.NOOP);
        IssuedToken a = cache.get(KEY);
        clock.advance(Duration.ofMinutes(54));
        assertSame(a, cache.get(KEY));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        IssuedToken b = cache.get(KEY);
        assertTrue(b != a);
        assertEquals(2, issued.get());
        assertSame(b, cache.get(new TokenCache.Key("urn:service", "12345678", "abc")));
        cache.get(new TokenCache.Key("urn:other", "12345678", "abc"));
        cache.get(new TokenCache.Key("urn:service", "87654321", "abc"));
        cache.get(new TokenCache.Key("urn:service", "12345678", "def"));
        assertEquals(5, issued.get());
    }

    @Test
    void issueUncachedAsksTheStsEveryTimeAndLeavesTheCacheAlone() {
        TokenCache cache = new TokenCache(sts(Duration.ofMinutes(60), 0), clock, Duration.ofMinutes(5),
                Duration.ofSeconds(30), ObservationRegistry.NOOP);
        IssuedToken cached = cache.get(KEY);
        clock.advance(Duration.ofMinutes(1));
        IssuedToken fresh = cache.issueUncached(KEY);
        IssuedToken again = cache.issueUncached(KEY);
        assertEquals(3, issued.get(), "one request per check, none answered from the cache");
        assertEquals(clock.instant().plus(Duration.ofMinutes(60)), fresh.expires());
        assertTrue(fresh != again);
        assertSame(cached, cache.get(KEY), "the calls' token is still the cached one");
        assertEquals(3, issued.get());
    }

    @Test
    void issueUncachedThrowsARefusalWithoutRememberingIt() {
        AtomicInteger calls = new AtomicInteger();
        StsClient refusingOnce = (e, c, id) -> {
            if (calls.incrementAndGet() == 1) {
                throw new StsRefusedException(ServiceCall.read("STS", "Issue", id), "STS.REQUEST_REFUSED", "no", 400,
                        null);
            }
            return new IssuedToken(null, clock.instant().plus(Duration.ofHours(1)));
        };
        TokenCache cache = new TokenCache(refusingOnce, clock, Duration.ofMinutes(5), Duration.ofSeconds(30),
                ObservationRegistry.NOOP);
        assertThrows(StsRefusedException.class, () -> cache.issueUncached(KEY));
        assertEquals(clock.instant().plus(Duration.ofHours(1)), cache.get(KEY).expires(),
                "the calls are not put in the refusal's back-off");
        assertEquals(2, calls.get());
    }

    @Test
    void faultIsRememberedForTheBackoffOnly() {
        AtomicInteger calls = new AtomicInteger();
        StsClient refusing = (e, c, id) -> {
            calls.incrementAndGet();
            throw new StsRefusedException(ServiceCall.read("STS", "Issue", id), "STS.REQUEST_REFUSED", "unknown CVR", 400, null);
        };
        TokenCache cache = new TokenCache(refusing, clock, Duration.ofMinutes(5), Duration.ofSeconds(30),
                ObservationRegistry.NOOP);
        for (int i = 0; i < 100; i++) {
            StsRefusedException e = assertThrows(StsRefusedException.class, () -> cache.get(KEY));
            assertEquals("STS.REQUEST_REFUSED", e.faultCode());
        }
        assertEquals(1, calls.get());
        clock.advance(Duration.ofSeconds(31));
        assertThrows(StsRefusedException.class, () -> cache.get(KEY));
        assertEquals(2, calls.get());
    }

    @Test
    void transportFailureIsNotRemembered() {
        AtomicInteger calls = new AtomicInteger();
        StsClient flaky = (e, c, id) -> {
            if (calls.incrementAndGet() == 1) {
                throw new ConnectionFailedException(ServiceCall.read("STS", "Issue", id), "reset", true, null);
            }
            return new IssuedToken(null, clock.instant().plus(Duration.ofHours(1)));
        };
        TokenCache cache = new TokenCache(flaky, clock, Duration.ofMinutes(5), Duration.ofSeconds(30),
                ObservationRegistry.NOOP);
        assertThrows(ConnectionFailedException.class, () -> cache.get(KEY));
        cache.get(KEY);
        assertEquals(2, calls.get());
    }

    @Test
    void observesIssuedThenCacheHit() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        TokenCache cache = new TokenCache(sts(Duration.ofHours(1), 0), clock, Duration.ofMinutes(5),
                Duration.ofSeconds(30), registry);
        cache.get(KEY);
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasNameEqualTo(ClientObservations.TOKEN).hasBeenStopped()
                .hasLowCardinalityKeyValue("entity.id", "urn:service")
                .hasLowCardinalityKeyValue("result", "issued")
                .hasLowCardinalityKeyValue("fault.code", "none")
                .doesNotHaveError();
        registry.clear();
        cache.get(KEY);
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("result", "cache-hit");
        assertEquals(1, issued.get());
        CallRetriesObservationTest.assertNoPersonalData(registry);
    }

    @Test
    void observesARefusalThenTheBackoff() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        StsClient refusing = (e, c, id) -> {
            throw new StsRefusedException(ServiceCall.read("STS", "Issue", id), "STS.REQUEST_REFUSED",
                    "unknown CVR " + c, 400, null);
        };
        TokenCache cache = new TokenCache(refusing, clock, Duration.ofMinutes(5), Duration.ofSeconds(30), registry);
        assertThrows(StsRefusedException.class, () -> cache.get(KEY));
        assertThrows(StsRefusedException.class, () -> cache.get(KEY));
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(ClientObservations.TOKEN, 2)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("result", "refused")
                        .hasLowCardinalityKeyValue("fault.code", "STS.REQUEST_REFUSED").hasError())
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("result", "backoff")
                        .hasLowCardinalityKeyValue("fault.code", "STS.REQUEST_REFUSED").hasError());
    }

    @Test
    void observesATransportFailure() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        StsClient down = (e, c, id) -> {
            throw new ConnectionFailedException(ServiceCall.read("STS", "Issue", id), "reset", false, null);
        };
        TokenCache cache = new TokenCache(down, clock, Duration.ofMinutes(5), Duration.ofSeconds(30), registry);
        assertThrows(ConnectionFailedException.class, () -> cache.get(KEY));
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("result", "failed").hasLowCardinalityKeyValue("fault.code", "none");
    }

    private static final java.util.function.Predicate<io.micrometer.observation.Observation.ContextView> CALL_CONTEXT =
            c -> c.getName().equals(ClientObservations.CALL);

    @Test
    void theTokenObservationIsAChildOfTheCurrentCall() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        TokenCache cache = new TokenCache(sts(Duration.ofHours(1), 0), clock, Duration.ofMinutes(5),
                Duration.ofSeconds(30), registry);
        CallRetries.run(org.slf4j.LoggerFactory.getLogger(TokenCacheTest.class), registry,
                ServiceCall.read("SF1520", "PersonLookup", "id"), dk.rammearkitektur.core.RetryPolicy.none(),
                dk.rammearkitektur.core.Timeouts.defaults(), timeout -> cache.get(KEY));
        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsEqualTo(2)
                .hasAnObservation(o -> o.hasNameEqualTo(ClientObservations.TOKEN)
                        .hasParentObservationContextMatching(CALL_CONTEXT));
    }
}
