package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.InMemoryPendingRequests;
import java.util.Optional;

/**
 * Where the service provider keeps the AuthnRequests it waits for. {@link #take(String)} removes the request, so a
 * request can be answered once. Implement it over the HTTP session or a shared database for several instances; the
 * default {@link #inMemory(int)} is bounded and for one instance. Implementations must be thread-safe.
 */
public interface PendingRequests {
    /** Stores a request until it is taken or expires. */
    void put(PendingRequest request);

    /** Removes and returns the request with this ID, if stored. */
    Optional<PendingRequest> take(String id);

    /**
     * A bounded in-memory store: holds at most {@code capacity} requests, dropping expired ones first and then the
     * oldest (the SDK's choice; a dropped request's Response is refused as unknown).
     */
    static PendingRequests inMemory(int capacity) {
        return new InMemoryPendingRequests(capacity);
    }
}
