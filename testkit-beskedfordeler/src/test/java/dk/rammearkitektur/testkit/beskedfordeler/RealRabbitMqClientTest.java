package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.await;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.PublishReceipt;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.testkeys.CiServices;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's Beskedfordeler client against the real RabbitMQ of {@code .ci/services.sh}, not the simulator's broker:
 * the CI client certificate is the system certificate both for the broker's TLS (SASL EXTERNAL, login from its CN;
 * stock RabbitMQ ignores the token the SDK sends as the response) and for the STS simulator, which trusts the CI CA
 * as an {@link ServiceplatformSimulator.Builder#extraClientTrustAnchors extra client trust anchor} and has the
 * certificate authorised for its municipality. The dueslag and its fejlkø are declared with the raw client (PLAIN),
 * as the platform's administration would. A subscription handles events once, sends the unreadable to the fejlkø,
 * gives back and then dead-letters what its handler cannot handle and reconnects after the broker closed its
 * connection; publish gets its reply over real direct reply-to. Skipped when the {@code RAMMEARKITEKTUR_RABBITMQ_*}
 * variables are unset.
 */
class RealRabbitMqClientTest {
    private static final String TYPE = "5d2e0a9c-1b7f-4c3e-8a6d-0f1e2d3c4b5a";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] MALFORMED = "<Haendelsesbesked xmlns=\"urn:oio:besked:kuvert:1.0\"><BeskedId>"
            .getBytes(StandardCharsets.UTF_8);
    private static CiServices.RabbitMq rabbit;
    private static ServiceplatformSimulator sts;
    private final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
    private final List<UnreadableMessage> unreadable = new CopyOnWriteArrayList<>();
    private final UUID dueslag = UUID.randomUUID();
    private final String fejl = dueslag + ".fejl";
    private Connection admin;
    private BeskedfordelerClient client;

    @AfterAll
    static void stopSts() {
        if (sts != null) {
            sts.close();
            sts = null;
        }
    }

    @BeforeEach
    void declareDueslag() throws Exception {
        // per test, so that each one is reported skipped with the message when the variables are unset
        rabbit = CiServices.rabbitMq();
        assumeTrue("BF".equals(rabbit.vhost()), "the SDK's custom environment uses virtual host BF");
        if (sts == null) {
            sts = ServiceplatformSimulator.builder().extraClientTrustAnchors(List.of(rabbit.ca())).build().start();
            sts.authorise(sts.municipalityCvr(), rabbit.clientCertificate());
        }
        Channel ch = admin();
        // as the platform's administration: the fejlkø behind the exchange <dueslag>.fejl, the dueslag's dead letters
        ch.exchangeDeclare(fejl, BuiltinExchangeType.FANOUT);
        ch.queueDeclare(fejl, false, false, false, null);
        ch.queueBind(fejl, fejl, "");
        ch.queueDeclare(dueslag.toString(), false, false, false, Map.of("x-dead-letter-exchange", fejl));
        char[] pw = rabbit.clientP12Password().toCharArray();
        client = BeskedfordelerClient.builder()
                .environment(BeskedfordelerEnvironment.custom(rabbit.host(), rabbit.amqpsPort(), sts.baseUri(),
                        sts.baseUri()))
                .systemCertificate(rabbit.clientP12(), pw)
                .trustAnchors(List.of(rabbit.ca(), sts.tlsTrustAnchor()))
                .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr()).build();
    }

    @AfterEach
    void deleteDueslag() throws Exception {
        if (client != null) {
            client.close();
        }
        if (admin != null) {
            Channel ch = admin();
            ch.queueDelete(dueslag.toString());
            ch.queueDelete(fejl);
            ch.exchangeDelete(fejl);
            admin.close();
        }
    }

    /** A channel of the administration's connection (PLAIN over plain AMQP), reopened after the broker closed it. */
    private Channel admin() throws Exception {
        if (admin == null || !admin.isOpen()) {
            ConnectionFactory f = new ConnectionFactory();
            f.setHost(rabbit.host());
            f.setPort(rabbit.amqpPort());
            f.setVirtualHost(rabbit.vhost());
            f.setUsername(rabbit.user());
            f.setPassword(rabbit.password());
            f.setAutomaticRecoveryEnabled(false);
            f.setConnectionTimeout((int) WAIT.toMillis());
            admin = f.newConnection("rammearkitektur-ci-admin");
        }
        Channel ch = admin.createChannel();
        ch.confirmSelect();
        return ch;
    }

    private void deliver(String id, byte[] body) throws Exception {
        Channel ch = admin();
        ch.basicPublish("", dueslag.toString(), true, new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2)
                .build(), body);
        ch.waitForConfirmsOrDie(WAIT.toMillis());
        ch.close();
    }

    private long depth(String queue) throws Exception {
        Channel ch = admin();
        try {
            return ch.messageCount(queue);
        } finally {
            ch.close();
        }
    }

    private EventSubscription.Builder subscription() {
        return client.subscription(dueslag).onUnreadable(unreadable::add)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400)).retryDelay(Duration.ofMillis(50));
    }

    private Set<String> handledIds() {
        return handled.stream().map(e -> e.message().messageId()).collect(Collectors.toSet());
    }

    private static void until(String what, Check check) throws InterruptedException {
        await(what, () -> {
            try {
                return check.holds();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A condition that may need the broker. */
    private interface Check {
        boolean holds() throws Exception;
    }

    @Test
    void eventsAreHandledOnceAndAcknowledged() throws Exception {
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            assertTrue(s.awaitConsuming(WAIT), "consuming: " + s.lastFailure());
            List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
            for (String id : ids) {
                deliver(id, envelope(id, TYPE));
            }
            String twice = UUID.randomUUID().toString();
            deliver(twice, envelope(twice, TYPE));
            deliver(twice, envelope(twice, TYPE));
            until("3 handled, 1 duplicate", () -> s.counts().handled() == 3 && s.counts().duplicates() == 1);
            until("an empty dueslag", () -> depth(dueslag.toString()) == 0);
            assertEquals(Set.of(ids.get(0), ids.get(1), twice), handledIds());
            assertEquals(3, handled.size());
            assertEquals(TYPE, handled.get(0).message().filter().messageType());
            assertEquals(0, depth(fejl));
        }
    }

    @Test
    void unreadableMessageGoesToTheFejlkoe() throws Exception {
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            assertTrue(s.awaitConsuming(WAIT), "consuming: " + s.lastFailure());
            String id = UUID.randomUUID().toString();
            deliver(id, MALFORMED);
            until("the malformed message in the fejlkø", () -> depth(fejl) == 1);
            assertEquals(1, unreadable.size());
            assertEquals(1, s.counts().unreadable());
            assertTrue(handled.isEmpty());
            GetResponse dead = admin().basicGet(fejl, true);
            assertEquals(id, dead.getProps().getMessageId());
            assertNotNull(dead.getProps().getHeaders().get("x-death"), "dead-lettered by the broker");
        }
    }

    @Test
    void failingHandlerIsRetriedThenTheMessageIsDeadLettered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String flaky = UUID.randomUUID().toString();
        String broken = UUID.randomUUID().toString();
        try (EventSubscription s = subscription().maxAttempts(3).handler(e -> {
            String id = e.message().messageId();
            if (id.equals(broken) || (id.equals(flaky) && calls.incrementAndGet() < 3)) {
                throw new IllegalStateException("not now");
            }
            handled.add(e);
        }).start()) {
            assertTrue(s.awaitConsuming(WAIT), "consuming: " + s.lastFailure());
            deliver(flaky, envelope(flaky, TYPE));
            until("the flaky event handled at its third attempt", () -> s.counts().handled() == 1);
            assertTrue(handled.get(0).redelivered(), "a given-back message comes back redelivered");
            deliver(broken, envelope(broken, TYPE));
            until("the broken event dead-lettered", () -> depth(fejl) == 1);
            assertEquals(1, s.counts().deadLettered());
            assertEquals(2 + 3, s.counts().failures());
            assertEquals(broken, admin().basicGet(fejl, true).getProps().getMessageId());
            until("an empty dueslag", () -> depth(dueslag.toString()) == 0);
        }
    }

    @Test
    void reconnectsAfterTheBrokerClosedItsConnection() throws Exception {
        try (EventSubscription s = subscription().handler(handled::add).start()) {
            assertTrue(s.awaitConsuming(WAIT), "consuming: " + s.lastFailure());
            assertEquals(1, s.counts().connections());
            rabbit.closeAllConnections();
            until("a second connection, consuming", () -> s.counts().connections() >= 2
                    && s.state() == EventSubscription.State.CONSUMING);
            String id = UUID.randomUUID().toString();
            deliver(id, envelope(id, TYPE));
            until("an event after the reconnection", () -> handledIds().contains(id));
        }
    }

    @Test
    void publishGetsItsReplyOverDirectReplyTo() throws Exception {
        String exchange = "AFSEND_BESKED_EXCHANGE";
        Channel responder = admin();
        responder.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT);
        try {
            String requests = responder.queueDeclare().getQueue();
            responder.queueBind(requests, exchange, "");
            BlockingQueue<AMQP.BasicProperties> seen = new LinkedBlockingQueue<>();
            responder.basicConsume(requests, true, new DefaultConsumer(responder) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                        throws IOException {
                    seen.add(props);
                    getChannel().basicPublish("", props.getReplyTo(), new AMQP.BasicProperties.Builder()
                            .correlationId(props.getCorrelationId()).build(),
                            ("<sd:StandardRetur xmlns:sd=\"urn:oio:sagdok:3.0.0\"><sd:StatusKode>20</sd:StatusKode>"
                                    + "</sd:StandardRetur>").getBytes(StandardCharsets.UTF_8));
                }
            });
            EventMessage event = EventMessage.builder().messageId(UUID.randomUUID()).messageType(TYPE).build();
            PublishReceipt receipt = client.publish(event);
            AMQP.BasicProperties request = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(request, "the responder got the message");
            assertEquals(event.messageId(), receipt.messageId());
            assertEquals(1, receipt.attempts());
            assertEquals(event.messageId(), request.getMessageId());
            assertEquals(receipt.correlationId(), request.getCorrelationId());
            assertTrue(request.getReplyTo().startsWith("amq.rabbitmq.reply-to."), request.getReplyTo());
            assertTrue(String.valueOf(request.getHeaders().get("token")).contains("Assertion"), "the token header");
        } finally {
            admin().exchangeDelete(exchange);
        }
    }
}
