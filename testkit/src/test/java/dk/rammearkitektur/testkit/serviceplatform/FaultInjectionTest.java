package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each injected fault ends within the configured timeout in its documented exception type. */
@ServiceplatformSimulatorTest
@ExtendWith(LogCapture.class)
class FaultInjectionTest {
    private static final Duration READ = Duration.ofMillis(700);
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static ServiceplatformClient client;

    @BeforeAll
    static void client(ServiceplatformSimulator sim) {
        client = SimulatorClients.invocationContext(sim)
                .timeouts(Timeouts.of(Duration.ofSeconds(1), READ, Duration.ofSeconds(2)))
                .build();
    }

    @AfterEach
    void clear(ServiceplatformSimulator sim) {
        sim.reset();
    }

    private static <T extends Throwable> T within(Class<T> type, Runnable call) {
        long t0 = System.nanoTime();
        T e = assertThrows(type, call::run);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < BUDGET.toMillis(), "took " + ms + " ms");
        assertFalse(e.getMessage().contains(SimulatorData.CPR_ACTIVE_1900S), e.getMessage());
        return e;
    }

    @Test
    void latencyBeyondReadTimeoutIsATimeout(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.latency(READ.multipliedBy(3)));
        CallTimeoutException e = within(CallTimeoutException.class, () -> client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
        assertTrue(e.mayHaveReachedService());
    }

    @Test
    void totalTimeoutBoundsAnAttemptWhoseReadTimeoutIsLonger(ServiceplatformSimulator sim) {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sim)
                .timeouts(Timeouts.of(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMillis(800))).build()) {
            sim.faults().next(Fault.latency(Duration.ofMillis(2500)));
            long t0 = System.nanoTime();
            assertThrows(CallTimeoutException.class, () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2000, "took " + ms + " ms");
        }
    }

    @Test
    void latencyWithinReadTimeoutIsFine(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.latency(Duration.ofMillis(100)));
        assertTrue(client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
    }

    @Test
    void connectionReset(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.connectionReset());
        within(ConnectionFailedException.class, () -> client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
    }

    @Test
    void http500WithoutSoapFault(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.httpStatus(500));
        assertEquals(500, within(HttpStatusException.class, () -> client.lookupCompany(SimulatorData.CVR_ACTIVE)).status());
    }

    @Test
    void http503(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.httpStatus(503));
        HttpStatusException e = within(HttpStatusException.class, () -> client.lookupCompany(SimulatorData.CVR_ACTIVE));
        assertEquals(503, e.status());
        assertTrue(e.correlationId() != null && !e.correlationId().isBlank());
    }

    @Test
    void soapFaultCarriesCodeAndCorrelationId(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.soapFault("SP.TEST_FAULT"));
        ServiceFaultException e = within(ServiceFaultException.class,
                () -> client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
        assertEquals("SP.TEST_FAULT", e.faultCode());
        assertEquals("soap:Server", e.soapFaultCode().orElseThrow());
        assertTrue(e.correlationId().matches("[0-9a-f-]{36}"));
    }

    @Test
    void malformedXml(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.malformedXml());
        within(MalformedReplyException.class, () -> client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
    }

    @Test
    void truncatedXml(ServiceplatformSimulator sim) {
        sim.faults().next(Fault.truncatedXml());
        within(MalformedReplyException.class, () -> client.lookupCompany(SimulatorData.CVR_ACTIVE));
    }

    @Test
    void connectionRefusedIsNotReached(ServiceplatformSimulator sim) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sim)
                .environment(dk.rammearkitektur.clients.serviceplatform.Environment.custom(
                        java.net.URI.create("https://127.0.0.1:" + port + "/")))
                .build()) {
            ConnectionFailedException e = within(ConnectionFailedException.class,
                    () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertFalse(e.mayHaveReachedService());
        }
    }

    @Test
    void retriesTransient503ForReads(ServiceplatformSimulator sim) {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sim)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(20)).build())
                .build()) {
            sim.faults().next(Fault.httpStatus(503)).next(Fault.connectionReset());
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
            assertEquals(3, sim.requestCount("SF1520"));
        }
    }

    @Test
    void soapFaultIsNotRetried(ServiceplatformSimulator sim) {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sim)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(20)).build())
                .build()) {
            sim.faults().next(Fault.soapFault("X"));
            assertThrows(ServiceFaultException.class, () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals(1, sim.requestCount("SF1520"));
        }
    }

    @Test
    void rateFaultsHitAboutThatShare(ServiceplatformSimulator sim) {
        sim.faults().seed(7).rate(Fault.httpStatus(503), 0.5);
        int failed = 0;
        for (int i = 0; i < 40; i++) {
            try {
                client.lookupCompany(SimulatorData.CVR_ACTIVE);
            } catch (HttpStatusException e) {
                failed++;
            }
        }
        assertTrue(failed > 8 && failed < 32, "failed " + failed + " of 40");
    }
}
