package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.CivilStatus;
import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonStatus;
import dk.rammearkitektur.clients.serviceplatform.ProductionUnitRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** All three services end to end over loopback TLS with mutual TLS and the InvocationContext auth model. */
@ServiceplatformSimulatorTest
@ExtendWith(LogCapture.class)
class InvocationContextEndToEndTest {

    @AfterEach
    void noViolations(ServiceplatformSimulator sim) {
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void personsOfEveryCenturyAndStatus(ServiceplatformClient client) {
        PersonRecord jens = client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).orElseThrow();
        assertEquals("Jens Test Hansen", jens.name());
        assertEquals(PersonStatus.ACTIVE, jens.status());
        assertEquals(CivilStatus.MARRIED, jens.civilStatus());
        assertEquals(LocalDate.of(1982, 5, 15), jens.birthDate());
        assertEquals("Testvej 12, 2. tv, 8000 Aarhus C", jens.address().oneLine());
        assertFalse(jens.addressProtected());
        assertFalse(jens.toString().contains(SimulatorData.CPR_ACTIVE_1900S), jens.toString());
        dk.rammearkitektur.model.Person party = jens.toParty(dk.rammearkitektur.model.PartyId.random());
        assertEquals(SimulatorData.CPR_ACTIVE_1900S, party.cpr().value());
        assertEquals("Testvej 12, 2. tv", party.address().orElseThrow().street());
        assertEquals("Jens Test Hansen", party.name());

        assertEquals(LocalDate.of(2005, 12, 23), client.lookupPerson("231205-4321").orElseThrow().birthDate());
        PersonRecord dead = client.lookupPerson(SimulatorData.CPR_DEAD_1800S).orElseThrow();
        assertEquals(PersonStatus.DEAD, dead.status());
        assertEquals(LocalDate.of(1885, 6, 7), dead.birthDate());
        assertNull(dead.address());
        PersonRecord prot = client.lookupPerson(SimulatorData.CPR_PROTECTED).orElseThrow();
        assertTrue(prot.addressProtected());
        assertTrue(prot.toString().contains("(protected)"));
        assertTrue(prot.toParty(dk.rammearkitektur.model.PartyId.random()).addressProtected());
        PersonRecord emigrated = client.lookupPerson(SimulatorData.CPR_EMIGRATED).orElseThrow();
        assertEquals(PersonStatus.EMIGRATED, emigrated.status());
        assertEquals(LocalDate.of(2019, 4, 1), emigrated.emigrationDate());
        assertEquals(LocalDate.of(2020, 1, 1), client.lookupPerson(SimulatorData.CPR_2020).orElseThrow().birthDate());
    }

    @Test
    void connectionsAreReused(ServiceplatformSimulator sim, ServiceplatformClient client) {
        sim.reset();
        for (int i = 0; i < 20; i++) {
            client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S);
            client.lookupCompany(SimulatorData.CVR_ACTIVE);
        }
        assertEquals(40, sim.requestCount("SF1520") + sim.requestCount("SF1530"));
        assertTrue(sim.connectionCount() <= 2, "connections: " + sim.connectionCount());
    }

    @Test
    void unknownPersonIsEmpty(ServiceplatformClient client) {
        assertTrue(client.lookupPerson("0101010000").isEmpty());
    }

    @Test
    void personAddedByTheTest(ServiceplatformSimulator sim, ServiceplatformClient client) {
        sim.data().add(new SimulatorData.Person("0202021234", "Test", null, "Tilføjet", LocalDate.of(1902, 2, 2), 1, "U",
                null, false, null));
        assertEquals("Test Tilføjet", client.lookupPerson("0202021234").orElseThrow().name());
    }

    @Test
    void companiesAndProductionUnits(ServiceplatformClient client) {
        CompanyRecord c = client.lookupCompany(SimulatorData.CVR_ACTIVE).orElseThrow();
        assertEquals("Simuleret ApS", c.name());
        assertEquals("620100", c.industryCode());
        assertEquals(List.of(SimulatorData.PNUMBER_1, SimulatorData.PNUMBER_2), c.productionUnits());
        assertTrue(c.active());
        assertEquals(SimulatorData.CVR_ACTIVE, c.toParty(dk.rammearkitektur.model.PartyId.random()).cvr().value());
        assertFalse(client.lookupCompany(SimulatorData.CVR_CEASED).orElseThrow().active());
        ProductionUnitRecord p = client.lookupProductionUnit(SimulatorData.PNUMBER_2).orElseThrow();
        assertEquals(SimulatorData.CVR_ACTIVE, p.cvr());
        assertEquals("Odense C", p.address().city());
        assertEquals(SimulatorData.PNUMBER_2,
                p.toParty(dk.rammearkitektur.model.PartyId.random()).pNumber().orElseThrow().value());
        assertTrue(client.lookupCompany("99999999").isEmpty());
    }

    @Test
    void organisationHasNoInvocationContextModel(ServiceplatformSimulator sim, ServiceplatformClient client) {
        dk.rammearkitektur.core.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dk.rammearkitektur.core.ValidationException.class, () -> client.readOrganisation(sim.municipalityCvr()));
        assertEquals("readOrganisation", e.violations().get(0).path());
        assertTrue(e.getMessage().contains("no InvocationContext model"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.core.ValidationException.class,
                () -> dk.rammearkitektur.testkit.junit.SimulatorClients.invocationContext(sim)
                        .serviceAgreement(dk.rammearkitektur.clients.serviceplatform.OrganisationService.INSTANCE,
                                java.util.UUID.randomUUID()).build());
        assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("serviceplatformClient.serviceAgreements.SF1500")
                && v.rule().contains("no InvocationContext model")), e.getMessage());
        assertEquals(0, sim.requestCount("SF1500"));
    }
}
