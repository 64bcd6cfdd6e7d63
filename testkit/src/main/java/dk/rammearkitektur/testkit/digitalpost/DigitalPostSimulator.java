package dk.rammearkitektur.testkit.digitalpost;

import dk.rammearkitektur.core.xml.XmlText;
import static dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges.pause;
import static dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.digitalpost.internal.Base64Stream;
import dk.rammearkitektur.testkit.digitalpost.internal.KombiReader;
import dk.rammearkitektur.testkit.digitalpost.internal.MemoChecks;
import dk.rammearkitektur.testkit.digitalpost.internal.PrintSchema;
import dk.rammearkitektur.testkit.pki.TestPki;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceViolation;
import dk.rammearkitektur.testkit.serviceplatform.internal.LoopbackHttpsServer;
import dk.rammearkitektur.testkit.serviceplatform.internal.RequestLog;
import dk.rammearkitektur.testkit.serviceplatform.IssuedAssertion;
import dk.rammearkitektur.testkit.serviceplatform.ReceivedRequest;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An in-process Digital Post (SF1601 KombiPostAfsend) for tests: one HTTPS server on {@code 127.0.0.1} requiring
 * client certificates from the test PKI, serving
 * <ul>
 *   <li>the STS REST issue endpoint ({@value #STS_REST_PATH}), issuing holder-of-key SAML tokens for the entity ids
 *       {@value #KOMBI_ENTITY_ID} and {@value #LOOKUP_ENTITY_ID}, signed with the same simulated STS identity as the
 *       Serviceplatformen simulator;</li>
 *   <li>the access-token exchange ({@value #TOKEN_PATH}): form {@code saml-token=<the STS's Base64 Assertion>} to
 *       {@code {access_token, token_type: "Holder-of-key", expires_in}}; an assertion whose signature no longer
 *       verifies is refused, and one that is not byte for byte as issued is recorded as a violation;</li>
 *   <li>KombiPostAfsend ({@value #KOMBI_PATH}) with {@code Authorization: Holder-of-key <token>},
 *       {@code x-TransaktionsId} and {@code x-TransaktionsTid};</li>
 *   <li>PostForespoerg ({@value #LOOKUP_PATH}{@code digitalpost} and {@code nemsms}, {@code ?cprNumber=} or
 *       {@code ?cvrNumber=}) answering {@code {"result": bool}}.</li>
 * </ul>
 *
 * <p>Requests are read with the hardened streaming parser; file content is decoded on the fly and only its size,
 * SHA-256 and (up to a limit) bytes are kept, so a 100 MB attachment does not fill the heap. The MeMo part is
 * validated against the published XSDs when they are found ({@link Builder#memoSchemas(Path)}, else
 * {@code rammearkitektur.shared.dir}/conformance/memo-xsd, else {@code ../shared/conformance/memo-xsd}) and always against the platform's rules; the report says
 * which ({@link #conformanceReport()}). The simulator's code is independent of the client's MeMo classes.
 *
 * <p>The STS answers as the real REST STS does (the assertion Base64-encoded, {@code Lifetime} as a
 * {@code MM/dd/yyyy HH:mm:ss} string). KombiPostAfsend bodies must come with a {@code Content-Length}
 * ({@link Builder#requireContentLength(boolean)}); the print part is validated against the published Fjernprint
 * schema when it is found ({@link Builder#contracts(Path)}). A success reply carries the Advis {@code Received}.
 *
 * <p>Delivered letters land in per-recipient {@link #mailbox(String) mailboxes}, printed letters in the
 * {@link #printQueue() print queue}, text messages in the {@link #smsOutbox() SMS outbox}. Where the platform's
 * behaviour is not published the simulator's is its own choice and configurable: a repeated transaction id
 * ({@link RepeatedTransaction}, by default the same request gets the same reply), a repeated messageUUID
 * ({@link RepeatedMessage}, by default acknowledged but not delivered again) and the failure body
 * ({@link FailureReply}). Each delivery emits {@link PostStatusEvent}s with status texts public receivers handle
 * ({@code Modtaget Digital Post}, {@code Afleveret Digital Post}, {@code Fejlet}; for print {@code Afsendt} and
 * {@code Afleveret til print og kuvertering}); none for NemSMS, whose texts no public source shows.
 *
 * <pre>{@code
 * try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start()) {
 *     sim.exemptFromDigitalPost("0101901234");
 *     URI base = sim.baseUri();
 * }
 * }</pre>
 */
public final class DigitalPostSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DigitalPostSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The path of the STS's REST issue endpoint. */
    public static final String STS_REST_PATH = "/runtime/api/rest/wstrust/v1/issue";
    /** The path of the access-token exchange. */
    public static final String TOKEN_PATH = "/service/AccessTokenService_1/token";
    /** The path of KombiPostAfsend. */
    public static final String KOMBI_PATH = "/service/KombiPostAfsend_1/kombi";
    /** The path prefix of the registration lookups. */
    public static final String LOOKUP_PATH = "/service/PostForespoerg_1/";
    /** The entity id of KombiPostAfsend. */
    public static final String KOMBI_ENTITY_ID = "http://entityid.kombit.dk/service/kombipostafsend/1";
    /** The entity id of PostForespoerg. */
    public static final String LOOKUP_ENTITY_ID = "http://entityid.kombit.dk/service/postforespoerg/1";
    /** The issuer of the simulated STS's tokens. */
    public static final String STS_ISSUER = "https://sts.simulator.rammearkitektur.test";
    /** The namespace of PKO_PostStatus. */
    public static final String POST_STATUS_NS = "http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types";

    /** The REST STS's {@code Lifetime} format as public clients parse it ({@code %m/%d/%Y %H:%M:%S}). */
    private static final java.time.format.DateTimeFormatter LIFETIME =
            java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", java.util.Locale.ROOT);
    private static final String XML_TYPE = "application/xml; charset=utf-8";
    private static final String CVR_CLAIM = "dk:gov:saml:attribute:CvrNumberIdentifier";
    private static final Set<String> CHANNELS = Set.of("Automatisk Valg", "Digital Post", "Fysisk Post", "NemSMS");

    private final TestPki pki;
    private final Clock clock;
    private final Duration skew;
    private final boolean strict;
    private final int port;
    private final Path xsdDir;
    private final Duration tokenLifetime;
    private final Duration accessTokenLifetime;
    private final long keepFileBytes;
    private final boolean repeatStatuses;
    private final boolean requireContentLength;
    private final long maxFileBytes;
    private final RepeatedTransaction repeatedTransaction;
    private final RepeatedMessage repeatedMessage;
    private final FailureReply failureReply;
    private final String successAdvice;
    private final Schema printSchema;
    private final Path contractsDir;
    private final Set<String> failingDeliveries = ConcurrentHashMap.newKeySet();
    /** The simulator's own failure details for a failed delivery (FejlKode is an int in the public classes). */
    private static final String[] FAILURE_DETAILS = {"1", "simulated delivery failure"};
    private final SigningCredential stsCredential;
    private final Map<String, Set<X509Certificate>> authorised = new ConcurrentHashMap<>();
    private final Set<String> exempt = ConcurrentHashMap.newKeySet();
    private final Set<String> nemSms = ConcurrentHashMap.newKeySet();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Set<String> issuedAssertions = ConcurrentHashMap.newKeySet();
    private final Map<String, Completed> transactions = new LinkedHashMap<>();
    private final Map<String, String> deliveredMessages = new LinkedHashMap<>();
    private final Map<String, CopyOnWriteArrayList<MailboxEntry>> mailboxes = new ConcurrentHashMap<>();
    private final List<PrintedLetter> printQueue = new CopyOnWriteArrayList<>();
    private final List<SmsMessage> smsOutbox = new CopyOnWriteArrayList<>();
    private final List<PostStatusEvent> statuses = new CopyOnWriteArrayList<>();
    private final List<Consumer<PostStatusEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<ConformanceViolation> violations = new CopyOnWriteArrayList<>();
    private final DigitalPostFaults faults = new DigitalPostFaults();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final RequestLog log;
    private LoopbackHttpsServer server;

    private record Grant(String entityId, String cvr, X509Certificate holder, Instant expires) {
    }

    private record Completed(String requestDigest, Reply reply) {
    }

    private record Reply(int status, String type, byte[] body) {
        Reply(int status, byte[] body) {
            this(status, XML_TYPE, body);
        }
    }

    /** A refusal: HTTP status, error code and text. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refusal(int status, String code, String text) {
            super(text, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private DigitalPostSimulator(Builder b) {
        this.pki = b.pki;
        this.clock = b.clock;
        this.skew = b.skew;
        this.strict = b.strict;
        this.port = b.port;
        this.xsdDir = b.xsdDir != null ? (hasSchemas(b.xsdDir) ? b.xsdDir : null) : sharedXsdDir();
        this.tokenLifetime = b.tokenLifetime;
        this.accessTokenLifetime = b.accessTokenLifetime;
        this.keepFileBytes = b.keepFileBytes;
        this.repeatStatuses = b.repeatStatuses;
        this.requireContentLength = b.requireContentLength;
        this.maxFileBytes = b.maxFileBytes;
        this.repeatedTransaction = b.repeatedTransaction;
        this.repeatedMessage = b.repeatedMessage;
        this.failureReply = b.failureReply;
        this.successAdvice = b.successAdvice;
        this.contractsDir = b.contractsDir != null ? b.contractsDir : sharedContractsDir();
        this.printSchema = PrintSchema.load(contractsDir);
        ServerTls tls = ServerTls.shared();
        this.stsCredential = SigningCredential.of(tls.stsKeys().getPrivate(), List.of(tls.stsCertificate()));
        this.log = new RequestLog(clock);
        authorise(pki.cvr(), pki.oces3Organisation().certificate());
    }

    /** A builder: strict, system clock, 5 minutes skew, the fast test PKI for seed 1. */
    public static Builder builder() {
        return new Builder();
    }

    private static Path sharedXsdDir() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        // Without the property: a checkout of this project next to the shared conformance material (../shared).
        Path p = dir == null || dir.isBlank() ? Path.of("..", "shared", "conformance", "memo-xsd")
                : Path.of(dir, "conformance", "memo-xsd");
        return hasSchemas(p) ? p : null;
    }

    private static Path sharedContractsDir() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        return dir == null || dir.isBlank() ? Path.of("..", "shared", "conformance", "serviceplatformen")
                : Path.of(dir, "conformance", "serviceplatformen");
    }

    private static boolean hasSchemas(Path dir) {
        return Files.isRegularFile(dir.resolve("MeMo_core.xsd"))
                && Files.isRegularFile(dir.resolve("Version1.2").resolve("MeMo_core.xsd"));
    }

    /** Starts listening on 127.0.0.1; returns this. */
    public synchronized DigitalPostSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            Map<String, HttpHandler> handlers = new LinkedHashMap<>();
            handlers.put(STS_REST_PATH, log.wrap("STS", this::handleSts));
            handlers.put(TOKEN_PATH, log.wrap("TOKEN", this::handleToken));
            handlers.put(KOMBI_PATH, log.wrap("KOMBI", this::handleKombi));
            handlers.put(LOOKUP_PATH, log.wrap("LOOKUP", this::handleLookup));
            server = LoopbackHttpsServer.start(port, pki.trustAnchors(), "digitalpost-simulator", handlers);
            LOG.debug("Digital Post simulator listening on {}", baseUri());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulator: " + e.getMessage(), e);
        }
    }

    /** Stops the server and its threads. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The base URL, e.g. {@code https://127.0.0.1:50123/}. */
    public URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.baseUri();
    }

    /**
     * A client builder set up for this simulator: its URLs, the PKI's OCES3 organisation certificate as system
     * certificate, the simulator's TLS anchor and STS certificate, and the authorised CVR. The simulator must be
     * started.
     */
    public DigitalPostClient.Builder clientBuilder() {
        char[] password = "simulator".toCharArray();
        return DigitalPostClient.builder().environment(DigitalPostEnvironment.custom(baseUri()))
                .systemCertificate(pki.oces3Organisation().pkcs12(password), password)
                .trustAnchors(List.of(tlsTrustAnchor())).stsCertificates(List.of(stsCertificate()))
                .authorityCvr(authorityCvr());
    }

    /** The CA a client must trust to accept the simulator's TLS certificate. */
    public X509Certificate tlsTrustAnchor() {
        return ServerTls.shared().ca();
    }

    /** The STS's token-signing certificate, which clients pin. */
    public X509Certificate stsCertificate() {
        return stsCredential.certificate();
    }

    /** The test PKI whose roots the simulator trusts for client certificates. */
    public TestPki pki() {
        return pki;
    }

    /** The authority CVR the PKI's OCES3 organisation certificate may act for. */
    public String authorityCvr() {
        return pki.cvr();
    }

    /** Whether the MeMo part is validated against the published XSDs (false: rules only). */
    public boolean validatesAgainstXsd() {
        return xsdDir != null;
    }

    /** Whether the print part is validated against the published Fjernprint XSD (false: rules only). */
    public boolean validatesPrintAgainstXsd() {
        return printSchema != null;
    }

    /**
     * Makes every Digital Post delivery to {@code cprOrCvr} fail after it was received: the statuses are
     * {@code Modtaget Digital Post}, then {@code Fejlet} with {@code FejlDetaljer} (FejlKode and FejlTekst are the
     * simulator's own; the platform's are not published).
     */
    public DigitalPostSimulator failDeliveriesTo(String cprOrCvr) {
        failingDeliveries.add(Objects.requireNonNull(cprOrCvr, "cprOrCvr == null"));
        return this;
    }

    /** Lets the STS issue tokens for the authority {@code cvr} to the holder of {@code systemCertificate}. */
    public DigitalPostSimulator authorise(String cvr, X509Certificate systemCertificate) {
        authorised.computeIfAbsent(Objects.requireNonNull(cvr, "cvr == null"), k -> ConcurrentHashMap.newKeySet())
                .add(Objects.requireNonNull(systemCertificate, "systemCertificate == null"));
        return this;
    }

    /** Marks a CPR or CVR number as exempt from Digital Post (fritaget): automatic choice prints, Digital Post refuses. */
    public DigitalPostSimulator exemptFromDigitalPost(String cprOrCvr) {
        exempt.add(Objects.requireNonNull(cprOrCvr, "cprOrCvr == null"));
        return this;
    }

    /** Registers a CPR number (or a CVR number, for lookups) for NemSMS (recipients are not registered unless told). */
    public DigitalPostSimulator registerForNemSms(String cpr) {
        nemSms.add(Objects.requireNonNull(cpr, "cpr == null"));
        return this;
    }

    /** The letters delivered to {@code cprOrCvr}'s mailbox, oldest first. */
    public List<MailboxEntry> mailbox(String cprOrCvr) {
        List<MailboxEntry> m = mailboxes.get(cprOrCvr);
        return m == null ? List.of() : List.copyOf(m);
    }

    /**
     * Every mailbox that received letters, by recipient id (CPR or CVR number), in the order they were first used; a
     * snapshot.
     */
    public Map<String, List<MailboxEntry>> mailboxes() {
        Map<String, List<MailboxEntry>> out = new LinkedHashMap<>();
        List<Map.Entry<String, CopyOnWriteArrayList<MailboxEntry>>> all = new ArrayList<>(mailboxes.entrySet());
        all.sort(java.util.Comparator.comparing(e -> e.getValue().isEmpty() ? Instant.MAX
                : e.getValue().get(0).receivedAt()));
        for (Map.Entry<String, CopyOnWriteArrayList<MailboxEntry>> e : all) {
            out.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The latest requests (up to 1000) received on the STS, token, KombiPostAfsend and PostForespoerg endpoints since
     * start or the last {@link #reset()}, oldest first, each with the violations recorded for it.
     */
    public List<ReceivedRequest> requests() {
        return log.requests();
    }

    /** The latest tokens (up to 1000) the STS issued, oldest first: what for and how long, never the token. */
    public List<IssuedAssertion> issuedTokens() {
        return log.tokens();
    }

    /** The number of letters in every mailbox together. */
    public int mailboxTotal() {
        return mailboxes.values().stream().mapToInt(List::size).sum();
    }

    /** The printed letters, oldest first. */
    public List<PrintedLetter> printQueue() {
        return List.copyOf(printQueue);
    }

    /** The sent text messages, oldest first. */
    public List<SmsMessage> smsOutbox() {
        return List.copyOf(smsOutbox);
    }

    /** Every delivery status emitted so far, oldest first (repeated ones included). */
    public List<PostStatusEvent> statuses() {
        return List.copyOf(statuses);
    }

    /** Pushes every status emitted from now on to {@code listener} (on the simulator's thread). */
    public DigitalPostSimulator onStatus(Consumer<PostStatusEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener == null"));
        return this;
    }

    /** Fault injection for KombiPostAfsend and PostForespoerg. */
    public DigitalPostFaults faults() {
        return faults;
    }

    /** Every conformance violation seen so far, oldest first. */
    public List<ConformanceViolation> violations() {
        return List.copyOf(violations);
    }

    /**
     * A readable report: how MeMo messages are validated (XSD and rules, or rules only because the schemas were not
     * found), then one line per violation, or {@code no violations}.
     */
    public String conformanceReport() {
        StringBuilder b = new StringBuilder(validatesAgainstXsd()
                ? "MeMo validation: published XSDs from " + xsdDir + " and the platform's rules\n"
                : "MeMo validation: the platform's rules only (published XSDs not found)\n");
        b.append(validatesPrintAgainstXsd()
                ? "print part validation: published Fjernprint XSD from " + contractsDir + " and the platform's rules\n"
                : "print part validation: rules from the Fjernprint schema only (published XSD not found)\n");
        if (violations.isEmpty()) {
            return b.append("no violations").toString();
        }
        b.append(violations.size()).append(" violation(s)\n");
        for (ConformanceViolation v : violations) {
            b.append("  ").append(v).append('\n');
        }
        return b.toString();
    }

    /** Every endpoint that received requests ({@code STS}, {@code TOKEN}, {@code KOMBI}, {@code LOOKUP}), by name. */
    public Map<String, Integer> requestCounts() {
        return log.counts();
    }

    /** How many requests an endpoint received: {@code STS}, {@code TOKEN}, {@code KOMBI} or {@code LOOKUP}. */
    public int requestCount(String endpoint) {
        return log.count(endpoint);
    }

    /** Makes every access token issued so far unknown, as if the platform had restarted. */
    public void revokeAccessTokens() {
        grants.clear();
    }

    /**
     * Forgets deliveries, statuses, transactions, violations, counts and faults; keeps registrations and issued
     * access tokens.
     */
    public synchronized void reset() {
        mailboxes.clear();
        printQueue.clear();
        smsOutbox.clear();
        statuses.clear();
        violations.clear();
        log.clearRequests();
        faults.clear();
        synchronized (transactions) {
            transactions.clear();
            deliveredMessages.clear();
        }
    }

    private void record(String endpoint, String correlationId, String code, String detail) {
        ConformanceViolation v = new ConformanceViolation(clock.instant(), endpoint, correlationId, code,
                PersonalData.maskCprNumbers(detail));
        violations.add(v);
        log.violation(v);
        LOG.debug("conformance violation: {}", v);
    }

    // ---------------------------------------------------------------- STS

    private void handleSts(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                requireMethod(ex, "POST");
                JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
                if (req == null || !req.isObject()) {
                    throw new Refusal(400, DigitalPostErrors.STS_REFUSED, "request is not a JSON object");
                }
                List<X509Certificate> chain = peer(ex);
                X509Certificate useKey = SimulatorExchanges.decodeCertificate(req.path("UseKey").asText(""));
                expect(useKey != null && useKey.equals(chain.get(0)), "UseKey is not the TLS client certificate");
                expect(SamlTokenTypes.SAML2.equals(req.path("TokenType").asText()), "TokenType must be SAML 2.0");
                expect(SamlTokenTypes.ISSUE.equals(req.path("RequestType").asText()), "RequestType must be Issue");
                expect(SamlTokenTypes.PUBLIC_KEY.equals(req.path("KeyType").asText()), "KeyType must be PublicKey");
                String entityId = req.path("AppliesTo").path("EndpointReference").path("Address").asText("");
                expect(KOMBI_ENTITY_ID.equals(entityId) || LOOKUP_ENTITY_ID.equals(entityId),
                        "unknown entity id (AppliesTo)");
                String cvr = req.path("AnvenderKontekst").path("Cvr").asText("");
                try {
                    validator().requireTrusted(chain);
                } catch (SecurityCheckException e) {
                    throw new Refusal(400, DigitalPostErrors.STS_REFUSED, "certificate refused: " + e.reason());
                }
                Set<X509Certificate> allowed = authorised.get(cvr);
                expect(allowed != null, "unknown CVR");
                expect(allowed.contains(chain.get(0)), "the certificate may not act for this CVR");
                Instant now = clock.instant();
                SamlAssertion token = SamlAssertion.builder().issuer(STS_ISSUER)
                        .subject(chain.get(0).getSubjectX500Principal().getName()).holderOfKey(chain.get(0))
                        .audience(entityId).issueInstant(now).validity(now.minusSeconds(60), now.plus(tokenLifetime))
                        .attribute(CVR_CLAIM, cvr).sign(XmlSigner.builder(stsCredential).build());
                ObjectNode out = JSON.createObjectNode();
                String assertion = Base64.getEncoder().encodeToString(
                        SecureXml.toString(token.element()).getBytes(StandardCharsets.UTF_8));
                issuedAssertions.add(assertion);
                log.issued(new IssuedAssertion(now, STS_ISSUER, entityId,
                        chain.get(0).getSubjectX500Principal().getName(), cvr, now.minusSeconds(60),
                        token.notOnOrAfter()));
                out.putObject("RequestedSecurityToken").put("Assertion", assertion);
                out.put("Lifetime", LIFETIME.format(token.notOnOrAfter().atOffset(java.time.ZoneOffset.UTC)));
                out.put("TokenType", SamlTokenTypes.SAML2);
                send(ex, 200, "application/json; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
            } catch (Refusal r) {
                record("STS", null, r.code, r.getMessage());
                send(ex, r.status, "application/json; charset=utf-8", jsonError(r.code, r.getMessage()));
            } catch (IOException | RuntimeException e) {
                record("STS", null, DigitalPostErrors.STS_REFUSED, "request refused: " + e.getClass().getSimpleName());
                send(ex, 400, "application/json; charset=utf-8", jsonError(DigitalPostErrors.STS_REFUSED,
                        "request is not acceptable"));
            }
        }
    }

    private CertificateValidator validator() {
        return SimulatorExchanges.validator(pki, clock, skew);
    }

    private static void expect(boolean ok, String text) {
        if (!ok) {
            throw new Refusal(400, DigitalPostErrors.STS_REFUSED, text);
        }
    }

    /** The constants of the STS's REST issue request. */
    private static final class SamlTokenTypes {
        static final String SAML2 = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";
        static final String ISSUE = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue";
        static final String PUBLIC_KEY = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey";
    }

    // ---------------------------------------------------------------- access token

    private void handleToken(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                requireMethod(ex, "POST");
                String form = new String(ex.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8);
                String samlToken = null;
                for (String pair : form.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("saml-token")) {
                        samlToken = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    }
                }
                if (samlToken == null || samlToken.isBlank()) {
                    throw new Refusal(400, DigitalPostErrors.TOKEN_REFUSED, "form field saml-token is missing");
                }
                if (samlToken.strip().startsWith("<")) {
                    throw new Refusal(400, DigitalPostErrors.TOKEN_REFUSED,
                            "saml-token must be the STS's Base64 Assertion, not XML");
                }
                if (!issuedAssertions.contains(samlToken)) {
                    // Not a platform rule: a token the simulator did not issue in exactly this form has been changed
                    // (re-serialised or re-encoded) on its way; the signature check below decides whether it is refused.
                    record("TOKEN", null, DigitalPostErrors.TOKEN_REFUSED,
                            "saml-token is not the STS's Assertion exactly as issued");
                }
                String xml = new String(Base64.getMimeDecoder().decode(samlToken.strip()), StandardCharsets.UTF_8);
                Element assertion = SecureXml.parse(xml).getDocumentElement();
                List<String> audiences = SamlAssertion.parse(assertion).audiences();
                String entityId = audiences.contains(KOMBI_ENTITY_ID) ? KOMBI_ENTITY_ID
                        : audiences.contains(LOOKUP_ENTITY_ID) ? LOOKUP_ENTITY_ID : null;
                if (entityId == null) {
                    throw new Refusal(400, DigitalPostErrors.TOKEN_REFUSED, "the token is not for a Digital Post service");
                }
                SamlAssertion verified;
                try {
                    verified = SamlAssertionVerifier.builder(TrustedIssuer.pinned(STS_ISSUER, stsCertificate()))
                            .audience(entityId).clock(clock).skew(skew).requireHolderOfKey(true)
                            .noVerifiedTokenCache() // built per exchange: a cache would serve no second call
                            .build().verify(assertion);
                } catch (SecurityCheckException e) {
                    throw new Refusal(400, DigitalPostErrors.TOKEN_REFUSED, "the token is refused: " + e.reason());
                }
                X509Certificate holder = verified.holderOfKeyCertificate().orElse(null);
                if (holder == null || !holder.equals(peer(ex).get(0))) {
                    throw new Refusal(400, DigitalPostErrors.TOKEN_REFUSED,
                            "the token's holder-of-key is not the TLS client certificate");
                }
                byte[] raw = new byte[32];
                random.nextBytes(raw);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                Instant expires = clock.instant().plus(accessTokenLifetime);
                if (expires.isAfter(verified.notOnOrAfter())) {
                    expires = verified.notOnOrAfter();
                }
                grants.put(token, new Grant(entityId, verified.attribute(CVR_CLAIM).orElse(null), holder, expires));
                ObjectNode out = JSON.createObjectNode();
                out.put("access_token", token);
                out.put("token_type", "Holder-of-key");
                out.put("expires_in", Math.max(0, Duration.between(clock.instant(), expires).toSeconds()));
                send(ex, 200, "application/json; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
            } catch (Refusal r) {
                record("TOKEN", null, r.code, r.getMessage());
                send(ex, r.status, "application/json; charset=utf-8", jsonError(r.code, r.getMessage()));
            } catch (RammearkitekturException | IllegalArgumentException e) {
                record("TOKEN", null, DigitalPostErrors.TOKEN_REFUSED, "saml-token is not an acceptable assertion");
                send(ex, 400, "application/json; charset=utf-8", jsonError(DigitalPostErrors.TOKEN_REFUSED,
                        "saml-token is not an acceptable assertion"));
            }
        }
    }

    /** Checks the Authorization header against the grants; returns the grant or throws a 401 refusal. */
    private Grant authorise(HttpExchange ex, String entityId) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Holder-of-key ")) {
            throw new Refusal(401, DigitalPostErrors.UNAUTHORISED, "Authorization must be 'Holder-of-key <access token>'");
        }
        Grant g = grants.get(auth.substring("Holder-of-key ".length()).strip());
        if (g == null) {
            throw new Refusal(401, DigitalPostErrors.UNAUTHORISED, "unknown access token");
        }
        if (!clock.instant().isBefore(g.expires.plus(skew))) {
            throw new Refusal(401, DigitalPostErrors.UNAUTHORISED, "the access token has expired");
        }
        if (!g.entityId.equals(entityId)) {
            throw new Refusal(401, DigitalPostErrors.UNAUTHORISED, "the access token is for another service");
        }
        if (!g.holder.equals(peer(ex).get(0))) {
            throw new Refusal(401, DigitalPostErrors.UNAUTHORISED, "the access token belongs to another certificate");
        }
        return g;
    }

    // ---------------------------------------------------------------- lookup

    private void handleLookup(HttpExchange ex) throws IOException {
        try (ex) {
            DigitalPostFault fault = faults.draw();
            if (preFault(ex, fault)) {
                return;
            }
            try {
                requireMethod(ex, "GET");
                authorise(ex, LOOKUP_ENTITY_ID);
                String path = ex.getRequestURI().getPath().substring(LOOKUP_PATH.length());
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                String cpr = q.get("cprNumber");
                String cvr = q.get("cvrNumber");
                if ((cpr == null) == (cvr == null) || (cpr != null && !cpr.matches("\\d{10}"))
                        || (cvr != null && !cvr.matches("\\d{8}"))) {
                    throw new Refusal(400, DigitalPostErrors.HEADERS, "give exactly one of cprNumber (10 digits) or cvrNumber (8 digits)");
                }
                String id = cpr != null ? cpr : cvr;
                boolean result;
                if (path.equals("digitalpost")) {
                    result = !exempt.contains(id);
                } else if (path.equals("nemsms")) {
                    // Whether the platform answers a cvrNumber for NemSMS is not published: here by registration.
                    result = nemSms.contains(id);
                } else {
                    throw new Refusal(404, DigitalPostErrors.HEADERS, "unknown lookup " + path);
                }
                ObjectNode out = JSON.createObjectNode().put("result", result);
                replyWithFault(ex, fault, 200, "application/json; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
            } catch (Refusal r) {
                record("LOOKUP", null, r.code, r.getMessage());
                send(ex, r.status, "application/json; charset=utf-8", jsonError(r.code, r.getMessage()));
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- KombiPostAfsend

    private void handleKombi(HttpExchange ex) throws IOException {
        String tx = ex.getRequestHeaders().getFirst("x-TransaktionsId");
        try (ex) {
            DigitalPostFault fault = faults.draw();
            if (preFault(ex, fault)) {
                return;
            }
            Reply reply;
            try {
                requireMethod(ex, "POST");
                checkHeaders(ex, tx);
                authorise(ex, KOMBI_ENTITY_ID);
                reply = receive(ex, tx);
            } catch (Refusal r) {
                record("KOMBI", tx, r.code, r.getMessage());
                drain(ex);
                reply = failure(r.status, r.code, r.getMessage());
            }
            replyWithFault(ex, fault, reply.status, reply.type, reply.body);
        } catch (RuntimeException e) {
            LOG.warn("Digital Post simulator failed: {}", PersonalData.maskCprNumbers(String.valueOf(e)));
            Reply r = failure(500, DigitalPostErrors.INTERNAL, "simulator error");
            send(ex, r.status, r.type, r.body);
        }
    }

    private void checkHeaders(HttpExchange ex, String tx) {
        if (tx == null || !tx.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new Refusal(400, DigitalPostErrors.HEADERS, "x-TransaktionsId must be a UUID");
        }
        String tt = ex.getRequestHeaders().getFirst("x-TransaktionsTid");
        try {
            if (tt == null || !tt.endsWith("Z")) {
                throw new DateTimeParseException("no Z", String.valueOf(tt), 0);
            }
            Instant.parse(tt);
        } catch (DateTimeParseException e) {
            throw new Refusal(400, DigitalPostErrors.HEADERS, "x-TransaktionsTid must be a UTC time ending in Z");
        }
        if (requireContentLength && ex.getRequestHeaders().getFirst("Content-Length") == null) {
            // Not a published rule: every public client sends a fixed length; whether the gateway takes chunked is unknown.
            throw new Refusal(411, DigitalPostErrors.HEADERS,
                    "the body must be sent with a Content-Length, as public clients send it (chunked is not known to work)");
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/xml")) {
            throw new Refusal(415, DigitalPostErrors.HEADERS, "Content-Type must be application/xml");
        }
        if (type.toLowerCase(java.util.Locale.ROOT).contains("charset")
                && !type.toLowerCase(java.util.Locale.ROOT).replace(" ", "").contains("charset=utf-8")) {
            throw new Refusal(415, DigitalPostErrors.HEADERS, "the body must be UTF-8");
        }
    }

    private Reply receive(HttpExchange ex, String tx) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        KombiReader.Parsed p;
        String digest;
        try (InputStream in = new DigestInputStream(ex.getRequestBody(), sha)) {
            try {
                p = new KombiReader(keepFileBytes).read(in, DigitalPostErrors.MALFORMED_REQUEST);
            } catch (XMLStreamException | RammearkitekturException e) {
                in.transferTo(OutputStream.nullOutputStream());
                throw new Refusal(400, DigitalPostErrors.MALFORMED_REQUEST, "the request is not acceptable XML");
            }
            in.transferTo(OutputStream.nullOutputStream());
            digest = HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new Refusal(400, DigitalPostErrors.MALFORMED_REQUEST, "the request body could not be read");
        }
        synchronized (transactions) {
            Completed done = transactions.get(tx);
            if (done != null) {
                // The platform's handling of a repeated x-TransaktionsId is not published: the simulator's is configurable.
                switch (repeatedTransaction) {
                    case REPLAY -> {
                        if (done.requestDigest.equals(digest)) {
                            return done.reply;
                        }
                        throw new Refusal(409, DigitalPostErrors.TRANSACTION_REUSED,
                                "x-TransaktionsId was already used for a different request");
                    }
                    case REFUSE -> throw new Refusal(409, DigitalPostErrors.TRANSACTION_REUSED,
                            "x-TransaktionsId was already used");
                    default -> {
                        // HANDLE_AGAIN: as a new request
                    }
                }
            }
            Reply r;
            try {
                r = handleParsed(p, tx);
            } catch (Refusal refusal) {
                record("KOMBI", tx, refusal.code, refusal.getMessage());
                r = failure(refusal.status, refusal.code, refusal.getMessage());
            }
            transactions.put(tx, new Completed(digest, r));
            return r;
        }
    }

    private Reply handleParsed(KombiReader.Parsed p, String tx) {
        List<String[]> found = new ArrayList<>(p.problems());
        String channel = p.channelCode();
        if (channel != null && !CHANNELS.contains(channel)) {
            found.add(new String[] {DigitalPostErrors.MALFORMED_REQUEST, "KombiValgKode must be one of " + CHANNELS});
        }
        long fileBytes = 0;
        for (Map.Entry<Element, Base64Stream> c : p.contents().entrySet()) {
            String error = c.getValue().finish();
            if (error != null) {
                found.add(new String[] {DigitalPostErrors.SCHEMA, c.getKey().getLocalName() + " is not Base64: " + error});
            }
            fileBytes += c.getValue().size();
        }
        if (maxFileBytes > 0 && fileBytes > maxFileBytes) {
            // No limit is published; this one is the tester's (Builder.maxFileBytes).
            throw new Refusal(413, DigitalPostErrors.TOO_LARGE, "the files hold " + fileBytes + " bytes, more than the "
                    + maxFileBytes + " this simulator is configured to accept");
        }
        if (p.memo() != null) {
            if (xsdDir != null) {
                String schemaError = validateXsd(p.memo());
                if (schemaError != null) {
                    found.add(new String[] {DigitalPostErrors.SCHEMA, schemaError});
                }
            }
            for (String rule : MemoChecks.memo(p.memo(), xsdDir != null)) {
                found.add(new String[] {DigitalPostErrors.RULE, rule});
            }
        }
        if (p.print() != null) {
            String schemaError = printSchema == null ? null : validatePrint(p.print());
            if (schemaError != null) {
                found.add(new String[] {DigitalPostErrors.SCHEMA, "print: " + schemaError});
            }
            for (String rule : MemoChecks.print(p.print(), printSchema != null)) {
                found.add(new String[] {DigitalPostErrors.RULE, "print: " + rule});
            }
        }
        if (channel != null && CHANNELS.contains(channel)) {
            boolean needsMemo = !channel.equals("Fysisk Post");
            if (needsMemo && p.memo() == null) {
                found.add(new String[] {DigitalPostErrors.MALFORMED_REQUEST, channel + " needs a memo:Message"});
            }
            if (!needsMemo && p.memo() != null) {
                found.add(new String[] {DigitalPostErrors.MALFORMED_REQUEST, "Fysisk Post takes no memo:Message"});
            }
            if (!needsMemo && p.print() == null) {
                found.add(new String[] {DigitalPostErrors.MALFORMED_REQUEST, "Fysisk Post needs a ForsendelseI"});
            }
            String type = p.memo() == null ? null : MemoChecks.text(p.memo(), "messageType");
            if (p.memo() != null && channel.equals("NemSMS") != "NEMSMS".equals(type)) {
                found.add(new String[] {DigitalPostErrors.RULE, "messageType NEMSMS goes with KombiValgKode NemSMS only"});
            }
        }
        for (String[] f : found) {
            record("KOMBI", tx, f[0], f[1]);
        }
        if (!found.isEmpty() && (strict || p.channelCode() == null || (p.memo() == null && p.print() == null))) {
            StringBuilder text = new StringBuilder();
            for (String[] f : found) {
                text.append(text.length() == 0 ? "" : "; ").append(f[1]);
            }
            return failure(400, found.get(0)[0], text.toString());
        }
        try {
            return deliver(p, tx);
        } catch (RuntimeException e) {
            if (e instanceof Refusal r) {
                throw r;
            }
            throw new Refusal(400, DigitalPostErrors.RULE, "the message cannot be delivered: " + e.getClass().getSimpleName());
        }
    }

    private String validateXsd(Element memo) {
        String version = memo.getAttribute("memoVersion").strip();
        Path core = version.equals("1.1") ? xsdDir.resolve("MeMo_core.xsd")
                : version.equals("1.2") ? xsdDir.resolve("Version1.2").resolve("MeMo_core.xsd") : null;
        if (core == null || !Files.isRegularFile(core)) {
            return "no published schema for memoVersion " + version;
        }
        try {
            Schema schema = schemas.computeIfAbsent(version, v -> {
                try {
                    return SecureXml.schemaFactory("file").newSchema(core.toFile());
                } catch (org.xml.sax.SAXException e) {
                    throw new IllegalStateException("cannot load " + core, e);
                }
            });
            Document d = SecureXml.documentBuilder().newDocument();
            d.appendChild(d.importNode(memo, true));
            SecureXml.validator(schema).validate(new DOMSource(d));
            return null;
        } catch (org.xml.sax.SAXException | IOException e) {
            return "MeMo " + version + " XSD: " + e.getMessage();
        }
    }

    private String validatePrint(Element forsendelse) {
        try {
            Document d = SecureXml.documentBuilder().newDocument();
            d.appendChild(d.importNode(forsendelse, true));
            SecureXml.validator(printSchema).validate(new DOMSource(d));
            return null;
        } catch (org.xml.sax.SAXException | IOException e) {
            return "Fjernprint XSD: " + e.getMessage();
        }
    }

    private Reply deliver(KombiReader.Parsed p, String tx) {
        String channel = p.channelCode();
        Element memo = p.memo();
        Instant now = clock.instant();
        if (memo == null) {
            return print(p, tx, null, now);
        }
        Element header = MemoChecks.first(memo, "MessageHeader");
        String uuidText = MemoChecks.text(header, "messageUUID");
        UUID uuid = UUID.fromString(uuidText);
        String known = deliveredMessages.get(uuidText.toLowerCase(java.util.Locale.ROOT));
        if (known != null) {
            // The platform's handling of a repeated messageUUID is not published: the simulator's is configurable.
            switch (repeatedMessage) {
                case ACKNOWLEDGE -> {
                    return new Reply(200, kombiOk(known.isEmpty() ? null : known, "message already received; not delivered again"));
                }
                case REFUSE -> throw new Refusal(400, DigitalPostErrors.DUPLICATE_MESSAGE, "messageUUID was already received");
                default -> {
                    // DELIVER_AGAIN
                }
            }
        }
        Element recipient = MemoChecks.first(header, "Recipient");
        String idType = MemoChecks.text(recipient, "idType");
        String id = MemoChecks.text(recipient, "recipientID");
        String transmission = UUID.randomUUID().toString();
        switch (channel) {
            case "NemSMS" -> {
                if (!nemSms.contains(id)) {
                    throw new Refusal(400, DigitalPostErrors.NOT_REACHABLE, "the recipient is not registered for NemSMS");
                }
                smsOutbox.add(new SmsMessage(id, MemoChecks.text(header, "notification"), uuid, tx, now));
                deliveredMessages.put(uuidText.toLowerCase(java.util.Locale.ROOT), transmission);
                // No public source shows NemSMS status texts, so the simulator emits none for NemSMS.
                return new Reply(200, kombiOk(transmission, successAdvice));
            }
            case "Digital Post", "Automatisk Valg" -> {
                if (exempt.contains(id)) {
                    if (channel.equals("Digital Post") || p.print() == null) {
                        throw new Refusal(400, DigitalPostErrors.NOT_REACHABLE,
                                "the recipient is exempt from Digital Post" + (channel.equals("Digital Post") ? ""
                                        : " and the request has no print part"));
                    }
                    return print(p, tx, uuid, now);
                }
                List<ReceivedFile> files = new ArrayList<>();
                for (Element file : MemoChecks.all(MemoChecks.first(memo, "MessageBody"), "File")) {
                    Base64Stream content = p.contents().get(MemoChecks.first(file, "content"));
                    files.add(new ReceivedFile(MemoChecks.rawText(file, "filename"), MemoChecks.text(file, "encodingFormat"),
                            MemoChecks.text(file, "language"), content.size(), content.sha256(), content.bytesIfComplete()));
                }
                Element sender = MemoChecks.first(header, "Sender");
                MailboxEntry entry = new MailboxEntry(idType, id, uuid, tx, transmission,
                        memo.getAttribute("memoVersion").strip(), MemoChecks.text(sender, "senderID"),
                        directRawText(header, "label"), files, now);
                mailboxes.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(entry);
                deliveredMessages.put(uuidText.toLowerCase(java.util.Locale.ROOT), transmission);
                if (failingDeliveries.contains(id)) {
                    status(uuid, transmission, null, "Digital Post", "Modtaget Digital Post", now, null);
                    status(uuid, transmission, null, "Digital Post", "Fejlet", now, FAILURE_DETAILS);
                } else {
                    emit(uuid, transmission, now);
                }
                return new Reply(200, kombiOk(transmission, successAdvice));
            }
            default -> throw new Refusal(400, DigitalPostErrors.MALFORMED_REQUEST, "unexpected KombiValgKode");
        }
    }

    private Reply print(KombiReader.Parsed p, String tx, UUID messageUuid, Instant now) {
        Element f = p.print();
        String shipmentId = MemoChecks.text(f, "AfsendelseIdentifikator");
        if (repeatedMessage != RepeatedMessage.DELIVER_AGAIN) {
            for (PrintedLetter l : printQueue) {
                if (l.shipmentId().equals(shipmentId)) {
                    if (repeatedMessage == RepeatedMessage.REFUSE) {
                        throw new Refusal(400, DigitalPostErrors.DUPLICATE_MESSAGE, "AfsendelseIdentifikator was already received");
                    }
                    return new Reply(200, kombiOk(null, "shipment already received; not printed again"));
                }
            }
        }
        Base64Stream content = p.contents().get(MemoChecks.first(f, "MeddelelseIndholdData"));
        String recipient = MemoChecks.text(f, "CPRnummerIdentifikator");
        if (recipient == null) {
            recipient = MemoChecks.text(f, "CVRnummerIdentifikator");
        }
        ReceivedFile letter = new ReceivedFile(shipmentId + ".pdf", MemoChecks.text(f, "FilformatNavn"), null,
                content.size(), content.sha256(), content.bytesIfComplete());
        List<ReceivedFile> attachments = new ArrayList<>();
        for (Element bilag : MemoChecks.all(f, "Bilag")) {
            Element data = MemoChecks.first(bilag, "VedhaeftningIndholdData");
            Base64Stream b = data == null ? null : p.contents().get(data);
            if (b != null) {
                attachments.add(new ReceivedFile(MemoChecks.rawText(bilag, "BilagNavn"), MemoChecks.text(bilag, "FilformatNavn"),
                        null, b.size(), b.sha256(), b.bytesIfComplete()));
            }
        }
        printQueue.add(new PrintedLetter(shipmentId, recipient, MemoChecks.text(f, "PersonName"),
                MemoChecks.text(f, "TitelTekst"), letter, messageUuid, tx, p.channelCode(), now, attachments));
        String transmission = messageUuid == null ? null : UUID.randomUUID().toString();
        if (messageUuid != null) {
            deliveredMessages.put(messageUuid.toString(), transmission);
        }
        emitPrint(messageUuid, transmission, shipmentId, now, f);
        return new Reply(200, kombiOk(transmission, successAdvice));
    }

    private static String directRawText(Element parent, String local) {
        for (Element k : KombiReader.kids(parent)) {
            if (local.equals(k.getLocalName())) {
                return k.getTextContent();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- statuses

    /** The status texts of a Digital Post delivery that a public receiver (OS2Valghalla) handles. */
    private void emit(UUID uuid, String transmission, Instant now) {
        status(uuid, transmission, null, "Digital Post", "Modtaget Digital Post", now, null);
        status(uuid, transmission, null, "Digital Post", "Afleveret Digital Post", now, null);
    }

    /**
     * The print steps named in public PKO_PostStatus classes (which cite KOMBIT's "Beskedfordeler – PKO_PostStatus",
     * itself not public): sent, then handed over for printing and enveloping. KanalKode as in the Fjernprint schema;
     * the print fields those classes name (BrugerNavn, EnhedTekst, ForsendelseTypeIdentifikator) echo the request.
     * No ForsendelseHaendelse events: their type codes are not published.
     */
    private void emitPrint(UUID uuid, String transmission, String shipmentId, Instant now, Element forsendelse) {
        status(uuid, transmission, shipmentId, "Fysisk Post", "Afsendt", now, null, forsendelse);
        status(uuid, transmission, shipmentId, "Fysisk Post", "Afleveret til print og kuvertering", now, null, forsendelse);
    }

    private void status(UUID uuid, String transmission, String shipmentId, String channel, String text, Instant now,
            String[] failure) {
        status(uuid, transmission, shipmentId, channel, text, now, failure, null);
    }

    private void status(UUID uuid, String transmission, String shipmentId, String channel, String text, Instant now,
            String[] failure, Element forsendelse) {
        Document d = SecureXml.documentBuilder().newDocument();
        Element root = d.createElementNS(POST_STATUS_NS, "ps:PKO_PostStatus");
        d.appendChild(root);
        leaf(root, "TransmissionId", transmission);
        leaf(root, "MessageUUID", uuid == null ? null : uuid.toString());
        leaf(root, "AfsendelseIdentifikator", shipmentId);
        leaf(root, "KanalKode", channel);
        leaf(root, "TransaktionsDatoTid", now.toString());
        leaf(root, "TransaktionsStatusKode", text);
        leaf(root, "CorrelationId", UUID.randomUUID().toString());
        if (forsendelse != null) {
            for (String field : List.of("BrugerNavn", "EnhedTekst", "ForsendelseTypeIdentifikator")) {
                leaf(root, field, MemoChecks.text(forsendelse, field));
            }
        }
        if (failure != null) {
            Element details = d.createElementNS(POST_STATUS_NS, "ps:FejlDetaljer");
            root.appendChild(details);
            leaf(details, "FejlKode", failure[0]);
            leaf(details, "FejlTekst", failure[1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(d, out);
        PostStatusEvent e = new PostStatusEvent(uuid, transmission, shipmentId, channel, text, now, out.toByteArray());
        int times = repeatStatuses ? 2 : 1;
        for (int i = 0; i < times; i++) {
            statuses.add(e);
            for (Consumer<PostStatusEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("a status listener failed: {}", ex.toString());
                }
            }
        }
    }

    private static void leaf(Element parent, String local, String text) {
        if (text != null) {
            Element e = parent.getOwnerDocument().createElementNS(POST_STATUS_NS, "ps:" + local);
            e.setTextContent(text);
            parent.appendChild(e);
        }
    }

    // ---------------------------------------------------------------- replies and faults

    /**
     * A success reply in the shape a public client's generated classes read (OS2Valghalla's {@code kombi_response}):
     * Result, TransmissionID, then the Advis. Only the Advis text is sourced (that client treats a success as Result
     * true with AdvisTekst "Received"); no AdvisId is invented.
     */
    private static byte[] kombiOk(String transmission, String advice) {
        StringBuilder b = new StringBuilder("<kombi_response><Result>true</Result>");
        if (transmission != null) {
            b.append("<TransmissionID>").append(transmission).append("</TransmissionID>");
        }
        if (advice != null) {
            b.append("<HovedoplysningerSvarREST><SvarReaktion><Advis><AdvisTekst>")
                    .append(escape(advice)).append("</AdvisTekst></Advis></SvarReaktion></HovedoplysningerSvarREST>");
        }
        return b.append("</kombi_response>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A refusal in the configured {@link FailureReply} form; the platform's failure body is not published. */
    private Reply failure(int status, String code, String text) {
        String masked = PersonalData.maskCprNumbers(text);
        return switch (failureReply) {
            case FEJL -> new Reply(status, ("<kombi_response><Result>false</Result><HovedoplysningerSvarREST><SvarReaktion>"
                    + "<Fejl><FejlKode>" + escape(code) + "</FejlKode><FejlTekst>" + escape(masked)
                    + "</FejlTekst></Fejl></SvarReaktion></HovedoplysningerSvarREST></kombi_response>")
                    .getBytes(StandardCharsets.UTF_8));
            case ADVIS -> new Reply(status, ("<kombi_response><Result>false</Result><HovedoplysningerSvarREST><SvarReaktion>"
                    + "<Advis><AdvisTekst>" + escape(code + ": " + masked) + "</AdvisTekst></Advis></SvarReaktion>"
                    + "</HovedoplysningerSvarREST></kombi_response>").getBytes(StandardCharsets.UTF_8));
            case PLAIN_TEXT -> new Reply(status, "text/plain; charset=utf-8",
                    (code + ": " + masked).getBytes(StandardCharsets.UTF_8));
            case EMPTY -> new Reply(status, "text/plain; charset=utf-8", new byte[0]);
        };
    }

    private static String escape(String s) {
        return XmlText.escape(s);
    }

    private static byte[] jsonError(String code, String text) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", code);
        out.put("error_description", PersonalData.maskCprNumbers(text));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Applies a fault that hits before the request is handled; true when the exchange is finished. */
    private boolean preFault(HttpExchange ex, DigitalPostFault fault) throws IOException {
        if (fault == null) {
            return false;
        }
        switch (fault.kind()) {
            case LATENCY -> pause(fault.amount());
            case CONNECTION_RESET -> {
                return true;
            }
            case HTTP_500, HTTP_503 -> {
                ex.getRequestBody().transferTo(OutputStream.nullOutputStream());
                send(ex, fault.kind() == DigitalPostFault.Kind.HTTP_500 ? 500 : 503, "text/plain; charset=utf-8",
                        "simulated outage".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    private void replyWithFault(HttpExchange ex, DigitalPostFault fault, int status, String type, byte[] body)
            throws IOException {
        DigitalPostFault.Kind kind = fault == null ? null : fault.kind();
        if (kind == DigitalPostFault.Kind.TIMEOUT) {
            pause(fault.amount());
        }
        if (kind == DigitalPostFault.Kind.MALFORMED_REPLY) {
            send(ex, 200, type, "<kombi_response><Result>tr".getBytes(StandardCharsets.UTF_8));
        } else if (kind == DigitalPostFault.Kind.TRUNCATED_REPLY) {
            send(ex, status, type, java.util.Arrays.copyOf(body, body.length / 2));
        } else {
            send(ex, status, type, body);
        }
    }

    private static void drain(HttpExchange ex) {
        try {
            ex.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.debug("request body could not be drained: {}", e.toString());
        }
    }

    private static void requireMethod(HttpExchange ex, String method) {
        if (!method.equals(ex.getRequestMethod())) {
            throw new Refusal(405, DigitalPostErrors.HEADERS, "method must be " + method);
        }
    }

    private static List<X509Certificate> peer(HttpExchange ex) {
        List<X509Certificate> chain = SimulatorExchanges.clientChain(ex);
        if (chain.isEmpty()) {
            throw new Refusal(401, DigitalPostErrors.UNAUTHORISED, "no client certificate");
        }
        return chain;
    }

    /**
     * What the simulator does with a KombiPostAfsend call whose {@code x-TransaktionsId} it has seen before. The
     * platform's behaviour is not published (public clients create a new id per call); verify it on the test
     * environment.
     */
    public enum RepeatedTransaction {
        /** The same request gets the stored reply again; a different request with the id gets HTTP 409 (default). */
        REPLAY,
        /** Any repeat gets HTTP 409 with {@link DigitalPostErrors#TRANSACTION_REUSED}. */
        REFUSE,
        /** The id is not remembered: the call is handled as new (the messageUUID rule then decides). */
        HANDLE_AGAIN
    }

    /**
     * What the simulator does with a messageUUID (or print AfsendelseIdentifikator) it has delivered before. The
     * platform's behaviour is not published; verify it on the test environment.
     */
    public enum RepeatedMessage {
        /** HTTP 200 with an Advis saying it was not delivered again; nothing is delivered (default). */
        ACKNOWLEDGE,
        /** HTTP 400 with {@link DigitalPostErrors#DUPLICATE_MESSAGE}. */
        REFUSE,
        /** Delivered again, as if new. */
        DELIVER_AGAIN
    }

    /**
     * The body of a refused KombiPostAfsend call. The platform's failure body is not published; public clients
     * look for FejlId/FejlKode/FejlTekst or an AdvisTekst anywhere, or only look at the HTTP status. Each form is
     * offered so that a client can be tested against all of them.
     */
    public enum FailureReply {
        /** {@code kombi_response} with Result false and {@code SvarReaktion/Fejl/{FejlKode, FejlTekst}} (default). */
        FEJL,
        /** {@code kombi_response} with Result false and only {@code SvarReaktion/Advis/AdvisTekst}. */
        ADVIS,
        /** A {@code text/plain} body with the code and text. */
        PLAIN_TEXT,
        /** No body, only the HTTP status. */
        EMPTY
    }

    /** Builder for {@link DigitalPostSimulator}. */
    public static final class Builder {
        private TestPki pki = TestPki.generateFast(1);
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private boolean strict = true;
        private int port;
        private Path xsdDir;
        private Duration tokenLifetime = Duration.ofHours(8);
        private Duration accessTokenLifetime = Duration.ofHours(1);
        private long keepFileBytes = 1L << 20;
        private boolean repeatStatuses;
        private boolean requireContentLength = true;
        private RepeatedTransaction repeatedTransaction = RepeatedTransaction.REPLAY;
        private RepeatedMessage repeatedMessage = RepeatedMessage.ACKNOWLEDGE;
        private FailureReply failureReply = FailureReply.FEJL;
        private String successAdvice = "Received";
        private Path contractsDir;
        private long maxFileBytes;

        private Builder() {
        }

        /** The test PKI whose roots are trusted and whose OCES3 organisation certificate is authorised. */
        public Builder pki(TestPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki == null");
            return this;
        }

        /** The simulator's clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** The clock skew tolerated in token lifetimes. */
        public Builder clockSkew(Duration skew) {
            this.skew = Objects.requireNonNull(skew, "skew == null");
            return this;
        }

        /** Strict (default): a broken rule refuses the message. Lenient: recorded, delivered when possible. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** The port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = LoopbackHttpsServer.checkedPort(port);
            return this;
        }

        /**
         * The folder with the published MeMo XSDs ({@code MeMo_core.xsd}, {@code Version1.2/MeMo_core.xsd}); when they
         * are not there the simulator validates with its rules only and says so in its report.
         */
        public Builder memoSchemas(Path dir) {
            this.xsdDir = Objects.requireNonNull(dir, "dir == null");
            return this;
        }

        /** How long issued SAML tokens are valid (default 8 hours). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
            return this;
        }

        /** How long access tokens are valid (default 1 hour, as the platform's {@code expires_in: 3600}). */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
            return this;
        }

        /** The largest file whose bytes are kept for inspection (default 1 MiB); larger ones keep size and hash. */
        public Builder keepFileBytes(long limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative");
            }
            this.keepFileBytes = limit;
            return this;
        }

        /** Emit every delivery status twice, as the platform sometimes does (default false). */
        public Builder repeatStatuses(boolean repeat) {
            this.repeatStatuses = repeat;
            return this;
        }

        /**
         * Whether a KombiPostAfsend body without {@code Content-Length} (chunked) is refused with HTTP 411 and a
         * violation (default true). Every public client sends a fixed length; whether the platform's gateway accepts
         * a chunked body is not published, so the default makes a chunked sender visible. Verify on the test
         * environment before relying on chunked uploads.
         */
        public Builder requireContentLength(boolean require) {
            this.requireContentLength = require;
            return this;
        }

        /**
         * The most decoded file bytes one KombiPostAfsend call may carry, or 0 (default) for no limit. The platform's
         * limit is not published; a larger call is refused with HTTP 413 and {@link DigitalPostErrors#TOO_LARGE} (both
         * the simulator's choice), so that a client's handling of a size refusal can be tested.
         */
        public Builder maxFileBytes(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("max must not be negative");
            }
            this.maxFileBytes = max;
            return this;
        }

        /** How a repeated {@code x-TransaktionsId} is handled (default {@link RepeatedTransaction#REPLAY}). */
        public Builder repeatedTransaction(RepeatedTransaction mode) {
            this.repeatedTransaction = Objects.requireNonNull(mode, "mode == null");
            return this;
        }

        /** How a repeated messageUUID or AfsendelseIdentifikator is handled (default {@link RepeatedMessage#ACKNOWLEDGE}). */
        public Builder repeatedMessage(RepeatedMessage mode) {
            this.repeatedMessage = Objects.requireNonNull(mode, "mode == null");
            return this;
        }

        /** The form of a refusal's body (default {@link FailureReply#FEJL}). */
        public Builder failureReply(FailureReply form) {
            this.failureReply = Objects.requireNonNull(form, "form == null");
            return this;
        }

        /**
         * The AdvisTekst of a success reply (default {@code Received}, which a public client expects), or null for a
         * success without Advis.
         */
        public Builder successAdvice(String text) {
            this.successAdvice = text;
            return this;
        }

        /**
         * The folder with the published Serviceplatformen contracts ({@code conformance/serviceplatformen} of the shared
         * material); the print part is validated against its {@code sf1600-sf1601-fjernprint-forsendelse} schema. Without
         * it the simulator looks in {@code rammearkitektur.shared.dir}, then {@code ../shared}, and otherwise checks the
         * print part with rules taken from that schema, saying so in its report.
         */
        public Builder contracts(Path dir) {
            this.contractsDir = Objects.requireNonNull(dir, "dir == null");
            return this;
        }

        /** The simulator, not yet started. */
        public DigitalPostSimulator build() {
            return new DigitalPostSimulator(this);
        }
    }
}
