package dk.rammearkitektur.spring.boot.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code @RammearkitekturSimulatorTest(beskedfordeler = true)}: the Beskedfordeler simulator runs, and the
 * auto-configured {@link BeskedfordelerClient} receives an event from a dueslag through it, with a token from the
 * Serviceplatformen simulator's STS.
 */
@SpringBootTest(classes = BeskedfordelerSimulatorSliceTest.App.class)
@RammearkitekturSimulatorTest(clients = {}, beskedfordeler = true)
class BeskedfordelerSimulatorSliceTest {
    @Autowired
    BeskedfordelerClient client;
    @Autowired
    BeskedfordelerSimulator beskedfordeler;
    @Autowired
    ServiceplatformSimulator sts;

    @Test
    void anEventOnTheDueslagReachesTheAutoConfiguredClientsSubscription() throws Exception {
        UUID dueslag = beskedfordeler.createDueslag(sts.municipalityCvr());
        List<ReceivedEvent> received = new CopyOnWriteArrayList<>();
        try (EventSubscription s = client.subscription(dueslag).handler(received::add).start()) {
            assertTrue(s.awaitConsuming(Duration.ofSeconds(20)), String.valueOf(s.lastFailure()));
            UUID id = UUID.randomUUID();
            EventMessage event = EventMessage.builder().messageId(id).messageType("urn:test:slice").build();
            beskedfordeler.deliver(dueslag, id.toString(), event.toXml());
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(1, received.size(), "the event arrives once");
            assertEquals(id.toString(), received.get(0).message().messageId());
            assertEquals(dueslag, received.get(0).dueslag().orElseThrow());
        }
        assertEquals(0, beskedfordeler.depth(dueslag), "acknowledged");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
