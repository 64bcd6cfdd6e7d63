package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.wss.ReplayCache;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bounded, insertion-ordered replay cache; expired entries are dropped from the oldest end as calls arrive. */
public final class InMemoryReplayCache implements ReplayCache {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryReplayCache.class);
    private final int maxEntries;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();
    private long dropped;

    /** A cache of at most {@code maxEntries} keys. */
    public InMemoryReplayCache(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized boolean firstSighting(String key, Instant keepUntil, Instant now) {
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (!it.next().isBefore(now)) {
                break;
            }
            it.remove();
        }
        Instant until = seen.get(key);
        if (until != null && !until.isBefore(now)) {
            return false;
        }
        seen.remove(key);
        if (seen.size() >= maxEntries) {
            Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
            oldest.next();
            oldest.remove();
            if (dropped++ % 10_000 == 0) {
                LOG.warn("replay cache full ({} entries): dropping the oldest unexpired entries ({} so far);"
                        + " raise its bound or shorten the accepted timestamp age", maxEntries, dropped);
            }
        }
        seen.put(key, keepUntil);
        return true;
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
