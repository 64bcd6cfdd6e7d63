package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.await;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.connect;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.consume;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.envelope;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.next;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.ssl;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.ShutdownSignalException;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/** Consuming a dueslag with the raw RabbitMQ client: ack, reject to the fejlkø, nack and redelivery, faults. */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class DueslagTest {
    private static final String TYPE = "0b5a4a1c-6a0f-4a53-9a63-2b9d3b1f6e01";
    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final SSLContext system;
    private final UUID dueslag;

    DueslagTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) throws Exception {
        this.bf = bf;
        this.sts = sts;
        this.system = ssl(sts.systemIdentity(), bf.tlsTrustAnchor());
        this.dueslag = bf.createDueslag();
    }

    @AfterEach
    void clearFaults() {
        bf.faults().clear();
    }

    private Connection receiver() throws Exception {
        return connect(bf, system, token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID));
    }

    /** The reply code the broker refused {@code call} with (Broker-J closes the connection, RabbitMQ the channel). */
    private static int refusal(Executable call) {
        Throwable t = assertThrows(Exception.class, call);
        ShutdownSignalException s = t instanceof ShutdownSignalException direct ? direct
                : assertInstanceOf(ShutdownSignalException.class, t.getCause(), t::toString);
        Object reason = s.getReason();
        return reason instanceof AMQP.Connection.Close c ? c.getReplyCode() : ((AMQP.Channel.Close) reason).getReplyCode();
    }

    @Test
    void consumesWithManualAck() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] body = envelope(id, TYPE);
        bf.deliver(dueslag, id, body);
        try (Connection c = receiver()) {
            Channel ch = c.createChannel();
            ch.basicQos(10);
            Delivery d = next(consume(ch, dueslag.toString(), false));
            assertEquals(id, d.getProperties().getMessageId());
            assertEquals("application/xml", d.getProperties().getContentType());
            assertEquals(2, d.getProperties().getDeliveryMode(), "persistent");
            assertArrayEquals(body, d.getBody());
            assertFalse(d.getEnvelope().isRedeliver());
            assertEquals(1, bf.depth(dueslag), "unacknowledged is still held");
            ch.basicAck(d.getEnvelope().getDeliveryTag(), false);
            await("the ack", () -> bf.depth(dueslag) == 0);
        }
        assertTrue(bf.fejlkoe(dueslag).isEmpty());
    }

    @Test
    void rejectWithoutRequeueGoesToTheFejlkoe() throws Exception {
        String id = UUID.randomUUID().toString();
        bf.deliver(dueslag, id, envelope(id, TYPE));
        try (Connection c = receiver()) {
            Channel ch = c.createChannel();
            Delivery d = next(consume(ch, dueslag.toString(), false));
            ch.basicReject(d.getEnvelope().getDeliveryTag(), false);
            await("the fejlkø", () -> bf.fejlkoe(dueslag).size() == 1);
            assertEquals(0, bf.depth(dueslag));
            assertEquals(id, bf.fejlkoe(dueslag).get(0).messageId());
        }
    }

    @Test
    void nackWithRequeueRedeliversWithTheRedeliverFlag() throws Exception {
        String id = UUID.randomUUID().toString();
        bf.deliver(dueslag, id, envelope(id, TYPE));
        try (Connection c = receiver()) {
            Channel ch = c.createChannel();
            BlockingQueue<Delivery> deliveries = consume(ch, dueslag.toString(), false);
            Delivery first = next(deliveries);
            ch.basicNack(first.getEnvelope().getDeliveryTag(), false, true);
            Delivery again = next(deliveries);
            assertEquals(id, again.getProperties().getMessageId());
            assertTrue(again.getEnvelope().isRedeliver());
            ch.basicAck(again.getEnvelope().getDeliveryTag(), false);
            await("the ack", () -> bf.depth(dueslag) == 0);
        }
        assertTrue(bf.fejlkoe(dueslag).isEmpty(), "a requeued message is not dead-lettered");
    }

    @Test
    void droppedConnectionIsSeenByTheClientAndTheUnackedMessageComesBack() throws Exception {
        String id = UUID.randomUUID().toString();
        bf.deliver(dueslag, id, envelope(id, TYPE));
        Connection c = receiver();
        try {
            CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
            c.addShutdownListener(closed::complete);
            Delivery unacked = next(consume(c.createChannel(), dueslag.toString(), false));
            assertEquals(id, unacked.getProperties().getMessageId());
            assertTrue(bf.faults().dropConnections() >= 1);
            ShutdownSignalException signal = closed.get(BrokerClients.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertFalse(signal.isInitiatedByApplication(), "initiated by the broker");
            assertEquals(320, ((AMQP.Connection.Close) signal.getReason()).getReplyCode());
        } finally {
            c.abort();
        }
        try (Connection again = receiver()) {
            Delivery d = next(consume(again.createChannel(), dueslag.toString(), false));
            assertEquals(id, d.getProperties().getMessageId());
            assertTrue(d.getEnvelope().isRedeliver());
        }
    }

    @Test
    void duplicateDeliveryArrivesTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        bf.faults().deliverTwice(dueslag, id, envelope(id, TYPE));
        try (Connection c = receiver()) {
            Channel ch = c.createChannel();
            BlockingQueue<Delivery> deliveries = consume(ch, dueslag.toString(), false);
            Delivery a = next(deliveries);
            Delivery b = next(deliveries);
            assertEquals(List.of(id, id), List.of(a.getProperties().getMessageId(), b.getProperties().getMessageId()));
            assertArrayEquals(a.getBody(), b.getBody());
            ch.basicAck(b.getEnvelope().getDeliveryTag(), true);
        }
    }

    @Test
    void malformedEnvelopeIsDelivered() throws Exception {
        String id = bf.faults().deliverMalformed(dueslag);
        try (Connection c = receiver()) {
            Delivery d = next(consume(c.createChannel(), dueslag.toString(), true));
            assertEquals(id, d.getProperties().getMessageId());
            assertArrayEquals(BeskedfordelerFaults.MALFORMED, d.getBody());
        }
    }

    @Test
    void anotherAuthoritysDueslagIsRefused() throws Exception {
        UUID foreign = bf.createDueslag("12345678");
        Connection c = receiver();
        try {
            Channel ch = c.createChannel();
            assertEquals(403, refusal(() -> consume(ch, foreign.toString(), false)));
        } finally {
            c.abort(); // the broker has closed it
        }
    }

    @Test
    void anotherAuthoritysDueslagCannotBePurgedOrDeleted() throws Exception {
        UUID foreign = bf.createDueslag("12345678");
        String id = UUID.randomUUID().toString();
        bf.deliver(foreign, id, envelope(id, TYPE));
        for (boolean purge : new boolean[] {true, false}) {
            Connection c = receiver();
            try {
                Channel ch = c.createChannel();
                int code = refusal(() -> {
                    if (purge) {
                        ch.queuePurge(foreign.toString());
                    } else {
                        ch.queueDelete(foreign.toString());
                    }
                });
                // ACCESS_REFUSED, RESOURCE_LOCKED or NOT_ALLOWED: Broker-J's exclusivity check answers with one of them
                assertTrue(Set.of(403, 405, 530).contains(code), (purge ? "purge" : "delete") + " refused with " + code);
            } finally {
                c.abort();
            }
        }
        assertEquals(1, bf.depth(foreign), "still there, with its message");
    }

    @Test
    void aPublishTokenCannotReadDueslag() throws Exception {
        Connection c = connect(bf, system, token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_SEND_ENTITY_ID));
        try {
            Channel ch = c.createChannel();
            assertEquals(403, refusal(() -> consume(ch, dueslag.toString(), false)));
        } finally {
            c.abort(); // the broker has closed it
        }
    }
}
