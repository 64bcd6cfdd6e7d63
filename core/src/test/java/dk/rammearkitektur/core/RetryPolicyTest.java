package dk.rammearkitektur.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void neverRetriesNonIdempotentOperations() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(5).build();
        assertFalse(p.shouldRetry(1, false));
        assertTrue(p.shouldRetry(1, true));
        assertTrue(p.shouldRetry(4, true));
        assertFalse(p.shouldRetry(5, true));
    }

    @Test
    void delayBoundGrowsExponentiallyUpToTheMaximum() {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofMillis(100)).multiplier(2).maxDelay(Duration.ofMillis(700)).build();
        assertEquals(Duration.ofMillis(100), p.delayBound(1));
        assertEquals(Duration.ofMillis(200), p.delayBound(2));
        assertEquals(Duration.ofMillis(400), p.delayBound(3));
        assertEquals(Duration.ofMillis(700), p.delayBound(4));
        assertEquals(Duration.ofMillis(700), p.delayBound(30));
    }

    @Test
    void invalidSettingsNameTheSetting() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> RetryPolicy.builder().maxAttempts(0).multiplier(0.5).initialDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build());
        assertEquals(3, e.violations().size(), e.getMessage());
        assertTrue(e.getMessage().contains("retryPolicy.maxAttempts"));
        assertTrue(e.getMessage().contains("retryPolicy.multiplier"));
        assertTrue(e.getMessage().contains("retryPolicy.maxDelay"));
    }

    @Property(tries = 300)
    void jitteredDelayStaysWithinBound(@ForAll @IntRange(min = 1, max = 40) int attempt, @ForAll @DoubleRange(min = 0, max = 0.99) double r) {
        RetryPolicy p = RetryPolicy.defaults();
        Duration d = p.delay(attempt, () -> r);
        assertTrue(!d.isNegative() && d.compareTo(p.delayBound(attempt)) <= 0, d.toString());
    }

    @Test
    void timeoutsValidate() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Timeouts.of(Duration.ZERO, null, Duration.ofSeconds(1)));
        assertEquals(2, e.violations().size(), e.getMessage());
        assertTrue(e.getMessage().contains("timeouts.connect: must be positive"));
        assertTrue(e.getMessage().contains("timeouts.read: must be set"));
        assertEquals(Duration.ofSeconds(5), Timeouts.defaults().connect());
    }
}
