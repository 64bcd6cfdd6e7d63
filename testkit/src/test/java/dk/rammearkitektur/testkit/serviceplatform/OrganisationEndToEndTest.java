package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.OrganisationRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SF1500 Organisation 6 end to end: SOAP 1.2, token CVR, paging, StatusKode, units, users, functions, validity. */
@ExtendWith(LogCapture.class)
@ServiceplatformSimulatorTest
class OrganisationEndToEndTest {
    @BeforeEach
    void reset(ServiceplatformSimulator sim) {
        sim.reset();
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void treeUsersFunctionsAndValidityOfTheTokensOrganisation(StsProtocol protocol, ServiceplatformSimulator sim) {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, protocol).build()) {
            OrganisationRecord org = c.readOrganisation(sim.municipalityCvr());
            SimulatorData.Organisation seeded = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
            assertEquals(seeded.uuid(), org.organisationUuid());
            assertEquals(seeded.name(), org.name());
            assertEquals(4, org.units().size());
            assertEquals(1, org.roots().size());
            assertEquals("Testkommune", org.roots().get(0).name());
            assertEquals("TK", org.roots().get(0).key());
            assertEquals(2, org.children(org.roots().get(0).uuid()).size());
            assertEquals(3, org.users().size());
            for (SimulatorData.User u : seeded.users()) {
                OrganisationRecord.User read = org.users().stream().filter(x -> x.uuid().equals(u.uuid())).findFirst()
                        .orElseThrow();
                assertEquals(u.userName(), read.userName());
                assertEquals(u.name(), read.name());
                assertEquals(Set.copyOf(u.units()), Set.copyOf(read.units()), "units through the engagement functions");
            }
            assertEquals(4, org.functions().size(), "one engagement per user and unit");
            assertTrue(org.functions().stream().allMatch(f -> "Ansat".equals(f.name()) && f.users().size() == 1
                    && f.units().size() == 1 && f.type() != null));
            OrganisationRecord.Period p = org.units().get(0).validity();
            assertEquals(Instant.parse("2015-01-01T00:00:00Z"), p.from());
            assertNull(p.to());
            assertTrue(p.contains(Instant.now()));
            assertEquals(1, sim.requestCount("SF1500"), "one page of 500 holds everything");
            assertEquals("no violations", sim.conformanceReport());
        }
    }

    @Test
    void pagesUntilNoListFillsThePage(ServiceplatformSimulator sim) {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP).organisationPageSize(2).build()) {
            OrganisationRecord org = c.readOrganisation(sim.municipalityCvr());
            // lists of 4 units, 4 functions, 3 users: pages at 0, 2 (both full), 4 (empty) -> 3 calls
            assertEquals(3, sim.requestCount("SF1500"));
            assertEquals(4, org.units().size());
            assertEquals(3, org.users().size());
            assertEquals(4, org.functions().size());
            assertEquals(4, org.units().stream().map(OrganisationRecord.Unit::uuid).collect(Collectors.toSet()).size());
            assertEquals("no violations", sim.conformanceReport());
        }
    }

    @Test
    void statusCodeOtherThan20IsATypedFaultWithTheText(ServiceplatformSimulator sim) {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP).build()) {
            sim.faults().next(Fault.statusCode(44));
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> c.readOrganisation(sim.municipalityCvr()));
            assertEquals("44", e.faultCode());
            assertEquals("simulated status 44", e.faultText());
            assertEquals(java.util.Optional.empty(), e.soapFaultCode(), "a StatusKode refusal is not a SOAP fault");
            assertEquals("FremsoegObjekthierarki", e.operation());
            assertTrue(e.correlationId() != null && e.correlationId().matches("[0-9a-f-]{36}"), e.correlationId());
        }
    }

    @Test
    void organisationWithoutDataIsEmptyNotAnError() {
        SimulatorData empty = SimulatorData.empty();
        try (ServiceplatformSimulator other = ServiceplatformSimulator.builder().data(empty).build().start();
                ServiceplatformClient c = SimulatorClients.stsToken(other, StsProtocol.SOAP).build()) {
            OrganisationRecord org = c.readOrganisation(other.municipalityCvr());
            assertNull(org.organisationUuid());
            assertTrue(org.units().isEmpty() && org.users().isEmpty() && org.functions().isEmpty());
        }
    }

    @Test
    void badPageSizeAndCvrAreValidationErrors(ServiceplatformSimulator sim) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SimulatorClients.stsToken(sim, StsProtocol.SOAP).organisationPageSize(0).build());
        assertEquals("serviceplatformClient.organisationPageSize", e.violations().get(0).path());
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP).build()) {
            assertEquals("municipalityCvr", assertThrows(ValidationException.class,
                    () -> c.readOrganisation("1234")).violations().get(0).path());
            assertEquals("municipalityCvr", assertThrows(ValidationException.class,
                    () -> c.readOrganisation(null)).violations().get(0).path());
        }
    }
}
