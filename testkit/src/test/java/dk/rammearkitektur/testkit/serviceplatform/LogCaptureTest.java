package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import org.junit.jupiter.api.Test;

/** The CPR log guard sees the client's and CXF's debug logging, and would catch a CPR number. */
@ServiceplatformSimulatorTest
class LogCaptureTest {
    @Test
    void guardSeesTheCallsAndDetectsACpr(ServiceplatformClient client) {
        LogCapture.install();
        int before = LogCapture.EVENTS.get();
        client.lookupPerson(SimulatorData.CPR_PROTECTED);
        assertTrue(LogCapture.EVENTS.get() > before, "no log events captured during a call");
        int leaks = LogCapture.LEAKS.size();
        LogCapture.check("lookup of 1103754012 failed");
        assertEquals(leaks + 1, LogCapture.LEAKS.size());
        LogCapture.LEAKS.remove(LogCapture.LEAKS.size() - 1);
    }
}
