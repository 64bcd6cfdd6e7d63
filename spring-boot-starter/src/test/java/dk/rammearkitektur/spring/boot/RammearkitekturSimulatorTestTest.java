package dk.rammearkitektur.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationClient;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.spring.boot.test.RammearkitekturSimulatorTest;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The test slice: {@code @SpringBootTest} with {@code @RammearkitekturSimulatorTest} gets clients of a simulator. */
@SpringBootTest(classes = RammearkitekturSimulatorTestTest.App.class,
        properties = "rammearkitektur.environment=production")
@RammearkitekturSimulatorTest
class RammearkitekturSimulatorTestTest {
    @Autowired
    KlassifikationClient klassifikation;
    @Autowired
    ServiceplatformSimulator sim;
    @Autowired
    ApplicationContext context;

    @Test
    void theAutoConfiguredClientsCallTheSimulatorEvenWhenTheApplicationNamesAnotherEnvironment() {
        assertEquals("32.18.02", klassifikation.resolveSubject(KleNumber.parse("32.18.02")).orElseThrow().key());
        assertTrue(sim.requestCounts().values().stream().mapToLong(Number::longValue).sum() > 0, "the simulator saw the call");
        assertNotNull(context.getBean(ServiceplatformClient.class));
        assertNotNull(context.getBean(OrganisationClient.class));
    }

    /** Only the sections asked for. */
    @Nested
    @SpringBootTest(classes = RammearkitekturSimulatorTestTest.App.class)
    @RammearkitekturSimulatorTest(clients = "klassifikation")
    class OnlyKlassifikation {
        @Autowired
        ApplicationContext nested;

        @Test
        void hasNoOtherClients() {
            assertEquals(1, nested.getBeansOfType(KlassifikationClient.class).size());
            assertTrue(nested.getBeansOfType(ServiceplatformClient.class).isEmpty());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
