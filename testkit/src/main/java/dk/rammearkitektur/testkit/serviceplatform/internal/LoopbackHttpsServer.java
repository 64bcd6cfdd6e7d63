package dk.rammearkitektur.testkit.serviceplatform.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * certificate, client certificates required and checked against the given anchors, one daemon thread pool.
 */
public final class LoopbackHttpsServer {
    private final HttpsServer server;
    private final ExecutorService executor;

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
        Objects.requireNonNull(threadName, "threadName == null");
        SSLContext ctx = ServerTls.shared().sslContext(clientTrustAnchors);
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        handlers.forEach(s::createContext);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.start();
        return new LoopbackHttpsServer(s, executor);
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
        Objects.requireNonNull(threadName, "threadName == null");
        SSLContext ctx = ServerTls.shared().sslContext(java.util.List.of());
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setNeedClientAuth(false);
                p.setWantClientAuth(false);
                params.setSSLParameters(p);
            }
        });
        handlers.forEach(s::createContext);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.start();
        return new LoopbackHttpsServer(s, executor);
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
