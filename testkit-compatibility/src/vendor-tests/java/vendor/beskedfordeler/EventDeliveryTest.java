package vendor.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulatorExtension;
import dk.rammearkitektur.testkit.beskedfordeler.QueuedMessage;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An event routed to a vendor's dueslag by the embedded Beskedfordeler the testkit-beskedfordeler extension starts. */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class EventDeliveryTest {
    @Test
    void aPublishedEventReachesTheSubscribedDueslag(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        UUID dueslag = bf.createDueslag(sts.municipalityCvr());
        String type = "urn:oio:vendor:test-event";
        bf.subscribe(dueslag, type);
        UUID id = UUID.randomUUID();
        byte[] xml = EventMessage.builder().messageId(id).messageType(type).build().toXml();
        assertEquals(List.of(dueslag), bf.distribute(id.toString(), xml));
        List<QueuedMessage> queued = bf.messages(dueslag);
        assertEquals(1, queued.size());
        assertEquals(id.toString(), EventMessage.parse(queued.get(0).body()).messageId());
    }
}
