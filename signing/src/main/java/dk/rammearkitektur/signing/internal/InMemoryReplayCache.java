package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.wss.ReplayCache;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded replay cache that forgets entries in expiry order. When every slot holds an unexpired entry it refuses the
 * new message rather than forget one that could then be replayed (fail closed).
 */
public final class InMemoryReplayCache implements ReplayCache {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryReplayCache.class);

    private record Expiry(Instant until, String key) {
    }

    private final int maxEntries;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Expiry> byExpiry = new PriorityQueue<>((a, b) -> a.until().compareTo(b.until()));
    private long refusedFull;

    /** A cache of at most {@code maxEntries} keys. */
    public InMemoryReplayCache(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized Sighting sight(String key, Instant keepUntil, Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().until().isBefore(now)) {
            Expiry e = byExpiry.poll();
            if (e.until().equals(seen.get(e.key()))) {
                seen.remove(e.key());
            }
        }
        Instant until = seen.get(key);
        if (until != null && !until.isBefore(now)) {
            return Sighting.REPLAY;
        }
        if (until == null && seen.size() >= maxEntries) {
            if (refusedFull++ % 10_000 == 0) {
                LOG.warn("replay cache full ({} unexpired entries): refusing new messages ({} so far) rather than"
                        + " forgetting one; raise its bound", maxEntries, refusedFull);
            }
            return Sighting.FULL;
        }
        seen.put(key, keepUntil);
        byExpiry.add(new Expiry(keepUntil, key));
        return Sighting.FIRST;
    }

    /** The number of keys held now. */
    public synchronized int size() {
        return seen.size();
    }

    @Override
    public String toString() {
        return "InMemoryReplayCache[max=" + maxEntries + "]";
    }
}
