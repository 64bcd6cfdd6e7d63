package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.GetResponse;
import dk.rammearkitektur.clients.common.testkeys.CiServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The RabbitMQ node {@code .ci/services.sh} starts is usable the way the Beskedfordeler is: AMQPS with a client
 * certificate and SASL EXTERNAL, and plain AMQP with PLAIN, on vhost BF; publish, get, ack, and reject without
 * requeue discarding the message. Skipped when the {@code RAMMEARKITEKTUR_RABBITMQ_*} variables are unset.
 */
class CiRabbitMqTest {
    private static final int TIMEOUT_MS = 15_000;

    @Test
    void tlsWithClientCertificateAndExternal() throws Exception {
        CiServices.RabbitMq rabbit = CiServices.rabbitMq();
        ConnectionFactory factory = factory(rabbit, rabbit.amqpsPort());
        factory.useSslProtocol(tls(rabbit, true));
        factory.enableHostnameVerification();
        factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        publishGetAckAndReject(factory);
    }

    @Test
    void tlsWithoutClientCertificateIsRefused() throws Exception {
        CiServices.RabbitMq rabbit = CiServices.rabbitMq();
        ConnectionFactory factory = factory(rabbit, rabbit.amqpsPort());
        factory.useSslProtocol(tls(rabbit, false));
        factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        assertThrows(IOException.class, () -> factory.newConnection().close());
    }

    @Test
    void plainTcpWithPlain() throws Exception {
        CiServices.RabbitMq rabbit = CiServices.rabbitMq();
        ConnectionFactory factory = factory(rabbit, rabbit.amqpPort());
        factory.setUsername(rabbit.user());
        factory.setPassword(rabbit.password());
        publishGetAckAndReject(factory);
    }

    private static void publishGetAckAndReject(ConnectionFactory factory) throws Exception {
        try (Connection connection = factory.newConnection("rammearkitektur-ci-check");
                Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue(); // server-named, exclusive, auto-delete
            channel.confirmSelect();

            byte[] body = ("besked " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            publish(channel, queue, body, "m1");
            GetResponse got = channel.basicGet(queue, false);
            assertNotNull(got, "the published message is in the queue");
            assertArrayEquals(body, got.getBody());
            assertEquals("m1", got.getProps().getMessageId());
            assertFalse(got.getEnvelope().isRedeliver());
            channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
            assertEquals(0, channel.messageCount(queue));

            publish(channel, queue, body, "m2");
            GetResponse rejected = channel.basicGet(queue, false);
            assertNotNull(rejected);
            channel.basicReject(rejected.getEnvelope().getDeliveryTag(), false);
            assertEquals(0, channel.messageCount(queue), "reject without requeue discards (no dead-letter exchange)");
            assertNull(channel.basicGet(queue, false), "and it is not delivered again");
        }
    }

    private static void publish(Channel channel, String queue, byte[] body, String messageId) throws Exception {
        channel.basicPublish("", queue, true, new AMQP.BasicProperties.Builder().messageId(messageId).build(), body);
        channel.waitForConfirmsOrDie(TIMEOUT_MS);
    }

    /** A factory for the node's port; automatic recovery off, as the SDK's. */
    static ConnectionFactory factory(CiServices.RabbitMq rabbit, int port) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(rabbit.host());
        factory.setPort(port);
        factory.setVirtualHost(rabbit.vhost());
        factory.setConnectionTimeout(TIMEOUT_MS);
        factory.setHandshakeTimeout(TIMEOUT_MS);
        factory.setChannelRpcTimeout(TIMEOUT_MS);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    /** TLS trusting the CI CA, presenting the CI client certificate when asked. */
    static SSLContext tls(CiServices.RabbitMq rabbit, boolean withClientCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ci-ca", rabbit.ca());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(rabbit.clientKeyStore(), rabbit.clientP12Password().toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(withClientCertificate ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
        return context;
    }
}
