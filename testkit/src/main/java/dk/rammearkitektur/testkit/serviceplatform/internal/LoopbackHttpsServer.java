package dk.rammearkitektur.testkit.serviceplatform.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTPS server both simulators run: bound to the loopback address, TLS with the shared {@link ServerTls} server
 * certificate, client certificates checked against the given anchors, one daemon thread pool. Client certificates are
 * required in the TLS handshake until a path without one is mounted ({@link #mountWithoutClientCertificate}, the web
 * console); from then on the handshake only asks for one (an untrusted certificate still fails it) and every service
 * path answers a request without a verified client certificate with HTTP 403 before its handler sees it.
 */
public final class LoopbackHttpsServer {
    private final HttpsServer server;
    private final ExecutorService executor;
    /** True once a path that takes requests without a client certificate is mounted. */
    private volatile boolean certificateOptional;

    private LoopbackHttpsServer(HttpsServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Checks a port a simulator builder was given.
     *
     * @param port the port, 0 for any free one
     * @return {@code port}
     * @throws IllegalArgumentException when it is not 0 to 65535
     */
    public static int checkedPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        return port;
    }

    /**
     * Starts a server on {@code 127.0.0.1}.
     *
     * @param port the port, 0 for any free one
     * @param clientTrustAnchors the roots client certificates must chain to
     * @param threadName the name of the handler threads
     * @param handlers the handler for each path prefix
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static LoopbackHttpsServer start(int port, Collection<X509Certificate> clientTrustAnchors, String threadName,
            Map<String, HttpHandler> handlers) throws IOException {
        return start(port, ServerTls.shared().sslContext(clientTrustAnchors), true, threadName, handlers);
    }

    /**
     * Starts a server on {@code 127.0.0.1} with one-way TLS: no client certificate is asked for, so a browser reaches
     * it (the identity provider simulator's case).
     *
     * @param port the port, 0 for any free one
     * @param threadName the name of the handler threads
     * @param handlers the handler for each path prefix
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static LoopbackHttpsServer startWithoutClientAuth(int port, String threadName,
            Map<String, HttpHandler> handlers) throws IOException {
        return start(port, ServerTls.shared().sslContext(java.util.List.of()), false, threadName, handlers);
    }

    /**
     * Starts a server; with {@code clientCertificates} the handshake requires a client certificate (asks for one once a
     * path without one is mounted) and every handler sits behind {@link #requireClientCertificate}, without it no
     * client certificate is asked for.
     */
    private static LoopbackHttpsServer start(int port, SSLContext ctx, boolean clientCertificates, String threadName,
            Map<String, HttpHandler> handlers) throws IOException {
        Objects.requireNonNull(threadName, "threadName == null");
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        LoopbackHttpsServer server = new LoopbackHttpsServer(s, executor);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                if (!clientCertificates) {
                    p.setNeedClientAuth(false);
                    p.setWantClientAuth(false);
                } else if (server.certificateOptional) {
                    p.setWantClientAuth(true);
                } else {
                    p.setNeedClientAuth(true);
                }
                params.setSSLParameters(p);
            }
        });
        handlers.forEach((path, handler) -> s.createContext(path,
                clientCertificates ? requireClientCertificate(handler) : handler));
        s.setExecutor(executor);
        s.start();
        return server;
    }

    /** {@code handler}, behind a 403 for a request whose TLS session has no verified client certificate. */
    private static HttpHandler requireClientCertificate(HttpHandler handler) {
        return ex -> {
            if (SimulatorExchanges.clientChain(ex).isEmpty()) {
                try (ex) {
                    ex.getRequestBody().readNBytes(1 << 16); // drained a little, so the reply is not a reset
                    SimulatorExchanges.send(ex, 403, "text/plain; charset=utf-8",
                            "a client certificate is required on this path\n".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            handler.handle(ex);
        };
    }

    /**
     * Serves {@code handler} under {@code path} to clients with or without a certificate, and from now on lets the
     * TLS handshake go on without a client certificate (new connections; the service paths then refuse such requests
     * with HTTP 403).
     *
     * @param path the path prefix, e.g. {@code /console/}
     * @param handler the handler
     */
    public void mountWithoutClientCertificate(String path, HttpHandler handler) {
        Objects.requireNonNull(handler, "handler == null");
        server.createContext(Objects.requireNonNull(path, "path == null"), handler);
        certificateOptional = true;
    }

    /** Whether the TLS handshake takes clients without a certificate (a path was mounted for them). */
    public boolean clientCertificateOptional() {
        return certificateOptional;
    }

    /** The base URL, {@code https://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Stops the server at once and its threads. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
