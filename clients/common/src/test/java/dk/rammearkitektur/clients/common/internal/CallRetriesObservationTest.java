package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.core.Timeouts;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one observation per logical call that {@link CallRetries} records, whatever its attempts. */
class CallRetriesObservationTest {
    private static final Logger LOG = LoggerFactory.getLogger(CallRetriesObservationTest.class);
    private static final Pattern CPR = Pattern.compile("\\d{6}-?\\d{4}");
    private static final String CPR_NUMBER = "0101901234";
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(1), 1.0,
            Duration.ofMillis(2));
    private static final Timeouts TIMEOUTS = Timeouts.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ServiceCall call = ServiceCall.read("SF1520", "PersonLookup", "6a1c5e4e-3c1b-4a57-9d5c-1f0d2b1e7c11");

    private <T> T run(CallRetries.Attempt<T> attempt) {
        return CallRetries.run(LOG, registry, call, RETRY, TIMEOUTS, attempt);
    }

    private void assertOne(String outcome, String faultCode) {
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(ClientObservations.CALL, 1)
                .hasSingleObservationThat()
                .hasBeenStarted().hasBeenStopped()
                .hasLowCardinalityKeyValue("service", "SF1520")
                .hasLowCardinalityKeyValue("operation", "PersonLookup")
                .hasLowCardinalityKeyValue("outcome", outcome)
                .hasLowCardinalityKeyValue("fault.code", faultCode);
        assertNoPersonalData(registry);
    }

    /** No key value of any observation looks like a CPR number or holds the correlation id. */
    static void assertNoPersonalData(TestObservationRegistry registry) {
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
            assertFalse(contexts.isEmpty());
            for (Observation.Context c : contexts) {
                for (KeyValue kv : c.getAllKeyValues()) {
                    assertFalse(CPR.matcher(kv.getValue()).find(), kv.toString());
                    assertFalse(PersonalData.containsCprNumber(kv.getValue()), kv.toString());
                    assertFalse(kv.getValue().contains("6a1c5e4e"), kv.toString());
                }
            }
        });
    }

    @Test
    void successIsOneObservation() {
        assertEquals("ok", run(timeout -> "ok"));
        assertOne("success", "none");
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().doesNotHaveError();
    }

    @Test
    void aRetryThatEndsInSuccessIsOneObservationWithARetryEvent() {
        AtomicInteger attempts = new AtomicInteger();
        String result = run(timeout -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConnectionFailedException(call, "refused for " + CPR_NUMBER, false, null);
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, attempts.get());
        assertOne("success", "none");
    }

    @Test
    void retriesAreEventsOfTheOneObservation() {
        AtomicInteger events = new AtomicInteger();
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public void onEvent(Observation.Event event, Observation.Context context) {
                if (event.getName().equals("retry")) {
                    events.incrementAndGet();
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        AtomicInteger attempts = new AtomicInteger();
        run(timeout -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConnectionFailedException(call, "reset", false, null);
            }
            return "ok";
        });
        assertEquals(2, events.get());
        assertOne("success", "none");
    }

    @Test
    void aFaultCarriesItsCode() {
        ServiceFaultException fault = new ServiceFaultException(call, "PersonIkkeFundet",
                "no person with CPR " + CPR_NUMBER);
        assertThrows(ServiceFaultException.class, () -> run(timeout -> {
            throw fault;
        }));
        assertOne("fault", "PersonIkkeFundet");
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().hasError(fault);
    }

    @Test
    void aFaultCodeHoldingANumberIsNotATag() {
        assertThrows(ServiceFaultException.class, () -> run(timeout -> {
            throw new ServiceFaultException(call, "unknown " + CPR_NUMBER, "text");
        }));
        assertOne("fault", "other");
    }

    @Test
    void aTimeout() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(CallTimeoutException.class, () -> run(timeout -> {
            attempts.incrementAndGet();
            throw new CallTimeoutException(call, "no reply", true, null);
        }));
        assertEquals(3, attempts.get());
        assertOne("timeout", "none");
    }

    @Test
    void aConnectionFailureAfterEveryAttempt() {
        assertThrows(ConnectionFailedException.class, () -> run(timeout -> {
            throw new ConnectionFailedException(call, "connection refused", false, null);
        }));
        assertOne("connection", "none");
    }

    @Test
    void anHttpStatusCarriesTheStatus() {
        assertThrows(HttpStatusException.class, () -> run(timeout -> {
            throw new HttpStatusException(call, 503, null);
        }));
        assertOne("http-status", "503");
    }

    @Test
    void aReplyTheReaderCannotRead() {
        assertThrows(MalformedReplyException.class, () -> run(timeout -> {
            throw new ReplyShapeException("no element for " + CPR_NUMBER, null);
        }));
        assertOne("malformed-reply", "none");
    }

    @Test
    void anStsRefusalWhileAuthorising() {
        assertThrows(StsRefusedException.class, () -> run(timeout -> {
            throw new StsRefusedException(ServiceCall.read("STS", "Issue", null), "STS.REQUEST_REFUSED", "no",
                    400, null);
        }));
        assertOne("sts-refused", "STS.REQUEST_REFUSED");
    }

    @Test
    void theNoopRegistryIsTheDefaultAndRecordsNothing() {
        assertEquals("ok", CallRetries.run(LOG, ObservationRegistry.NOOP, call, RETRY, TIMEOUTS, timeout -> "ok"));
        Observation noop = ClientObservations.startCall(ObservationRegistry.NOOP, call);
        assertTrue(noop.isNoop());
        assertSame(Observation.Scope.NOOP, ClientObservations.scope(noop), "no scope is allocated for nothing");
        assertTrue(ClientObservations.startCall(ObservationRegistry.create(), call).isNoop(),
                "a registry without handlers gets the no-op observation");
        assertThrows(CallTimeoutException.class, () -> CallRetries.run(LOG, ObservationRegistry.NOOP, call,
                RetryPolicy.none(), TIMEOUTS, timeout -> {
                    throw new CallTimeoutException(call, "no reply", true, null);
                }));
        TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
    }
}
