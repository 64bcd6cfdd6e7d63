package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.model.CaseHistories;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link CaseIndexClient} sends and the simulated index answers, on the wire, against the published SF1470
 * contract (skipped with a message when ../shared is absent) and against the SDK's own SF1470 contract subset: every
 * operation the client has, a case with its documents, a refusal.
 */
class CaseIndexClientConformanceTest extends TappedSimulatorTest {
    @Test
    void everyRequestAndReplyFollowsThePublishedContract() throws Exception {
        assertNotNull(sim.contracts(), "the simulator validates against the published contracts too");
        CaseId id = CaseId.random();
        History<Case> h = CaseHistories.closedCase(CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), id),
                Instant.parse("2022-01-03T08:00:00Z"), 2, 4, Instant.parse("2024-06-01T00:00:00Z"));
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            CaseIndexClient index = SimulatorClients.caseIndex(sim, k).build();
            assertTrue(index.sync(h));
            index.updateCase(h);
            assertEquals(1, index.findByCpr(Cpr.parse(SimulatorData.CPR_ACTIVE_1900S)).size());
            index.removeCase(id);
            sim.faults().next(Fault.statusCode(40));
            org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.core.ServiceFaultException.class,
                    () -> index.importCase(h));
        }
        List<byte[]> requests = seen.get("SF1470 request");
        assertEquals(7, requests.size(), "find, importer, find and opdater, fremsoeg by CPR, fjern, the refused importer");
        SagDokumentIndeksConformanceTest.checkWire(requests, seen.get("SF1470 reply"));
        OwnSdiContract.validateAll(requests);
        OwnSdiContract.validateAll(seen.get("SF1470 reply"));
        assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
    }
}
