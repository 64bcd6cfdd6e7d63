package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CvrLookupExample} against the simulator with both auth models. */
class CvrLookupExampleTest {
    @TempDir
    static Path dir;
    private static ServiceplatformSimulator sim;

    @BeforeAll
    static void start() {
        sim = ServiceplatformSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"invocation-context", "sts-soap"})
    void findsTheCompanyAndItsProductionUnits(String auth) throws Exception {
        sim.reset();
        ExampleConfig config = ExampleConfig.load(SimulatorConfig.write(dir, sim, null, auth), Map.of());
        try (ServiceplatformClient client = CvrLookupExample.client(config)) {
            check(client, auth);
        }
    }

    private static void check(ServiceplatformClient client, String auth) {
        CvrLookupExample.Result r = CvrLookupExample.lookUp(client, SimulatorData.CVR_ACTIVE).orElseThrow();
        assertEquals("Simuleret ApS", r.company().name());
        assertTrue(r.company().active());
        assertEquals(List.of(SimulatorData.PNUMBER_1, SimulatorData.PNUMBER_2),
                r.productionUnits().stream().map(u -> u.pNumber()).toList());
        assertEquals(3, sim.requestCount("SF1530"));
        assertEquals(auth.startsWith("sts") ? 1 : 0, sim.requestCount("STS"), "one token for all three calls");
        assertFalse(CvrLookupExample.lookUp(client, SimulatorData.CVR_CEASED).orElseThrow().company().active());
        assertTrue(CvrLookupExample.lookUp(client, "12345674").isEmpty());
        assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
    }
}
