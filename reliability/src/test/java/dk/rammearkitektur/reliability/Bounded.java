package dk.rammearkitektur.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import java.time.Duration;

/** Runs a call that must fail, and checks it failed in time, with the expected type, and without a CPR number. */
public final class Bounded {
    private Bounded() {
    }

    /** A call that may throw. */
    @FunctionalInterface
    public interface Call {
        /** Makes the call. */
        void run() throws Exception;
    }

    /**
     * Runs {@code call}, which must throw {@code type} within {@code budget}; the message must not hold an unmasked
     * CPR number.
     */
    public static <T extends RammearkitekturException> T fails(Class<T> type, Duration budget, Call call) {
        long t0 = System.nanoTime();
        Throwable thrown = null;
        try {
            call.run();
        } catch (Throwable t) {
            thrown = t;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (thrown == null) {
            fail("expected " + type.getSimpleName() + " but the call succeeded after " + ms + " ms");
        }
        if (!type.isInstance(thrown)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + thrown, thrown);
        }
        assertTrue(ms <= budget.toMillis(), type.getSimpleName() + " after " + ms + " ms, budget " + budget.toMillis());
        String message = String.valueOf(thrown.getMessage());
        assertTrue(!PersonalData.containsCprNumber(message), "CPR number in message: " + message);
        return type.cast(thrown);
    }

    /** Milliseconds since {@code t0} (from {@link System#nanoTime()}). */
    public static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
