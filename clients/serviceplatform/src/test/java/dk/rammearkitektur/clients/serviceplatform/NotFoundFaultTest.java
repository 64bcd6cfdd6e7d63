package dk.rammearkitektur.clients.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

/** Only the platform's not-found fault becomes an empty result; its text may be in the faultstring or the detail. */
class NotFoundFaultTest {
    private static final ServiceCall CALL = ServiceCall.read("SF1520", "PersonLookup", "c");

    private static Optional<String> failWith(ServiceFaultException e) {
        return ServiceplatformClient.notFoundAsEmpty(ServiceplatformClient.CPR_NOT_FOUND, () -> {
            throw e;
        });
    }

    @Test
    void notFoundInTheFaultstringOrTheErrorTextIsEmpty() {
        assertTrue(failWith(new ServiceFaultException(CALL, "E1", "Opslag fejlede", 500, "soap:Server",
                "PNR not found")).isEmpty());
        assertTrue(failWith(new ServiceFaultException(CALL, "E1", "Error: PNR not found for 0101901234",
                500, "soap:Server", null)).isEmpty());
        assertTrue(ServiceplatformClient.notFoundAsEmpty(ServiceplatformClient.CVR_NOT_FOUND, () -> {
            throw new ServiceFaultException(CALL, "soap:Client", null, 500, "soap:Client",
                    "Required property '/virksomhed/CVRNummer' missing.");
        }).isEmpty());
    }

    @Property(tries = 200)
    void anyOtherFaultIsThrown(@ForAll @AlphaChars String text) {
        ServiceFaultException e = new ServiceFaultException(CALL, "E1", text, 500, "soap:Server", text);
        if (text.contains("PNR not found")) {
            return;
        }
        assertSame(e, assertThrows(ServiceFaultException.class, () -> failWith(e)));
    }

    @Test
    void aFoundValueIsReturned() {
        assertEquals(Optional.of("x"), ServiceplatformClient.notFoundAsEmpty(ServiceplatformClient.CPR_NOT_FOUND, () -> "x"));
        assertEquals(Optional.empty(), ServiceplatformClient.notFoundAsEmpty(ServiceplatformClient.CPR_NOT_FOUND, () -> null));
    }

    @Test
    void theFaultstringIsMasked() {
        assertEquals("nope 010190-****", new ServiceFaultException(CALL, "E", "t", 500, "s", "nope 0101901234")
                .faultString());
    }
}
