package dk.rammearkitektur.signing.wss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.internal.InMemoryReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Issue 12, hole 3: with the default {@link WsSecurityVerifier}, a Timestamp that expires in ten years is refused
 * (before the fix it was accepted and replayable for ten years), the age of a Timestamp is bounded, and a replay is
 * refused without anything being switched on.
 */
class WsSecurityTimestampDefaultsTest {
    private static final Instant T0 = WsSecurityTest.T0;

    private static Document signed(Duration ttl) {
        Document doc = SecureXml.parse(WsSecurityTest.envelope(SoapVersion.SOAP_11));
        WsSecuritySigner.builder(WsSecurityTest.CLIENT.credential())
                .samlAssertion(WsSecurityTest.token(T0, WsSecurityTest.AUDIENCE)).clock(WsSecurityTest.AT_T0)
                .timestampTtl(ttl).build().sign(doc);
        return WsSecurityTest.reparse(doc);
    }

    private static String reason(WsSecurityVerifier v, Document d) {
        return assertThrows(SecurityException.class, () -> v.verify(d)).reason();
    }

    @Test
    void aTenYearTimestampIsRefusedByDefault() {
        Document tenYears = signed(Duration.ofDays(3650));
        assertEquals(WsSecurityException.TIMESTAMP_LIFETIME, reason(WsSecurityTest.verifier(T0).build(), tenYears));
        assertEquals(WsSecurityException.TIMESTAMP_LIFETIME,
                reason(WsSecurityTest.verifier(T0.plus(Duration.ofDays(365))).build(), tenYears));
    }

    @Test
    void theLifetimeAndAgeBoundsAreConfigurable() {
        Document hour = signed(Duration.ofHours(1));
        WsSecurityVerifier lenient = WsSecurityTest.verifier(T0.plus(Duration.ofMinutes(20)))
                .maxTimestampLifetime(Duration.ofHours(1)).build();
        assertEquals(WsSecurityException.TIMESTAMP_STALE, reason(lenient, hour),
                "created 20 minutes ago: older than the default 5 minutes plus 5 minutes skew");
        WsSecurityTest.verifier(T0.plus(Duration.ofMinutes(20))).maxTimestampLifetime(Duration.ofHours(1))
                .maxTimestampAge(Duration.ofMinutes(30)).build().verify(hour);
        assertThrows(IllegalArgumentException.class, () -> WsSecurityVerifier.builder().maxTimestampLifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> WsSecurityVerifier.builder().maxTimestampAge(Duration.ofDays(2)));
        assertThrows(IllegalArgumentException.class, () -> WsSecurityVerifier.builder().skew(Duration.ofHours(2)));
    }

    @Test
    void theDefaultFiveMinutesIsAccepted() {
        WsSecurityTest.verifier(T0.plusSeconds(299)).build().verify(signed(Duration.ofMinutes(5)));
    }

    @Test
    void aReplayIsRefusedWithoutOptingIn() {
        Document doc = signed(Duration.ofMinutes(5));
        WsSecurityVerifier service = WsSecurityTest.verifier(T0.plusSeconds(10)).build();
        service.verify(doc);
        assertEquals(WsSecurityException.REPLAY, reason(service, WsSecurityTest.reparse(doc)));
    }

    @Test
    void oneSharedCacheProtectsEveryVerifierOfAService() {
        ReplayCache shared = ReplayCache.inMemory(10);
        Document doc = signed(Duration.ofMinutes(5));
        WsSecurityTest.verifier(T0.plusSeconds(10)).replayCache(shared).build().verify(doc);
        assertEquals(WsSecurityException.REPLAY,
                reason(WsSecurityTest.verifier(T0.plusSeconds(20)).replayCache(shared).build(), doc));
    }

    @Test
    void theInMemoryCacheIsBoundedAndForgetsExpiredEntries() {
        InMemoryReplayCache cache = new InMemoryReplayCache(3);
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertTrue(cache.firstSighting("k" + i, now.plusSeconds(60), now));
        }
        assertFalse(cache.firstSighting("k1", now.plusSeconds(60), now.plusSeconds(1)));
        assertTrue(cache.firstSighting("k3", now.plusSeconds(60), now.plusSeconds(2)), "full: the oldest is dropped");
        assertEquals(3, cache.size());
        assertTrue(cache.firstSighting("k0", now.plusSeconds(60), now.plusSeconds(3)), "k0 was the one dropped");
        assertTrue(cache.firstSighting("k9", now.plusSeconds(200), now.plusSeconds(120)));
        assertEquals(1, cache.size(), "everything that expired at +60 s is gone");
        assertTrue(cache.firstSighting("k1", now.plusSeconds(300), now.plusSeconds(121)), "an expired key is new again");
        assertThrows(IllegalArgumentException.class, () -> ReplayCache.inMemory(0));
    }

    @Test
    void theClockIsInjected() {
        Document doc = signed(Duration.ofMinutes(5));
        Clock late = Clock.fixed(T0.plus(Duration.ofMinutes(11)), ZoneOffset.UTC);
        assertEquals(WsSecurityException.TIMESTAMP_STALE, reason(WsSecurityTest.verifier(T0).clock(late).build(), doc));
    }
}
