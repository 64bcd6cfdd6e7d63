package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import dk.rammearkitektur.clients.common.testkeys.CiServices;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the SDK's subscription and publish rely on, checked with the raw client against the real RabbitMQ of
 * {@code .ci/services.sh} (AMQPS, client certificate, EXTERNAL, as the SDK connects): acknowledgement after handling,
 * redelivery (flag set) of what a consumer that died left unacknowledged, a give-back (nack with requeue) coming back
 * redelivered, reject without requeue going to the dead-letter queue (the dueslag's fejlkø), and direct reply-to with
 * a responder. The SDK's own {@link EventSubscription} and publish run against the same node in the testkit's
 * {@code RealRabbitMqClientTest} (testkit-beskedfordeler), which has the STS simulator this module cannot depend on.
 * Skipped when the {@code RAMMEARKITEKTUR_RABBITMQ_*} variables are unset.
 */
class CiRabbitMqSemanticsTest {
    private static final long WAIT_MS = 15_000;
    private ConnectionFactory factory;
    private Connection admin;
    private Channel channel;
    private String queue;
    private String fejlkoe;

    @BeforeEach
    void declare() throws Exception {
        CiServices.RabbitMq rabbit = CiServices.rabbitMq();
        factory = CiRabbitMqTest.factory(rabbit, rabbit.amqpsPort());
        factory.useSslProtocol(CiRabbitMqTest.tls(rabbit, true));
        factory.enableHostnameVerification();
        factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        admin = factory.newConnection("rammearkitektur-ci-semantics");
        channel = admin.createChannel();
        queue = "dueslag-" + UUID.randomUUID();
        fejlkoe = queue + ".fejl";
        channel.queueDeclare(fejlkoe, false, false, false, null);
        // as the Beskedfordeler's dueslag: what is rejected without requeue goes to <dueslag>.fejl
        channel.queueDeclare(queue, false, false, false, Map.of("x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", fejlkoe));
        channel.confirmSelect();
    }

    @AfterEach
    void delete() throws Exception {
        if (admin == null) {
            return;
        }
        try (Connection c = admin; Channel ch = c.createChannel()) {
            ch.queueDelete(queue);
            ch.queueDelete(fejlkoe);
        }
    }

    @Test
    void whatADeadConsumerLeftUnacknowledgedComesAgainRedeliveredAndTheAcknowledgedDoesNot() throws Exception {
        List<String> ids = publish(3);
        Connection dying = factory.newConnection("rammearkitektur-ci-dying");
        Channel dc = dying.createChannel();
        dc.basicQos(10);
        BlockingQueue<Delivery> first = consume(dc);
        Delivery a = next(first);
        assertFalse(a.envelope().isRedeliver());
        dc.basicAck(a.envelope().getDeliveryTag(), false);
        next(first);
        next(first); // received, never acknowledged
        dying.abort(); // the consumer dies: no close handshake, no acknowledgement

        try (Connection c = factory.newConnection("rammearkitektur-ci-next"); Channel ch = c.createChannel()) {
            BlockingQueue<Delivery> again = consume(ch);
            Delivery b = next(again);
            Delivery d = next(again);
            assertTrue(b.envelope().isRedeliver() && d.envelope().isRedeliver(), "redelivered flag set");
            assertEquals(List.of(ids.get(1), ids.get(2)), List.of(b.id(), d.id()));
            assertEquals(a.id(), ids.get(0));
            ch.basicAck(d.envelope().getDeliveryTag(), true);
            assertNull(again.poll(300, TimeUnit.MILLISECONDS), "the acknowledged one does not come again");
        }
    }

    @Test
    void givenBackComesAgainRedeliveredAndRejectedGoesToTheFejlkoe() throws Exception {
        String id = publish(1).get(0);
        GetResponse got = get(queue);
        assertFalse(got.getEnvelope().isRedeliver());
        channel.basicNack(got.getEnvelope().getDeliveryTag(), false, true);
        GetResponse again = get(queue);
        assertTrue(again.getEnvelope().isRedeliver(), "a given-back message is redelivered");
        assertEquals(id, again.getProps().getMessageId());
        channel.basicReject(again.getEnvelope().getDeliveryTag(), false);

        GetResponse dead = get(fejlkoe);
        assertEquals(id, dead.getProps().getMessageId(), "the rejected message is in the fejlkø");
        assertNotNull(dead.getProps().getHeaders().get("x-death"), "with its x-death header");
        channel.basicAck(dead.getEnvelope().getDeliveryTag(), false);
        assertNull(channel.basicGet(queue, false), "and not on the dueslag");
    }

    @Test
    void directReplyToReachesTheRequesterWithItsCorrelationId() throws Exception {
        // a responder on the dueslag answers each request on its replyTo, as the Beskedfordeler answers a publish
        Channel responder = admin.createChannel();
        responder.basicConsume(queue, true, new DefaultConsumer(responder) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                    throws java.io.IOException {
                getChannel().basicPublish("", props.getReplyTo(), new AMQP.BasicProperties.Builder()
                        .correlationId(props.getCorrelationId()).build(), "20".getBytes(StandardCharsets.UTF_8));
            }
        });
        try (Connection c = factory.newConnection("rammearkitektur-ci-publisher"); Channel ch = c.createChannel()) {
            BlockingQueue<Delivery> replies = new LinkedBlockingQueue<>();
            ch.basicConsume("amq.rabbitmq.reply-to", true, collector(ch, replies));
            String correlation = UUID.randomUUID().toString();
            ch.basicPublish("", queue, true, new AMQP.BasicProperties.Builder().replyTo("amq.rabbitmq.reply-to")
                    .correlationId(correlation).messageId("m").build(), new byte[] {1});
            Delivery reply = next(replies);
            assertEquals(correlation, reply.props().getCorrelationId());
            assertEquals("20", new String(reply.body(), StandardCharsets.UTF_8));
        }
    }

    private List<String> publish(int n) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            channel.basicPublish("", queue, true, new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2)
                    .build(), Envelopes.haendelsesbesked(UUID.fromString(id), "<x/>"));
            ids.add(id);
        }
        channel.waitForConfirmsOrDie(WAIT_MS);
        return ids;
    }

    private GetResponse get(String q) throws Exception {
        long end = System.nanoTime() + WAIT_MS * 1_000_000;
        while (System.nanoTime() < end) {
            GetResponse r = channel.basicGet(q, false);
            if (r != null) {
                return r;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing on " + q + " within " + WAIT_MS + " ms");
    }

    private BlockingQueue<Delivery> consume(Channel ch) throws Exception {
        BlockingQueue<Delivery> out = new LinkedBlockingQueue<>();
        ch.basicConsume(queue, false, collector(ch, out));
        return out;
    }

    private static DefaultConsumer collector(Channel ch, BlockingQueue<Delivery> out) {
        return new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                out.add(new Delivery(envelope, props, body));
            }
        };
    }

    private static Delivery next(BlockingQueue<Delivery> q) throws InterruptedException {
        Delivery d = q.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no delivery within " + WAIT_MS + " ms");
        }
        return d;
    }

    private record Delivery(Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        String id() {
            return props.getMessageId();
        }
    }
}
