package dk.rammearkitektur.testkit.beskedfordeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.SaslConfig;
import com.rabbitmq.client.SaslMechanism;
import com.rabbitmq.client.impl.LongStringHelper;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test plumbing with the raw RabbitMQ client, as KOMBIT's sample connects: TLS with the system certificate, virtual
 * host BF, SASL EXTERNAL whose response is the token. Tokens come from the Serviceplatformen simulator's STS over its
 * REST issue endpoint (mutual TLS), requested here without any SDK client code.
 */
final class BrokerClients {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(15);

    private BrokerClients() {
    }

    /** A TLS context presenting {@code identity} (none when null) and trusting {@code anchor}. */
    static SSLContext ssl(TestIdentity identity, X509Certificate anchor) throws Exception {
        KeyManagerFactory kmf = null;
        if (identity != null) {
            char[] pw = "test".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("id", identity.privateKey(), pw, identity.chain().toArray(new X509Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("anchor", anchor);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A token for {@code entityId} issued by the simulator's STS to {@code identity} acting for the municipality. */
    static String token(ServiceplatformSimulator sts, TestIdentity identity, String entityId) throws Exception {
        ObjectNode req = JSON.createObjectNode();
        req.put("UseKey", Base64.getEncoder().encodeToString(identity.certificate().getEncoded()));
        req.put("TokenType", "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0");
        req.put("RequestType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue");
        req.put("KeyType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey");
        req.putObject("AnvenderKontekst").put("Cvr", sts.municipalityCvr());
        req.putObject("AppliesTo").putObject("EndpointReference").put("Address", entityId);
        // Java 17: HttpClient is not AutoCloseable; its idle threads end by themselves
        HttpClient http = HttpClient.newBuilder().sslContext(ssl(identity, sts.tlsTrustAnchor())).connectTimeout(WAIT)
                .build();
        URI uri = sts.baseUri().resolve(ServiceplatformSimulator.STS_REST_PATH.substring(1));
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(req.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("STS said " + res.statusCode() + ": " + res.body());
        }
        JsonNode out = JSON.readTree(res.body());
        return out.path("RequestedSecurityToken").path("Assertion").asText();
    }

    /** KOMBIT's TokenSaslConfig: EXTERNAL, the response is the token. */
    static SaslConfig external(String token) {
        return mechanisms -> new SaslMechanism() {
            @Override
            public String getName() {
                return "EXTERNAL";
            }

            @Override
            public LongString handleChallenge(LongString challenge, String username, String password) {
                return LongStringHelper.asLongString(token);
            }
        };
    }

    /** Connects to the simulator with this TLS context and token; automatic recovery off. */
    static Connection connect(BeskedfordelerSimulator bf, SSLContext ssl, String token) throws Exception {
        ConnectionFactory cf = new ConnectionFactory();
        cf.setHost(bf.host());
        cf.setPort(bf.port());
        cf.setVirtualHost(BeskedfordelerSimulator.VIRTUAL_HOST);
        cf.useSslProtocol(ssl);
        cf.enableHostnameVerification();
        cf.setSaslConfig(external(token));
        cf.setAutomaticRecoveryEnabled(false);
        cf.setConnectionTimeout((int) WAIT.toMillis());
        cf.setHandshakeTimeout((int) WAIT.toMillis());
        return cf.newConnection("beskedfordeler-simulator-test");
    }

    /** Consumes {@code queue} on the channel into a blocking queue of deliveries. */
    static BlockingQueue<Delivery> consume(Channel channel, String queue, boolean autoAck) throws IOException {
        BlockingQueue<Delivery> out = new LinkedBlockingQueue<>();
        channel.basicConsume(queue, autoAck, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                out.add(new Delivery(envelope, properties, body));
            }
        });
        return out;
    }

    /** The next delivery, failing after {@link #WAIT}. */
    static Delivery next(BlockingQueue<Delivery> deliveries) throws InterruptedException {
        Delivery d = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no delivery within " + WAIT);
        }
        return d;
    }

    /** Waits (bounded by {@link #WAIT}) until {@code condition} holds; fails otherwise. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** A minimal Haendelsesbesked of {@code beskedtype}. */
    static byte[] envelope(String beskedId, String beskedtype) {
        return ("<Haendelsesbesked xmlns=\"urn:oio:besked:kuvert:1.0\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">"
                + "<BeskedId><sd:UUIDIdentifikator>" + beskedId + "</sd:UUIDIdentifikator></BeskedId>"
                + "<BeskedVersion>1.0</BeskedVersion><Beskedkuvert><Filtreringsdata><Beskedtype><sd:UUIDIdentifikator>"
                + beskedtype + "</sd:UUIDIdentifikator></Beskedtype></Filtreringsdata><Leveranceinformation/>"
                + "</Beskedkuvert></Haendelsesbesked>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
