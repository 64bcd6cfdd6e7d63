package dk.rammearkitektur.clients.digitalpost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static final class MovableClock extends Clock {
        Instant now = NOW;

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
            return now;
        }
    }

    @Test
    void aTokenIsReusedUntilTheMarginBeforeItsExpiry() {
        MovableClock clock = new MovableClock();
        AccessTokens cache = new AccessTokens(clock, Duration.ofSeconds(60));
        AtomicInteger exchanges = new AtomicInteger();
        java.util.function.Supplier<AccessTokens.Token> exchange = () -> new AccessTokens.Token(
                "t" + exchanges.incrementAndGet(), "Holder-of-key", clock.now.plusSeconds(3600));
        AccessTokens.Token first = cache.get("e", exchange);
        clock.now = NOW.plusSeconds(3539);
        assertSame(first, cache.get("e", exchange));
        clock.now = NOW.plusSeconds(3540);
        assertEquals("t2", cache.get("e", exchange).value());
        assertEquals("t3", cache.get("other", exchange).value());
        AccessTokens.Token t2 = cache.get("e", exchange);
        cache.invalidate("e", t2);
        assertEquals("t4", cache.get("e", exchange).value());
    }

    @Test
    void concurrentCallersShareOneExchange() throws Exception {
        AccessTokens cache = new AccessTokens(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));
        AtomicInteger exchanges = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<AccessTokens.Token>> got = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return cache.get("e", () -> {
                        exchanges.incrementAndGet();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new AccessTokens.Token("only", "Holder-of-key", NOW.plusSeconds(3600));
                    });
                }));
            }
            start.countDown();
            for (Future<AccessTokens.Token> f : got) {
                assertEquals("only", f.get().value());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, exchanges.get());
    }

    @org.junit.jupiter.api.Test
    void theSamlTokenIsTheAssertionAsReceived() {
        String base64 = "PHNhbWw6QXNzZXJ0aW9uIC8+\r\n";
        org.junit.jupiter.api.Assertions.assertSame(base64, AccessTokens.samlTokenField(base64));
        String xml = "  <saml:Assertion\n  ID=\"a\"/>";
        org.junit.jupiter.api.Assertions.assertEquals(xml, new String(java.util.Base64.getDecoder().decode(
                AccessTokens.samlTokenField(xml)), java.nio.charset.StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> AccessTokens.samlTokenField(null));
    }
}
