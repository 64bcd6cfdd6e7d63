package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport against the JDK's HTTP server on loopback (TLS is the reliability suite's and the simulators'). */
class HttpTransportTest {
    private static final ServiceCall SEND = ServiceCall.write("SF0000", "Send", "c-1", "the request");
    private static final Timeouts TIMEOUTS = Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    private HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop(0);
        }
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(pool);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
    }

    private static HttpTransport transport(int maxConcurrent) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(TestKeys.systemP12()), TestKeys.PASSWORD);
        return new HttpTransport(KeyMaterial.load(ks, TestKeys.PASSWORD, List.of(TestKeys.anchor())), TIMEOUTS, null,
                maxConcurrent);
    }

    private static HttpRequest post(URI uri) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("<x/>")).build();
    }

    private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void anyStatusIsReturnedWithItsBody() throws Exception {
        URI uri = serve(ex -> answer(ex, ex.getRequestURI().getQuery() == null ? 200 : 500,
                "<ok/>".getBytes(StandardCharsets.UTF_8)));
        HttpTransport t = transport(4);
        HttpTransport.Reply ok = t.send(SEND, post(uri), Duration.ofSeconds(5));
        assertEquals(200, ok.status());
        assertArrayEquals("<ok/>".getBytes(StandardCharsets.UTF_8), ok.body());
        assertEquals(500, t.send(SEND, post(URI.create(uri + "?fail")), Duration.ofSeconds(5)).status());
    }

    @Test
    void aReplyOverTheCapIsMalformedAndNotHeldInFull() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        URI uri = serve(ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 17; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the transport cancels the stream at the cap
            }
        });
        MalformedReplyException e = assertThrows(MalformedReplyException.class,
                () -> transport(4).send(SEND, post(uri), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("larger than 16777216 bytes"), e.getMessage());
        assertEquals("SF0000", e.service());
    }

    @Test
    void aTrickledBodyIsCutOffAtTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI uri = serve(ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100 && !release.await(100, TimeUnit.MILLISECONDS); i++) {
                    out.write('x');
                    out.flush();
                }
            } catch (IOException | InterruptedException clientGaveUp) {
                // expected
            }
        });
        long t0 = System.nanoTime();
        CallTimeoutException e = assertThrows(CallTimeoutException.class,
                () -> transport(4).send(SEND, post(uri), Duration.ofMillis(600)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        release.countDown();
        assertTrue(ms < 3000, "the headers came at once, the body never ended: cut off after " + ms + " ms");
        assertTrue(e.mayHaveReachedService());
        assertFalse(e.isRetrySafe(), "a send that reached the service is not retry-safe");
        assertEquals("the request", e.request(String.class).orElseThrow());
    }

    @Test
    void aServerThatNeverAnswersIsCutOffAtTheTimeoutAndLeavesNoInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI uri = serve(ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200, new byte[0]);
        });
        HttpTransport t = transport(4);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            CallTimeoutException e = assertThrows(CallTimeoutException.class,
                    () -> t.send(SEND, post(uri), Duration.ofMillis(300)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 290 && ms < 2000, "cut off after " + ms + " ms");
            assertTrue(e.mayHaveReachedService());
            assertFalse(Thread.currentThread().isInterrupted(), "the deadline's interrupt is not left behind");
        }
        release.countDown();
    }

    @Test
    void callsWithinTheirDeadlineLeaveNoInterrupt() throws Exception {
        URI uri = serve(ex -> answer(ex, 200, "<ok/>".getBytes(StandardCharsets.UTF_8)));
        HttpTransport t = transport(4);
        assertEquals(200, t.send(SEND, post(uri), Duration.ofSeconds(5)).status());
        for (int i = 0; i < 50; i++) {
            assertEquals(200, t.send(SEND, post(uri), Duration.ofMillis(500 + i)).status());
            assertFalse(Thread.currentThread().isInterrupted());
        }
        Thread.sleep(3 * Deadlines.TICK_MILLIS);
        assertFalse(Thread.interrupted(), "no deadline fires after its call has finished");
    }

    @Test
    void aRefusedConnectionDidNotReachTheService() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectionFailedException e = assertThrows(ConnectionFailedException.class,
                () -> transport(4).send(SEND, post(URI.create("http://127.0.0.1:" + port + "/x")), Duration.ofSeconds(2)));
        assertFalse(e.mayHaveReachedService());
        assertTrue(e.isRetrySafe(), "nothing arrived, so even a send may be repeated");
    }

    @Test
    void callsBeyondTheLimitWaitAtMostTheConnectTimeout() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        URI uri = serve(ex -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200, new byte[0]);
        });
        HttpTransport t = transport(1);
        Future<HttpTransport.Reply> first = pool.submit(() -> t.send(SEND, post(uri), Duration.ofSeconds(8)));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        CallTimeoutException e = assertThrows(CallTimeoutException.class,
                () -> t.send(SEND, post(uri), Duration.ofSeconds(8)));
        assertFalse(e.mayHaveReachedService());
        assertTrue(e.getMessage().contains("no free connection"), e.getMessage());
        release.countDown();
        assertEquals(200, first.get(8, TimeUnit.SECONDS).status());
    }
}
