package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DigitalPostSimulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigitalPostSimulatorExtensionTest {
    private static DigitalPostSimulator first;

    @Test
    @Order(1)
    void injectsAStartedSimulatorAndAClientForIt(DigitalPostSimulator sim, DigitalPostClient client) {
        first = sim;
        assertTrue(client.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(10)))).accepted());
        assertEquals(1, sim.mailboxTotal());
    }

    @Test
    @Order(2)
    void theSameSimulatorIsResetBeforeEachTest(DigitalPostSimulator sim) {
        assertSame(first, sim);
        assertEquals(0, sim.mailboxTotal());
    }
}
