package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CprLookupExample} against the simulator with both auth models. */
class CprLookupExampleTest {
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
    @ValueSource(strings = {"invocation-context", "sts-soap", "sts-rest"})
    void findsTheSeededCitizen(String auth) throws Exception {
        ExampleConfig config = ExampleConfig.load(SimulatorConfig.write(dir, sim, null, auth), Map.of());
        try (ServiceplatformClient client = CprLookupExample.client(config)) {
            PersonRecord p = CprLookupExample.lookUp(client, SimulatorData.CPR_ACTIVE_1900S).orElseThrow();
            assertEquals("Jens Test Hansen", p.name());
            assertEquals(SimulatorData.CPR_ACTIVE_1900S, p.cpr());
            assertTrue(CprLookupExample.lookUp(client, "0101011234").isEmpty());
        }
        assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
    }

    @ParameterizedTest
    @ValueSource(strings = {"invocation-context", "sts-soap"})
    void printsWithTheCprNumberMasked(String auth) throws Exception {
        ExampleConfig config = ExampleConfig.load(SimulatorConfig.write(dir, sim, null, auth), Map.of());
        try (ServiceplatformClient client = CprLookupExample.client(config)) {
            StringWriter out = new StringWriter();
            assertEquals(0, CprLookupExample.print(client, SimulatorData.CPR_ACTIVE_1900S, new PrintWriter(out)));
            assertTrue(out.toString().startsWith("150582-****  Jens Test Hansen  ACTIVE"), out.toString());
            assertFalse(out.toString().contains(SimulatorData.CPR_ACTIVE_1900S));
            StringWriter none = new StringWriter();
            assertEquals(4, CprLookupExample.print(client, "0101011234", new PrintWriter(none)));
            assertEquals("no person with CPR number 010101-****", none.toString().strip());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"invocation-context"})
    void anEnvironmentVariableOverridesTheFile(String auth) throws Exception {
        Path file = SimulatorConfig.write(dir, sim, null, auth);
        ExampleConfig broken = ExampleConfig.load(file, Map.of("RAMMEARKITEKTUR_AUTH", "kerberos"));
        ValidationException e = assertThrows(ValidationException.class, () -> CprLookupExample.client(broken));
        assertEquals("config.auth", e.violations().get(0).path());
        ExampleConfig sts = ExampleConfig.load(file, Map.of("RAMMEARKITEKTUR_AUTH", "sts-soap"));
        assertEquals("sts-soap", sts.get("auth").orElseThrow());
        int before = sim.requestCount("STS");
        try (ServiceplatformClient client = CprLookupExample.client(sts)) {
            assertTrue(CprLookupExample.lookUp(client, SimulatorData.CPR_ACTIVE_1900S).isPresent());
        }
        assertEquals(before + 1, sim.requestCount("STS"), "the override selected the STS token model");
    }
}
