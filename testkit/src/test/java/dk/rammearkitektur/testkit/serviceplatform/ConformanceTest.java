package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The simulator refuses non-conforming InvocationContext calls with the documented fault, and the client surfaces it typed. */
@ExtendWith(LogCapture.class)
class ConformanceTest {
    private static ServiceplatformSimulator strict;
    private static ServiceplatformSimulator lenient;

    @BeforeAll
    static void start() {
        strict = ServiceplatformSimulator.builder().build().start();
        lenient = ServiceplatformSimulator.builder().strict(false).build().start();
    }

    @AfterAll
    static void stop() {
        strict.close();
        lenient.close();
    }

    @Test
    void wrongServiceAgreementIsRefusedInStrictMode() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(strict)
                .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, UUID.randomUUID()).build()) {
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals(PlatformFaults.INVOCATION_CONTEXT, e.faultCode());
            assertEquals("soap:Client", e.soapFaultCode().orElseThrow());
            assertTrue(strict.violations().stream().anyMatch(v -> v.code().equals(PlatformFaults.INVOCATION_CONTEXT)
                    && v.correlationId().equals(e.correlationId())), strict.conformanceReport());
        }
    }

    @Test
    void unknownUserSystemIsRefused() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(strict)
                .invocationContext(UUID.randomUUID(), strict.userUuid()).build()) {
            assertEquals(PlatformFaults.INVOCATION_CONTEXT, assertThrows(ServiceFaultException.class,
                    () -> c.lookupCompany(SimulatorData.CVR_ACTIVE)).faultCode());
        }
    }

    @Test
    void lenientModeRecordsButAnswers() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(lenient)
                .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, UUID.randomUUID()).build()) {
            int before = lenient.violations().size();
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
            assertEquals(before + 1, lenient.violations().size(), lenient.conformanceReport());
            assertTrue(lenient.conformanceReport().contains("ServiceAgreementUUID"));
        }
    }

    @Test
    void missingAgreementIsCaughtBeforeSending() {
        try (ServiceplatformClient c = ServiceplatformClient.builder()
                .environment(dk.rammearkitektur.clients.serviceplatform.Environment.custom(strict.baseUri()))
                .systemCertificate(strict.systemIdentity().pkcs12("x".toCharArray()), "x".toCharArray())
                .trustAnchors(java.util.List.of(strict.tlsTrustAnchor()))
                .invocationContext(strict.userSystemUuid(), strict.userUuid())
                .build()) {
            int before = strict.requestCount("SF1520");
            ValidationException e = assertThrows(ValidationException.class, () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals("serviceAgreements.SF1520", e.violations().get(0).path());
            assertEquals(before, strict.requestCount("SF1520"));
        }
    }

    @Test
    void unregisteredClientCertificateIsRefused() {
        char[] pw = "x".toCharArray();
        try (ServiceplatformClient c = SimulatorClients.invocationContext(strict)
                .systemCertificate(strict.pki().oces3OtherOrganisation().pkcs12(pw), pw).build()) {
            assertEquals(PlatformFaults.INVOCATION_CONTEXT, assertThrows(ServiceFaultException.class,
                    () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S)).faultCode());
        }
    }

    @Test
    void badInputNeverLeavesTheClient() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(strict).build()) {
            int before = strict.requestCount("SF1520");
            ValidationException e = assertThrows(ValidationException.class, () -> c.lookupPerson("12345"));
            assertEquals("cpr: must be 10 digits", e.getMessage());
            assertThrows(ValidationException.class, () -> c.lookupCompany("1234567a"));
            assertThrows(ValidationException.class, () -> c.lookupProductionUnit(null));
            assertEquals(before, strict.requestCount("SF1520"));
            int cvrBefore = strict.requestCount("SF1530");
            assertEquals("name", assertThrows(ValidationException.class, () -> c.searchLegalUnits(" ", true, 5))
                    .violations().get(0).path());
            assertEquals("maxResults", assertThrows(ValidationException.class, () -> c.searchLegalUnits("x", true, 0))
                    .violations().get(0).path());
            assertEquals(cvrBefore, strict.requestCount("SF1530"));
        }
    }
}
