package dk.rammearkitektur.sso.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.sso.sp.PendingRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoresTest {
    @Test
    void replayCacheRemembersUntilExpiryAndStaysBounded() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        AssertionIdCache cache = new AssertionIdCache(3);
        assertTrue(cache.firstUse("a", now.plusSeconds(10), now));
        assertFalse(cache.firstUse("a", now.plusSeconds(10), now.plusSeconds(9)));
        assertTrue(cache.firstUse("a", now.plusSeconds(30), now.plusSeconds(10)), "expired ids may come again");
        assertTrue(cache.firstUse("b", now.plusSeconds(60), now));
        assertTrue(cache.firstUse("c", now.plusSeconds(60), now));
        assertFalse(cache.firstUse("d", now.plusSeconds(60), now), "full of unexpired ids: refused, nothing forgotten");
        assertTrue(cache.firstUse("d", now.plusSeconds(60), now.plusSeconds(31)), "room after 'a' expired");
        assertEquals(3, cache.size());
    }

    @Test
    void pendingStoreIsBoundedAndTakesOnce() {
        InMemoryPendingRequests store = new InMemoryPendingRequests(2);
        Instant far = Instant.now().plusSeconds(600);
        for (int i = 0; i < 5; i++) {
            store.put(new PendingRequest("_" + i, Instant.now(), far, "rs" + i, null, null));
        }
        assertEquals(2, store.size());
        assertTrue(store.take("_0").isEmpty(), "the oldest went first");
        assertEquals("rs4", store.take("_4").orElseThrow().relayState());
        assertTrue(store.take("_4").isEmpty(), "taken once");
        assertTrue(store.take(null).isEmpty());
    }
}
