package dk.rammearkitektur.testkit.serviceplatform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One started simulator per test class ({@link #sim}), closed after the class; violations, counts and faults are
 * reset before each test. Test classes run one at a time, so the static field is one class's at a time.
 */
abstract class SimulatorTest {
    static ServiceplatformSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = ServiceplatformSimulator.builder().build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }
}
