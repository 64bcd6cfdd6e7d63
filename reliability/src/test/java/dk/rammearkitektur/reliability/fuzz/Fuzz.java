package dk.rammearkitektur.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import java.time.Duration;
import java.util.Optional;

/** Runs one fuzz input: it may succeed or throw one of our exceptions, nothing else, and must end in time. */
final class Fuzz {
    private Fuzz() {
    }

    /** Something that parses or calls. */
    @FunctionalInterface
    interface Action<T> {
        /** Does it. */
        T run() throws Exception;
    }

    /**
     * Runs {@code action} within {@code limit}; returns the result, or empty when it threw one of our exceptions
     * (whose message must not hold an unmasked CPR number). Any other throwable (NPE, OOM, IOException, a
     * parser's own exception) fails the test, as does running past the limit.
     */
    static <T> Optional<T> onlyOurs(Duration limit, Action<T> action) {
        return assertTimeoutPreemptively(limit, () -> {
            try {
                return Optional.ofNullable(action.run());
            } catch (RammearkitekturException e) {
                assertFalse(PersonalData.containsCprNumber(e.getMessage()), "CPR number in: " + e.getMessage());
                return Optional.empty();
            } catch (Throwable t) {
                throw new AssertionError("not one of our exceptions: " + t, t);
            }
        }, () -> "no answer within " + limit.toMillis() + " ms (hang)");
    }
}
