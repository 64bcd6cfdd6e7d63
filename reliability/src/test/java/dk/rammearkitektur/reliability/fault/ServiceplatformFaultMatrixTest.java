package dk.rammearkitektur.reliability.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.reliability.Bounded;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transport-level fault the Serviceplatformen simulator can inject, against a client with a three-attempt retry
 * policy: the lookup ends within its total timeout in the documented exception type, transient faults are retried
 * exactly as the policy says (attempts counted at the simulator), the others are not retried, and the client works
 * normally on the next call.
 */
class ServiceplatformFaultMatrixTest {
    static final int ATTEMPTS = 3;
    static final Duration READ = Duration.ofMillis(400);
    static final Duration TOTAL = Duration.ofMillis(2000);
    /** The total timeout plus scheduling slack on a busy two-core CI machine. */
    static final Duration BUDGET = TOTAL.plusMillis(700);

    private static ServiceplatformSimulator sim;
    private static ServiceplatformClient client;

    @BeforeAll
    static void start() {
        sim = ServiceplatformSimulator.builder().build().start();
        try (ServiceplatformClient patient = SimulatorClients.invocationContext(sim).build()) {
            assertTrue(patient.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent(), "warm up JAXB and TLS");
            assertTrue(patient.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent(), "warm up");
            assertTrue(patient.lookupProductionUnit(SimulatorData.PNUMBER_1).isPresent(), "warm up");
        }
        client = SimulatorClients.invocationContext(sim)
                .timeouts(Timeouts.of(Duration.ofMillis(500), READ, TOTAL))
                .retryPolicy(RetryPolicy.builder().maxAttempts(ATTEMPTS).initialDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(20)).build())
                .build();
        assertTrue(client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent(), "warm up");
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("latency beyond the read timeout", Fault.latency(READ.multipliedBy(3)),
                        CallTimeoutException.class, true),
                Arguments.of("connection reset", Fault.connectionReset(), ConnectionFailedException.class, true),
                Arguments.of("HTTP 503", Fault.httpStatus(503), HttpStatusException.class, true),
                Arguments.of("HTTP 500", Fault.httpStatus(500), HttpStatusException.class, false),
                Arguments.of("SOAP fault", Fault.soapFault("SP.RELIABILITY"), ServiceFaultException.class, false),
                Arguments.of("malformed XML", Fault.malformedXml(), MalformedReplyException.class, false),
                Arguments.of("truncated response", Fault.truncatedXml(), MalformedReplyException.class, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void persistentFaultEndsInTimeWithItsTypeAfterThePolicysAttempts(String name, Fault fault,
            Class<? extends RammearkitekturException> type, boolean retried) {
        for (int i = 0; i < ATTEMPTS; i++) {
            sim.faults().next(fault);
        }
        Bounded.fails(type, BUDGET, () -> client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
        assertEquals(retried ? ATTEMPTS : 1, sim.requestCount("SF1520"), name + ": attempts at the simulator");
        sim.faults().clear();
        assertTrue(client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent(), name + ": client usable afterwards");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void singleFaultIsRecoveredOnlyWhenRetryable(String name, Fault fault,
            Class<? extends RammearkitekturException> type, boolean retried) {
        sim.faults().next(fault);
        long t0 = System.nanoTime();
        if (retried) {
            assertTrue(client.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent(), name);
            assertEquals(2, sim.requestCount("SF1530"), name + ": one retry");
        } else {
            Bounded.fails(type, BUDGET, () -> client.lookupCompany(SimulatorData.CVR_ACTIVE));
            assertEquals(1, sim.requestCount("SF1530"), name + ": not retried");
        }
        assertTrue(Bounded.millisSince(t0) <= BUDGET.toMillis(), name + " took " + Bounded.millisSince(t0) + " ms");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void clientWithoutRetriesMakesExactlyOneAttempt(String name, Fault fault,
            Class<? extends RammearkitekturException> type, boolean retried) {
        try (ServiceplatformClient once = SimulatorClients.invocationContext(sim)
                .timeouts(Timeouts.of(Duration.ofMillis(500), READ, TOTAL)).retryPolicy(RetryPolicy.none()).build()) {
            sim.faults().next(fault);
            Bounded.fails(type, READ.plus(BUDGET), () -> once.lookupProductionUnit(SimulatorData.PNUMBER_1));
            assertEquals(1, sim.requestCount("SF1530"), name);
        }
    }

    static Stream<Arguments> retryableFaults() {
        return faults().filter(a -> (Boolean) a.get()[3]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retryableFaults")
    void totalTimeoutBoundsTheRetries(String name, Fault fault, Class<? extends RammearkitekturException> type,
            boolean retried) {
        Duration total = Duration.ofMillis(900);
        try (ServiceplatformClient tight = SimulatorClients.invocationContext(sim)
                .timeouts(Timeouts.of(Duration.ofMillis(300), Duration.ofMillis(400), total))
                .retryPolicy(RetryPolicy.builder().maxAttempts(50).initialDelay(Duration.ofMillis(50))
                        .maxDelay(Duration.ofMillis(100)).build()).build()) {
            sim.faults().rate(fault, 1.0);
            RammearkitekturException e = Bounded.fails(type, total.plusMillis(700),
                    () -> tight.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            int attempts = sim.requestCount("SF1520");
            assertTrue(attempts >= 1 && attempts < 50, name + ": " + attempts + " attempts, " + e);
        } finally {
            sim.faults().clear();
        }
    }
}
