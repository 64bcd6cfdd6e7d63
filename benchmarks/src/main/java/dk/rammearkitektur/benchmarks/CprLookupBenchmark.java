package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.serviceplatform.internal.CallInfo;
import dk.rammearkitektur.clients.serviceplatform.internal.EnvelopeBuilder;
import dk.rammearkitektur.clients.serviceplatform.internal.InvocationContextAuthenticator;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupRequest;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;

/**
 * Benchmark 5: latency of a CPR person lookup (SF1520, InvocationContext auth) through {@link ServiceplatformClient}
 * against the loopback simulator, against a raw HTTPS POST of the same request bytes to the same endpoint over a
 * pooled keep-alive mutual-TLS connection of the JDK HTTP client (the SDK's transport uses the same JDK HTTP client,
 * but its pool is internal, so the baseline has its own pool with the same key material). Both sides get the same
 * server work: the simulator parses, validates and answers each request. Goal: p50 ratio at most 1.5. Warmed up
 * for JMH's default 5 x 10 s: the SDK's path JIT-compiles far more code than a raw POST (XML, JAXB, the envelope), and
 * with 3 x 2 s its p50 was still falling from one iteration to the next, which measured the compiler, not the path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 10)
public class CprLookupBenchmark {
    private static final String ACTION =
            "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup";

    private ServiceplatformSimulator sim;
    private ServiceplatformClient client;
    private HttpClient http;
    private HttpRequest raw;

    /** Starts the simulator, the SDK client and the raw HTTP client, and warms both connections. */
    @Setup
    public void setup() throws GeneralSecurityException, IOException, InterruptedException {
        sim = ServiceplatformSimulator.builder().build().start();
        client = SimulatorClients.invocationContext(sim).build();
        http = HttpClient.newBuilder().sslContext(sslContext(sim)).version(HttpClient.Version.HTTP_1_1).build();
        raw = rawLookup(sim);
        if (sdk().isEmpty()) {
            throw new IllegalStateException("the simulator does not know " + SimulatorData.CPR_ACTIVE_1900S);
        }
        baseline();
    }

    /**
     * The SF1520 PersonLookup of {@link SimulatorData#CPR_ACTIVE_1900S} with the InvocationContext, as the SDK's
     * envelope builder writes it, as a raw POST to the simulator's SF1520 endpoint (reusable by any number of threads).
     */
    static HttpRequest rawLookup(ServiceplatformSimulator sim) {
        URI endpoint = sim.endpoints().get("SF1520");
        PersonLookupRequest req = new PersonLookupRequest();
        req.pnr = SimulatorData.CPR_ACTIVE_1900S;
        Document env = EnvelopeBuilder.build(new CallInfo(PersonBaseDataExtendedService.INSTANCE, "PersonLookup", ACTION,
                endpoint, UUID.randomUUID().toString(), Instant.now()), req,
                new InvocationContextAuthenticator(sim.userSystemUuid(), sim.userUuid(), null, null,
                        Map.of("SF1520", sim.serviceAgreement("SF1520"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(env, out);
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
    }

    /** A TLS context with the simulator's system certificate as client key and its TLS anchor as the only trust. */
    static SSLContext sslContext(ServiceplatformSimulator sim) throws GeneralSecurityException, IOException {
        char[] pw = "benchmark".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(sim.systemIdentity().pkcs12(pw)), pw);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", sim.tlsTrustAnchor());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Stops the clients and the simulator. */
    @TearDown
    public void tearDown() {
        client.close();
        sim.close();
    }

    /** One lookup through the SDK: envelope, transport, reply parsing and mapping. */
    @Benchmark
    public java.util.Optional<PersonRecord> sdk() {
        return client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S);
    }

    /** The same request bytes POSTed raw; the reply read as bytes. */
    @Benchmark
    public byte[] baseline() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(raw, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("raw POST answered " + r.statusCode());
        }
        return r.body();
    }
}
