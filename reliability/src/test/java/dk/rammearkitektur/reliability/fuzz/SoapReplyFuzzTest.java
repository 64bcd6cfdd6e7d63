package dk.rammearkitektur.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * SOAP replies into the Serviceplatformen client, end to end over mutual TLS: a loopback proxy first records the
 * simulator's genuine replies for the four operations (CPR, CVR, P-number, Organisation), then answers the client
 * with mutated copies of them (and with random text) under HTTP 200 or 500. Every call either returns a result or
 * throws one of our exceptions, within the client's timeout; never an NPE, a JAXB or CXF exception, or a hang; no
 * unmasked CPR number in a message or a result's text.
 */
class SoapReplyFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(5);
    static final int OPERATIONS = 4;

    private static ServiceplatformSimulator sim;
    private static HttpsServer proxy;
    private static HttpClient forward;
    private static ServiceplatformClient client;
    private static final Map<Integer, String> RECORDED = new ConcurrentHashMap<>();
    private static volatile int recordingOperation = -1;
    private static volatile Reply current;

    record Reply(int status, byte[] body) {
    }

    @BeforeContainer
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().strict(false).build().start();
        forward = HttpClient.newBuilder().sslContext(clientTls(sim)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        proxy = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.setHttpsConfigurator(new HttpsConfigurator(ServerTls.shared().sslContext(sim.pki().trustAnchors())));
        proxy.createContext("/", SoapReplyFuzzTest::handle);
        proxy.start();
        client = SimulatorClients.invocationContext(sim)
                .environment(Environment.custom(URI.create("https://127.0.0.1:" + proxy.getAddress().getPort() + "/")))
                .timeouts(Timeouts.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .retryPolicy(RetryPolicy.none()).build();
        for (int op = 0; op < OPERATIONS; op++) {
            recordingOperation = op;
            Object genuine = call(op);
            assertTrue(genuine instanceof Optional<?> o ? o.isPresent() : genuine != null, "genuine reply " + op);
            assertTrue(RECORDED.containsKey(op), "recorded " + op);
        }
        recordingOperation = -1;
    }

    @AfterContainer
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.stop(0);
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static SSLContext clientTls(ServiceplatformSimulator sim) throws Exception {
        char[] pw = "fuzz".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(sim.systemIdentity().pkcs12(pw)), pw);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("simulator", sim.tlsTrustAnchor());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            byte[] request = in.readAllBytes();
            Reply reply;
            int op = recordingOperation;
            if (op >= 0) {
                reply = forward(ex, request);
                RECORDED.put(op, new String(reply.body(), StandardCharsets.UTF_8));
            } else {
                reply = current;
            }
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private static Reply forward(HttpExchange ex, byte[] request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(sim.baseUri().resolve(ex.getRequestURI().getPath().substring(1)))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .header("Content-Type", ex.getRequestHeaders().getFirst("Content-Type"));
        String action = ex.getRequestHeaders().getFirst("SOAPAction");
        if (action != null) {
            b.header("SOAPAction", action);
        }
        try {
            HttpResponse<byte[]> res = forward.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(res.statusCode(), res.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Object call(int op) {
        return switch (op) {
            case 0 -> client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S);
            case 1 -> client.lookupCompany(SimulatorData.CVR_ACTIVE);
            case 2 -> client.lookupProductionUnit(SimulatorData.PNUMBER_1);
            default -> client.readOrganisation(sim.municipalityCvr());
        };
    }

    private static void answer(int op, int status, String body) {
        current = new Reply(status, body.getBytes(StandardCharsets.UTF_8));
        Optional<Object> result = Fuzz.onlyOurs(LIMIT, () -> call(op));
        result.ifPresent(r -> assertFalse(PersonalData.containsCprNumber(String.valueOf(r)), "CPR in result: " + r));
    }

    @Property(tries = 1000)
    void mutatedGenuineReplies(@ForAll @IntRange(min = 0, max = OPERATIONS - 1) int op,
            @ForAll("edits") List<Mutation> edits, @ForAll("statuses") int status) {
        answer(op, status, Mutation.applyAll(edits, RECORDED.get(op)));
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Mutation.some();
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 200, 200, 500);
    }

    @Property(tries = 150)
    void randomReplies(@ForAll @IntRange(min = 0, max = OPERATIONS - 1) int op, @ForAll("randomBodies") String body,
            @ForAll("statuses") int status) {
        answer(op, status, body);
    }

    @Provide
    Arbitrary<String> randomBodies() {
        Function<String, String> envelope = inner -> "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'>"
                + "<s:Body>" + inner + "</s:Body></s:Envelope>";
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), Arbitraries.just(""),
                Arbitraries.strings().withChars("<>/=\"' :sEnvelopBdyFault").ofMaxLength(200).map(envelope),
                Arbitraries.of("<x/>", "<s:Fault/>", "<s:Fault><faultcode>s:Server</faultcode></s:Fault>",
                        "<a:b xmlns:a='urn:x'/>").map(envelope));
    }

    @Property(tries = 5)
    void genuineRepliesStillParse(@ForAll @IntRange(min = 0, max = OPERATIONS - 1) int op) {
        current = new Reply(200, RECORDED.get(op).getBytes(StandardCharsets.UTF_8));
        Object r = call(op);
        assertTrue(r instanceof Optional<?> o ? o.isPresent() : r != null, "the proxy replays a genuine reply");
    }
}
