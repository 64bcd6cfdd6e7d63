package dk.rammearkitektur.signing.wss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
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
        return assertThrows(SecurityCheckException.class, () -> v.verify(d)).reason();
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
    void theInMemoryCacheForgetsInExpiryOrderAndNeverALiveEntry() {
        InMemoryReplayCache cache = new InMemoryReplayCache(3);
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        assertEquals(ReplayCache.Sighting.FIRST, cache.sight("long", now.plusSeconds(600), now));
        assertEquals(ReplayCache.Sighting.FIRST, cache.sight("short1", now.plusSeconds(30), now));
        assertEquals(ReplayCache.Sighting.FIRST, cache.sight("short2", now.plusSeconds(30), now));
        assertEquals(ReplayCache.Sighting.REPLAY, cache.sight("short1", now.plusSeconds(30), now.plusSeconds(1)));
        assertEquals(ReplayCache.Sighting.FULL, cache.sight("new", now.plusSeconds(60), now.plusSeconds(2)),
                "full of live entries: the new message is refused, nothing live is forgotten");
        assertEquals(ReplayCache.Sighting.FIRST, cache.sight("new", now.plusSeconds(120), now.plusSeconds(60)),
                "the two short entries expired behind the long one and were forgotten");
        assertEquals(2, cache.size());
        assertEquals(ReplayCache.Sighting.REPLAY, cache.sight("long", now.plusSeconds(600), now.plusSeconds(61)),
                "the long-lived entry is still remembered");
        assertEquals(ReplayCache.Sighting.FIRST, cache.sight("short1", now.plusSeconds(300), now.plusSeconds(62)),
                "an expired key is new again");
        assertThrows(IllegalArgumentException.class, () -> ReplayCache.inMemory(0));
    }

    /** The reviewer's attack: fill the cache with other signed messages, then replay the victim's. */
    @Test
    void floodingTheCacheDoesNotMakeAMessageReplayable() {
        WsSecurityVerifier service = WsSecurityTest.verifier(T0.plusSeconds(10)).replayCache(ReplayCache.inMemory(3)).build();
        Document victim = signed(Duration.ofMinutes(5));
        service.verify(victim);
        assertEquals(WsSecurityException.REPLAY, reason(service, WsSecurityTest.reparse(victim)));
        service.verify(signed(Duration.ofMinutes(5)));
        service.verify(signed(Duration.ofMinutes(5)));
        assertEquals(WsSecurityException.REPLAY_CACHE_FULL, reason(service, signed(Duration.ofMinutes(5))));
        assertEquals(WsSecurityException.REPLAY, reason(service, WsSecurityTest.reparse(victim)));
    }

    @Test
    void theClockIsInjected() {
        Document doc = signed(Duration.ofMinutes(5));
        Clock late = Clock.fixed(T0.plus(Duration.ofMinutes(11)), ZoneOffset.UTC);
        assertEquals(WsSecurityException.TIMESTAMP_STALE, reason(WsSecurityTest.verifier(T0).clock(late).build(), doc));
    }
}
