package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.core.PersonalData;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.regex.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The STS token auth model end to end: SOAP and REST STS, token-signed service calls, refusals, single flight. */
@ExtendWith(LogCapture.class)
class StsEndToEndTest {
    private static final Pattern CPR = Pattern.compile("\\d{6}-?\\d{4}");
    private static ServiceplatformSimulator sim;

    @BeforeAll
    static void start() {
        sim = ServiceplatformSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void allThreeServicesWithTokens(StsProtocol protocol) {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, protocol).build()) {
            PersonRecord p = c.lookupPerson(SimulatorData.CPR_PROTECTED).orElseThrow();
            assertTrue(p.addressProtected());
            assertEquals("Simuleret ApS", c.lookupCompany(SimulatorData.CVR_ACTIVE).orElseThrow().name());
            assertEquals(SimulatorData.CVR_ACTIVE, c.lookupProductionUnit(SimulatorData.PNUMBER_1).orElseThrow().cvr());
            assertEquals(4, c.readOrganisation(sim.municipalityCvr()).units().size());
            c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S);
            assertEquals(3, sim.requestCount("STS"), "one token per service entity id");
            assertEquals("no violations", sim.conformanceReport());
        }
    }

    @Test
    void sixtyFourConcurrentLookupsCauseOneStsRequest() throws Exception {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP).poolSize(64)
                .timeouts(dk.rammearkitektur.core.Timeouts.of(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60)))
                .build()) { // generous: 64 TLS handshakes on a loaded shared CI machine
            ExecutorService pool = Executors.newFixedThreadPool(64);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> all = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    all.add(pool.submit(() -> {
                        go.await();
                        return c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent();
                    }));
                }
                go.countDown();
                for (Future<Boolean> f : all) {
                    assertTrue(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, sim.requestCount("STS"));
            assertEquals(64, sim.requestCount("SF1520"));
        }
    }

    @Test
    void organisationOfAnotherCvrThanTheTokensIsRefusedBeforeAnyCall() {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.REST).build()) {
            dk.rammearkitektur.core.ValidationException e = assertThrows(dk.rammearkitektur.core.ValidationException.class,
                    () -> c.readOrganisation(SimulatorData.CVR_ACTIVE));
            assertEquals("municipalityCvr", e.violations().get(0).path());
            assertEquals(0, sim.requestCount("STS") + sim.requestCount("SF1500"));
        }
    }

    @Test
    void staleTimestampIsRefusedTyped() {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.REST).build()) {
            c.lookupCompany(SimulatorData.CVR_ACTIVE);
            sim.faults().next(Fault.clockSkew(Duration.ofMinutes(30)));
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
            assertEquals(PlatformFaults.TIMESTAMP, e.faultCode());
        }
    }

    @Test
    void unknownCvrIsAnStsFaultAndNotRetriedInALoop() {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP).stsToken("12345674").build()) {
            for (int i = 0; i < 20; i++) {
                StsRefusedException e = assertThrows(StsRefusedException.class,
                        () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
                assertEquals(PlatformFaults.STS_REFUSED, e.faultCode());
            }
            assertEquals(1, sim.requestCount("STS"));
            assertEquals(0, sim.requestCount("SF1520"));
        }
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void revokedCertificateIsRefusedByTheSts(StsProtocol protocol) {
        char[] pw = "x".toCharArray();
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, protocol)
                .systemCertificate(sim.pki().revoked().pkcs12(pw), pw).build()) {
            assertEquals(PlatformFaults.STS_REFUSED, assertThrows(StsRefusedException.class,
                    () -> c.lookupCompany(SimulatorData.CVR_ACTIVE)).faultCode());
        }
    }

    @Test
    void certificateNotAuthorisedForTheCvrIsRefused() {
        char[] pw = "x".toCharArray();
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.REST)
                .systemCertificate(sim.pki().oces3OtherOrganisation().pkcs12(pw), pw).build()) {
            assertThrows(StsRefusedException.class, () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
        }
        sim.authorise(sim.municipalityCvr(), sim.pki().oces3OtherOrganisation().certificate());
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.REST)
                .systemCertificate(sim.pki().oces3OtherOrganisation().pkcs12(pw), pw).build()) {
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
        }
    }

    @Test
    void untrustedCertificateNeverGetsThroughTls() {
        dk.rammearkitektur.testkit.pki.TestPki other = dk.rammearkitektur.testkit.pki.TestPki.generateFast(99);
        char[] pw = "x".toCharArray();
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP)
                .systemCertificate(other.oces3Organisation().pkcs12(pw), pw).build()) {
            assertThrows(ConnectionFailedException.class, () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
        }
    }

    @Test
    void expiredTokenFromTheStsIsRefusedByTheClient() {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP).build()) {
            sim.faults().next(Fault.expiredToken());
            SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals("token.expired", e.reason());
            assertEquals(0, sim.requestCount("SF1520"));
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent(), "a fresh token is fetched next time");
        }
    }

    @Test
    void stsOutageIsTypedAndBounded() {
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.REST).build()) {
            sim.faults().next(Fault.httpStatus(503));
            assertEquals(503, assertThrows(dk.rammearkitektur.core.HttpStatusException.class,
                    () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S)).status());
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
        }
    }

    @Test
    void observedTwoLookupsAreTwoCallsOneStsRequestAndOneCacheHitWithoutTheCprNumber() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.SOAP).observationRegistry(registry)
                .build()) {
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
            assertTrue(c.lookupPerson(SimulatorData.CPR_PROTECTED).isPresent());
        }
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("rammearkitektur.client.call", 2)
                .hasNumberOfObservationsWithNameEqualTo("rammearkitektur.sts.token", 2)
                .forAllObservationsWithNameEqualTo("rammearkitektur.client.call", o -> o
                        .hasLowCardinalityKeyValue("service", "SF1520")
                        .hasLowCardinalityKeyValue("operation", "PersonLookup")
                        .hasLowCardinalityKeyValue("outcome", "success")
                        .hasLowCardinalityKeyValue("fault.code", "none"))
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.sts.token")
                        .hasLowCardinalityKeyValue("result", "issued"))
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.sts.token")
                        .hasLowCardinalityKeyValue("result", "cache-hit"));
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
            assertEquals(4, contexts.size());
            for (Observation.Context context : contexts) {
                for (KeyValue kv : context.getAllKeyValues()) {
                    assertFalse(CPR.matcher(kv.getValue()).find(), kv.toString());
                    assertFalse(PersonalData.containsCprNumber(kv.getValue()), kv.toString());
                }
            }
        });
    }
}
