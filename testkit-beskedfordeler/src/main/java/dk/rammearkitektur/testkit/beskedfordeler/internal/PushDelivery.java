package dk.rammearkitektur.testkit.beskedfordeler.internal;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.beskedfordeler.PushAttempt;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The simulator's push delivery (SF1461 BeskedFåTilsendt): each event for a registered Beskedtype is POSTed to the
 * callback as {@code ModtagBeskedInput} ({@value #STS}) over HTTPS with the platform's client certificate, hostname
 * verification on. Only HTTP 200 with {@code ModtagBeskedOutput/StandardRetur/StatusKode} 20 counts; anything else is
 * tried again after a doubling, capped delay until the maximum number of attempts, after which the event is put on
 * the push fejlkø. Attempts are recorded.
 */
public final class PushDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
    /** The namespace of ModtagBeskedInput and ModtagBeskedOutput. */
    public static final String STS = "urn:oio:sts:1.0.0";
    private static final String SD = "urn:oio:sagdok:3.0.0";
    private static final int MAX_REPLY_BYTES = 1 << 20;

    private final HttpClient http;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService scheduler;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final Duration timeout;
    private final Map<String, Set<URI>> registrations = new ConcurrentHashMap<>();
    private final Map<URI, Set<ScheduledFuture<?>>> pending = new ConcurrentHashMap<>();
    private final List<PushAttempt> attempts = new CopyOnWriteArrayList<>();
    private final List<PushAttempt> fejlkoe = new CopyOnWriteArrayList<>();

    /**
     * A delivery engine.
     *
     * @param platform the client certificate the pushes are made with
     * @param serverAnchors the roots the callbacks' server certificates must chain to
     * @param initialDelay the delay before the second attempt; it doubles up to {@code maxDelay}
     * @param maxDelay the longest delay between attempts
     * @param maxAttempts attempts before the event goes to the fejlkø
     * @param timeout the connect and request timeout of one attempt
     */
    public PushDelivery(TestIdentity platform, Collection<X509Certificate> serverAnchors, Duration initialDelay,
            Duration maxDelay, int maxAttempts, Duration timeout) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.httpExecutor = Executors.newCachedThreadPool(r -> daemon(r, "beskedfordeler-simulator-push-http-"
                + n.incrementAndGet()));
        this.scheduler = Executors.newScheduledThreadPool(2, r -> daemon(r, "beskedfordeler-simulator-push"));
        this.http = HttpClient.newBuilder().sslContext(tls(platform, serverAnchors)).connectTimeout(timeout)
                .executor(httpExecutor).version(HttpClient.Version.HTTP_1_1).build();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static SSLContext tls(TestIdentity platform, Collection<X509Certificate> anchors) {
        try {
            char[] pw = "push".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("platform", platform.privateKey(), pw, platform.chain().toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, pw);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate c : anchors) {
                trust.setCertificateEntry("anchor" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the push client's SSL context", e);
        }
    }

    /** Pushes every later event of {@code beskedtype} (normalised) to {@code callback}. */
    public void register(URI callback, String beskedtype) {
        registrations.computeIfAbsent(beskedtype, k -> ConcurrentHashMap.newKeySet()).add(callback);
    }

    /** Stops pushing to {@code callback}: its registrations go, and so do its pending redeliveries. */
    public void unregister(URI callback) {
        registrations.values().forEach(s -> s.remove(callback));
        Set<ScheduledFuture<?>> p = pending.remove(callback);
        if (p != null) {
            p.forEach(f -> f.cancel(false));
        }
    }

    /**
     * Starts delivering the event to every callback registered for its Beskedtype.
     *
     * @return the callbacks it goes to
     */
    public List<URI> push(String beskedtype, String messageId, byte[] envelope) {
        List<URI> targets = List.copyOf(registrations.getOrDefault(beskedtype, Set.of()));
        if (targets.isEmpty()) {
            return targets;
        }
        byte[] input = modtagBeskedInput(envelope);
        for (URI target : targets) {
            schedule(target, messageId, input, 1, Duration.ZERO);
        }
        return targets;
    }

    /** Every attempt so far, in the order they ended. */
    public List<PushAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The last attempt of each event given up on after the maximum number of attempts. */
    public List<PushAttempt> fejlkoe() {
        return List.copyOf(fejlkoe);
    }

    private void schedule(URI target, String messageId, byte[] input, int attempt, Duration delay) {
        Set<ScheduledFuture<?>> mine = pending.computeIfAbsent(target, k -> ConcurrentHashMap.newKeySet());
        try {
            ScheduledFuture<?> f = scheduler.schedule(() -> attempt(target, messageId, input, attempt),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
            mine.removeIf(ScheduledFuture::isDone);
            mine.add(f);
        } catch (RejectedExecutionException e) {
            LOG.debug("push of {} to {} dropped: the simulator is closing", messageId, target);
        }
    }

    private boolean registered(URI target) {
        return registrations.values().stream().anyMatch(s -> s.contains(target));
    }

    private void attempt(URI target, String messageId, byte[] input, int attempt) {
        int httpStatus = -1;
        Integer statusKode = null;
        String failure;
        try {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(input)).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            httpStatus = response.statusCode();
            statusKode = statusKode(response.body());
            failure = httpStatus == 200 && Integer.valueOf(20).equals(statusKode) ? null
                    : "answered HTTP " + httpStatus + " with StatusKode " + statusKode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        PushAttempt a = new PushAttempt(target, messageId, attempt, httpStatus, statusKode, failure, input);
        attempts.add(a);
        if (a.delivered()) {
            LOG.debug("pushed {} to {} (attempt {})", messageId, target, attempt);
        } else if (!registered(target)) {
            LOG.debug("push of {} to {} failed (attempt {}) and is dropped: no longer registered", messageId, target,
                    attempt);
        } else if (attempt >= maxAttempts) {
            LOG.info("push of {} to {} gave up after {} attempts: {}", messageId, target, attempt, failure);
            fejlkoe.add(a);
        } else {
            Duration delay = delay(attempt);
            LOG.debug("push of {} to {} failed (attempt {}): {}; again in {} ms", messageId, target, attempt, failure,
                    delay.toMillis());
            schedule(target, messageId, input, attempt + 1, delay);
        }
    }

    /** The delay after failed attempt {@code attempt}: the initial delay doubled per earlier attempt, capped. */
    private Duration delay(int attempt) {
        long ms = initialDelay.toMillis();
        for (int i = 1; i < attempt && ms < maxDelay.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
    }

    /** The StatusKode of a {@code ModtagBeskedOutput}, or null when the body is not one. */
    private static Integer statusKode(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_REPLY_BYTES) {
            return null;
        }
        try {
            Element root = SecureXml.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!STS.equals(root.getNamespaceURI()) || !"ModtagBeskedOutput".equals(root.getLocalName())) {
                return null;
            }
            NodeList codes = root.getElementsByTagNameNS(SD, "StatusKode");
            return codes.getLength() == 1 ? Integer.valueOf(codes.item(0).getTextContent().strip()) : null;
        } catch (RammearkitekturException | NumberFormatException e) {
            return null;
        }
    }

    /** The envelope wrapped in {@code ModtagBeskedInput}. */
    static byte[] modtagBeskedInput(byte[] envelope) {
        Document in = SecureXml.parse(new ByteArrayInputStream(envelope));
        Document out = SecureXml.documentBuilder().newDocument();
        Element root = out.createElementNS(STS, "sts:ModtagBeskedInput");
        out.appendChild(root);
        root.appendChild(out.importNode(in.getDocumentElement(), true));
        return Dom.bytes(out);
    }

    /** Stops delivering; pending redeliveries are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
