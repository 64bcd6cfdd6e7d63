package vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A vendor's CPR lookup (SF1520) through the SDK's client against the simulator the testkit's extension starts. */
@ServiceplatformSimulatorTest
class CprLookupTest {
    @Test
    void looksUpACitizenThroughTheSimulator(ServiceplatformSimulator sim, ServiceplatformClient client) {
        Optional<PersonRecord> person = client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S);
        assertEquals("Jens Test Hansen", person.map(PersonRecord::name).orElse("(none)"));
        assertFalse(client.lookupPerson("0101011234").isPresent(), "not in the simulator's register");
        assertEquals(2, sim.requestCount("SF1520"));
        assertEquals("no violations", sim.conformanceReport());
    }
}
