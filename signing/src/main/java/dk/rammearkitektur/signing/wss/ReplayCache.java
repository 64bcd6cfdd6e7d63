package dk.rammearkitektur.signing.wss;

import dk.rammearkitektur.signing.internal.InMemoryReplayCache;
import java.time.Instant;

/**
 * Remembers the messages a {@link WsSecurityVerifier} accepted, so that a second sighting of the same signed content
 * within its lifetime is refused as a replay. Share one cache between every verifier of one service (and, through an
 * implementation backed by a shared store, between its instances). Implementations must be thread-safe.
 */
public interface ReplayCache {
    /** The default bound of {@link WsSecurityVerifier}'s own cache. */
    int DEFAULT_MAX_ENTRIES = 100_000;

    /**
     * Records {@code key} (a digest of what was signed) until {@code keepUntil}; returns false when it is already
     * recorded and not yet expired at {@code now}, i.e. the message is a replay.
     */
    boolean firstSighting(String key, Instant keepUntil, Instant now);

    /**
     * A cache in this JVM's memory holding at most {@code maxEntries} keys (about 200 bytes each). Only messages whose
     * signature already verified with a trusted key are recorded, so only a trusted sender can fill it; when full, the
     * oldest entry is dropped and a warning is logged.
     */
    static ReplayCache inMemory(int maxEntries) {
        return new InMemoryReplayCache(maxEntries);
    }
}
