package dk.rammearkitektur.sso.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-time use of assertion ids: an id is remembered until the assertion's NotOnOrAfter (plus skew), at most
 * {@code capacity} ids. When full, expired ids go first; if none has expired, the id is refused as if replayed (the
 * SDK's choice: never forget an unexpired id). Thread-safe.
 */
public final class AssertionIdCache {
    private final int capacity;
    private final Map<String, Instant> ids = new LinkedHashMap<>();

    /** A cache of at most {@code capacity} ids. */
    public AssertionIdCache(int capacity) {
        this.capacity = capacity;
    }

    /** Records the id; false when it is already recorded and unexpired, or the cache is full of unexpired ids. */
    public synchronized boolean firstUse(String id, Instant expires, Instant now) {
        Instant seen = ids.get(id);
        if (seen != null && seen.isAfter(now)) {
            return false;
        }
        ids.remove(id);
        if (ids.size() >= capacity) {
            ids.values().removeIf(e -> !e.isAfter(now));
            if (ids.size() >= capacity) {
                return false;
            }
        }
        ids.put(id, expires);
        return true;
    }

    /** How many ids are held. */
    public synchronized int size() {
        return ids.size();
    }
}
