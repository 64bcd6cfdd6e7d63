package dk.rammearkitektur.testkit.serviceplatform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Decides which fault, if any, the next request gets: queued one-shot faults first ({@link #next(Fault)}), then
 * faults that hit a fraction of requests ({@link #rate(Fault, double)}), drawn from a seeded random so runs repeat.
 * Thread-safe.
 */
public final class FaultInjector {
    private final Deque<Fault> queued = new ArrayDeque<>();
    private final List<Rated> rated = new ArrayList<>();
    private SplittableRandom random = new SplittableRandom(42);

    private record Rated(Fault fault, double rate) {
    }

    FaultInjector() {
    }

    /** The next request (to any endpoint) gets {@code fault}; several calls queue several faults. */
    public synchronized FaultInjector next(Fault fault) {
        queued.add(Objects.requireNonNull(fault, "fault == null"));
        return this;
    }

    /** From now on each request gets {@code fault} with probability {@code rate} (0 to 1). */
    public synchronized FaultInjector rate(Fault fault, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        rated.add(new Rated(Objects.requireNonNull(fault, "fault == null"), rate));
        return this;
    }

    /** Reseeds the random that decides rated faults. */
    public synchronized FaultInjector seed(long seed) {
        random = new SplittableRandom(seed);
        return this;
    }

    /** The faults queued for the next requests, first first (rated faults not included); a snapshot. */
    public synchronized List<Fault> queued() {
        return List.copyOf(queued);
    }

    /** Removes every queued and rated fault. */
    public synchronized void clear() {
        queued.clear();
        rated.clear();
    }

    /**
     * The fault for the request now arriving, or null; an expired-token fault waits for the STS, a status-code fault
     * for an SF1500 reply ({@link #drawStatus()}).
     */
    synchronized Fault draw(boolean sts) {
        Fault head = queued.peek();
        if (head != null && (sts || head.kind() != Fault.Kind.EXPIRED_TOKEN) && head.kind() != Fault.Kind.STATUS_CODE) {
            return queued.poll();
        }
        for (Rated r : rated) {
            if ((sts || r.fault.kind() != Fault.Kind.EXPIRED_TOKEN) && r.fault.kind() != Fault.Kind.STATUS_CODE
                    && random.nextDouble() < r.rate) {
                return r.fault;
            }
        }
        return null;
    }

    /** A queued status-code fault for the SF1500 reply being written, or null. */
    synchronized Fault drawStatus() {
        Fault head = queued.peek();
        return head != null && head.kind() == Fault.Kind.STATUS_CODE ? queued.poll() : null;
    }
}
