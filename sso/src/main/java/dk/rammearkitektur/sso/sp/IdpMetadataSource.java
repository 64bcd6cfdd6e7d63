package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.sso.internal.MetadataXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Where the {@link ServiceProvider} gets the identity provider's metadata on every call: {@link #fixed(IdpMetadata)},
 * or refreshed from an HTTPS URL (or any byte source) by {@link #builder(URI)}.
 *
 * <p>A refreshing source reads the metadata when built (a failure there is thrown), then again when the refresh
 * interval (or a shorter {@code cacheDuration} in the metadata) has passed: the first call of {@link #current()} after
 * that moment fetches, synchronously, while concurrent callers keep the metadata they have (the SDK's choice: no
 * background thread to manage; call {@link #refresh()} from your own scheduler to keep fetches off request threads).
 * A fetched document is refused, and the last good metadata kept, when it is unsigned or badly signed (with a trust
 * anchor set), malformed, or past its {@code validUntil}; the failure goes to {@link #lastError()} and the failure
 * listener, and the next attempt waits {@code retryInterval}. When the last good metadata itself passes its
 * {@code validUntil}, {@link #current()} refuses with {@link SsoRefusedException#METADATA}.
 *
 * <p>Certificate rollover: every signing KeyDescriptor counts (two during a rollover). When a message's signature
 * does not verify with the current keys, the service provider calls {@link #refreshForNewKey()}, which fetches at most
 * once per {@code retryInterval}, so a new IdP key is picked up without waiting for the interval. The hot path is one
 * volatile read and a clock read. Thread-safe.
 */
public final class IdpMetadataSource {
    /** The largest metadata document fetched: 5 MiB (the SDK's choice). */
    static final int MAX_METADATA = 5 * 1024 * 1024;

    private record State(IdpMetadata metadata, Instant validUntil, Instant nextRefresh) {
    }

    private final Supplier<byte[]> fetch;
    private final SignatureTrust trust;
    private final Duration interval;
    private final Duration retryInterval;
    private final Clock clock;
    private final Consumer<SsoRefusedException> listener;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile State state;
    private volatile SsoRefusedException lastError;
    private volatile Instant lastAttempt;

    private IdpMetadataSource(IdpMetadata fixed) {
        this.fetch = null;
        this.trust = null;
        this.interval = null;
        this.retryInterval = null;
        this.clock = Clock.systemUTC();
        this.listener = e -> { };
        this.state = new State(fixed, null, Instant.MAX);
    }

    private IdpMetadataSource(Builder b, Supplier<byte[]> fetch) {
        this.fetch = fetch;
        this.trust = b.trust;
        this.interval = b.interval;
        this.retryInterval = b.retryInterval;
        this.clock = b.clock;
        this.listener = b.listener;
        Instant now = clock.instant();
        this.lastAttempt = now;
        this.state = read(now);
    }

    /** Metadata that never changes (read once by {@link IdpMetadata#parse} or built from its parts). */
    public static IdpMetadataSource fixed(IdpMetadata metadata) {
        return new IdpMetadataSource(Checks.required(metadata, "metadata"));
    }

    /** A refreshing source fetching {@code url} (HTTPS only) with {@code java.net.http}. */
    public static Builder builder(URI url) {
        Checks.required(url, "url");
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new ValidationException("url", "must be an https URL");
        }
        return new Builder(url, null);
    }

    /** A refreshing source reading the document from {@code fetch} (a file, a classpath resource, a test). */
    public static Builder builder(Supplier<byte[]> fetch) {
        return new Builder(null, Checks.required(fetch, "fetch"));
    }

    /**
     * The metadata to use now; fetches first when a refresh is due.
     *
     * @throws SsoRefusedException {@link SsoRefusedException#METADATA} when the last good metadata is past its
     *     {@code validUntil} and no fresh metadata could be read
     */
    public IdpMetadata current() {
        State s = state;
        Instant now = clock.instant();
        if (!now.isBefore(s.nextRefresh())) {
            attempt(now);
            s = state;
        }
        if (s.validUntil() != null && !now.isBefore(s.validUntil())) {
            throw new SsoRefusedException(SsoRefusedException.METADATA, "EntityDescriptor@validUntil: the last good "
                    + "metadata expired at " + s.validUntil() + " and no valid fresh metadata could be read");
        }
        return s.metadata();
    }

    /**
     * Fetches now (a no-op for a fixed source, or while another thread fetches); true when fresh metadata was read
     * and is now current.
     */
    public boolean refresh() {
        return fetch != null && attempt(clock.instant());
    }

    /**
     * Called when a signature did not verify with the current keys: fetches unless a fetch was tried within the
     * retry interval; true when the signing certificates changed.
     */
    public boolean refreshForNewKey() {
        Instant now = clock.instant();
        Instant last = lastAttempt;
        if (fetch == null || last != null && now.isBefore(last.plus(retryInterval))) {
            return false;
        }
        var before = state.metadata().signingCertificates();
        return attempt(now) && !before.equals(state.metadata().signingCertificates());
    }

    /** The failure of the latest fetch, empty when it succeeded. */
    public Optional<SsoRefusedException> lastError() {
        return Optional.ofNullable(lastError);
    }

    private boolean attempt(Instant now) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            lastAttempt = now;
            state = read(now);
            lastError = null;
            return true;
        } catch (SsoRefusedException e) {
            State old = state;
            state = new State(old.metadata(), old.validUntil(), now.plus(retryInterval));
            lastError = e;
            try {
                listener.accept(e);
            } catch (RuntimeException ignored) {
                // a failing listener must not break logins
            }
            return false;
        } finally {
            busy.set(false);
        }
    }

    private State read(Instant now) {
        byte[] bytes;
        try {
            bytes = fetch.get();
        } catch (RuntimeException e) {
            throw new SsoRefusedException(SsoRefusedException.METADATA,
                    "EntityDescriptor: could not be fetched (" + e.getMessage() + ")", e);
        }
        if (bytes == null || bytes.length == 0) {
            throw new SsoRefusedException(SsoRefusedException.METADATA, "EntityDescriptor: the fetched document is empty");
        }
        MetadataXml.Read r = MetadataXml.readIdpWithValidity(new String(bytes, StandardCharsets.UTF_8), trust);
        if (r.validUntil() != null && !now.isBefore(r.validUntil())) {
            throw new SsoRefusedException(SsoRefusedException.METADATA,
                    "EntityDescriptor@validUntil: the metadata expired at " + r.validUntil());
        }
        Duration wait = interval;
        if (r.cacheDuration() != null && !r.cacheDuration().isNegative() && !r.cacheDuration().isZero()
                && r.cacheDuration().compareTo(wait) < 0) {
            wait = r.cacheDuration();
        }
        return new State(r.metadata(), r.validUntil(), now.plus(wait));
    }

    @Override
    public String toString() {
        return "IdpMetadataSource[" + state.metadata().entityId() + (fetch == null ? ", fixed" : ", refreshing") + "]";
    }

    /** Configures a refreshing {@link IdpMetadataSource}. */
    public static final class Builder {
        private final URI url;
        private final Supplier<byte[]> supplier;
        private SignatureTrust trust;
        private boolean unsigned;
        private Duration interval = Duration.ofHours(1);
        private Duration retryInterval = Duration.ofMinutes(5);
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private SSLContext sslContext;
        private Consumer<SsoRefusedException> listener = e -> { };

        private Builder(URI url, Supplier<byte[]> supplier) {
            this.url = url;
            this.supplier = supplier;
        }

        /** The trust anchor the metadata's enveloped signature must verify with; unsigned metadata is then refused. */
        public Builder trust(SignatureTrust t) {
            this.trust = Checks.required(t, "trust");
            this.unsigned = false;
            return this;
        }

        /** Accepts metadata without checking a signature: only when the channel itself is trusted. */
        public Builder withoutSignatureCheck() {
            this.trust = null;
            this.unsigned = true;
            return this;
        }

        /**
         * How often to fetch; default 1 hour (the SDK's choice; OIOSAML.Java refreshes every 1–12 h, research note
         * §4). A shorter {@code cacheDuration} in the metadata wins.
         */
        public Builder refreshInterval(Duration d) {
            this.interval = positive(d, "refreshInterval");
            return this;
        }

        /** How long to wait after a failed fetch, and the least time between key-failure fetches; default 5 minutes. */
        public Builder retryInterval(Duration d) {
            this.retryInterval = positive(d, "retryInterval");
            return this;
        }

        /** Connect and request timeout of the HTTPS fetch; default 10 seconds. */
        public Builder timeout(Duration d) {
            this.timeout = positive(d, "timeout");
            return this;
        }

        /** The TLS context of the HTTPS fetch (its trust anchors); default the JDK's. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Checks.required(context, "sslContext");
            return this;
        }

        /** The clock; default the system UTC clock. */
        public Builder clock(Clock c) {
            this.clock = Checks.required(c, "clock");
            return this;
        }

        /** Told of every failed fetch (the last good metadata stays in use). */
        public Builder onFailure(Consumer<SsoRefusedException> l) {
            this.listener = Checks.required(l, "listener");
            return this;
        }

        /**
         * Fetches the metadata for the first time and returns the source.
         *
         * @throws ValidationException ({@code trust}) when neither a trust anchor nor {@link #withoutSignatureCheck()}
         *     was chosen
         * @throws SsoRefusedException {@link SsoRefusedException#METADATA} when the first fetch fails
         */
        public IdpMetadataSource build() {
            if (trust == null && !unsigned) {
                throw new ValidationException("trust", "set a trust anchor, or choose withoutSignatureCheck()");
            }
            if (retryInterval.compareTo(interval) > 0) {
                throw new ValidationException("retryInterval", "must not be longer than the refresh interval");
            }
            return new IdpMetadataSource(this, supplier != null ? supplier : https());
        }

        private Supplier<byte[]> https() {
            HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (sslContext != null) {
                hb.sslContext(sslContext);
            }
            HttpClient client = hb.build();
            URI target = url;
            Duration t = timeout;
            return () -> {
                HttpRequest request = HttpRequest.newBuilder(target).timeout(t).GET().build();
                try {
                    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = response.body()) {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP status " + response.statusCode());
                        }
                        byte[] body = in.readNBytes(MAX_METADATA + 1);
                        if (body.length > MAX_METADATA) {
                            throw new IllegalStateException("larger than " + MAX_METADATA + " bytes");
                        }
                        return body;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getClass().getSimpleName(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            };
        }

        private static Duration positive(Duration d, String path) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ValidationException(path, "must be positive");
            }
            return d;
        }
    }
}
