package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.Timeouts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import dk.rammearkitektur.core.RammearkitekturException;

/**
 * The one HTTP transport under every client: the JDK's {@code java.net.http} client over mutual TLS, HTTP/1.1 with
 * keep-alive, no redirects, no retries of its own. Each call is bounded by its timeout as a whole (headers and body:
 * a reply trickled in slowly is cut off too; see {@link Deadlines}) and by {@link #MAX_REPLY_BYTES}; at most
 * {@code maxConcurrent} calls run at once. Requests are sent without a JDK request timeout: the deadline replaces
 * it. Every way a call can fail becomes one of core's typed exceptions for the {@link ServiceCall}; a reply
 * with any HTTP status is returned for the caller to read, since only the caller knows its fault format.
 */
public final class HttpTransport implements AutoCloseable {
    /** The largest reply read: 16 MiB. */
    public static final int MAX_REPLY_BYTES = 16 * 1024 * 1024;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpTransport.class);

    private final HttpClient http;
    private final Timeouts timeouts;
    private final Semaphore permits;

    /**
     * A reply as received.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the whole body
     */
    public record Reply(int status, HttpHeaders headers, byte[] body) {
    }

    /** Creates the transport with the client certificate and trust anchors of {@code keys}; connects lazily. */
    public HttpTransport(KeyMaterial keys, Timeouts timeouts, InetSocketAddress proxy, int maxConcurrent) {
        if (Boolean.parseBoolean(System.getProperty("jdk.httpclient.enableAllMethodRetry", "false"))) {
            LOG.warn("jdk.httpclient.enableAllMethodRetry is set: the JDK HTTP client may repeat a POST on its own"
                    + " after a connection failure, so a send may reach the service twice");
        }
        this.timeouts = timeouts;
        this.permits = new Semaphore(maxConcurrent, true);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.keyManagers(), keys.trustManagers(), null);
            HttpClient.Builder b = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeouts.connect()).followRedirects(HttpClient.Redirect.NEVER);
            if (proxy != null) {
                b.proxy(ProxySelector.of(proxy));
            }
            this.http = b.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** The timeouts the transport was made with. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /**
     * Sends {@code request} and waits at most {@code timeout} for the whole reply.
     *
     * @throws CallTimeoutException when no free connection is had within the connect timeout, the connection is not
     *     made in time, or the reply is not complete within {@code timeout}
     * @throws ConnectionFailedException when the connection is refused, the TLS handshake fails, or the connection is
     *     reset or closed before the reply is complete
     * @throws MalformedReplyException when the reply is larger than {@link #MAX_REPLY_BYTES}
     */
    public Reply send(ServiceCall call, HttpRequest request, Duration timeout) {
        boolean acquired = false;
        try {
            acquired = permits.tryAcquire(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new CallTimeoutException(call, "no free connection within the connect timeout ("
                        + timeouts.connect().toMillis() + " ms)", false, null);
            }
            return exchange(call, request, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallTimeoutException(call, "interrupted while waiting for a free connection", false, e);
        } finally {
            if (acquired) {
                permits.release();
            }
        }
    }

    /**
     * One exchange with the JDK client's synchronous {@code send} (its asynchronous API hands the result to another
     * thread first), bounded as a whole, headers and body, by a deadline that interrupts the call.
     */
    private Reply exchange(ServiceCall call, HttpRequest request, Duration timeout) {
        Deadlines.Deadline deadline = null;
        HttpResponse<byte[]> response;
        try {
            deadline = Deadlines.start(timeout.toNanos());
            response = http.send(request, info -> new LimitedBody());
        } catch (InterruptedException e) {
            if (deadline.finish()) {
                throw new CallTimeoutException(call, "no complete reply within " + timeout.toMillis()
                        + " ms; the request may have been handled", true, e);
            }
            Thread.currentThread().interrupt();
            throw new CallTimeoutException(call, "interrupted while waiting for the reply", true, e);
        } catch (IOException e) {
            boolean late = deadline.finish();
            if (late) {
                throw new CallTimeoutException(call, "no complete reply within " + timeout.toMillis()
                        + " ms; the request may have been handled", true, e);
            }
            throw map(call, e);
        } finally {
            if (deadline != null) {
                deadline.finish();
            }
        }
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    private static RuntimeException map(ServiceCall call, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReplyTooLarge) {
                return new MalformedReplyException(call, "reply larger than " + MAX_REPLY_BYTES + " bytes", c);
            }
            if (c instanceof HttpConnectTimeoutException) {
                return new CallTimeoutException(call, "connect timeout", false, t);
            }
            if (c instanceof HttpTimeoutException) {
                return new CallTimeoutException(call, "no reply within the timeout; the request may have been handled",
                        true, t);
            }
            if (c instanceof ConnectException) {
                return new ConnectionFailedException(call, "connection refused", false, t);
            }
            if (c instanceof SSLHandshakeException) {
                return new ConnectionFailedException(call, "TLS handshake failed: " + message(c), false, t);
            }
            if (c instanceof SSLException) {
                // after the handshake: the request may have been written
                return new ConnectionFailedException(call, "TLS failed: " + message(c), true, t);
            }
            if (c instanceof RammearkitekturException re) {
                return re;
            }
        }
        return new ConnectionFailedException(call, "connection failed: " + message(t), true, t);
    }

    private static String message(Throwable t) {
        return PersonalData.maskCprNumbers(String.valueOf(t.getMessage()));
    }

    /**
     * Shuts the JDK client down where it can be (Java 21 and later: {@code HttpClient.shutdown()}, so its selector and
     * worker threads end now; calls still in flight fail). Before Java 21 the client has no such method and its threads
     * end when it is collected.
     */
    @Override
    public void close() {
        try {
            HttpClient.class.getMethod("shutdown").invoke(http);
        } catch (NoSuchMethodException beforeJava21) {
            // nothing to call: the client ends with the last reference to it
        } catch (ReflectiveOperationException e) {
            LOG.debug("could not shut the HTTP client down: {}", e.toString());
        }
    }

    /** Thrown inside the body subscriber when the reply passes the limit. */
    private static final class ReplyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        ReplyTooLarge() {
            super("reply larger than " + MAX_REPLY_BYTES + " bytes");
        }
    }

    /** Collects the body as bytes, cancelling the stream as soon as it passes {@link #MAX_REPLY_BYTES}. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> parts = new ArrayList<>();
        private Flow.Subscription subscription;
        private long size;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                size += b.remaining();
                parts.add(b);
            }
            if (size > MAX_REPLY_BYTES) {
                parts.clear();
                subscription.cancel();
                result.completeExceptionally(new ReplyTooLarge());
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            byte[] out = new byte[(int) size];
            int at = 0;
            for (ByteBuffer b : parts) {
                int n = b.remaining();
                b.get(out, at, n);
                at += n;
            }
            result.complete(out);
        }
    }
}
