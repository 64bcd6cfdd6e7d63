package dk.rammearkitektur.testkit.beskedfordeler.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.bytebuffer.QpidByteBuffer;
import org.apache.qpid.server.message.AMQMessageHeader;
import org.apache.qpid.server.message.ServerMessage;
import org.apache.qpid.server.message.internal.InternalMessage;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Connection;
import org.apache.qpid.server.model.Exchange;
import org.apache.qpid.server.model.ManageableMessage;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHostNode;
import org.apache.qpid.server.model.port.AmqpPort;
import org.apache.qpid.server.protocol.v0_8.AMQPConnection_0_8;
import org.apache.qpid.server.virtualhost.QueueManagingVirtualHost;

/**
 * One embedded Apache Qpid Broker-J: in-memory stores, one AMQP 0-9-1 port on 127.0.0.1 (random port, TLS only,
 * client certificate required), the {@link BfoTokenAuthenticationProvider}, one virtual host. Its key and trust stores
 * and configuration live in a temporary folder deleted by {@link #close()}. Everything Broker-J-specific the simulator
 * does goes through here.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final SystemLauncher launcher;
    private final Path work;
    private final Broker<?> broker;
    private final QueueManagingVirtualHost<?> host;
    private final int port;

    /**
     * A message as the broker holds it.
     *
     * @param messageId the message id
     * @param correlationId the correlation id
     * @param replyTo the reply-to address
     * @param contentType the content type
     * @param headers the application headers
     * @param body the body
     * @param publisher the TLS client certificate of the connection that published it, while that connection is open
     */
    public record Stored(String messageId, String correlationId, String replyTo, String contentType,
            Map<String, Object> headers, byte[] body, X509Certificate publisher) {
    }

    private EmbeddedBroker(SystemLauncher launcher, Path work, Broker<?> broker, QueueManagingVirtualHost<?> host,
            int port) {
        this.launcher = launcher;
        this.work = work;
        this.broker = broker;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts a broker presenting {@code serverKey} with {@code serverChain}, trusting client certificates issued under
     * {@code clientAnchors}, authenticating with the token gate named {@code gateName}, serving virtual host
     * {@code virtualHost}.
     */
    public static EmbeddedBroker start(PrivateKey serverKey, List<X509Certificate> serverChain,
            Collection<X509Certificate> clientAnchors, String gateName, String virtualHost) {
        Path work = null;
        SystemLauncher launcher = null;
        try {
            work = Files.createTempDirectory("beskedfordeler-simulator");
            char[] password = randomPassword();
            Path keyStore = work.resolve("server.p12");
            Path trustStore = work.resolve("trust.p12");
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKey, password, serverChain.toArray(new X509Certificate[0]));
            store(ks, keyStore, password);
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            int i = 0;
            for (X509Certificate anchor : clientAnchors) {
                ts.setCertificateEntry("anchor" + i++, anchor);
            }
            store(ts, trustStore, password);
            Path config = work.resolve("config.json");
            Files.writeString(config, config(keyStore, trustStore, new String(password), gateName, virtualHost),
                    StandardCharsets.UTF_8);
            SystemConfig<?>[] system = new SystemConfig<?>[1];
            launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
                @Override
                public void onContainerResolve(SystemConfig<?> s) {
                    system[0] = s;
                }
            });
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "Memory");
            attributes.put("initialConfigurationLocation", config.toUri().toString());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", Map.of("qpid.work_dir", work.toString(), "qpid.home_dir", work.toString()));
            launcher.startup(attributes);
            Broker<?> broker = (Broker<?>) system[0].getContainer();
            int port = -1;
            for (Port<?> p : broker.getPorts()) {
                if (p instanceof AmqpPort<?> amqp) {
                    port = amqp.getBoundPort();
                }
            }
            VirtualHostNode<?> node = broker.getChildByName(VirtualHostNode.class, virtualHost);
            if (port <= 0 || node == null || !(node.getVirtualHost() instanceof QueueManagingVirtualHost<?> host)) {
                throw new IllegalStateException("the embedded broker did not come up (port " + port + ")");
            }
            return new EmbeddedBroker(launcher, work, broker, host, port);
        } catch (Exception e) {
            if (launcher != null) {
                try {
                    launcher.shutdown();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            delete(work);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot start the embedded broker: " + e.getMessage(), e);
        }
    }

    private static String config(Path keyStore, Path trustStore, String password, String gateName, String virtualHost) {
        return """
            {"name": "beskedfordeler-simulator", "modelVersion": "8.0",
             "authenticationproviders": [{"name": %s, "type": "%s"}],
             "keystores": [{"name": "ks", "type": "FileKeyStore", "storeUrl": %s, "password": %s, "keyStoreType": "PKCS12"}],
             "truststores": [{"name": "ts", "type": "FileTrustStore", "storeUrl": %s, "password": %s, "trustStoreType": "PKCS12"}],
             "ports": [{"name": "AMQPS", "type": "AMQP", "port": "0", "bindingAddress": "127.0.0.1", "transports": ["SSL"],
                        "keyStore": "ks", "trustStores": ["ts"], "needClientAuth": true, "protocols": ["AMQP_0_9_1"],
                        "authenticationProvider": %s,
                        "context": {"qpid.port.connection_property_enrichers": "[\\"STANDARD\\", \\"%s\\"]"},
                        "virtualhostaliases": [{"name": "nameAlias", "type": "nameAlias"},
                                               {"name": "defaultAlias", "type": "defaultAlias"}]}],
             "virtualhostnodes": [{"name": %s, "type": "Memory", "defaultVirtualHostNode": "true",
                                   "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"}]}
            """.formatted(json(gateName), BfoTokenAuthenticationProvider.TYPE, json(keyStore.toString()), json(password),
                json(trustStore.toString()), json(password), json(gateName), PreTuneFrameSize.TYPE, json(virtualHost));
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static void store(KeyStore ks, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
    }

    /** The bound port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Creates a durable queue with these extra Broker-J attributes unless it exists. */
    public void createQueue(String name, Map<String, Object> attributes) {
        if (host.getChildByName(Queue.class, name) != null) {
            return;
        }
        Map<String, Object> a = new HashMap<>(attributes);
        a.put(Queue.NAME, name);
        a.putIfAbsent(Queue.DURABLE, true);
        host.createChild(Queue.class, a);
    }

    /** Creates a durable exchange of {@code type} bound to {@code queue} with an empty binding key. */
    public void createExchange(String name, String type, String queue) {
        Exchange<?> exchange = host.getChildByName(Exchange.class, name);
        if (exchange == null) {
            exchange = host.createChild(Exchange.class, Map.of(Exchange.NAME, name, Exchange.TYPE, type,
                    Exchange.DURABLE, true));
        }
        exchange.bind(queue, "", Map.of(), false);
    }

    /** Whether the queue exists. */
    public boolean hasQueue(String name) {
        return host.getChildByName(Queue.class, name) != null;
    }

    /** How many messages the queue holds (including those delivered and not yet settled). */
    public int depth(String queue) {
        return queue(queue).getQueueDepthMessages();
    }

    /**
     * Puts a message on the queue (or other destination) named {@code address}; returns how many queues it reached.
     */
    public int publish(String address, String messageId, String correlationId, String contentType, byte[] body,
            boolean persistent) {
        return host.publishMessage(new Outgoing(address, messageId, correlationId, contentType,
                Base64.getEncoder().encodeToString(body), persistent));
    }

    /** The messages on the queue, oldest first, left in place. */
    public List<Stored> browse(String queue) {
        List<Stored> out = new ArrayList<>();
        queue(queue).visit(entry -> {
            if (!entry.isDeleted()) {
                out.add(stored(entry.getMessage()));
            }
            return false;
        });
        return out;
    }

    /** Takes (removes) the oldest available message of the queue, or returns null. */
    public Stored take(String queue) {
        Stored[] taken = new Stored[1];
        queue(queue).visit(entry -> {
            if (entry.isAvailable() && entry.acquire()) {
                taken[0] = stored(entry.getMessage());
                entry.delete();
                return true;
            }
            return false;
        });
        return taken[0];
    }

    /** Closes every client connection from the broker side (the client sees connection.close 320); returns how many. */
    public int dropConnections() {
        int n = 0;
        for (Connection<?> c : connections()) {
            c.delete();
            n++;
        }
        return n;
    }

    /** The open client connections. */
    public List<Connection<?>> connections() {
        List<Connection<?>> out = new ArrayList<>();
        for (Port<?> p : broker.getPorts()) {
            for (Connection<?> c : p.getChildren(Connection.class)) {
                out.add(c);
            }
        }
        return out;
    }

    private Queue<?> queue(String name) {
        Queue<?> q = host.getChildByName(Queue.class, name);
        if (q == null) {
            throw new IllegalArgumentException("no queue " + name);
        }
        return q;
    }

    /** The TLS client certificate of the open connection whose Broker-J reference is {@code reference}, or null. */
    private X509Certificate publisher(Object reference) {
        if (reference != null) {
            for (Connection<?> c : connections()) {
                if (c instanceof AMQPConnection_0_8<?> amqp && amqp.getReference() == reference) {
                    return BfoTokenAuthenticationProviderImpl.peerCertificate(amqp);
                }
            }
        }
        return null;
    }

    private Stored stored(ServerMessage<?> m) {
        AMQMessageHeader h = m.getMessageHeader();
        Map<String, Object> headers = new HashMap<>();
        for (String name : h.getHeaderNames()) {
            Object v = h.getHeader(name);
            if (v != null) {
                headers.put(name, v);
            }
        }
        byte[] body;
        if (m instanceof InternalMessage internal && internal.getMessageBody() instanceof byte[] bytes) {
            body = bytes.clone(); // put there by publish(): its content would be the byte[]'s Java serialisation
        } else {
            try (QpidByteBuffer content = m.getContent()) {
                body = new byte[content.remaining()];
                content.get(body);
            }
        }
        return new Stored(h.getMessageId(), h.getCorrelationId(), h.getReplyTo(), h.getMimeType(), Map.copyOf(headers),
                body, publisher(m.getConnectionReference()));
    }

    /** Stops the broker and deletes its folder. */
    @Override
    public void close() {
        try {
            launcher.shutdown();
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temporary folder
        }
    }

    /** A message the simulator sends, in Broker-J's management form (Base64 content). */
    private record Outgoing(String address, String messageId, String correlationId, String contentType, String base64,
            boolean persistent) implements ManageableMessage {
        @Override
        public String getAddress() {
            return address;
        }

        @Override
        public boolean isPersistent() {
            return persistent;
        }

        @Override
        public Date getExpiration() {
            return null;
        }

        @Override
        public String getCorrelationId() {
            return correlationId;
        }

        @Override
        public String getAppId() {
            return null;
        }

        @Override
        public String getMessageId() {
            return messageId;
        }

        @Override
        public String getMimeType() {
            return contentType;
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public int getPriority() {
            return 4;
        }

        @Override
        public Date getNotValidBefore() {
            return null;
        }

        @Override
        public String getReplyTo() {
            return null;
        }

        @Override
        public Map<String, Object> getHeaders() {
            return Map.of();
        }

        @Override
        public Object getContent() {
            return base64;
        }

        @Override
        public String getContentTransferEncoding() {
            return "base64";
        }
    }
}
