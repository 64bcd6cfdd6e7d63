package dk.rammearkitektur.testkit.beskedfordeler;

import dk.rammearkitektur.core.xml.XmlText;
import dk.rammearkitektur.testkit.beskedfordeler.internal.EmbeddedBroker;
import dk.rammearkitektur.testkit.beskedfordeler.internal.Envelopes;
import dk.rammearkitektur.testkit.beskedfordeler.internal.PushDelivery;
import dk.rammearkitektur.testkit.beskedfordeler.internal.ValueListService;
import dk.rammearkitektur.testkit.beskedfordeler.internal.TokenGate;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.PostStatusEvent;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import dk.rammearkitektur.testkit.serviceplatform.internal.LoopbackHttpsServer;
import dk.rammearkitektur.testkit.serviceplatform.internal.PublishedContracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Beskedfordeler (SF1461 receive, SF1462 publish) over AMQP 0-9-1, simulated by an embedded Apache Qpid Broker-J on
 * 127.0.0.1 (random port, TLS only, client certificate required, virtual host {@value #VIRTUAL_HOST}). Connections
 * authenticate as with the real one: SASL EXTERNAL whose response is the STS token (the SAML assertion's XML), which
 * must be signed by the configured STS certificate, be valid by the simulator's clock and skew, be for
 * {@link ServiceplatformSimulator#BFO_RECEIVE_ENTITY_ID} or {@link ServiceplatformSimulator#BFO_SEND_ENTITY_ID}, and
 * have the TLS client certificate as its holder-of-key; anything else is refused as an authentication failure.
 *
 * <p><b>Dueslag</b> ({@link #createDueslag(String)}) are durable queues named by a random UUID, owned by one authority
 * CVR: only a connection whose receive token names that CVR may consume them (others get ACCESS_REFUSED, 403; a
 * connection made with a publish token may consume none). A message rejected without requeue goes to the dueslag's
 * fejlkø {@code <uuid>.fejl} ({@link #fejlkoe(UUID)}), as with RabbitMQ's dead-lettering; a nack with requeue
 * redelivers it with the redeliver flag.
 *
 * <p><b>Publishing</b>: {@value #AFSEND_EXCHANGE} routes to the simulator, which checks the {@code token} header with the
 * publish audience, reads the body as a {@code Haendelsesbesked}, puts it on every dueslag {@linkplain #subscribe
 * subscribed} to its Beskedtype, records it ({@link #published()}) and answers the message's {@code replyTo} with the
 * request's correlation id and a {@code StandardRetur}: {@value #STATUS_OK} OK, {@value #STATUS_TOKEN_EXPIRED} for an
 * expired token (renew and resend), and {@value #STATUS_REFUSED} for anything else refused — a body that is not a
 * Haendelsesbesked, or a missing or invalid token (also a token whose holder-of-key cannot be compared because the
 * publishing connection closed before the simulator read the message). 40 is the simulator's choice (the OIO StandardRetur code for an
 * error in the input); which codes the real Beskedfordeler uses beyond 20 and 41 is not published. Broker-J has no
 * direct reply-to: a shared queue literally named {@value #REPLY_TO_QUEUE} exists instead, so concurrent publishers
 * may see each other's replies and must match them on the correlation id.
 *
 * <p><b>Push delivery</b> (BeskedFåTilsendt, {@link #pushTo(URI, String)}): every event of a registered Beskedtype,
 * published or {@linkplain #push(String, byte[]) put directly}, is POSTed to the callback as {@code ModtagBeskedInput}
 * ({@code urn:oio:sts:1.0.0}, {@code text/xml}) over HTTPS with mutual TLS: the simulator's client certificate is
 * {@link #platformCertificate()} (receivers pin it), the callback's server certificate must chain to
 * {@link Builder#pushTrustAnchors} (default: the testkit's TLS CA, {@link #tlsTrustAnchor()}) and name the host. Only
 * HTTP 200 with {@code ModtagBeskedOutput/StandardRetur/StatusKode} 20 counts as delivered; anything else (another
 * status, an HTTP error, a timeout, a refused connection or handshake) is tried again after a delay that doubles from
 * {@link Builder#pushBackoff} up to its maximum, until {@link Builder#pushMaxAttempts} attempts, after which the event
 * lands in {@link #pushFejlkoe()}. Each attempt is recorded ({@link #pushDeliveries()}) with its number, the
 * {@code AntalLeveranceforsoeg} of the real platform; the pushed document itself is not changed. The backoff and the
 * attempt limit are the simulator's choices: the real platform's retry schedule is not published.
 *
 * <p><b>Værdilister</b> (SF1461 VærdilisteRediger): a SOAP 1.1 service at
 * {@code <}{@link #soapBaseUri()}{@code >sts-bf-soap/StsbeskedfordelerImpl} on loopback HTTPS, mutual TLS with a client
 * certificate chaining to the client trust anchors, no token (as KOMBIT's sample client calls it). It answers
 * {@code laesvaerdiliste}, {@code tilfoejvaerdier} and {@code fjernvaerdier} (by SOAPAction) with StandardRetur 20,
 * 44 for an unknown list and 40 for bad input (the latter two the simulator's choices), and a SOAP fault for other operations.
 * When given the published contracts ({@link Builder#contracts(Path)}, found next to the project by default) each
 * request body is validated against {@code VaerdilisteOperationer.xsd} and refused with a SOAP fault when invalid.
 * Lists are made with {@link #createValueList(String)}; every call is recorded ({@link #valueListCalls()}).
 *
 * <p>Not simulated: TilladtModtager filtering, the other værdiliste operations (opret, ret, list, soeg, ...),
 * token expiry of connections already open, and the real platform's queue arguments and permissions: there is no
 * access control list, so a client may declare queues and exchanges of its own and publish to any queue through the
 * default exchange (Broker-J's exclusivity check does refuse consuming, purging and deleting another authority's
 * dueslag). One simulator is meant to serve a whole test JVM ({@link BeskedfordelerSimulatorExtension}); its start
 * takes seconds.
 */
public final class BeskedfordelerSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BeskedfordelerSimulator.class);
    /** The virtual host, as production's. */
    public static final String VIRTUAL_HOST = "BF";
    /** The SF1462 publish exchange. */
    public static final String AFSEND_EXCHANGE = "AFSEND_BESKED_EXCHANGE";
    /** The shared queue standing in for RabbitMQ's direct reply-to pseudo-queue. */
    public static final String REPLY_TO_QUEUE = "amq.rabbitmq.reply-to";
    /** StandardRetur status: accepted. */
    public static final int STATUS_OK = 20;
    /** StandardRetur status: refused input (the simulator's choice, see the class documentation). */
    public static final int STATUS_REFUSED = 40;
    /** StandardRetur status: the token has expired. */
    public static final int STATUS_TOKEN_EXPIRED = 41;
    /** The queue the publish exchange feeds, read by the simulator in-process. */
    private static final String AFSEND_QUEUE = "simulator.afsend";
    private static final String XML = "application/xml";
    /** The værdiliste schema, relative to the published Serviceplatformen contracts folder. */
    private static final String VAERDILISTE_XSD = "sf1461-sf1462-beskedfordeler/xsd/VaerdilisteOperationer.xsd";

    private final TokenGate gate;
    private final EmbeddedBroker broker;
    private final String defaultCvr;
    private final Duration startupTime;
    private final Map<UUID, String> dueslag = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> subscriptions = new ConcurrentHashMap<>();
    private final List<PublishedBesked> published = new CopyOnWriteArrayList<>();
    private final BeskedfordelerFaults faults;
    private final Thread publishHandler;
    private final TestIdentity platform;
    private final PushDelivery pushes;
    private final ValueListService valueLists;
    private final LoopbackHttpsServer soap;
    private volatile boolean running = true;

    private BeskedfordelerSimulator(Builder b) {
        long t0 = System.nanoTime();
        this.defaultCvr = b.defaultCvr;
        this.gate = new TokenGate("bfo-" + UUID.randomUUID(), b.stsIssuer, b.stsCertificates, b.clock, b.skew)
                .register();
        ServerTls tls = ServerTls.shared();
        try {
            this.broker = EmbeddedBroker.start(tls.serverKeys().getPrivate(), List.of(tls.serverCertificate(), tls.ca()),
                    b.clientAnchors, gate.name(), VIRTUAL_HOST);
        } catch (RuntimeException e) {
            gate.unregister();
            throw e;
        }
        try {
            broker.createQueue(REPLY_TO_QUEUE, Map.of("durable", false));
            broker.createQueue(AFSEND_QUEUE, Map.of());
            broker.createExchange(AFSEND_EXCHANGE, "fanout", AFSEND_QUEUE);
        } catch (RuntimeException e) {
            broker.close();
            gate.unregister();
            throw e;
        }
        this.faults = new BeskedfordelerFaults(this, broker, gate);
        this.platform = b.platform != null ? b.platform : TestPki.generateFast(1461L).oces3OtherOrganisation();
        this.pushes = new PushDelivery(platform, b.pushAnchors.isEmpty() ? List.of(ServerTls.shared().ca())
                : b.pushAnchors, b.pushInitialDelay, b.pushMaxDelay, b.pushMaxAttempts, b.pushTimeout);
        this.valueLists = new ValueListService(b.contracts == null ? null : PublishedContracts.schema(
                b.contracts.resolve(VAERDILISTE_XSD)), b.clock);
        try {
            this.soap = LoopbackHttpsServer.start(0, b.clientAnchors, "beskedfordeler-simulator-soap",
                    Map.of(ValueListService.PATH, valueLists));
        } catch (IOException | RuntimeException e) {
            pushes.close();
            broker.close();
            gate.unregister();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        this.publishHandler = new Thread(this::handlePublishes, "beskedfordeler-simulator-afsend");
        publishHandler.setDaemon(true);
        publishHandler.start();
        this.startupTime = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("Beskedfordeler simulator (Qpid Broker-J) listening on 127.0.0.1:{}, started in {} ms", broker.port(),
                startupTime.toMillis());
    }

    /** A builder: system clock, 5 minutes skew; set the STS with {@link Builder#sts(ServiceplatformSimulator)}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The broker's address: always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The broker's AMQPS port. */
    public int port() {
        return broker.port();
    }

    /** The CA a client must trust to accept the broker's TLS certificate (the testkit simulators' TLS CA). */
    public X509Certificate tlsTrustAnchor() {
        return ServerTls.shared().ca();
    }

    /** The base of the SOAP services: {@code https://127.0.0.1:<port>/}; the værdiliste service is under it. */
    public URI soapBaseUri() {
        return soap.baseUri();
    }

    /** The certificate the simulator pushes with: pin it in the receiver. */
    public X509Certificate platformCertificate() {
        return platform.certificate();
    }

    /**
     * Pushes every later event of {@code beskedtype} (a UUID or URN; case is ignored) to {@code callbackUrl}, an
     * {@code https} URL, besides any dueslag subscribed to it.
     */
    public void pushTo(URI callbackUrl, String beskedtype) {
        Objects.requireNonNull(callbackUrl, "callbackUrl == null");
        if (!"https".equals(callbackUrl.getScheme())) {
            throw new IllegalArgumentException("the callback must be an https URL");
        }
        pushes.register(callbackUrl, Envelopes.normalise(Objects.requireNonNull(beskedtype, "beskedtype == null")));
    }

    /** Stops pushing to {@code callbackUrl}, dropping its pending redeliveries. */
    public void stopPushingTo(URI callbackUrl) {
        pushes.unregister(Objects.requireNonNull(callbackUrl, "callbackUrl == null"));
    }

    /**
     * Pushes an envelope to every callback registered for its Beskedtype, as if it had been published (no dueslag
     * gets it).
     *
     * @return the callbacks it goes to
     * @throws IllegalArgumentException when {@code envelopeXml} is not a Haendelsesbesked
     */
    public List<URI> push(String messageId, byte[] envelopeXml) {
        Objects.requireNonNull(messageId, "messageId == null");
        try {
            return pushes.push(Envelopes.beskedtype(envelopeXml), messageId, envelopeXml);
        } catch (Envelopes.Malformed e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Every push attempt so far, in the order they ended. */
    public List<PushAttempt> pushDeliveries() {
        return pushes.attempts();
    }

    /** The last attempt of each pushed event given up on after the maximum number of attempts. */
    public List<PushAttempt> pushFejlkoe() {
        return pushes.fejlkoe();
    }

    /** A new, empty value list named {@code name} (also its BrugervendtNoegleTekst); its id. */
    public UUID createValueList(String name) {
        if (Objects.requireNonNull(name, "name == null").isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        return valueLists.create(name);
    }

    /**
     * The values of a value list now, in the order they were added.
     *
     * @throws IllegalArgumentException when there is no such list
     */
    public List<String> valueList(UUID id) {
        return valueLists.values(Objects.requireNonNull(id, "id == null"));
    }

    /** Every call the værdiliste service took, oldest first. */
    public List<ValueListCall> valueListCalls() {
        return valueLists.calls();
    }

    /** How long the start took (broker, stores, queues). */
    public Duration startupTime() {
        return startupTime;
    }

    /** A new dueslag readable by the builder's default CVR (the STS simulator's municipality). */
    public UUID createDueslag() {
        if (defaultCvr == null) {
            throw new IllegalStateException("no default CVR: use createDueslag(cvr) or Builder.sts(...)");
        }
        return createDueslag(defaultCvr);
    }

    /** A new dueslag (a random UUID) with its fejlkø, readable only with a receive token for {@code cvr}. */
    public UUID createDueslag(String cvr) {
        Objects.requireNonNull(cvr, "cvr == null");
        UUID id = UUID.randomUUID();
        String fejl = fejlkoeName(id);
        broker.createQueue(fejl, Map.of("exclusive", "PRINCIPAL", "owner", cvr));
        broker.createQueue(id.toString(), Map.of("exclusive", "PRINCIPAL", "owner", cvr,
                "maximumDeliveryAttempts", 1, "alternateBinding", Map.of("destination", fejl)));
        dueslag.put(id, cvr);
        return id;
    }

    /** The name of the dueslag's fejlkø: {@code <uuid>.fejl}. */
    public static String fejlkoeName(UUID dueslag) {
        return dueslag + ".fejl";
    }

    /** Puts an envelope on the dueslag: persistent, content type {@code application/xml}, this message id. */
    public void deliver(UUID dueslag, String messageId, byte[] envelopeXml) {
        broker.publish(known(dueslag), Objects.requireNonNull(messageId, "messageId == null"), null, XML,
                Objects.requireNonNull(envelopeXml, "envelopeXml == null"), true);
    }

    /**
     * Distributes an event as the platform does with what a source system hands it: to every dueslag subscribed to
     * its Beskedtype ({@link #subscribe}) and to every callback registered for it ({@link #pushTo}), without a token
     * check (the source is inside the platform).
     *
     * @return the dueslag it was put on
     * @throws IllegalArgumentException when the envelope is not a readable Haendelsesbesked
     */
    public List<UUID> distribute(String messageId, byte[] envelopeXml) {
        String beskedtype;
        try {
            beskedtype = Envelopes.beskedtype(envelopeXml);
        } catch (Envelopes.Malformed e) {
            throw new IllegalArgumentException("not a readable Haendelsesbesked: " + e.getMessage(), e);
        }
        return route(beskedtype, messageId, envelopeXml);
    }

    /** Puts the event on every dueslag subscribed to its type and pushes it to every callback registered for it. */
    private List<UUID> route(String beskedtype, String messageId, byte[] envelopeXml) {
        List<UUID> routed = new ArrayList<>();
        for (UUID d : subscriptions.getOrDefault(beskedtype, Set.of())) {
            deliver(d, messageId, envelopeXml);
            routed.add(d);
        }
        pushes.push(beskedtype, messageId, envelopeXml);
        return routed;
    }

    /**
     * Makes the Digital Post simulator's delivery statuses reach this Beskedfordeler, as the platform's do: each
     * {@code PKO_PostStatus} it emits from now on is {@linkplain #distribute distributed} with its Beskedtype
     * ({@link PostStatusEvent#BESKEDTYPE}); subscribe a dueslag to that type, or register a push callback for it, to
     * receive them.
     */
    public BeskedfordelerSimulator followDigitalPost(DigitalPostSimulator digitalPost) {
        digitalPost.onStatus(e -> distribute(e.beskedId(), e.haendelsesbesked()));
        return this;
    }

    /** Routes published messages of {@code beskedtype} (a UUID or URN; case is ignored) to the dueslag. */
    public void subscribe(UUID dueslag, String beskedtype) {
        known(dueslag);
        subscriptions.computeIfAbsent(Envelopes.normalise(beskedtype), k -> ConcurrentHashMap.newKeySet()).add(dueslag);
    }

    /** The messages on the dueslag now (delivered-but-unsettled ones included), oldest first; nothing is removed. */
    public List<QueuedMessage> messages(UUID dueslag) {
        return queued(known(dueslag));
    }

    /** What was rejected without requeue from the dueslag (its fejlkø), oldest first; nothing is removed. */
    public List<QueuedMessage> fejlkoe(UUID dueslag) {
        known(dueslag);
        return queued(fejlkoeName(dueslag));
    }

    /** How many messages the dueslag holds, including delivered ones not yet acknowledged. */
    public int depth(UUID dueslag) {
        return broker.depth(known(dueslag));
    }

    /** Every message published to {@value #AFSEND_EXCHANGE} so far, oldest first. */
    public List<PublishedBesked> published() {
        return List.copyOf(published);
    }

    /** How many client connections are open. */
    public int connectionCount() {
        return broker.connections().size();
    }

    /** Fault injection. */
    public BeskedfordelerFaults faults() {
        return faults;
    }

    /** Stops the publish handler and the broker, and deletes the broker's temporary files. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        publishHandler.interrupt();
        try {
            publishHandler.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            soap.stop();
            pushes.close();
            broker.close();
        } finally {
            gate.unregister();
        }
    }

    private String known(UUID dueslag) {
        if (!this.dueslag.containsKey(Objects.requireNonNull(dueslag, "dueslag == null"))) {
            throw new IllegalArgumentException("unknown dueslag " + dueslag);
        }
        return dueslag.toString();
    }

    private List<QueuedMessage> queued(String queue) {
        List<QueuedMessage> out = new ArrayList<>();
        for (EmbeddedBroker.Stored s : broker.browse(queue)) {
            out.add(new QueuedMessage(s.messageId(), s.contentType(), s.body()));
        }
        return List.copyOf(out);
    }

    private void handlePublishes() {
        while (running) {
            EmbeddedBroker.Stored m;
            try {
                m = broker.take(AFSEND_QUEUE);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("publish handler: cannot read the queue: {}", e.toString());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
                continue;
            }
            if (m == null) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // Broker-J has no in-process consumer API
                continue;
            }
            try {
                handle(m);
            } catch (RuntimeException e) {
                LOG.warn("publish handler failed on message {}: {}", m.messageId(), e.toString());
            }
        }
    }

    private void handle(EmbeddedBroker.Stored m) {
        TokenGate.Verdict v = gate.check(text(m.headers().get("token")), m.publisher(),
                ServiceplatformSimulator.BFO_SEND_ENTITY_ID);
        int status;
        String text;
        String beskedtype = null;
        List<UUID> routed = List.of();
        if (v.accepted() && gate.drawPublishExpiry()) {
            status = STATUS_TOKEN_EXPIRED;
            text = "token refused: expired (injected)";
        } else if (!v.accepted()) {
            status = v.expired() ? STATUS_TOKEN_EXPIRED : STATUS_REFUSED;
            text = "token refused: " + v.reason();
        } else {
            try {
                beskedtype = Envelopes.beskedtype(m.body());
                routed = route(beskedtype, m.messageId() == null ? UUID.randomUUID().toString() : m.messageId(),
                        m.body());
                status = STATUS_OK;
                text = "OK";
            } catch (Envelopes.Malformed e) {
                status = STATUS_REFUSED;
                text = e.getMessage();
            }
        }
        published.add(new PublishedBesked(m.messageId(), m.correlationId(), v.cvr(), beskedtype, status, text,
                List.copyOf(routed), m.body()));
        if (m.replyTo() != null && !m.replyTo().isEmpty()) {
            broker.publish(m.replyTo(), UUID.randomUUID().toString(), m.correlationId(), XML, standardRetur(status, text),
                    false);
        }
    }

    private static String text(Object header) {
        if (header == null) {
            return null;
        }
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : header.toString();
    }

    /** The reply body: {@code sd:StandardRetur} (urn:oio:sagdok:3.0.0), which KOMBIT's sample client reads. */
    static byte[] standardRetur(int status, String text) {
        String escaped = XmlText.escape(text);
        return ("<sd:StandardRetur xmlns:sd=\"urn:oio:sagdok:3.0.0\"><sd:StatusKode>" + status
                + "</sd:StatusKode><sd:FejlbeskedTekst>" + escaped + "</sd:FejlbeskedTekst></sd:StandardRetur>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Builds and starts a {@link BeskedfordelerSimulator}. */
    public static final class Builder {
        private final List<X509Certificate> stsCertificates = new ArrayList<>();
        private String stsIssuer;
        private final List<X509Certificate> clientAnchors = new ArrayList<>();
        private String defaultCvr;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private TestIdentity platform;
        private final List<X509Certificate> pushAnchors = new ArrayList<>();
        private Duration pushInitialDelay = Duration.ofMillis(100);
        private Duration pushMaxDelay = Duration.ofSeconds(2);
        private int pushMaxAttempts = 5;
        private Duration pushTimeout = Duration.ofSeconds(5);
        private Path contracts = defaultContracts();

        private Builder() {
        }

        private static Path defaultContracts() {
            Path dir = PublishedContracts.find();
            return dir != null && Files.isRegularFile(dir.resolve(VAERDILISTE_XSD)) ? dir : null;
        }

        /**
         * The identity pushes are made with (default with {@link #sts}: its PKI's
         * {@link TestPki#oces3OtherOrganisation()}; else that of a fast test PKI with seed 1461).
         */
        public Builder platformIdentity(TestIdentity identity) {
            this.platform = Objects.requireNonNull(identity, "identity == null");
            return this;
        }

        /** The roots callbacks' server certificates must chain to (default: the testkit's TLS CA). */
        public Builder pushTrustAnchors(Collection<X509Certificate> anchors) {
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("no push trust anchor");
            }
            pushAnchors.clear();
            pushAnchors.addAll(anchors);
            return this;
        }

        /** The delay before the second push attempt, doubled per attempt up to {@code max} (default 100 ms, 2 s). */
        public Builder pushBackoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("the backoff must be positive and max >= initial");
            }
            this.pushInitialDelay = initial;
            this.pushMaxDelay = max;
            return this;
        }

        /** Push attempts before an event goes to the push fejlkø, 1 to 100 (default 5). */
        public Builder pushMaxAttempts(int attempts) {
            if (attempts < 1 || attempts > 100) {
                throw new IllegalArgumentException("pushMaxAttempts must be 1 to 100");
            }
            this.pushMaxAttempts = attempts;
            return this;
        }

        /** The connect and reply timeout of one push attempt (default 5 s). */
        public Builder pushTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("pushTimeout must be positive");
            }
            this.pushTimeout = timeout;
            return this;
        }

        /**
         * Validates værdiliste requests against the published contracts in {@code dir}, laid out as
         * {@code shared/conformance/serviceplatformen} (it must hold
         * {@code sf1461-sf1462-beskedfordeler/xsd/VaerdilisteOperationer.xsd}); null for no validation. The default is
         * the folder found next to the project (the system property {@code rammearkitektur.shared.dir}, else
         * {@code ../shared}), or null when there is none.
         *
         * @throws IllegalArgumentException when {@code dir} does not hold the schema
         */
        public Builder contracts(Path dir) {
            if (dir != null && !Files.isRegularFile(dir.resolve(VAERDILISTE_XSD))) {
                throw new IllegalArgumentException("no " + VAERDILISTE_XSD + " in " + dir);
            }
            this.contracts = dir == null ? null : dir.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Accepts the tokens of this Serviceplatformen simulator's STS (its signing certificate and issuer), client
         * certificates of its test PKI, and makes its municipality the default dueslag owner.
         */
        public Builder sts(ServiceplatformSimulator sts) {
            stsCertificates(List.of(sts.stsCertificate()));
            stsIssuer(sts.stsIssuer());
            clientTrustAnchors(sts.pki().trustAnchors());
            if (platform == null) {
                platform = sts.pki().oces3OtherOrganisation();
            }
            return defaultCvr(sts.municipalityCvr());
        }

        /** The only certificates token signatures are accepted from (replaces earlier ones). */
        public Builder stsCertificates(Collection<X509Certificate> certificates) {
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no STS certificate");
            }
            stsCertificates.clear();
            stsCertificates.addAll(certificates);
            return this;
        }

        /** The Issuer accepted tokens must name. */
        public Builder stsIssuer(String issuer) {
            this.stsIssuer = Objects.requireNonNull(issuer, "issuer == null");
            return this;
        }

        /** The roots TLS client certificates must chain to (replaces earlier ones). */
        public Builder clientTrustAnchors(Collection<X509Certificate> anchors) {
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("no client trust anchor");
            }
            clientAnchors.clear();
            clientAnchors.addAll(anchors);
            return this;
        }

        /** The CVR {@link BeskedfordelerSimulator#createDueslag()} gives its dueslag to. */
        public Builder defaultCvr(String cvr) {
            this.defaultCvr = Objects.requireNonNull(cvr, "cvr == null");
            return this;
        }

        /** The clock token validity is judged by. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** The clock skew allowed on token validity (default 5 minutes). */
        public Builder skew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("skew < 0");
            }
            this.skew = skew;
            return this;
        }

        /** Starts the broker; close the simulator to stop it. */
        public BeskedfordelerSimulator start() {
            if (stsCertificates.isEmpty() || stsIssuer == null || clientAnchors.isEmpty()) {
                throw new IllegalStateException("set the STS (sts(...) or stsCertificates, stsIssuer, clientTrustAnchors)");
            }
            return new BeskedfordelerSimulator(this);
        }
    }
}
