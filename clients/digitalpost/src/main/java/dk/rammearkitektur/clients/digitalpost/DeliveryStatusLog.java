package dk.rammearkitektur.clients.digitalpost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the delivery statuses received for sent messages, each only once however often the platform repeats it.
 * Thread-safe.
 */
public final class DeliveryStatusLog {
    private final Map<String, DeliveryStatus> seen = new LinkedHashMap<>();

    /** An empty log. */
    public DeliveryStatusLog() {
        // nothing recorded yet
    }

    /** Records {@code status}; returns false when the same status was recorded before. */
    public synchronized boolean record(DeliveryStatus status) {
        Objects.requireNonNull(status, "status == null");
        return seen.putIfAbsent(status.deduplicationKey(), status) == null;
    }

    /** Every distinct status for the message with {@code messageUuid}, in the order received. */
    public synchronized List<DeliveryStatus> forMessage(UUID messageUuid) {
        List<DeliveryStatus> out = new ArrayList<>();
        for (DeliveryStatus s : seen.values()) {
            if (messageUuid.equals(s.messageUuid())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The most telling status of a message: failed, delivered or withdrawn beats received, which beats other steps
     * and unknown texts; among equals, the latest received.
     */
    public synchronized Optional<DeliveryStatus> current(UUID messageUuid) {
        DeliveryStatus best = null;
        for (DeliveryStatus s : forMessage(messageUuid)) {
            if (best == null || rank(s.kind()) >= rank(best.kind())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(DeliveryStatus.Kind kind) {
        switch (kind) {
            case FAILED:
            case DELIVERED:
            case WITHDRAWN:
                return 2;
            case RECEIVED:
                return 1;
            default:
                return 0;
        }
    }

    /** The number of distinct statuses recorded. */
    public synchronized int size() {
        return seen.size();
    }
}
