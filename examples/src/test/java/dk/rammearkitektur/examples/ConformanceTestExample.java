package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.TransportException;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.PlatformFaults;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a vendor tests its own integration: {@link ServiceplatformSimulatorTest} starts a strict simulator for the
 * class and injects it and a client configured for it. The vendor's code under test here is {@link #citizenName},
 * standing in for the fagsystem's own lookup service; the tests check it against the happy path, the platform's
 * faults and broken transports, and that it made no conformance violations.
 */
@ServiceplatformSimulatorTest
class ConformanceTestExample {
    private final ServiceplatformSimulator sim;
    private final ServiceplatformClient client;

    ConformanceTestExample(ServiceplatformSimulator sim, ServiceplatformClient client) {
        this.sim = sim;
        this.client = client;
    }

    /** The vendor's code under test: the citizen's name, or a placeholder when the register has none. */
    static String citizenName(ServiceplatformClient client, String cpr) {
        Optional<PersonRecord> p = client.lookupPerson(cpr);
        return p.map(PersonRecord::name).orElse("(unknown citizen)");
    }

    @BeforeEach
    void cleanSlate() {
        sim.reset();
    }

    @Test
    void happyPathIsConformant() {
        assertEquals("Jens Test Hansen", citizenName(client, SimulatorData.CPR_ACTIVE_1900S));
        assertEquals("(unknown citizen)", citizenName(client, "0101011234"));
        assertEquals(2, sim.requestCount("SF1520"));
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void aPlatformFaultReachesTheCallerTyped() {
        sim.faults().next(Fault.soapFault(PlatformFaults.INTERNAL));
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> citizenName(client, SimulatorData.CPR_ACTIVE_1900S));
        assertEquals(PlatformFaults.INTERNAL, e.faultCode());
        assertEquals("Jens Test Hansen", citizenName(client, SimulatorData.CPR_ACTIVE_1900S), "the next call works");
    }

    @Test
    void brokenTransportsAreTransportExceptions() {
        sim.faults().next(Fault.connectionReset());
        assertThrows(TransportException.class, () -> citizenName(client, SimulatorData.CPR_ACTIVE_1900S));
        sim.faults().next(Fault.truncatedXml());
        TransportException e = assertThrows(TransportException.class,
                () -> citizenName(client, SimulatorData.CPR_ACTIVE_1900S));
        assertTrue(!e.getMessage().contains(SimulatorData.CPR_ACTIVE_1900S), "no CPR number in the message");
    }

    @Test
    void aMalformedReplyIsRefusedNotGuessed() {
        sim.faults().next(Fault.malformedXml());
        assertThrows(MalformedReplyException.class, () -> citizenName(client, SimulatorData.CPR_2020));
        assertEquals("Noah Larsen", citizenName(client, SimulatorData.CPR_2020));
    }
}
