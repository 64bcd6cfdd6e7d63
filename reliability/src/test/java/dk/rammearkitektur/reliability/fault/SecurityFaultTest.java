package dk.rammearkitektur.reliability.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.reliability.Bounded;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.PlatformFaults;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults in the security layer: an expired token from the STS, clocks that disagree, revoked and expired system
 * certificates. Each ends in time in its documented exception, is never retried (retrying cannot fix it), and never
 * reaches the data service with a bad token.
 */
class SecurityFaultTest {
    static final Duration BUDGET = Duration.ofMillis(3000);
    static final Duration SKEW = Duration.ofMinutes(5);
    private static ServiceplatformSimulator sim;

    @BeforeAll
    static void start() {
        sim = ServiceplatformSimulator.builder().clockSkew(SKEW).build().start();
        for (StsProtocol protocol : StsProtocol.values()) {
            try (ServiceplatformClient warm = SimulatorClients.stsToken(sim, protocol).build()) {
                assertTrue(warm.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent(), "warm up");
            }
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
    }

    private static ServiceplatformClient.Builder sts(StsProtocol protocol) {
        return SimulatorClients.stsToken(sim, protocol)
                .timeouts(Timeouts.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(2500)))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(20)).build());
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void expiredTokenIsRefusedBeforeTheServiceIsCalled(StsProtocol protocol) {
        try (ServiceplatformClient c = sts(protocol).build()) {
            sim.faults().next(Fault.expiredToken());
            SecurityCheckException e = Bounded.fails(SecurityCheckException.class, BUDGET,
                    () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals("token.expired", e.reason());
            assertEquals(0, sim.requestCount("SF1520"), "an expired token is never presented");
            assertEquals(1, sim.requestCount("STS"), "not retried");
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent(), "next call fetches a new token");
            assertEquals(2, sim.requestCount("STS"));
        }
    }

    @Test
    void simulatorClockBeyondTheSkewIsATimestampFaultNotRetried() {
        try (ServiceplatformClient c = sts(StsProtocol.REST).build()) {
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
            sim.reset();
            sim.faults().next(Fault.clockSkew(SKEW.multipliedBy(6)));
            ServiceFaultException e = Bounded.fails(ServiceFaultException.class, BUDGET,
                    () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
            assertEquals(PlatformFaults.TIMESTAMP, e.faultCode());
            assertEquals(1, sim.requestCount("SF1530"), "a fault from the platform is not retried");
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent(), "fine once the clocks agree");
        }
    }

    @Test
    void simulatorClockWithinTheSkewIsAccepted() {
        try (ServiceplatformClient c = sts(StsProtocol.SOAP).build()) {
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
            sim.faults().next(Fault.clockSkew(SKEW.dividedBy(2))).next(Fault.clockSkew(SKEW.dividedBy(-2)));
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
        }
    }

    /**
     * With the SOAP STS the client's signed WS-Trust request carries its own timestamp, so the STS refuses first; with
     * the REST STS the token is issued and the service refuses the WS-Security timestamp.
     */
    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void clientClockAheadBeyondTheSkewFailsTyped(StsProtocol protocol) {
        try (ServiceplatformClient c = sts(protocol)
                .clock(Clock.offset(Clock.systemUTC(), SKEW.multipliedBy(6))).build()) {
            if (protocol == StsProtocol.SOAP) {
                StsRefusedException e = Bounded.fails(StsRefusedException.class, BUDGET,
                        () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
                assertEquals(PlatformFaults.TIMESTAMP, e.faultCode());
                assertEquals(0, sim.requestCount("SF1530"));
            } else {
                ServiceFaultException e = Bounded.fails(ServiceFaultException.class, BUDGET,
                        () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
                assertEquals(PlatformFaults.TIMESTAMP, e.faultCode());
                assertEquals(1, sim.requestCount("SF1530"), "not retried");
            }
        }
    }

    /** SOAP STS: the STS refuses the stale request timestamp; REST STS: the client refuses the not-yet-valid token. */
    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void clientClockBehindBeyondTheSkewFailsTyped(StsProtocol protocol) {
        try (ServiceplatformClient c = sts(protocol)
                .clock(Clock.offset(Clock.systemUTC(), SKEW.multipliedBy(-6))).build()) {
            if (protocol == StsProtocol.SOAP) {
                StsRefusedException e = Bounded.fails(StsRefusedException.class, BUDGET,
                        () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
                assertEquals(PlatformFaults.TIMESTAMP, e.faultCode());
            } else {
                SecurityCheckException e = Bounded.fails(SecurityCheckException.class, BUDGET,
                        () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
                assertTrue(e.reason().startsWith("token."), e.reason());
            }
            assertEquals(0, sim.requestCount("SF1530"), "a bad token is never presented");
        }
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void clientClockWithinTheSkewWorks(StsProtocol protocol) {
        try (ServiceplatformClient c = sts(protocol)
                .clock(Clock.offset(Clock.systemUTC(), SKEW.dividedBy(-2))).build()) {
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void revokedCertificateIsRefusedByTheStsAndNotAskedAgainAndAgain(StsProtocol protocol) {
        refusedBySts(protocol, sim.pki().revoked());
    }

    @Test
    void expiredCertificateIsRefusedWhenTheClientIsBuilt() {
        char[] pw = "x".toCharArray();
        ValidationException e = assertThrows(ValidationException.class,
                () -> sts(StsProtocol.REST).systemCertificate(sim.pki().expired().pkcs12(pw), pw).build());
        assertTrue(e.getMessage().contains("systemCertificate"), e.getMessage());
    }

    private static void refusedBySts(StsProtocol protocol, TestIdentity identity) {
        char[] pw = "x".toCharArray();
        try (ServiceplatformClient c = sts(protocol).systemCertificate(identity.pkcs12(pw), pw).build()) {
            for (int i = 0; i < 3; i++) {
                StsRefusedException e = Bounded.fails(StsRefusedException.class, BUDGET,
                        () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
                assertEquals(PlatformFaults.STS_REFUSED, e.faultCode());
            }
            assertEquals(1, sim.requestCount("STS"), "the refusal is remembered, not retried");
            assertEquals(0, sim.requestCount("SF1520"));
        }
    }

    @Test
    void revokedCertificateWithInvocationContext() {
        char[] pw = "x".toCharArray();
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sim)
                .systemCertificate(sim.pki().revoked().pkcs12(pw), pw).build()) {
            ServiceFaultException e = Bounded.fails(ServiceFaultException.class, BUDGET,
                    () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals(PlatformFaults.INVOCATION_CONTEXT, e.faultCode(), e.getMessage());
            assertEquals(1, sim.requestCount("SF1520"), "not retried");
        }
    }
}
