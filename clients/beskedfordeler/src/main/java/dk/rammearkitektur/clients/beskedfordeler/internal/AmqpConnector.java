package dk.rammearkitektur.clients.beskedfordeler.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dk.rammearkitektur.clients.common.internal.DomWriter;
import dk.rammearkitektur.clients.common.internal.IssuedToken;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.w3c.dom.Document;

/**
 * Opens AMQP 0-9-1 connections to the Beskedfordeler: TLS with the system certificate and the host name checked,
 * SASL EXTERNAL with a token, the client's automatic recovery off (the subscription reconnects itself, with a fresh
 * token), daemon threads.
 *
 * @param host the broker's host
 * @param port the broker's TLS port
 * @param virtualHost the virtual host
 * @param tls the TLS context: system certificate and trust anchors
 * @param timeouts the connect timeout (also the TLS and AMQP handshake timeout)
 */
public record AmqpConnector(String host, int port, String virtualHost, SSLContext tls, Timeouts timeouts) {
    private static final int HEARTBEAT_SECONDS = 30;
    /** RabbitMQ's default limit on a frame before connection.tune; the token in connection.start-ok must fit. */
    private static final int DEFAULT_INITIAL_FRAME_MAX = 4096;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(r, "beskedfordeler-amqp-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    };

    /** Checks that every field is given. */
    public AmqpConnector {
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(virtualHost, "virtualHost == null");
        Objects.requireNonNull(tls, "tls == null");
        Objects.requireNonNull(timeouts, "timeouts == null");
    }

    /**
     * Opens a connection that authenticates with {@code token}.
     *
     * @param name the connection's name, shown in the broker's management
     */
    public Connection open(IssuedToken token, String name) throws IOException, TimeoutException {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host);
        f.setPort(port);
        f.setVirtualHost(virtualHost);
        f.useSslProtocol(tls);
        f.enableHostnameVerification();
        String sasl = saslToken(token);
        f.setSaslConfig(new TokenSasl(sasl));
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, timeouts.connect().toMillis());
        f.setConnectionTimeout(connectMillis);
        f.setHandshakeTimeout(connectMillis);
        f.setShutdownTimeout(connectMillis);
        f.setRequestedHeartbeat(HEARTBEAT_SECONDS);
        f.setThreadFactory(DAEMONS);
        try {
            return f.newConnection(name);
        } catch (TimeoutException e) {
            int bytes = sasl.getBytes(StandardCharsets.UTF_8).length;
            TimeoutException t = new TimeoutException("the AMQP handshake with " + host + ":" + port
                    + " did not complete within " + connectMillis + " ms" + (bytes <= DEFAULT_INITIAL_FRAME_MAX ? ""
                    : "; the token (" + bytes + " bytes) is larger than a broker's default frame limit before"
                    + " connection.tune (RabbitMQ's initial_frame_max, " + DEFAULT_INITIAL_FRAME_MAX + " bytes), which"
                    + " makes such a broker close the connection"));
            t.initCause(e);
            throw t;
        }
    }

    /** The token as the SASL response: the assertion as the STS sent it, or else its XML as the SDK holds it. */
    static String saslToken(IssuedToken token) {
        String received = token.received();
        if (received != null && received.stripLeading().startsWith("<")) {
            return received;
        }
        Document alone = SecureXml.documentBuilder().newDocument();
        alone.appendChild(alone.importNode(token.assertion().element(), true));
        return new String(DomWriter.toBytes(alone), StandardCharsets.UTF_8);
    }
}
