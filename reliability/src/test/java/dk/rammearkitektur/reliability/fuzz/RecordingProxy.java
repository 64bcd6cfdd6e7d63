package dk.rammearkitektur.reliability.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
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
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A loopback HTTPS server with the simulator's TLS identity, in front of a Serviceplatformen simulator. While
 * recording it forwards each request (over mutual TLS with the simulator's system certificate) and keeps the
 * simulator's reply per key (the path, plus the SOAP action when there is one); otherwise it answers with the reply
 * set for the key, else the recorded one.
 */
final class RecordingProxy implements AutoCloseable {
    /** A canned answer. */
    record Reply(int status, String contentType, byte[] body) {
    }

    private final ServiceplatformSimulator sim;
    private final HttpClient forward;
    private final HttpsServer server;
    private final Map<String, Reply> recorded = new ConcurrentHashMap<>();
    private final Map<String, Reply> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile boolean recording;

    RecordingProxy(ServiceplatformSimulator sim) throws Exception {
        this.sim = sim;
        this.forward = HttpClient.newBuilder().sslContext(clientTls(sim)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ServerTls.shared().sslContext(sim.pki().trustAnchors())));
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void recording(boolean on) {
        recording = on;
    }

    /** The recorded reply for the first key containing {@code fragment}. */
    Reply recorded(String fragment) {
        return recorded.entrySet().stream().filter(e -> e.getKey().contains(fragment)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("nothing recorded for " + fragment
                        + " (have " + recorded.keySet() + ")"));
    }

    /** The recorded key that contains {@code fragment}. */
    String key(String fragment) {
        return recorded.keySet().stream().filter(k -> k.contains(fragment)).findFirst().orElseThrow();
    }

    void answer(String key, Reply reply) {
        answers.put(key, reply);
    }

    int hits(String fragment) {
        return hits.entrySet().stream().filter(e -> e.getKey().contains(fragment)).mapToInt(e -> e.getValue().get())
                .sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            byte[] request = in.readAllBytes();
            String action = ex.getRequestHeaders().getFirst("SOAPAction");
            String key = ex.getRequestURI().getPath() + (action == null ? "" : " " + action);
            hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Reply reply;
            if (recording) {
                reply = forward(ex, request);
                recorded.put(key, reply);
            } else {
                reply = answers.getOrDefault(key, recorded.get(key));
            }
            if (reply == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
            ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private Reply forward(HttpExchange ex, byte[] request) throws IOException {
        String pathAndQuery = ex.getRequestURI().getRawPath().substring(1)
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        HttpRequest.Builder b = HttpRequest.newBuilder(sim.baseUri().resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(request));
        for (String h : new String[] {"Content-Type", "SOAPAction", "Accept"}) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        try {
            HttpResponse<byte[]> res = forward.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(res.statusCode(), res.headers().firstValue("Content-Type").orElse("text/xml"), res.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
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

    @Override
    public void close() {
        server.stop(0);
    }
}
