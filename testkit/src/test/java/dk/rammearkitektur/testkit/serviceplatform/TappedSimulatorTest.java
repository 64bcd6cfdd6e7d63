package dk.rammearkitektur.testkit.serviceplatform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture the published-contract conformance tests share: a {@link SimulatorTest} whose wire tap keeps every
 * request and reply by key (e.g. {@code "SF1510 request"}) in {@link #seen}; before each test the published contracts
 * are required (the test is skipped with a message when they are absent) and the tap is cleared.
 */
abstract class TappedSimulatorTest extends SimulatorTest {
    static final Map<String, List<byte[]>> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void tap() {
        sim.wireTap = (k, b) -> seen.computeIfAbsent(k, x -> new CopyOnWriteArrayList<>()).add(b);
    }

    @AfterAll
    static void clearTap() {
        seen.clear();
    }

    @BeforeEach
    void requireContractsAndClear() {
        PublishedContracts.require();
        seen.clear();
    }
}
