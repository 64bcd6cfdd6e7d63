package dk.rammearkitektur.spring.boot.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@code @RammearkitekturSimulatorTest(clients = "klassifikation")}: only that client, and only the simulators it needs. */
@org.springframework.boot.test.context.SpringBootTest(classes = RammearkitekturSimulatorTestTest.App.class)
@RammearkitekturSimulatorTest(clients = "klassifikation")
class OnlyTheSectionsAskedForTest {
    @Autowired
    ApplicationContext context;

    @Test
    void hasNoOtherClientsAndNoDigitalPostSimulator() {
        assertEquals(1, context.getBeansOfType(KlassifikationClient.class).size());
        assertEquals(1, context.getBeansOfType(ServiceplatformSimulator.class).size());
        assertTrue(context.getBeansOfType(ServiceplatformClient.class).isEmpty());
        assertTrue(context.getBeansOfType(DigitalPostClient.class).isEmpty());
        assertTrue(context.getBeansOfType(DigitalPostSimulator.class).isEmpty());
    }
}
