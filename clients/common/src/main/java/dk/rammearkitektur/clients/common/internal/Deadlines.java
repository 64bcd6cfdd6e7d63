package dk.rammearkitektur.clients.common.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bounds blocking HTTP calls in time by interrupting the calling thread at its deadline (the JDK's HTTP client then
 * cancels the exchange). One daemon thread checks the calls in flight every {@link #TICK_MILLIS} ms, and ends once
 * none has been in flight for a second; registering and finishing a call is a map update, so a call pays no timer
 * wake-up of its own (the profile of the CPR lookup showed that a per-request timer of the JDK client, and the extra
 * thread hand-off of its asynchronous API, each added to the latency).
 */
final class Deadlines {
    /** How often the deadlines are checked; a call ends at most this much after its deadline. */
    static final long TICK_MILLIS = 10;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Set<Deadline> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static volatile Thread watcher;

    private Deadlines() {
    }

    /** Starts watching the current thread's call; it is interrupted {@code nanos} from now unless finished first. */
    static Deadline start(long nanos) {
        Deadline d = new Deadline(Thread.currentThread(), System.nanoTime() + nanos);
        IN_FLIGHT.add(d);
        try {
            ensureWatcher();
        } catch (RuntimeException | Error e) {
            IN_FLIGHT.remove(d);
            throw e;
        }
        return d;
    }

    /**
     * Starts the watcher unless one runs. A watcher that is just ending re-checks the calls in flight after it has
     * cleared {@link #watcher}, so a call added while it ended is not left unwatched.
     */
    private static void ensureWatcher() {
        if (watcher != null) {
            return;
        }
        synchronized (Deadlines.class) {
            if (watcher == null) {
                Thread t = new Thread(Deadlines::watch, "rammearkitektur-http-deadlines");
                t.setDaemon(true);
                t.start();
                watcher = t;
            }
        }
    }

    private static void watch() {
        try {
            watchUntilIdle();
        } finally {
            synchronized (Deadlines.class) {
                if (watcher == Thread.currentThread()) {
                    watcher = null;
                }
            }
            if (!IN_FLIGHT.isEmpty() && !Thread.currentThread().isInterrupted()) {
                ensureWatcher();
            }
        }
    }

    private static void watchUntilIdle() {
        long idleSince = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            for (Deadline d : IN_FLIGHT) {
                if (now - d.at >= 0) {
                    d.fire();
                }
            }
            if (!IN_FLIGHT.isEmpty()) {
                idleSince = now;
            } else if (now - idleSince > IDLE_NANOS) {
                return;
            }
        }
    }

    /** One call's deadline. */
    static final class Deadline {
        private final Thread thread;
        private final long at;
        private boolean finished;
        private boolean fired;

        private Deadline(Thread thread, long at) {
            this.thread = thread;
            this.at = at;
        }

        /** Interrupts the call, unless it has finished or its thread is being interrupted by someone else already. */
        private synchronized void fire() {
            if (!finished && !fired && !thread.isInterrupted()) {
                fired = true;
                thread.interrupt();
            }
        }

        /**
         * Ends the watch; true when the deadline fired, in which case the interrupt it caused is cleared from the
         * calling thread (whether or not the call noticed it).
         */
        synchronized boolean finish() {
            IN_FLIGHT.remove(this);
            finished = true;
            if (fired) {
                Thread.interrupted();
            }
            return fired;
        }
    }
}
