package dk.rammearkitektur.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The extension injects one started simulator and one configured client per class, into constructors and methods. */
@ServiceplatformSimulatorTest(strict = false)
@org.junit.jupiter.api.extension.ExtendWith(dk.rammearkitektur.testkit.serviceplatform.LogCapture.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceplatformSimulatorExtensionTest {
    private static ServiceplatformSimulator first;
    private final ServiceplatformSimulator injected;

    ServiceplatformSimulatorExtensionTest(ServiceplatformSimulator sim) {
        this.injected = sim;
    }

    @Test
    @Order(1)
    void injectsAStartedSimulatorAndAClientForIt(ServiceplatformSimulator sim, ServiceplatformClient client) {
        first = sim;
        assertSame(injected, sim);
        assertTrue(sim.baseUri().toString().startsWith("https://127.0.0.1:"));
        assertEquals(sim.baseUri().resolve("service/"), client.environment().serviceBase());
        assertTrue(client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
    }

    @Test
    @Order(2)
    void sameSimulatorForTheWholeClassAndLenientAsAnnotated(ServiceplatformSimulator sim) {
        assertSame(first, sim);
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sim)
                .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, UUID.randomUUID()).build()) {
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent(), "lenient: answered");
        }
        assertTrue(sim.violations().size() >= 1);
    }

    @Test
    @Order(3)
    void strictSimulatorsRefuseTheSame() {
        try (ServiceplatformSimulator strict = ServiceplatformSimulator.builder().build().start();
                ServiceplatformClient c = SimulatorClients.invocationContext(strict)
                        .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, UUID.randomUUID()).build()) {
            assertThrows(ServiceFaultException.class, () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
        }
    }
}
