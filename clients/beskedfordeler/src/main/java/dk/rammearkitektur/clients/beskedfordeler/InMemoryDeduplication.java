package dk.rammearkitektur.clients.beskedfordeler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link Deduplication} store in this JVM's memory: for a fagsystem that runs as one instance, and for tests.
 * Several instances of a fagsystem need a shared store such as {@link JdbcDeduplication}; a restart forgets every id.
 *
 * <p>Atomic per id across the threads of this JVM: a second caller with an id whose work is running waits for it,
 * then returns false when it succeeded, or runs the work itself when it threw. Different ids never wait for each
 * other. Memory is bounded: at most {@linkplain Builder#maxIds(int) maxIds} handled ids are remembered, each for at
 * most {@linkplain Builder#retention(Duration) retention}; beyond that the oldest are forgotten first, and a
 * forgotten id that comes back is handled again. Defaults: {@value #DEFAULT_MAX_IDS} ids, 7 days.
 *
 * <pre>{@code
 * Deduplication dedupe = InMemoryDeduplication.create();
 * boolean ran = dedupe.runOnce(beskedId, transaction -> handle(besked));
 * }</pre>
 */
public final class InMemoryDeduplication implements Deduplication {
    /** How many handled ids are remembered unless {@link Builder#maxIds(int)} says otherwise. */
    public static final int DEFAULT_MAX_IDS = 100_000;
    /** How long a handled id is remembered unless {@link Builder#retention(Duration)} says otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final int maxIds;
    private final Duration retention;
    private final Clock clock;
    private final Object lock = new Object();
    /** Handled ids, oldest first, with when each was handled. Guarded by {@link #lock}. */
    private final LinkedHashMap<String, Instant> handled = new LinkedHashMap<>();
    /** Ids whose work is running now; released when it ends. Guarded by {@link #lock}. */
    private final Map<String, CountDownLatch> running = new HashMap<>();

    private InMemoryDeduplication(Builder builder) {
        this.maxIds = builder.maxIds;
        this.retention = builder.retention;
        this.clock = builder.clock;
    }

    /** A store with the defaults: {@value #DEFAULT_MAX_IDS} ids, each remembered for 7 days. */
    public static InMemoryDeduplication create() {
        return builder().build();
    }

    /** Starts a store with the defaults, to change its bounds or clock. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The work gets {@link Optional#empty()}: this store has no transaction. Waiting for another caller's work
     * on the same id can be interrupted ({@link InterruptedException}, the id is then untouched).
     *
     * @throws NullPointerException when {@code messageId} or {@code work} is null
     * @throws IllegalArgumentException when {@code messageId} is blank
     */
    @Override
    public boolean runOnce(String messageId, Work work) throws Exception {
        requireId(messageId);
        Objects.requireNonNull(work, "work == null");
        CountDownLatch mine = new CountDownLatch(1);
        while (true) {
            CountDownLatch other;
            synchronized (lock) {
                forgetExpired(clock.instant());
                if (handled.containsKey(messageId)) {
                    return false;
                }
                other = running.putIfAbsent(messageId, mine);
            }
            if (other == null) {
                break;
            }
            other.await();
        }
        boolean succeeded = false;
        try {
            work.run(Optional.empty());
            succeeded = true;
            return true;
        } finally {
            synchronized (lock) {
                if (succeeded) {
                    remember(messageId, clock.instant());
                }
                running.remove(messageId);
            }
            mine.countDown();
        }
    }

    /** How many handled ids are remembered now (ids whose retention ran out are counted until the next call). */
    public int size() {
        synchronized (lock) {
            return handled.size();
        }
    }

    private void remember(String messageId, Instant now) {
        handled.remove(messageId);
        handled.put(messageId, now);
        Iterator<String> oldestFirst = handled.keySet().iterator();
        while (handled.size() > maxIds) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    private void forgetExpired(Instant now) {
        Instant cutoff = now.minus(retention);
        Iterator<Instant> oldestFirst = handled.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().isBefore(cutoff)) {
            oldestFirst.remove();
        }
    }

    static void requireId(String messageId) {
        Objects.requireNonNull(messageId, "messageId == null");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
    }

    /** Sets the bounds and the clock of an {@link InMemoryDeduplication}. */
    public static final class Builder {
        private int maxIds = DEFAULT_MAX_IDS;
        private Duration retention = DEFAULT_RETENTION;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** How many handled ids to remember at most (at least 1); the oldest is forgotten first. */
        public Builder maxIds(int maxIds) {
            if (maxIds < 1) {
                throw new IllegalArgumentException("maxIds must be at least 1, was " + maxIds);
            }
            this.maxIds = maxIds;
            return this;
        }

        /** How long a handled id is remembered (positive); after that it is forgotten. */
        public Builder retention(Duration retention) {
            Objects.requireNonNull(retention, "retention == null");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + retention);
            }
            this.retention = retention;
            return this;
        }

        /** The clock that dates handled ids for the retention (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Builds the store. */
        public InMemoryDeduplication build() {
            return new InMemoryDeduplication(this);
        }
    }
}
