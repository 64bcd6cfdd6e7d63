package dk.rammearkitektur.signing.wss;

import dk.rammearkitektur.signing.internal.InMemoryReplayCache;
import java.time.Instant;

/**
 * Remembers the messages a {@link WsSecurityVerifier} accepted, so that a second sighting of the same signed content
 * within its lifetime is refused as a replay. Share one cache between the verifiers of one service that use the same
 * timestamp age and skew (and, through an implementation backed by a shared store, between its instances).
 * Implementations must be thread-safe and must never forget an entry before its {@code keepUntil}.
 */
public interface ReplayCache {
    /** The default bound of {@link WsSecurityVerifier}'s own cache. */
    int DEFAULT_MAX_ENTRIES = 100_000;

    /** What a cache says about a message. */
    enum Sighting {
        /** Not seen before; now recorded. */
        FIRST,
        /** Seen before and still remembered: a replay. */
        REPLAY,
        /** Not seen before, but there is no room to remember it without forgetting a live entry: refuse it. */
        FULL
    }

    /**
     * Records {@code key} (a digest of what was signed) until {@code keepUntil} and says whether it was the first
     * sighting at {@code now}.
     */
    Sighting sight(String key, Instant keepUntil, Instant now);

    /**
     * A cache in this JVM's memory holding at most {@code maxEntries} keys (about 200 bytes each). Entries are
     * forgotten in expiry order; when every slot holds a live entry, new messages are refused
     * ({@value WsSecurityException#REPLAY_CACHE_FULL}) and a warning is logged, never is a live entry forgotten.
     */
    static ReplayCache inMemory(int maxEntries) {
        return new InMemoryReplayCache(maxEntries);
    }
}
