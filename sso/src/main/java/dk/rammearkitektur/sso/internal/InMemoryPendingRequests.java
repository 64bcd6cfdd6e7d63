package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.sso.sp.PendingRequest;
import dk.rammearkitektur.sso.sp.PendingRequests;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The bounded in-memory {@link PendingRequests}: expired requests go first when full, then the oldest. */
public final class InMemoryPendingRequests implements PendingRequests {
    private final int capacity;
    private final Map<String, PendingRequest> requests = new LinkedHashMap<>();

    /** A store of at most {@code capacity} requests. */
    public InMemoryPendingRequests(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void put(PendingRequest request) {
        Objects.requireNonNull(request, "request == null");
        if (requests.size() >= capacity) {
            Instant now = Instant.now();
            requests.values().removeIf(r -> !r.expiresAt().isAfter(now));
            Iterator<String> oldest = requests.keySet().iterator();
            while (requests.size() >= capacity && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        requests.put(request.id(), request);
    }

    @Override
    public synchronized Optional<PendingRequest> take(String id) {
        return Optional.ofNullable(id == null ? null : requests.remove(id));
    }

    /** How many requests are held. */
    public synchronized int size() {
        return requests.size();
    }
}
