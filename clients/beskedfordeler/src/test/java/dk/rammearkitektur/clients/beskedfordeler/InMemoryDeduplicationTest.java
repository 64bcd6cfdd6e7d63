package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryDeduplicationTest extends DeduplicationContractTest {
    private static final Deduplication.Work NOTHING = tx -> { };

    @Override
    Deduplication newStore() {
        return InMemoryDeduplication.create();
    }

    @Override
    Deduplication sameStateElsewhere(Deduplication store) {
        return store;
    }

    @Test
    void theWorkGetsNoTransaction() throws Exception {
        AtomicReference<Optional<?>> given = new AtomicReference<>();
        assertTrue(store().runOnce("a", given::set));
        assertEquals(Optional.empty(), given.get());
    }

    @Test
    void forgetsTheOldestIdsBeyondMaxIds() throws Exception {
        InMemoryDeduplication store = InMemoryDeduplication.builder().maxIds(3).build();
        for (String id : new String[] {"a", "b", "c", "d"}) {
            assertTrue(store.runOnce(id, NOTHING));
        }
        assertEquals(3, store.size());
        assertFalse(store.runOnce("b", NOTHING));
        assertFalse(store.runOnce("d", NOTHING));
        assertTrue(store.runOnce("a", NOTHING), "the oldest id is forgotten first");
        assertEquals(3, store.size());
        assertTrue(store.runOnce("b", NOTHING), "remembering a again pushed out b, now the oldest");
    }

    @Test
    void forgetsIdsOlderThanTheRetention() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
        InMemoryDeduplication store = InMemoryDeduplication.builder().retention(Duration.ofHours(1)).clock(clock).build();
        assertTrue(store.runOnce("old", NOTHING));
        clock.advance(Duration.ofMinutes(40));
        assertTrue(store.runOnce("newer", NOTHING));
        clock.advance(Duration.ofMinutes(20));
        assertFalse(store.runOnce("old", NOTHING), "exactly the retention: still remembered");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(store.runOnce("old", NOTHING), "past the retention: forgotten, handled again");
        assertFalse(store.runOnce("newer", NOTHING));
        assertEquals(2, store.size());
    }

    @Test
    void defaultsAndBuilderChecks() {
        assertEquals(100_000, InMemoryDeduplication.DEFAULT_MAX_IDS);
        assertEquals(Duration.ofDays(7), InMemoryDeduplication.DEFAULT_RETENTION);
        assertThrows(IllegalArgumentException.class, () -> InMemoryDeduplication.builder().maxIds(0));
        assertThrows(IllegalArgumentException.class, () -> InMemoryDeduplication.builder().retention(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> InMemoryDeduplication.builder().clock(null));
        assertThrows(NullPointerException.class, () -> store().runOnce(null, NOTHING));
        assertThrows(IllegalArgumentException.class, () -> store().runOnce(" ", NOTHING));
        assertThrows(NullPointerException.class, () -> store().runOnce("a", null));
    }
}
