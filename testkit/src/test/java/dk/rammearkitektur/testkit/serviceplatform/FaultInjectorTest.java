package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {
    @Test
    void queuedFaultsComeFirstAndOnce() {
        FaultInjector f = new FaultInjector();
        Fault a = Fault.httpStatus(503);
        Fault b = Fault.latency(Duration.ofMillis(5));
        f.next(a).next(b);
        assertSame(a, f.draw(false));
        assertSame(b, f.draw(false));
        assertNull(f.draw(false));
    }

    @Test
    void expiredTokenWaitsForTheSts() {
        FaultInjector f = new FaultInjector();
        f.next(Fault.expiredToken());
        assertNull(f.draw(false));
        assertEquals(Fault.Kind.EXPIRED_TOKEN, f.draw(true).kind());
    }

    @Test
    void onlySimulatedStatuses() {
        assertThrows(IllegalArgumentException.class, () -> Fault.httpStatus(404));
        assertThrows(IllegalArgumentException.class, () -> new FaultInjector().rate(Fault.connectionReset(), 1.5));
    }

    @Property(tries = 30)
    void ratedFaultsHitAboutTheirShareAndRepeatWithTheSeed(@ForAll @DoubleRange(min = 0, max = 1) double rate,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        FaultInjector f = new FaultInjector().seed(seed).rate(Fault.httpStatus(500), rate);
        FaultInjector g = new FaultInjector().seed(seed).rate(Fault.httpStatus(500), rate);
        int hits = 0;
        for (int i = 0; i < 2000; i++) {
            boolean x = f.draw(false) != null;
            assertEquals(x, g.draw(false) != null);
            hits += x ? 1 : 0;
        }
        assertEquals(rate, hits / 2000.0, 0.05);
    }
}
