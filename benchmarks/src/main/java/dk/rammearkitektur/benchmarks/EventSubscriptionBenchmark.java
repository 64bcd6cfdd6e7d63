package dk.rammearkitektur.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.SaslMechanism;
import com.rabbitmq.client.impl.LongStringHelper;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.InMemoryDeduplication;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 8: events received and handled per second through the SDK's {@link EventSubscription} against the raw
 * RabbitMQ Java client, on the same broker (the Beskedfordeler simulator's embedded Qpid Broker-J, TLS with the
 * system certificate, SASL EXTERNAL with an STS token) and the same dueslag queue.
 *
 * <p>One operation is one message; an invocation drains {@value #BATCH} messages that a
 * {@code @Setup(Level.Invocation)} put on the dueslag before it (outside the measured time; the queue is empty
 * otherwise, so nothing is consumed while it fills). Both sides connect per invocation (the connection, the TLS and
 * AMQP handshakes and one channel, amortised over the batch), consume one channel with prefetch {@value #PREFETCH}
 * and manual acknowledgement, and close when the last message is acknowledged.
 *
 * <ul>
 *   <li>{@code sdk}: a subscription started on a client whose token is cached, with a fresh
 *       {@link InMemoryDeduplication}; per message it parses the envelope ({@code EventMessage.parse}), runs the
 *       handler (counting) through the store, acknowledges; then {@link EventSubscription#close()}.</li>
 *   <li>{@code baseline}: {@code basicConsume} with manual ack; per message it reads the AMQP message id, counts and
 *       acknowledges, parsing nothing: the floor of what any consumer of this queue pays.</li>
 * </ul>
 * After every iteration the dueslag and its fejlkø must be empty and every message must have been handled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(EventSubscriptionBenchmark.BATCH)
public class EventSubscriptionBenchmark {
    static final int BATCH = 2_000;
    static final int PREFETCH = 100;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TYPE = "5d2e0a9c-1b7f-4c3e-8a6d-0f1e2d3c4b5a";

    private ServiceplatformSimulator sts;
    private BeskedfordelerSimulator bf;
    private BeskedfordelerClient client;
    private UUID dueslag;
    private ConnectionFactory raw;
    private final AtomicLong handled = new AtomicLong();
    private long expected;

    /** Starts the STS and broker simulators, the SDK's client, and the raw client's connection settings. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        sts = ServiceplatformSimulator.builder().build().start();
        bf = BeskedfordelerSimulator.builder().sts(sts).start();
        dueslag = bf.createDueslag();
        TestIdentity identity = sts.systemIdentity();
        client = BeskedfordelerClient.builder()
                .environment(BeskedfordelerEnvironment.custom(bf.host(), bf.port(), sts.baseUri(), sts.baseUri()))
                .systemCertificate(identity.pkcs12("pw".toCharArray()), "pw".toCharArray())
                .trustAnchors(List.of(bf.tlsTrustAnchor(), sts.tlsTrustAnchor()))
                .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr()).build();
        raw = new ConnectionFactory();
        raw.setHost(bf.host());
        raw.setPort(bf.port());
        raw.setVirtualHost(BeskedfordelerSimulator.VIRTUAL_HOST);
        raw.useSslProtocol(tls(identity, bf.tlsTrustAnchor()));
        raw.enableHostnameVerification();
        String token = token(sts, identity);
        raw.setSaslConfig(mechanisms -> new SaslMechanism() {
            @Override
            public String getName() {
                return "EXTERNAL";
            }

            @Override
            public com.rabbitmq.client.LongString handleChallenge(com.rabbitmq.client.LongString challenge,
                    String username, String password) {
                return LongStringHelper.asLongString(token);
            }
        });
        raw.setAutomaticRecoveryEnabled(false);
    }

    /** Puts the batch on the dueslag, outside the measured time. */
    @Setup(Level.Invocation)
    public void fill() {
        for (int i = 0; i < BATCH; i++) {
            String id = UUID.randomUUID().toString();
            bf.deliver(dueslag, id, envelope(id));
        }
        expected += BATCH;
    }

    /** After every iteration: every message handled and acknowledged, nothing rejected. */
    @TearDown(Level.Iteration)
    public void check() {
        if (handled.get() != expected || bf.depth(dueslag) != 0 || !bf.fejlkoe(dueslag).isEmpty()) {
            throw new IllegalStateException("handled " + handled.get() + " of " + expected + ", depth "
                    + bf.depth(dueslag) + ", fejlkø " + bf.fejlkoe(dueslag).size());
        }
    }

    /** Closes the client and both simulators. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        bf.close();
        sts.close();
    }

    /** The batch through an {@link EventSubscription}. */
    @Benchmark
    public void sdk() throws Exception {
        CountDownLatch done = new CountDownLatch(BATCH);
        try (EventSubscription s = client.subscription(dueslag).deduplication(InMemoryDeduplication.create())
                .prefetch(PREFETCH).handler(e -> {
                    handled.incrementAndGet();
                    done.countDown();
                }).start()) {
            await(done);
        }
    }

    /** The batch through the raw client: basicConsume, manual ack, nothing parsed. */
    @Benchmark
    public void baseline() throws Exception {
        CountDownLatch done = new CountDownLatch(BATCH);
        try (Connection c = raw.newConnection("baseline")) {
            Channel ch = c.createChannel();
            ch.basicQos(PREFETCH);
            ch.basicConsume(dueslag.toString(), false, new DefaultConsumer(ch) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) throws IOException {
                    if (properties.getMessageId() != null) {
                        handled.incrementAndGet();
                    }
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                    done.countDown();
                }
            });
            await(done);
        }
    }

    private static void await(CountDownLatch done) throws InterruptedException {
        if (!done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(done.getCount() + " messages not handled within " + WAIT);
        }
    }

    private static byte[] envelope(String beskedId) {
        return ("<Haendelsesbesked xmlns=\"urn:oio:besked:kuvert:1.0\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">"
                + "<BeskedId><sd:UUIDIdentifikator>" + beskedId + "</sd:UUIDIdentifikator></BeskedId>"
                + "<BeskedVersion>1.0</BeskedVersion><Beskedkuvert><Filtreringsdata><Beskedtype><sd:UUIDIdentifikator>"
                + TYPE + "</sd:UUIDIdentifikator></Beskedtype></Filtreringsdata><Leveranceinformation/>"
                + "</Beskedkuvert></Haendelsesbesked>").getBytes(StandardCharsets.UTF_8);
    }

    /** TLS presenting the system certificate and trusting the broker's anchor. */
    private static SSLContext tls(TestIdentity identity, java.security.cert.X509Certificate anchor) throws Exception {
        char[] pw = "pw".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("id", identity.privateKey(), pw,
                identity.chain().toArray(new java.security.cert.X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, pw);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("anchor", anchor);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /**
     * A receive token from the STS simulator's REST issue endpoint, asked without SDK code (the baseline must not
     * lean on the SDK); the broker checks it as it checks the SDK's.
     */
    private static String token(ServiceplatformSimulator sts, TestIdentity identity) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode req = json.createObjectNode();
        req.put("UseKey", Base64.getEncoder().encodeToString(identity.certificate().getEncoded()));
        req.put("TokenType", "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0");
        req.put("RequestType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue");
        req.put("KeyType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey");
        req.putObject("AnvenderKontekst").put("Cvr", sts.municipalityCvr());
        req.putObject("AppliesTo").putObject("EndpointReference").put("Address", BeskedfordelerClient.RECEIVE_ENTITY_ID);
        HttpClient http = HttpClient.newBuilder().sslContext(tls(identity, sts.tlsTrustAnchor())).build();
        URI uri = sts.baseUri().resolve(ServiceplatformSimulator.STS_REST_PATH.substring(1));
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(req.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("STS said " + res.statusCode());
        }
        JsonNode out = json.readTree(res.body());
        return out.path("RequestedSecurityToken").path("Assertion").asText();
    }
}
