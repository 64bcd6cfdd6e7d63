package dk.rammearkitektur.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ServiceCallExceptionTest {
    private static final ServiceCall READ = ServiceCall.read("SF1520", "PersonLookup", "corr-1");
    private static final ServiceCall SEND = ServiceCall.write("SF1601", "KombiPostAfsend", "tx-1", new StringBuilder("t"));

    @Property(tries = 50)
    void connectionAndTimeoutAreRetrySafeForReadsOrWhenTheRequestNeverArrived(@ForAll boolean idempotent,
            @ForAll boolean reached) {
        ServiceCall call = new ServiceCall("S", "op", idempotent, null, null);
        boolean expected = idempotent || !reached;
        assertEquals(expected, new ConnectionFailedException(call, "reset", reached, null).isRetrySafe());
        assertEquals(expected, new CallTimeoutException(call, "read timeout", reached, null).isRetrySafe());
    }

    @Property(tries = 300)
    void httpStatusIsRetrySafeOnlyForTryLaterStatusesOfReads(@ForAll @IntRange(min = 100, max = 599) int status,
            @ForAll boolean idempotent) {
        ServiceCall call = new ServiceCall("S", "op", idempotent, null, null);
        HttpStatusException e = new HttpStatusException(call, status, null);
        boolean tryLater = status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
        assertEquals(idempotent && tryLater, e.isRetrySafe());
        assertTrue(e.mayHaveReachedService());
        assertEquals(status, e.status());
    }

    @Test
    void refusalsAndMalformedRepliesAreNeverRetrySafe() {
        assertFalse(new MalformedReplyException(READ, "cut off", null).isRetrySafe());
        assertFalse(new ServiceFaultException(READ, "E1", "no").isRetrySafe());
        assertFalse(new StsRefusedException(READ, "E2", "unknown CVR", 400, null).isRetrySafe());
        assertTrue(new ServiceFaultException(READ, "E1", "no").mayHaveReachedService());
    }

    @Test
    void messagesNameServiceOperationAndCorrelationIdAndMaskCprNumbers() {
        ServiceFaultException e = new ServiceFaultException(READ, "E42", "no person 0101901234", 500, "soap:Client",
                "faultstring 0101901234");
        assertEquals("fault E42: no person 010190-**** (SF1520 PersonLookup, correlation id corr-1)", e.getMessage());
        assertEquals("no person 010190-****", e.faultText());
        assertEquals("faultstring 010190-****", e.faultString());
        assertEquals(Optional.of("soap:Client"), e.soapFaultCode());
        assertEquals(OptionalInt.of(500), e.httpStatus());
        assertEquals("SF1520", e.service());
        assertEquals("PersonLookup", e.operation());
        assertEquals("corr-1", e.correlationId());
        assertEquals(OptionalInt.empty(), new ServiceFaultException(READ, "E", "t").httpStatus());
        assertEquals("t", new ServiceFaultException(READ, "E", "t").faultString());
        assertEquals("connection refused (S op)",
                new ConnectionFailedException(new ServiceCall("S", "op", true, null, null), "connection refused", false,
                        null).getMessage());
    }

    @Test
    void theRequestOfASendIsGivenBackByType() {
        CallTimeoutException e = new CallTimeoutException(SEND, "no reply", true, null);
        assertEquals("t", e.request(StringBuilder.class).orElseThrow().toString());
        assertEquals(Optional.empty(), e.request(String.class));
        assertEquals(Optional.empty(), new CallTimeoutException(READ, "no reply", true, null).request(Object.class));
        assertFalse(e.isIdempotent());
        assertFalse(e.isRetrySafe(), "a send that may have arrived is not retried blindly");
    }

    @Test
    void aCallNeedsServiceAndOperation() {
        assertThrows(NullPointerException.class, () -> new ServiceCall(null, "op", true, null, null));
        assertThrows(NullPointerException.class, () -> new ServiceCall("S", null, true, null, null));
        assertThrows(NullPointerException.class, () -> new ConnectionFailedException(null, "x", false, null));
    }
}
