package dk.rammearkitektur.clients.digitalpost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rammearkitektur.clients.digitalpost.internal.AccessTokens;
import dk.rammearkitektur.clients.digitalpost.internal.BodyLength;
import dk.rammearkitektur.clients.common.internal.ClientSettings;
import dk.rammearkitektur.clients.common.internal.ClientObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import dk.rammearkitektur.clients.digitalpost.internal.Pipe;
import dk.rammearkitektur.clients.common.internal.IssuedToken;
import dk.rammearkitektur.clients.common.internal.KeyMaterial;
import dk.rammearkitektur.clients.common.internal.RestStsClient;
import dk.rammearkitektur.clients.common.internal.TokenCache;
import dk.rammearkitektur.clients.common.internal.TokenVerificationSettings;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.clients.common.internal.HttpTransport;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.core.TransportException;

/**
 * Sends Digital Post letters, printed letters and NemSMS messages through SF1601 KombiPostAfsend, and asks
 * PostForespoerg whether a citizen or company can receive them.
 *
 * <p>Each call authorises itself the way the platform requires: a SAML holder-of-key token from the STS's REST
 * issue endpoint (system certificate in {@code UseKey}, {@code AppliesTo} the service's entity id, the authority's
 * CVR), exchanged for an access token at AccessTokenService, then the call over mutual TLS with
 * {@code Authorization: Holder-of-key <token>}, {@code x-TransaktionsId} and {@code x-TransaktionsTid}. Both tokens
 * are cached and renewed before they expire; concurrent callers share one fetch. When the platform refuses the
 * access token (HTTP 401, the request was not handled) the call is made once more with a new token and the same ids. HTTP/1.1 and UTF-8 are forced. The
 * {@code kombi_request} body is streamed: file content is Base64-encoded on the fly, so a 100 MB attachment never
 * sits in the heap. It is sent with a {@code Content-Length}, as every public client sends it (whether the
 * platform accepts a chunked body is not published): a dry run of the writer counts the bytes first, reading only
 * content whose size is not known ({@link FileContent#knownSize()}), so such content is read twice.
 *
 * <p>Idempotency: {@link #prepare(KombiRequest)} fixes the transaction id and time of a logical send; the MeMo
 * messageUUID is fixed by the message. A send is never repeated on its own: after a timeout call
 * {@link #resend(Transmission)} with the same transmission (the exception carries it), or ask for retries with the
 * same ids with {@link #sendWithRetries(Transmission)}. Keeping the ids is the SDK's choice, so that the platform
 * can recognise a repeat; how the platform treats a repeated {@code x-TransaktionsId} or messageUUID is not
 * published (it may deliver again, acknowledge, or refuse). Verify it on the test environment, and after a resend
 * that is refused, check the delivery status of the messageUUID before sending the letter anew.
 *
 * <pre>{@code
 * try (DigitalPostClient dp = DigitalPostClient.builder()
 *         .environment(DigitalPostEnvironment.TEST)
 *         .systemCertificate(Path.of("system.p12"), password)
 *         .trustAnchors(anchors).stsCertificates(stsCerts)
 *         .authorityCvr("29189846")
 *         .build()) {
 *     Transmission t = dp.prepare(KombiRequest.digitalPost(letter));
 *     SendReceipt receipt = dp.send(t);
 * }
 * }</pre>
 *
 * <p>Errors: a refusal by the platform is a {@link ServiceFaultException} with its error code and text. The
 * failure body is not published: the code and text are read from {@code FejlId}/{@code FejlKode}/{@code FejlTekst}
 * or the first {@code AdvisTekst} anywhere in the {@code kombi_response}; an HTTP 4xx (other than 408 and 429)
 * without a readable one is a refusal with the code {@code HTTP <status>} and the start of the body as text. A call
 * that did not complete is a {@link TransportException} ({@link CallTimeoutException},
 * {@link ConnectionFailedException}, {@link MalformedReplyException}); a refusal or failure of the STS is
 * core's {@link dk.rammearkitektur.core.StsRefusedException} or a transport exception. Thread-safe; share one instance.
 */
public final class DigitalPostClient implements AutoCloseable {
    /** The entity id of KombiPostAfsend (the token's {@code AppliesTo}). */
    public static final String KOMBI_ENTITY_ID = "http://entityid.kombit.dk/service/kombipostafsend/1";
    /** The entity id of PostForespoerg. */
    public static final String LOOKUP_ENTITY_ID = "http://entityid.kombit.dk/service/postforespoerg/1";
    /** The service name in exceptions ({@link dk.rammearkitektur.core.ServiceCallException#service()}). */
    public static final String SERVICE = "SF1601";

    private static final Logger LOG = LoggerFactory.getLogger(DigitalPostClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KOMBI_OPERATION = "KombiPostAfsend";
    private static final String LOOKUP_OPERATION = "PostForespoerg";

    private final DigitalPostEnvironment environment;
    private final HttpTransport http;
    private final TokenCache stsTokens;
    private final AccessTokens accessTokens;
    private final String cvr;
    private final String fingerprint;
    private final Timeouts timeouts;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Long maxFileBytes;
    private final ObservationRegistry observations;

    private DigitalPostClient(Builder b, KeyMaterial km) {
        ClientSettings settings = b.settings;
        this.observations = settings.observationRegistry();
        this.environment = b.environment;
        this.timeouts = settings.timeouts();
        this.retryPolicy = settings.retryPolicy();
        this.clock = settings.clock();
        this.cvr = b.authorityCvr;
        this.maxFileBytes = b.maxFileBytes;
        this.http = new HttpTransport(km, timeouts, settings.proxy(), Integer.MAX_VALUE);
        try {
            this.fingerprint = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(km.certificate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        TokenVerificationSettings tv = new TokenVerificationSettings(settings.stsCertificates(), clock,
                settings.clockSkew());
        this.stsTokens = new TokenCache(new RestStsClient(environment.stsRest(), km, http, tv),
                clock, settings.renewalMargin(), settings.stsFaultBackoff(), observations);
        this.accessTokens = new AccessTokens(clock, Duration.ofSeconds(60));
    }

    /** A builder with the defaults: core {@link Timeouts#defaults()}, {@link RetryPolicy#defaults()}, system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment this client calls. */
    public DigitalPostEnvironment environment() {
        return environment;
    }

    /** Fixes a new transaction id and time (now, whole seconds) for one logical send of {@code request}. */
    public Transmission prepare(KombiRequest request) {
        Objects.requireNonNull(request, "request == null");
        return new Transmission(UUID.randomUUID(), clock.instant(), request);
    }

    /**
     * Prepares and sends {@code request} once. When the send fails with a {@link TransportException},
     * resend the transmission it carries.
     *
     * @throws ValidationException when a file's content cannot be read or the files exceed the configured limit
     * @throws ServiceFaultException when the platform refuses the letter
     * @throws TransportException when the call did not complete
     */
    public SendReceipt send(KombiRequest request) {
        return send(prepare(request));
    }

    /**
     * Sends {@code transmission} once; never retried automatically.
     *
     * @throws ValidationException when a file's content cannot be read or the files exceed the configured limit
     * @throws ServiceFaultException when the platform refuses the letter
     * @throws TransportException when the call did not complete
     */
    public SendReceipt send(Transmission transmission) {
        Objects.requireNonNull(transmission, "transmission == null");
        preflight(transmission);
        Observation observation = ClientObservations.startCall(observations, SERVICE, KOMBI_OPERATION);
        try (Observation.Scope scope = ClientObservations.scope(observation)) {
            return sendOnce(transmission, timeouts.total());
        } catch (RuntimeException | Error e) {
            ClientObservations.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /**
     * Sends {@code transmission} again with the same transaction id, time and messageUUID, for example after a
     * timeout. Whether the platform recognises the repeat is not published; see the class documentation.
     */
    public SendReceipt resend(Transmission transmission) {
        Objects.requireNonNull(transmission, "transmission == null");
        LOG.debug("resending transaction {} (message {})", transmission.transactionId(), transmission.messageUuid());
        return send(transmission);
    }

    /**
     * Sends {@code transmission}, repeating it with the same ids after transport failures as the retry policy
     * allows. Refusals by the platform are not repeated. Each attempt is a whole send (upload included) and may take
     * up to the total timeout, so that a retried large upload is not starved by the attempts before it.
     */
    public SendReceipt sendWithRetries(Transmission transmission) {
        Objects.requireNonNull(transmission, "transmission == null");
        preflight(transmission);
        Observation observation = ClientObservations.startCall(observations, SERVICE, KOMBI_OPERATION);
        try (Observation.Scope scope = ClientObservations.scope(observation)) {
            return sendWithRetries(transmission, observation);
        } catch (RuntimeException | Error e) {
            ClientObservations.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private SendReceipt sendWithRetries(Transmission transmission, Observation observation) {
        for (int attempt = 1;; attempt++) {
            try {
                return sendOnce(transmission, timeouts.total());
            } catch (TransportException e) {
                if (!retryPolicy.shouldRetry(attempt, true) || e instanceof ContentFailure) {
                    throw e;
                }
                LOG.debug("send of transaction {} failed ({}); attempt {} with the same ids", transmission.transactionId(),
                        e.getClass().getSimpleName(), attempt + 1);
                observation.event(ClientObservations.RETRY);
                pause(attempt, e);
            }
        }
    }

    /**
     * Whether the citizen (CPR) or company (CVR) can receive Digital Post (PostForespoerg {@code digitalpost}).
     *
     * @param cprOrCvr ten digits (a hyphen after the sixth is allowed) or eight digits
     * @throws ValidationException when the number is neither
     */
    public boolean isRegisteredForDigitalPost(String cprOrCvr) {
        String id = identifier("cprOrCvr", cprOrCvr, true);
        return lookup("digitalpost", (id.length() == 10 ? "cprNumber=" : "cvrNumber=") + id);
    }

    /**
     * Whether the citizen (CPR) or company (CVR) can receive NemSMS (PostForespoerg {@code nemsms}). A CVR number is
     * sent as {@code cvrNumber}, as public clients do; whether the platform answers it for NemSMS is not published.
     *
     * @param cprOrCvr ten digits (a hyphen after the sixth is allowed) or eight digits
     * @throws ValidationException when the number is neither
     */
    public boolean isRegisteredForNemSms(String cprOrCvr) {
        String id = identifier("cprOrCvr", cprOrCvr, true);
        return lookup("nemsms", (id.length() == 10 ? "cprNumber=" : "cvrNumber=") + id);
    }

    /**
     * Asks the STS for a new SAML token for KombiPostAfsend ({@link #KOMBI_ENTITY_ID}) now, past the token cache (the
     * cached tokens and a remembered refusal are left as they are, and no access token is fetched): a health check of
     * the STS, not needed for sending, which fetches and caches its tokens itself. Bounded by the client's timeouts.
     *
     * @return when the new token expires
     * @throws dk.rammearkitektur.core.StsRefusedException when the STS refuses
     * @throws TransportException when the STS cannot be reached or its reply not be read
     */
    public java.time.Instant checkSts() {
        return stsTokens.issueUncached(new TokenCache.Key(KOMBI_ENTITY_ID, cvr, fingerprint)).expires();
    }

    /**
     * Forgets the cached STS tokens and closes the HTTP transport (on Java 21 and later its threads end now; before,
     * when the client is no longer referenced). The client cannot be used afterwards.
     */
    @Override
    public void close() {
        stsTokens.clear();
        http.close();
    }

    // ------------------------------------------------------------------ sending

    private void preflight(Transmission t) {
        Violations v = Violations.at("transmission.request");
        long total = 0;
        boolean totalKnown = true;
        List<Object[]> contents = new ArrayList<>();
        MemoMessage memo = t.request().memo();
        if (memo != null && memo.body() != null) {
            collect(contents, "memo.body.mainDocument", memo.body().mainDocument().files());
            for (int i = 0; i < memo.body().additionalDocuments().size(); i++) {
                collect(contents, "memo.body.additionalDocuments[" + i + "]", memo.body().additionalDocuments().get(i).files());
            }
            for (int i = 0; i < memo.body().technicalDocuments().size(); i++) {
                collect(contents, "memo.body.technicalDocuments[" + i + "]", memo.body().technicalDocuments().get(i).files());
            }
        }
        if (t.request().print() != null) {
            contents.add(new Object[] {"print.content", t.request().print().content()});
        }
        for (Object[] c : contents) {
            FileContent content = (FileContent) c[1];
            try (InputStream in = content.openStream()) {
                Objects.requireNonNull(in, "stream");
            } catch (IOException | RuntimeException e) {
                v.add((String) c[0], "must be readable (" + e.getClass().getSimpleName() + ")");
            }
            OptionalLong size = content.knownSize();
            if (size.isPresent()) {
                total += size.getAsLong();
            } else {
                totalKnown = false;
            }
        }
        if (maxFileBytes != null && totalKnown && total > maxFileBytes) {
            v.add("files", "must hold at most " + maxFileBytes + " bytes together (" + total + " given)");
        }
        v.throwIfAny();
    }

    private static void collect(List<Object[]> out, String path, List<MemoFile> files) {
        for (int i = 0; i < files.size(); i++) {
            out.add(new Object[] {path + ".files[" + i + "].content", files.get(i).content()});
        }
    }

    /** A failure to produce the request body from the caller's content. */
    private static final class ContentFailure extends TransportException {
        private static final long serialVersionUID = 1L;

        ContentFailure(Transmission t, Throwable cause) {
            this(t, cause, true);
        }

        ContentFailure(Transmission t, Throwable cause, boolean mayHaveReachedService) {
            super(sendCall(t), "the request body could not be written: a file's content failed ("
                    + cause.getClass().getSimpleName() + ")", mayHaveReachedService, cause);
        }

        /** Sending the same content again fails the same way. */
        @Override
        public boolean isRetrySafe() {
            return false;
        }
    }

    private SendReceipt sendOnce(Transmission t, Duration timeout) {
        try {
            return sendWithToken(t, timeout);
        } catch (ServiceFaultException e) {
            if (e.httpStatus().orElse(-1) != 401) {
                throw e;
            }
            LOG.debug("access token refused for transaction {}; sending once more with a new token", t.transactionId());
            return sendWithToken(t, timeout);
        }
    }

    private SendReceipt sendWithToken(Transmission t, Duration timeout) {
        AccessTokens.Token token = accessTokens.get(KOMBI_ENTITY_ID, () -> exchange(KOMBI_ENTITY_ID));
        long length;
        try {
            length = BodyLength.of(t.request());
        } catch (IOException | RuntimeException e) {
            throw new ContentFailure(t, e, false);
        }
        AtomicReference<Pipe> pipe = new AtomicReference<>();
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            Pipe p = new Pipe(16, 64 * 1024);
            Pipe old = pipe.getAndSet(p);
            if (old != null) {
                old.closeReader();
            }
            Thread writer = new Thread(() -> {
                OutputStream out = p.output();
                try {
                    KombiXml.write(t.request(), out);
                    out.close();
                } catch (Throwable e) {
                    p.fail(e);
                }
            }, "digitalpost-request-writer");
            writer.setDaemon(true);
            writer.start();
            return p.input();
        });
        // A fixed length, as every public client sends the body; the JDK fails the call if the stream differs.
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(stream, length);
        HttpRequest request = HttpRequest.newBuilder(environment.kombi())
                .header("Authorization", token.type() + " " + token.value())
                .header("x-TransaktionsId", t.transactionId().toString())
                .header("x-TransaktionsTid", t.transactionTime().toString())
                .header("Content-Type", "application/xml; charset=utf-8")
                .header("Accept", "application/xml")
                .POST(body).build();
        long t0 = System.nanoTime();
        ServiceCall call = sendCall(t);
        HttpTransport.Reply res;
        try {
            res = http.send(call, request, timeout);
        } catch (TransportException e) {
            Pipe p = pipe.get();
            if (p != null && p.failure() != null) {
                throw new ContentFailure(t, p.failure());
            }
            throw e;
        } finally {
            Pipe p = pipe.get();
            if (p != null) {
                p.closeReader();
            }
        }
        LOG.debug("KombiPostAfsend {} for transaction {} (message {}): HTTP {} in {} ms", t.request().channel().code(),
                t.transactionId(), t.messageUuid(), res.status(), (System.nanoTime() - t0) / 1_000_000);
        if (res.status() == 401) {
            accessTokens.invalidate(KOMBI_ENTITY_ID, token);
        }
        SendReceipt receipt;
        try {
            receipt = SendReceipt.parse(new ByteArrayInputStream(res.body()));
        } catch (RuntimeException e) {
            if (isRefusal(res.status())) {
                // The platform's failure body is not published: a 4xx without a readable kombi_response is still a
                // refusal (not handled), so it is reported as one and not repeated.
                throw new ServiceFaultException(call, "HTTP " + res.status(), bodyText(res.body()), res.status(),
                        null, null);
            }
            if (res.status() >= 400) {
                throw new HttpStatusException(call, res.status(), e);
            }
            throw new MalformedReplyException(call, "the reply is not a readable kombi_response", e);
        }
        if (!receipt.accepted()) {
            throw new ServiceFaultException(call, receipt.errorCode(), receipt.errorText(), res.status(), null, null);
        }
        if (res.status() >= 300) {
            throw new MalformedReplyException(call, "HTTP status " + res.status() + " with an accepting reply", null);
        }
        return receipt;
    }

    /** A client error other than a timeout or rate limit: the platform did not handle the request. */
    private static boolean isRefusal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /** The start of a non-XML error body as text, CPR numbers masked, or null when empty. */
    private static String bodyText(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        // masked before it is cut, so a number at the cut cannot escape the mask
        String text = PersonalData.maskCprNumbers(new String(body, 0, Math.min(body.length, 4096),
                StandardCharsets.UTF_8)).strip();
        text = text.length() > 300 ? text.substring(0, 300) : text;
        return text.isEmpty() ? null : text;
    }

    private AccessTokens.Token exchange(String entityId) {
        IssuedToken saml = stsTokens.get(new TokenCache.Key(entityId, cvr, fingerprint));
        String assertion = AccessTokens.samlTokenField(saml.received());
        HttpRequest request = HttpRequest.newBuilder(environment.accessToken())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("saml-token=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8)).build();
        ServiceCall call = ServiceCall.read(SERVICE, "AccessToken", UUID.randomUUID().toString());
        HttpTransport.Reply res = http.send(call, request, timeouts.read());
        JsonNode json = json(res, call);
        String value = json.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new MalformedReplyException(call, "the access-token reply has no access_token", null);
        }
        Instant expires = clock.instant().plusSeconds(json.path("expires_in").asLong(3600));
        if (expires.isAfter(saml.expires())) {
            expires = saml.expires();
        }
        return new AccessTokens.Token(value, json.path("token_type").asText("Holder-of-key"), expires);
    }

    // ------------------------------------------------------------------ lookups

    private boolean lookup(String kind, String query) {
        Observation observation = ClientObservations.startCall(observations, SERVICE, LOOKUP_OPERATION);
        try (Observation.Scope scope = ClientObservations.scope(observation)) {
            return lookup(kind, query, observation);
        } catch (RuntimeException | Error e) {
            ClientObservations.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private boolean lookup(String kind, String query, Observation observation) {
        long deadline = System.nanoTime() + timeouts.total().toNanos();
        for (int attempt = 1;; attempt++) {
            try {
                return lookupOnce(kind, query, remaining(deadline));
            } catch (TransportException e) {
                if (!e.isRetrySafe() || !retryPolicy.shouldRetry(attempt, true)) {
                    throw e;
                }
                Duration delay = retryPolicy.delay(attempt, () -> ThreadLocalRandom.current().nextDouble());
                // an attempt with less than a quarter of the shorter of the connect and read timeouts would only
                // hide this failure behind a timeout
                if (deadline - (System.nanoTime() + delay.toNanos())
                        < Math.min(timeouts.connect().toNanos(), timeouts.read().toNanos()) / 4) {
                    throw e;
                }
                observation.event(ClientObservations.RETRY);
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }

    /** The read timeout, or the time left before {@code deadline} when that is shorter; a timeout when none is left. */
    private Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new CallTimeoutException(ServiceCall.read(SERVICE, LOOKUP_OPERATION, null),
                    "the total timeout is used up", true, null);
        }
        return Duration.ofNanos(Math.min(left, timeouts.read().toNanos()));
    }

    /** Waits before the next attempt; when interrupted, gives up with the failure that caused the wait. */
    private void pause(int attempt, TransportException failure) {
        try {
            Thread.sleep(retryPolicy.delay(attempt, () -> ThreadLocalRandom.current().nextDouble()).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }


    private boolean lookupOnce(String kind, String query, Duration timeout) {
        try {
            return lookupWithToken(kind, query, timeout);
        } catch (ServiceFaultException e) {
            if (e.httpStatus().orElse(-1) != 401) {
                throw e;
            }
            return lookupWithToken(kind, query, timeout);
        } catch (HttpStatusException e) {
            // a 401 without a JSON error body: the access token was refused all the same
            if (e.status() != 401) {
                throw e;
            }
            return lookupWithToken(kind, query, timeout);
        }
    }

    private boolean lookupWithToken(String kind, String query, Duration timeout) {
        AccessTokens.Token token = accessTokens.get(LOOKUP_ENTITY_ID, () -> exchange(LOOKUP_ENTITY_ID));
        String transactionId = UUID.randomUUID().toString();
        ServiceCall call = ServiceCall.read(SERVICE, LOOKUP_OPERATION, transactionId);
        HttpRequest request = HttpRequest.newBuilder(environment.lookupBase().resolve(kind + "?" + query))
                .header("Authorization", token.type() + " " + token.value())
                .header("x-TransaktionsId", transactionId)
                .header("x-TransaktionsTid", Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .header("Accept", "application/json").GET().build();
        HttpTransport.Reply res = http.send(call, request, timeout);
        if (res.status() == 401) {
            accessTokens.invalidate(LOOKUP_ENTITY_ID, token);
        }
        JsonNode json = json(res, call);
        JsonNode result = json.get("result");
        if (result == null || !result.isBoolean()) {
            throw new MalformedReplyException(call, "the PostForespoerg reply has no boolean result", null);
        }
        return result.booleanValue();
    }

    private static JsonNode json(HttpTransport.Reply res, ServiceCall call) {
        JsonNode json;
        try {
            json = JSON.readTree(res.body());
        } catch (IOException e) {
            if (res.status() >= 400) {
                throw new HttpStatusException(call, res.status(), e);
            }
            throw new MalformedReplyException(call, "the reply is not JSON", e);
        }
        if (json != null && json.hasNonNull("error")) {
            throw new ServiceFaultException(call, json.path("error").asText(), json.path("error_description").asText(null),
                    res.status(), null, null);
        }
        if (res.status() >= 300) {
            throw new HttpStatusException(call, res.status(), null);
        }
        if (json == null || !json.isObject()) {
            throw new MalformedReplyException(call, "the reply is not a JSON object", null);
        }
        return json;
    }

    /** The call descriptor of a send: not idempotent, carrying the transmission to resend. */
    private static ServiceCall sendCall(Transmission t) {
        return ServiceCall.write(SERVICE, KOMBI_OPERATION, t.transactionId().toString(), t);
    }

    private static String identifier(String field, String value, boolean cvrAllowed) {
        if (value == null) {
            throw new ValidationException(field, "must be set");
        }
        String v = value.strip();
        if (v.length() == 11 && v.charAt(6) == '-') {
            v = v.substring(0, 6) + v.substring(7);
        }
        boolean digits = !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || !(v.length() == 10 || (cvrAllowed && v.length() == 8))) {
            throw new ValidationException(field, cvrAllowed ? "must be a CPR number (10 digits) or a CVR number (8 digits)"
                    : "must be a CPR number (10 digits)");
        }
        return v;
    }

    /** Builder for {@link DigitalPostClient}; every setting is checked by {@link #build()}. */
    public static final class Builder {
        private final ClientSettings settings = new ClientSettings();
        private DigitalPostEnvironment environment;
        private String authorityCvr;
        private Long maxFileBytes;

        private Builder() {
        }

        /** An HTTP proxy every call (STS included) tunnels through with CONNECT, or null (default) for none. */
        public Builder proxy(java.net.InetSocketAddress proxy) {
            settings.proxy(proxy);
            return this;
        }

        /** Where to call: {@link DigitalPostEnvironment#TEST}, {@link DigitalPostEnvironment#PRODUCTION} or custom. */
        public Builder environment(DigitalPostEnvironment environment) {
            this.environment = environment;
            return this;
        }

        /** The system certificate (systemcertifikat) as PKCS#12 bytes and the store's password. */
        public Builder systemCertificate(byte[] pkcs12, char[] password) {
            settings.systemCertificate(pkcs12, password);
            return this;
        }

        /** The system certificate as a PKCS#12 file and the store's password. */
        public Builder systemCertificate(Path pkcs12File, char[] password) {
            settings.systemCertificate(pkcs12File, password);
            return this;
        }

        /** The system certificate from a loaded key store (its first private-key entry) and the key's password. */
        public Builder systemCertificate(KeyStore keyStore, char[] keyPassword) {
            settings.systemCertificate(keyStore, keyPassword);
            return this;
        }

        /** The CA certificates the platform's TLS certificates must chain to. Required. */
        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            settings.trustAnchors(anchors);
            return this;
        }

        /** The STS's signing certificates; issued tokens must be signed by one of them. Required. */
        public Builder stsCertificates(Collection<X509Certificate> certificates) {
            settings.stsCertificates(certificates);
            return this;
        }

        /** The CVR number of the authority (myndighed) that sends; the tokens' CVR context. Required. */
        public Builder authorityCvr(String cvr) {
            this.authorityCvr = cvr;
            return this;
        }

        /**
         * Connect, read (each token exchange and each lookup attempt) and total timeouts. The total bounds a lookup
         * with all its attempts, and one send attempt, upload included: each attempt of
         * {@link DigitalPostClient#sendWithRetries(Transmission)} may take the total, so that a retried large upload is
         * not starved by the attempts before it.
         */
        public Builder timeouts(Timeouts timeouts) {
            settings.timeouts(timeouts);
            return this;
        }

        /** How lookups, and sends the caller asks to retry, are repeated after transport failures. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            settings.retryPolicy(retryPolicy);
            return this;
        }

        /** The clock for transaction times and token lifetimes. */
        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        /** The clock skew tolerated when checking token lifetimes; 0 to 15 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            settings.clockSkew(clockSkew);
            return this;
        }

        /** How long before expiry a cached STS token is renewed (default 5 minutes; 0 to 1 hour). */
        public Builder tokenRenewalMargin(Duration margin) {
            settings.renewalMargin(margin);
            return this;
        }

        /** How long an STS refusal is remembered before the STS is asked again (default 30 s; at least 1 s). */
        public Builder stsFaultBackoff(Duration backoff) {
            settings.stsFaultBackoff(backoff);
            return this;
        }

        /**
         * The Micrometer registry the client's sends, lookups and STS tokens are observed in, e.g. the application's
         * (see {@code docs/observability.md}): one {@code rammearkitektur.client.call} observation per call, retries
         * included, and one {@code rammearkitektur.sts.token} per token asked for, tagged with the service, operation
         * and outcome, never with personal data. Default {@link ObservationRegistry#NOOP}: nothing is recorded.
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            settings.observationRegistry(registry);
            return this;
        }

        /**
         * The most bytes of file content one send may carry (checked before sending when the sizes are known), or
         * null (default) for no limit: the platform's limit is not published.
         */
        public Builder maxFileBytes(Long max) {
            this.maxFileBytes = max;
            return this;
        }

        /**
         * Checks every setting and builds the client.
         *
         * @throws ValidationException naming each bad setting
         */
        public DigitalPostClient build() {
            Violations v = Violations.at("digitalPostClient");
            v.require(environment != null, "environment", "must be set");
            settings.checkTimeoutsRetriesClock(v);
            settings.checkObservationRegistry(v);
            v.require(settings.clockSkewInRange(), "clockSkew", ClientSettings.CLOCK_SKEW_RULE);
            settings.checkTokenTiming(v);
            v.require(ClientSettings.isCvr(authorityCvr), "authorityCvr", "must be 8 digits");
            v.require(settings.trustAnchorsUsable(), "trustAnchors", ClientSettings.CERTIFICATES_RULE);
            settings.checkStsCertificates(v);
            v.require(maxFileBytes == null || maxFileBytes > 0, "maxFileBytes", "must be positive");
            KeyMaterial km = null;
            if (settings.checkSystemCertificateGiven(v) && settings.trustAnchorsUsable()) {
                KeyStore store = settings.readKeyStore(v, false);
                if (store != null) {
                    km = settings.keyMaterial(v, store);
                }
            }
            v.throwIfAny();
            settings.clearPassword();
            return new DigitalPostClient(this, km);
        }
    }
}
