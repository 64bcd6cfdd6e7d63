package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Without the published contracts (a tester without {@code ../shared}), the simulator validates against the SDK's
 * own contract subsets, and every client operation passes them with both auth models.
 */
class OwnContractSubsetSimulatorTest {
    @Test
    void everyOperationPassesTheSubsets() {
        try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder().contracts(null).build().start()) {
            assertNull(sim.contracts());
            for (ServiceplatformClient c : new ServiceplatformClient[] {SimulatorClients.invocationContext(sim).build(),
                SimulatorClients.stsToken(sim, StsProtocol.SOAP).build()}) {
                try (c) {
                    assertTrue(c.lookupPerson(SimulatorData.CPR_PROTECTED).orElseThrow().addressProtected());
                    assertTrue(c.lookupPerson("0101010000").isEmpty());
                    assertEquals("Simuleret ApS", c.lookupCompany(SimulatorData.CVR_ACTIVE).orElseThrow().name());
                    assertTrue(c.lookupCompany("99999999").isEmpty());
                    assertEquals(SimulatorData.CVR_ACTIVE, c.lookupProductionUnit(SimulatorData.PNUMBER_1).orElseThrow().cvr());
                    assertEquals(2, c.searchLegalUnits("e", false, 10).cvrNumbers().size());
                }
            }
            assertEquals("no violations", sim.conformanceReport());
        }
    }

    @Test
    void aFolderWithoutTheContractsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceplatformSimulator.builder().contracts(Path.of("no-such-folder")));
        assertTrue(e.getMessage().contains("no published Serviceplatformen contracts"), e.getMessage());
    }
}
