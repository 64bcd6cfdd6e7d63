package dk.rammearkitektur.testkit.digitalpost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Decides which fault, if any, the next KombiPostAfsend or PostForespoerg request gets: queued one-shot faults first
 * ({@link #next(DigitalPostFault)}), then faults that hit a fraction of requests
 * ({@link #rate(DigitalPostFault, double)}), drawn from a seeded random so runs repeat. Thread-safe.
 */
public final class DigitalPostFaults {
    private final Deque<DigitalPostFault> queued = new ArrayDeque<>();
    private final List<Object[]> rated = new ArrayList<>();
    private SplittableRandom random = new SplittableRandom(42);

    DigitalPostFaults() {
    }

    /** The next request gets {@code fault}; several calls queue several faults. */
    public synchronized DigitalPostFaults next(DigitalPostFault fault) {
        queued.add(Objects.requireNonNull(fault, "fault == null"));
        return this;
    }

    /** From now on each request gets {@code fault} with probability {@code rate} (0 to 1). */
    public synchronized DigitalPostFaults rate(DigitalPostFault fault, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        rated.add(new Object[] {Objects.requireNonNull(fault, "fault == null"), rate});
        return this;
    }

    /** Reseeds the random that decides rated faults. */
    public synchronized DigitalPostFaults seed(long seed) {
        random = new SplittableRandom(seed);
        return this;
    }

    /** The faults queued for the next requests, first first (rated faults not included); a snapshot. */
    public synchronized List<DigitalPostFault> queued() {
        return List.copyOf(queued);
    }

    /** Removes every queued and rated fault. */
    public synchronized void clear() {
        queued.clear();
        rated.clear();
    }

    synchronized DigitalPostFault draw() {
        DigitalPostFault head = queued.poll();
        if (head != null) {
            return head;
        }
        for (Object[] r : rated) {
            if (random.nextDouble() < (Double) r[1]) {
                return (DigitalPostFault) r[0];
            }
        }
        return null;
    }
}
