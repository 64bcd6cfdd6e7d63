package dk.rammearkitektur.testkit.serviceplatform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture the published-contract conformance tests share: one simulator per test class whose wire tap keeps
 * every request and reply by key (e.g. {@code "SF1510 request"}) in {@link #seen}; before each test the published
 * contracts are required (the test is skipped with a message when they are absent), violations and faults are reset
 * and the tap is cleared. Test classes run one at a time, so the static fields are one class's at a time.
 */
abstract class TappedSimulatorTest {
    static ServiceplatformSimulator sim;
    static final Map<String, List<byte[]>> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTapped() {
        sim = ServiceplatformSimulator.builder().build().start();
        sim.wireTap = (k, b) -> seen.computeIfAbsent(k, x -> new CopyOnWriteArrayList<>()).add(b);
    }

    @AfterAll
    static void stopTapped() {
        sim.close();
        seen.clear();
    }

    @BeforeEach
    void requireContractsAndClear() {
        PublishedContracts.require();
        sim.reset();
        seen.clear();
    }
}
