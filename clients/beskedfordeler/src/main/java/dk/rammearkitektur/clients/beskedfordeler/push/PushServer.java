package dk.rammearkitektur.clients.beskedfordeler.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A standalone HTTPS server for the Beskedfordeler's push callback, on the JDK's built-in server: TLS with the
 * application's certificate, client certificates required and checked against the given trust anchors (the
 * Beskedfordeler's CA), each POST to {@link Builder#path(String)} handed to a {@link PushReceiver}. For a demo, a test
 * or a small service; an application with a web container mounts {@link PushServlet} instead.
 */
public final class PushServer implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService executor;
    private final URI uri;

    private PushServer(HttpsServer server, ExecutorService executor, URI uri) {
        this.server = server;
        this.executor = executor;
        this.uri = uri;
    }

    /** A builder for a server. */
    public static Builder builder() {
        return new Builder();
    }

    /** The callback URL to register: {@code https://<host>:<port><path>}. */
    public URI uri() {
        return uri;
    }

    /** Stops taking requests, waits up to a second for those in progress, and frees the port. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PushServer[" + uri + "]";
    }

    private static void handle(HttpExchange exchange, PushReceiver receiver) throws IOException {
        try (exchange) {
            PushResponse answer;
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer = receiver.methodNotAllowed();
            } else {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readNBytes(PushReceiver.MAX_BODY_BYTES + 1);
                }
                answer = receiver.receive(body, chain(exchange));
            }
            byte[] out = answer.body();
            exchange.getResponseHeaders().set("Content-Type", PushResponse.CONTENT_TYPE);
            exchange.sendResponseHeaders(answer.httpStatus(), out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private static List<X509Certificate> chain(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : https.getSSLSession().getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    /** Settings for a {@link PushServer}. */
    public static final class Builder {
        private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        private String path = "/beskedfordeler/modtag";
        private KeyStore keyStore;
        private char[] keyPassword;
        private Collection<X509Certificate> clientAnchors = List.of();
        private PushReceiver receiver;
        private int threads = 4;

        private Builder() {
        }

        /** Where to listen (default 127.0.0.1 on a free port). */
        public Builder address(InetSocketAddress address) {
            this.address = address;
            return this;
        }

        /** The callback's path (default {@code /beskedfordeler/modtag}). */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The server's TLS certificate: a key store's first private-key entry and the key's password. Required. */
        public Builder serverCertificate(KeyStore keyStore, char[] keyPassword) {
            this.keyStore = keyStore;
            this.keyPassword = keyPassword == null ? null : keyPassword.clone();
            return this;
        }

        /** The CA certificates the caller's (the Beskedfordeler's) client certificate must chain to. Required. */
        public Builder clientTrustAnchors(Collection<X509Certificate> anchors) {
            this.clientAnchors = anchors;
            return this;
        }

        /** What handles the pushes. Required. */
        public Builder receiver(PushReceiver receiver) {
            this.receiver = receiver;
            return this;
        }

        /** Threads handling requests; 1 to 64 (default 4). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Checks the settings and starts the server.
         *
         * @throws ValidationException naming each bad setting
         * @throws java.io.UncheckedIOException when the address cannot be bound
         */
        public PushServer start() {
            Violations v = Violations.at("pushServer");
            v.require(address != null, "address", "must be set");
            v.require(path != null && path.startsWith("/") && path.chars().noneMatch(Character::isWhitespace),
                    "path", "must start with / and hold no spaces");
            v.require(keyStore != null && keyPassword != null, "serverCertificate", "must be set");
            v.require(clientAnchors != null && !clientAnchors.isEmpty(), "clientTrustAnchors",
                    "must hold at least one certificate");
            v.require(receiver != null, "receiver", "must be set");
            v.require(threads >= 1 && threads <= 64, "threads", "must be between 1 and 64");
            v.throwIfAny();
            SSLContext tls = tls();
            ExecutorService executor = Executors.newFixedThreadPool(threads, daemons());
            try {
                HttpsServer server = HttpsServer.create(address, 0);
                server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = tls.getDefaultSSLParameters();
                        p.setNeedClientAuth(true);
                        params.setSSLParameters(p);
                    }
                });
                PushReceiver r = receiver;
                server.createContext(path, exchange -> handle(exchange, r));
                server.setExecutor(executor);
                server.start();
                InetSocketAddress bound = server.getAddress();
                String host = bound.getAddress().isAnyLocalAddress() ? "localhost" : bound.getHostString();
                return new PushServer(server, executor, URI.create("https://" + host + ":" + bound.getPort() + path));
            } catch (IOException e) {
                executor.shutdownNow();
                throw new java.io.UncheckedIOException("cannot listen on " + address, e);
            }
        }

        private SSLContext tls() {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, keyPassword);
                KeyStore anchors = KeyStore.getInstance("PKCS12");
                anchors.load(null, null);
                int i = 0;
                for (X509Certificate c : clientAnchors) {
                    anchors.setCertificateEntry("anchor-" + i++, c);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(anchors);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
                return tls;
            } catch (GeneralSecurityException | IOException e) {
                throw new ValidationException("pushServer.serverCertificate", "must be usable for TLS ("
                        + e.getMessage() + ")", e);
            }
        }

        private static java.util.concurrent.ThreadFactory daemons() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "beskedfordeler-push-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
