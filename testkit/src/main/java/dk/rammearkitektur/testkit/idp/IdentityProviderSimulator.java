package dk.rammearkitektur.testkit.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.testkit.idp.internal.IdpKeys;
import dk.rammearkitektur.testkit.idp.internal.IdpMessages;
import dk.rammearkitektur.testkit.idp.internal.Pages;
import dk.rammearkitektur.testkit.idp.internal.RedirectBinding;
import dk.rammearkitektur.testkit.idp.internal.Saml;
import dk.rammearkitektur.testkit.idp.internal.XmlCrypto;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceViolation;
import dk.rammearkitektur.testkit.serviceplatform.internal.LoopbackHttpsServer;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An in-process identity provider for tests, playing KOMBIT's Context Handler (NSIS or the older OIOSAML 2 profile) or
 * NemLog-in towards registered service providers, on {@code 127.0.0.1} over one-way HTTPS (a browser reaches it; the
 * server certificate is issued by {@link #tlsTrustAnchor()}).
 *
 * <ul>
 *   <li>{@link #METADATA_PATH}: the signed IdP metadata.</li>
 *   <li>{@link #SSO_PATH}: AuthnRequests over HTTP-Redirect. Unsigned requests, unknown SPs, bad query signatures,
 *       signature methods other than rsa-sha256 and sha256-rsa-MGF1 and unregistered ACS URLs are always refused
 *       (HTTP 403 and an error page). A wrong Destination, Version or ProtocolBinding, a missing, reused or stale ID or
 *       IssueInstant, a NameIDPolicy format the profile does not use and a RequestedAuthnContext that is not a minimum
 *       NSIS level are recorded as {@link #violations()}; in strict mode (the default) the SP then gets a Response
 *       with status Requester / RequestDenied. Then the login page lists the test users; with
 *       {@link Builder#autoLogin(String)} or a {@code user=<key>} query parameter the user is logged in at once.</li>
 *   <li>The Response goes to the ACS as an auto-submitting HTTP-POST form: unsigned, with one EncryptedAssertion
 *       (AES-256-GCM, RSA-OAEP with SHA-256 and MGF1-SHA256) holding the signed assertion. Faults:
 *       {@link #injectNext(IdpFault)}.</li>
 *   <li>{@link #SLO_PATH}: signed LogoutRequests over Redirect, answered with a LogoutResponse over Redirect with the
 *       query signature (or, when {@link IdpFault#LOGOUT_ANSWER_BY_POST} is armed, by POST with an enveloped XML
 *       signature); the SP's answer to {@link #idpInitiatedLogout}.</li>
 * </ul>
 *
 * <p>Every departure of the SP from the profile is recorded as a {@link ConformanceViolation} (CPR numbers masked),
 * with its rule as the code and its source in the research note on the Context Handler
 * ({@code context-handler.md}): {@code UnsignedRequest}, {@code InvalidSignature}, {@code UnknownServiceProvider}
 * (§1 Certificates, §7 AuthnRequest in); {@code UnsupportedSignatureAlgorithm} (§1 AuthnRequest: rsa-sha256; §7: PSS
 * too); {@code UnregisteredAcs}, {@code ProtocolBinding}, {@code Destination}, {@code ID} (§7 AuthnRequest in);
 * {@code NameIDPolicy} (§1 NameID, §3 NameID); {@code RequestedAuthnContext} (§3 Request); {@code Version} (SAML
 * 2.0); {@code IssueInstant} and {@code ID} reuse (the simulator's choice: {@link #REQUEST_MAX_AGE},
 * {@link #REQUEST_MAX_SKEW}); on logout {@code NameID}, {@code SessionIndex} (§1 Logout) and {@code InResponseTo} (an
 * SP's LogoutResponse must answer a LogoutRequest the simulator sent, SAML 2.0 core). {@link #conformanceReport()}
 * lists them; {@code ConformanceReports.Run.of(name, idp)} writes them as HTML and JUnit XML.
 *
 * <pre>{@code
 * try (IdentityProviderSimulator idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
 *         .user(caseworker).serviceProvider(sp).autoLogin(caseworker.key()).start()) {
 *     URI metadata = idp.metadataUri();
 * }
 * }</pre>
 */
public final class IdentityProviderSimulator implements AutoCloseable {
    /** The metadata path. */
    public static final String METADATA_PATH = "/idp/metadata";
    /** The single sign-on path (HTTP-Redirect). */
    public static final String SSO_PATH = "/idp/sso";
    /** The login form's target path. */
    public static final String LOGIN_PATH = "/idp/login";
    /** The single logout path (Redirect; POST for the SP's answers). */
    public static final String SLO_PATH = "/idp/slo";
    /** How old an AuthnRequest's IssueInstant may be (the simulator's choice). */
    public static final Duration REQUEST_MAX_AGE = Duration.ofMinutes(5);
    /** How far in the future an IssueInstant may be (the simulator's choice). */
    public static final Duration REQUEST_MAX_SKEW = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderSimulator.class);
    private static final int MAX_FORM = 64 * 1024;

    private final IdpProfile profile;
    private final String entityId;
    private final Clock clock;
    private final boolean strict;
    private final String signatureMethod;
    private final Map<String, TestUser> users;
    private final Map<String, RegisteredSp> sps;
    private final String autoLogin;
    private final IdpKeys keys;
    private final List<ConformanceViolation> violations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Set<String> logoutRequestIds = ConcurrentHashMap.newKeySet();
    private final Deque<IdpFault> faults = new ArrayDeque<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<String> seenRequestIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Element> lastEncrypted = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile IdpKeys wrongKeys;
    private LoopbackHttpsServer server;
    private String metadata;

    private record Pending(RegisteredSp sp, String requestId, String relayState, LevelOfAssurance requestedLoa,
            boolean passive) {
    }

    private record Session(String sessionIndex, String[] nameId) {
    }

    private IdentityProviderSimulator(Builder b) {
        this.profile = b.profile;
        this.entityId = b.entityId == null ? b.profile.defaultEntityId() : b.entityId;
        this.clock = b.clock;
        this.strict = b.strict;
        this.signatureMethod = b.rsaPss ? Saml.RSA_SHA256_MGF1 : Saml.RSA_SHA256;
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
        this.sps = new ConcurrentHashMap<>(b.sps);
        this.autoLogin = b.autoLogin;
        this.keys = IdpKeys.generate("Rammearkitektur IdP Simulator");
    }

    /** Starts a builder for the profile. */
    public static Builder builder(IdpProfile profile) {
        if (profile == null) {
            throw new ValidationException("profile", "is required");
        }
        return new Builder(profile);
    }

    private IdentityProviderSimulator start(int port) throws IOException {
        Map<String, HttpHandler> h = new LinkedHashMap<>();
        h.put(METADATA_PATH, ex -> handle(ex, "Metadata", this::metadata));
        h.put(SSO_PATH, ex -> handle(ex, "SSO", this::sso));
        h.put(LOGIN_PATH, ex -> handle(ex, "Login", this::login));
        h.put(SLO_PATH, ex -> handle(ex, "SLO", this::slo));
        server = LoopbackHttpsServer.startWithoutClientAuth(port, "idp-simulator", h);
        try {
            Document md = IdpMessages.metadata(profile, entityId, keys.certificate(), ssoUri(), sloUri());
            Element root = md.getDocumentElement();
            XmlCrypto.signEnveloped(root, root.getFirstChild(), keys.keys().getPrivate(), keys.certificate(),
                    signatureMethod);
            metadata = SecureXml.toString(md);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        LOG.info("identity provider simulator ({}) at {}", profile, server.baseUri());
        return this;
    }

    /** The base URL, {@code https://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** The metadata URL. */
    public URI metadataUri() {
        return baseUri().resolve(METADATA_PATH.substring(1));
    }

    /** The single sign-on URL (the Destination of AuthnRequests). */
    public URI ssoUri() {
        return baseUri().resolve(SSO_PATH.substring(1));
    }

    /** The single logout URL. */
    public URI sloUri() {
        return baseUri().resolve(SLO_PATH.substring(1));
    }

    /** The IdP's entity ID (the Issuer of its messages). */
    public String entityId() {
        return entityId;
    }

    /** The profile played. */
    public IdpProfile profile() {
        return profile;
    }

    /** The certificate assertions and metadata are signed with (also in the metadata). */
    public X509Certificate signingCertificate() {
        return keys.certificate();
    }

    /** The CA that issued the server's TLS certificate: trust it in the client or browser. */
    public X509Certificate tlsTrustAnchor() {
        return ServerTls.shared().ca();
    }

    /** The signed metadata document. */
    public String metadata() {
        return metadata;
    }

    /** Registers (or replaces) a service provider while running. */
    public void register(RegisteredSp sp) {
        if (sp == null) {
            throw new ValidationException("serviceProvider", "is required");
        }
        sps.put(sp.entityId(), sp);
    }

    /** The rule breaks seen so far, oldest first. */
    public List<ConformanceViolation> violations() {
        return List.copyOf(violations);
    }

    /** Forgets the violations seen so far. */
    public void clearViolations() {
        violations.clear();
    }

    /** A readable report of {@link #violations()}: one line each (CPR numbers masked), or {@code no violations}. */
    public String conformanceReport() {
        List<ConformanceViolation> seen = violations();
        if (seen.isEmpty()) {
            return "no violations";
        }
        StringBuilder b = new StringBuilder(seen.size() + " violation(s)\n");
        for (ConformanceViolation v : seen) {
            b.append("  ").append(PersonalData.maskCprNumbers(v.toString())).append('\n');
        }
        return b.toString();
    }

    /**
     * Every endpoint ({@code Metadata}, {@code SSO}, {@code Login}, {@code SLO}) that received requests since start or
     * the last {@link #reset()}, with its count, by name.
     */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> out = new TreeMap<>();
        requests.forEach((e, n) -> out.put(e, n.get()));
        return out;
    }

    /** Forgets recorded violations, request counts and armed faults. */
    public void reset() {
        violations.clear();
        requests.clear();
        clearFaults();
    }

    /** The simulator clock's time: the time its violations are stamped with. */
    public Instant now() {
        return clock.instant();
    }

    /** Arms a fault for the next login answer (or, for {@link IdpFault#LOGOUT_ANSWER_BY_POST}, logout answer). */
    public synchronized IdentityProviderSimulator injectNext(IdpFault fault) {
        if (fault == null) {
            throw new ValidationException("fault", "is required");
        }
        faults.add(fault);
        return this;
    }

    /** Disarms every fault. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    private synchronized boolean draw(IdpFault fault) {
        return faults.remove(fault);
    }

    private synchronized List<IdpFault> drawLogin() {
        List<IdpFault> out = new ArrayList<>();
        for (Iterator<IdpFault> it = faults.iterator(); it.hasNext();) {
            IdpFault f = it.next();
            if (f.login()) {
                out.add(f);
                it.remove();
            }
        }
        return out;
    }

    /**
     * An IdP-initiated logout: the URL of the SP's single logout service with a signed Redirect LogoutRequest for the
     * user's latest session at that SP (open it in the browser, or GET it).
     *
     * @throws ValidationException ({@code session}) when the user has no session at the SP, ({@code slo}) when the SP
     *     registered no logout URL
     */
    public URI idpInitiatedLogout(String spEntityId, String userKey) {
        RegisteredSp sp = sps.get(spEntityId);
        Session s = sessions.get(spEntityId + "|" + userKey);
        if (sp == null || s == null) {
            throw new ValidationException("session", "the user has no session at this service provider");
        }
        if (sp.slo() == null) {
            throw new ValidationException("slo", "the service provider registered no single logout URL");
        }
        Element req = IdpMessages.logoutRequest(entityId, sp.slo().toString(), clock.instant(), s.nameId(), s.sessionIndex());
        if (logoutRequestIds.size() < 10_000) {
            logoutRequestIds.add(sp.entityId() + "|" + req.getAttribute("ID"));
        }
        return URI.create(redirectUrl(sp.slo(), "SAMLRequest", serialise(req), null));
    }

    /** Stops the server. */
    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    // ---- HTTP ----

    private record Answer(int status, String contentType, String body, String location) {
        static Answer html(int status, String body) {
            return new Answer(status, "text/html; charset=utf-8", body, null);
        }
    }

    private interface Endpoint {
        Answer answer(HttpExchange ex) throws IOException;
    }

    private void handle(HttpExchange ex, String name, Endpoint e) throws IOException {
        requests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            Answer a;
            try {
                a = e.answer(ex);
            } catch (RammearkitekturException bad) {
                a = Answer.html(400, Pages.error("Bad request", bad.getMessage()));
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            if (a.location() != null) {
                ex.getResponseHeaders().set("Location", a.location());
            }
            ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
        } catch (RuntimeException ex2) {
            LOG.warn("identity provider simulator failed", ex2);
            throw ex2;
        }
    }

    private Answer metadata(HttpExchange ex) {
        if (!"GET".equals(ex.getRequestMethod())) {
            return Answer.html(405, Pages.error("Method not allowed", "use GET"));
        }
        return new Answer(200, "application/samlmetadata+xml", metadata, null);
    }

    private void violation(String endpoint, String requestId, String code, String detail) {
        ConformanceViolation v = new ConformanceViolation(clock.instant(), endpoint,
                requestId == null ? null : PersonalData.maskCprNumbers(requestId), code, PersonalData.maskCprNumbers(detail));
        violations.add(v);
        LOG.info("conformance violation: {}", v);
    }

    private Answer refuse(String endpoint, String requestId, String code, String detail) {
        violation(endpoint, requestId, code, detail);
        return Answer.html(403, Pages.error("Request refused", code + ": " + detail));
    }

    private Element parseMessage(Map<String, String> raw, String parameter, String expectedRoot) {
        byte[] xml = RedirectBinding.inflate(parameter, RedirectBinding.decode(raw.get(parameter)));
        Document d = SecureXml.parse(new java.io.ByteArrayInputStream(xml));
        Element root = d.getDocumentElement();
        if (!Saml.PROTOCOL.equals(root.getNamespaceURI()) || !expectedRoot.equals(root.getLocalName())) {
            throw new ValidationException(parameter, "the root element must be samlp:" + expectedRoot);
        }
        return root;
    }

    private static String issuer(Element root) {
        Element i = Xml.kid(root, Saml.ASSERTION, "Issuer");
        return i == null ? null : i.getTextContent().strip();
    }

    private Answer sso(HttpExchange ex) {
        if (!"GET".equals(ex.getRequestMethod())) {
            return Answer.html(405, Pages.error("Method not allowed", "AuthnRequests come by HTTP-Redirect (GET)"));
        }
        Map<String, String> raw = RedirectBinding.rawParameters(ex.getRequestURI().getRawQuery());
        if (!raw.containsKey("SAMLRequest")) {
            throw new ValidationException("SAMLRequest", "is required");
        }
        Element req = parseMessage(raw, "SAMLRequest", "AuthnRequest");
        String requestId = Saml.attr(req, "ID");
        String issuer = issuer(req);
        RegisteredSp sp = issuer == null ? null : sps.get(issuer);
        if (sp == null) {
            return refuse("SSO", requestId, "UnknownServiceProvider",
                    "the Issuer " + (issuer == null ? "(none)" : issuer) + " is not a registered service provider");
        }
        RedirectBinding.Check check = RedirectBinding.verify(raw, "SAMLRequest", sp.signingCertificate().getPublicKey());
        switch (check) {
            case UNSIGNED:
                return refuse("SSO", requestId, "UnsignedRequest", "the AuthnRequest must be signed (WantAuthnRequestsSigned)");
            case UNSUPPORTED_ALGORITHM:
                return refuse("SSO", requestId, "UnsupportedSignatureAlgorithm",
                        "SigAlg must be " + Saml.RSA_SHA256 + " or " + Saml.RSA_SHA256_MGF1);
            case INVALID:
                return refuse("SSO", requestId, "InvalidSignature",
                        "the query signature does not verify with the registered signing certificate");
            default:
                break;
        }
        String acs = Saml.attr(req, "AssertionConsumerServiceURL");
        if (acs != null && !acs.equals(sp.acs().toString())) {
            return refuse("SSO", requestId, "UnregisteredAcs",
                    "AssertionConsumerServiceURL " + acs + " is not the registered " + sp.acs());
        }
        List<String> broken = new ArrayList<>();
        Instant now = clock.instant();
        check(broken, requestId, "Version", "2.0".equals(req.getAttribute("Version")), "Version must be 2.0");
        check(broken, requestId, "Destination", ssoUri().toString().equals(req.getAttribute("Destination")),
                "Destination must be " + ssoUri());
        String binding = Saml.attr(req, "ProtocolBinding");
        check(broken, requestId, "ProtocolBinding", binding == null || Saml.POST.equals(binding),
                "ProtocolBinding must be HTTP-POST");
        check(broken, requestId, "ID", requestId != null, "ID is required");
        if (requestId != null) {
            check(broken, requestId, "ID", seenRequestIds.add(sp.entityId() + "|" + requestId),
                    "ID " + requestId + " was used before");
        }
        String issueInstant = Saml.attr(req, "IssueInstant");
        Instant issued = null;
        try {
            issued = issueInstant == null ? null : Instant.parse(issueInstant);
        } catch (DateTimeParseException e) {
            issued = null;
        }
        check(broken, requestId, "IssueInstant", issued != null, "IssueInstant must be an xs:dateTime in UTC");
        if (issued != null) {
            check(broken, requestId, "IssueInstant", !issued.isBefore(now.minus(REQUEST_MAX_AGE)) && !issued.isAfter(now.plus(REQUEST_MAX_SKEW)),
                    "IssueInstant " + issueInstant + " is not within " + REQUEST_MAX_AGE.toMinutes() + " minutes of now");
        }
        checkNameIdPolicy(broken, requestId, req);
        checkRequestedAuthnContext(broken, requestId, req);
        String relayState = RedirectBinding.decode(raw.get("RelayState"));
        Pending p = new Pending(sp, requestId, relayState, requestedLoa(req), "true".equals(req.getAttribute("IsPassive")));
        if (strict && !broken.isEmpty()) {
            return errorResponse(p, Saml.REQUESTER, Saml.REQUEST_DENIED, String.join("; ", broken));
        }
        String userKey = raw.containsKey("user") ? RedirectBinding.decode(raw.get("user")) : autoLogin;
        if (userKey != null) {
            TestUser u = users.get(userKey);
            if (u == null) {
                throw new ValidationException("user", "is not a test user of the simulator");
            }
            return loginAnswer(p, u);
        }
        if (p.passive()) {
            return errorResponse(p, Saml.RESPONDER, Saml.NO_PASSIVE, "IsPassive and no user is logged in");
        }
        String key = UUID.randomUUID().toString();
        pending.put(key, p);
        return Answer.html(200, Pages.login(title(), sp.entityId(), LOGIN_PATH, key, users.values()));
    }

    private String title() {
        return switch (profile) {
            case CONTEXT_HANDLER_NSIS -> "Context Handler (NSIS) simulator";
            case CONTEXT_HANDLER_OIOSAML2 -> "Context Handler (OIOSAML 2) simulator";
            case NEMLOGIN -> "NemLog-in simulator";
        };
    }

    /** Unless {@code ok}, records the AuthnRequest's violation and adds {@code code: detail} to {@code broken}. */
    private void check(List<String> broken, String requestId, String code, boolean ok, String detail) {
        if (!ok) {
            violation("SSO", requestId, code, detail);
            broken.add(code + ": " + detail);
        }
    }

    /**
     * NameIDPolicy@Format, when given, must be a format the profile issues: persistent for the NSIS Context Handler
     * (note §1 NameID: SPs ask for persistent), persistent or transient for NemLog-in (§3 NameID). Not checked for the
     * OIOSAML 2 Context Handler: the note says which NameID it sends (X509SubjectName), not what SPs ask for.
     */
    private void checkNameIdPolicy(List<String> broken, String requestId, Element req) {
        Element policy = Xml.kid(req, Saml.PROTOCOL, "NameIDPolicy");
        String format = policy == null ? null : Saml.attr(policy, "Format");
        if (format == null || !profile.oiosaml3()) {
            return;
        }
        List<String> allowed = profile == IdpProfile.NEMLOGIN ? List.of(Saml.PERSISTENT, Saml.TRANSIENT)
                : List.of(Saml.PERSISTENT);
        check(broken, requestId, "NameIDPolicy", allowed.contains(format.strip()),
                "NameIDPolicy Format " + shortText(format) + " is not " + String.join(" or ", allowed));
    }

    /**
     * A RequestedAuthnContext in the OIOSAML 3 profiles must have Comparison="minimum" and name exactly one NSIS
     * level ({@code https://data.gov.dk/concept/core/nsis/loa/Low|Substantial|High}), optionally with
     * {@code https://data.gov.dk/eid/Person} or {@code .../Professional} (note §3 Request). Its absence is no violation:
     * it is optional (§7 AuthnRequest in).
     */
    private void checkRequestedAuthnContext(List<String> broken, String requestId, Element req) {
        Element rac = Xml.kid(req, Saml.PROTOCOL, "RequestedAuthnContext");
        if (rac == null || !profile.oiosaml3()) {
            return;
        }
        check(broken, requestId, "RequestedAuthnContext", "minimum".equals(rac.getAttribute("Comparison")),
                "RequestedAuthnContext Comparison must be minimum, not "
                        + (rac.hasAttribute("Comparison") ? shortText(rac.getAttribute("Comparison")) : "absent (exact)"));
        int levels = 0;
        List<String> odd = new ArrayList<>();
        for (Element ref : Xml.kids(rac, Saml.ASSERTION, "AuthnContextClassRef")) {
            String v = ref.getTextContent().strip();
            if (v.startsWith(LevelOfAssurance.URI_PREFIX) && knownLevel(v.substring(LevelOfAssurance.URI_PREFIX.length()))) {
                levels++;
            } else if (!v.equals("https://data.gov.dk/eid/Person") && !v.equals("https://data.gov.dk/eid/Professional")) {
                odd.add(shortText(v));
            }
        }
        check(broken, requestId, "RequestedAuthnContext", levels == 1 && odd.isEmpty(),
                "RequestedAuthnContext must name exactly one NSIS level (found " + levels + ")"
                        + (odd.isEmpty() ? "" : " and no other class than eid/Person or eid/Professional: " + odd));
    }

    private static boolean knownLevel(String value) {
        try {
            LevelOfAssurance.fromValue(value);
            return true;
        } catch (RammearkitekturException e) {
            return false;
        }
    }

    /** Untrusted text for a violation: at most 120 characters, control characters replaced. */
    private static String shortText(String s) {
        String t = s.length() > 120 ? s.substring(0, 120) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * A LogoutResponse from an SP must answer a LogoutRequest this simulator sent it ({@link #idpInitiatedLogout}); an
     * unknown or missing InResponseTo is recorded.
     */
    private void checkLogoutAnswer(Element response, String spEntityId) {
        String inResponseTo = Saml.attr(response, "InResponseTo");
        String id = Saml.attr(response, "ID");
        if (inResponseTo == null || !logoutRequestIds.remove(spEntityId + "|" + inResponseTo)) {
            violation("SLO", id, "InResponseTo", "the LogoutResponse's InResponseTo "
                    + (inResponseTo == null ? "is missing" : shortText(inResponseTo) + " names no LogoutRequest sent to this SP"));
        }
    }

    private static LevelOfAssurance requestedLoa(Element req) {
        Element rac = Xml.kid(req, Saml.PROTOCOL, "RequestedAuthnContext");
        if (rac == null) {
            return null;
        }
        for (Element ref : Xml.kids(rac, Saml.ASSERTION, "AuthnContextClassRef")) {
            String v = ref.getTextContent().strip();
            if (v.startsWith(LevelOfAssurance.URI_PREFIX)) {
                try {
                    return LevelOfAssurance.fromValue(v.substring(LevelOfAssurance.URI_PREFIX.length()));
                } catch (RammearkitekturException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private Answer login(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            return Answer.html(405, Pages.error("Method not allowed", "the login form is posted"));
        }
        Map<String, String> form = form(ex);
        Pending p = form.get("request") == null ? null : pending.remove(form.get("request"));
        if (p == null) {
            throw new ValidationException("request", "is not a pending login (expired or used)");
        }
        if ("cancel".equals(form.get("action"))) {
            return errorResponse(p, Saml.RESPONDER, Saml.AUTHN_FAILED, "the user cancelled");
        }
        TestUser u = form.get("user") == null ? null : users.get(form.get("user"));
        if (u == null) {
            throw new ValidationException("user", "is not a test user of the simulator");
        }
        return loginAnswer(p, u);
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_FORM + 1);
        }
        if (body.length > MAX_FORM) {
            throw new ValidationException("form", "is larger than " + MAX_FORM + " bytes");
        }
        Map<String, String> out = new LinkedHashMap<>();
        RedirectBinding.rawParameters(new String(body, StandardCharsets.UTF_8))
                .forEach((k, v) -> out.put(RedirectBinding.decode(k), RedirectBinding.decode(v)));
        return out;
    }

    private Answer errorResponse(Pending p, String status, String subStatus, String message) {
        Element r = IdpMessages.response(entityId, p.sp().acs().toString(), p.requestId(), clock.instant(), status,
                subStatus, message);
        return post(p, r);
    }

    private Answer post(Pending p, Element response) {
        return postBinding(p.sp().acs(), serialise(response), p.relayState());
    }

    /** The message as sent: every namespace prefix it uses declared on its root, serialised. */
    private static String serialise(Element message) {
        Saml.declareNamespaces(message);
        return SecureXml.toString(message.getOwnerDocument());
    }

    /** The HTTP-POST binding: an auto-submitting form posting {@code SAMLResponse} (and RelayState) to {@code to}. */
    private static Answer postBinding(URI to, String xml, String relayState) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLResponse", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        if (relayState != null) {
            fields.put("RelayState", relayState);
        }
        return Answer.html(200, Pages.postForm(to.toString(), fields));
    }

    /** The HTTP-Redirect binding: {@code to} with the message, relay state and query signature appended. */
    private String redirectUrl(URI to, String parameter, String xml, String relayState) {
        String q = RedirectBinding.signedQuery(parameter, xml, relayState, keys.keys().getPrivate(), Saml.RSA_SHA256);
        return to + (to.getRawQuery() == null ? "?" : "&") + q;
    }

    private Answer loginAnswer(Pending p, TestUser user) {
        List<IdpFault> f = drawLogin();
        if (f.contains(IdpFault.AUTHN_FAILED)) {
            return errorResponse(p, Saml.RESPONDER, Saml.AUTHN_FAILED, "authentication failed (injected)");
        }
        if (f.contains(IdpFault.NO_PASSIVE)) {
            return errorResponse(p, Saml.RESPONDER, Saml.NO_PASSIVE, "no passive login possible (injected)");
        }
        boolean lowLoa = f.contains(IdpFault.LOA_TOO_LOW);
        if (!lowLoa && p.requestedLoa() != null && !user.loa().isAtLeast(p.requestedLoa())) {
            return errorResponse(p, Saml.RESPONDER, Saml.AUTHN_FAILED,
                    "the user's level of assurance is below the requested " + p.requestedLoa().value());
        }
        RegisteredSp sp = p.sp();
        Instant now = clock.instant();
        Element response = IdpMessages.response(entityId, sp.acs().toString(), p.requestId(), now, Saml.SUCCESS, null, null);
        Document doc = response.getOwnerDocument();
        Element previous = lastEncrypted.get(sp.entityId());
        if (f.contains(IdpFault.REPLAY) && previous != null) {
            response.appendChild(doc.importNode(previous, true));
            return post(p, response);
        }
        IdpMessages.AssertionSpec s = new IdpMessages.AssertionSpec();
        s.profile = profile;
        s.issuer = entityId;
        s.audience = f.contains(IdpFault.WRONG_AUDIENCE) ? "https://saml.wrong-audience.simulator.test" : sp.entityId();
        s.recipient = sp.acs() + (f.contains(IdpFault.WRONG_RECIPIENT) ? "/wrong-recipient" : "");
        s.inResponseTo = p.requestId();
        s.now = now;
        s.sessionIndex = Saml.newId();
        s.user = user;
        s.expired = f.contains(IdpFault.EXPIRED_ASSERTION);
        s.lowLoa = lowLoa;
        s.missingCvr = f.contains(IdpFault.MISSING_CVR);
        s.malformedPrivileges = f.contains(IdpFault.MALFORMED_PRIVILEGES);
        Element assertion = IdpMessages.assertion(s);
        IdpKeys signer = f.contains(IdpFault.WRONG_SIGNING_KEY) ? wrongKeys() : keys;
        Node afterIssuer = Xml.kid(assertion, Saml.ASSERTION, "Issuer").getNextSibling();
        XmlCrypto.signEnveloped(assertion, afterIssuer, signer.keys().getPrivate(), signer.certificate(), signatureMethod);
        if (f.contains(IdpFault.WRAPPED_ASSERTION)) {
            assertion = wrap(assertion);
        }
        Element imported = (Element) doc.importNode(assertion, true);
        if (f.contains(IdpFault.UNENCRYPTED_ASSERTION)) {
            response.appendChild(imported);
        } else {
            Element ea = doc.createElementNS(Saml.ASSERTION, "saml:EncryptedAssertion");
            response.appendChild(ea);
            XmlCrypto.encryptInto(ea, imported, sp.encryptionCertificate());
            lastEncrypted.put(sp.entityId(), (Element) ea.cloneNode(true));
        }
        sessions.put(sp.entityId() + "|" + user.key(), new Session(s.sessionIndex, IdpMessages.nameId(profile, user)));
        return post(p, response);
    }

    /**
     * The wrapping attack: a forged assertion (new ID, another user's NameID, no signature of its own) that carries the
     * genuine Signature (still referencing the genuine ID) and, in its Advice, the genuine assertion without its
     * Signature, so the reference still resolves and digests correctly.
     */
    private static Element wrap(Element genuine) {
        Element forged = (Element) genuine.cloneNode(true);
        forged.setAttribute("ID", Saml.newId());
        Element subject = Xml.kid(forged, Saml.ASSERTION, "Subject");
        Element nameId = Xml.kid(subject, Saml.ASSERTION, "NameID");
        String v = nameId.getTextContent();
        int slash = v.lastIndexOf('/');
        nameId.setTextContent((slash >= 0 ? v.substring(0, slash + 1) : "") + "00000000-0000-4000-8000-00000000dead");
        Element sig = Xml.kid(genuine, Saml.DSIG, "Signature");
        genuine.removeChild(sig);
        Element conditions = Xml.kid(forged, Saml.ASSERTION, "Conditions");
        Element advice = genuine.getOwnerDocument().createElementNS(Saml.ASSERTION, "saml:Advice");
        forged.insertBefore(advice, conditions.getNextSibling());
        advice.appendChild(genuine);
        return forged;
    }

    private IdpKeys wrongKeys() {
        IdpKeys k = wrongKeys;
        if (k == null) {
            synchronized (this) {
                if (wrongKeys == null) {
                    wrongKeys = IdpKeys.generate("Rammearkitektur IdP Simulator");
                }
                k = wrongKeys;
            }
        }
        return k;
    }

    private Answer slo(HttpExchange ex) throws IOException {
        if ("POST".equals(ex.getRequestMethod())) {
            Map<String, String> form = form(ex);
            if (!form.containsKey("SAMLResponse")) {
                throw new ValidationException("SAMLResponse", "is required in a POSTed logout message");
            }
            byte[] xml;
            try {
                xml = Base64.getMimeDecoder().decode(form.get("SAMLResponse"));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("SAMLResponse", "must be base64");
            }
            Element r = SecureXml.parse(new java.io.ByteArrayInputStream(xml)).getDocumentElement();
            if (!"LogoutResponse".equals(r.getLocalName())) {
                throw new ValidationException("SAMLResponse", "the root element must be samlp:LogoutResponse");
            }
            return Answer.html(200, Pages.error("Logged out", "the service provider answered the logout"));
        }
        if (!"GET".equals(ex.getRequestMethod())) {
            return Answer.html(405, Pages.error("Method not allowed", "use GET or POST"));
        }
        Map<String, String> raw = RedirectBinding.rawParameters(ex.getRequestURI().getRawQuery());
        boolean isResponse = raw.containsKey("SAMLResponse");
        String parameter = isResponse ? "SAMLResponse" : "SAMLRequest";
        if (!raw.containsKey(parameter)) {
            throw new ValidationException("SAMLRequest", "is required");
        }
        Element msg = parseMessage(raw, parameter, isResponse ? "LogoutResponse" : "LogoutRequest");
        String id = Saml.attr(msg, "ID");
        String issuer = issuer(msg);
        RegisteredSp sp = issuer == null ? null : sps.get(issuer);
        if (sp == null) {
            return refuse("SLO", id, "UnknownServiceProvider", "the Issuer is not a registered service provider");
        }
        RedirectBinding.Check check = RedirectBinding.verify(raw, parameter, sp.signingCertificate().getPublicKey());
        if (check != RedirectBinding.Check.VALID) {
            return refuse("SLO", id, check == RedirectBinding.Check.UNSIGNED ? "UnsignedRequest" : "InvalidSignature",
                    "logout messages must be signed with the registered signing certificate (" + check + ")");
        }
        if (isResponse) {
            checkLogoutAnswer(msg, sp.entityId());
            return Answer.html(200, Pages.error("Logged out", "the service provider answered the logout"));
        }
        if (!sloUri().toString().equals(msg.getAttribute("Destination"))) {
            violation("SLO", id, "Destination", "Destination must be " + sloUri());
        }
        Element nameId = Xml.kid(msg, Saml.ASSERTION, "NameID");
        if (nameId == null || Saml.attr(nameId, "Format") == null) {
            violation("SLO", id, "NameID", "a NameID with its Format is required");
        }
        if (Xml.kid(msg, Saml.PROTOCOL, "SessionIndex") == null) {
            violation("SLO", id, "SessionIndex", "a SessionIndex is required");
        }
        if (nameId != null) {
            String v = nameId.getTextContent().strip();
            sessions.entrySet().removeIf(e -> e.getKey().startsWith(sp.entityId() + "|") && e.getValue().nameId()[0].equals(v));
        }
        if (sp.slo() == null) {
            throw new ValidationException("slo", "the service provider registered no single logout URL");
        }
        Element answer = IdpMessages.logoutResponse(entityId, sp.slo().toString(), id, clock.instant(), Saml.SUCCESS);
        String relayState = RedirectBinding.decode(raw.get("RelayState"));
        if (draw(IdpFault.LOGOUT_ANSWER_BY_POST)) {
            // the POST binding has no query signature: the LogoutResponse carries an enveloped one after its Issuer
            Saml.declareNamespaces(answer);
            XmlCrypto.signEnveloped(answer, Xml.kid(answer, Saml.ASSERTION, "Issuer").getNextSibling(),
                    keys.keys().getPrivate(), keys.certificate(), signatureMethod);
            return postBinding(sp.slo(), serialise(answer), relayState);
        }
        return new Answer(302, "text/plain; charset=utf-8", "",
                redirectUrl(sp.slo(), "SAMLResponse", serialise(answer), relayState));
    }

    /** Configures and starts an {@link IdentityProviderSimulator}. */
    public static final class Builder {
        private final IdpProfile profile;
        private String entityId;
        private Clock clock = Clock.systemUTC();
        private boolean strict = true;
        private boolean rsaPss;
        private final Map<String, TestUser> users = new LinkedHashMap<>();
        private final Map<String, RegisteredSp> sps = new LinkedHashMap<>();
        private String autoLogin;
        private int port;

        private Builder(IdpProfile profile) {
            this.profile = profile;
        }

        /** The entity ID; default {@link IdpProfile#defaultEntityId()}. Must start with {@code https://saml.}. */
        public Builder entityId(String entityId) {
            if (entityId == null || !entityId.startsWith("https://saml.")) {
                throw new ValidationException("entityId", "must start with https://saml.");
            }
            this.entityId = entityId;
            return this;
        }

        /** Adds a test user (a second one with the same key is refused). */
        public Builder user(TestUser user) {
            if (user == null) {
                throw new ValidationException("user", "is required");
            }
            if (users.putIfAbsent(user.key(), user) != null) {
                throw new ValidationException("user", "key " + user.key() + " is used twice");
            }
            return this;
        }

        /** Registers a service provider. */
        public Builder serviceProvider(RegisteredSp sp) {
            if (sp == null) {
                throw new ValidationException("serviceProvider", "is required");
            }
            sps.put(sp.entityId(), sp);
            return this;
        }

        /** Registers a service provider from its SAML metadata ({@link RegisteredSp#fromMetadata(String)}). */
        public Builder serviceProviderMetadata(String xml) {
            return serviceProvider(RegisteredSp.fromMetadata(xml));
        }

        /** Logs this user in at once for every AuthnRequest, without the login page. */
        public Builder autoLogin(String userKey) {
            this.autoLogin = userKey;
            return this;
        }

        /** The clock for timestamps and freshness checks; default the system clock. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new ValidationException("clock", "is required");
            }
            this.clock = clock;
            return this;
        }

        /** Strict (default): soft rule breaks get an error Response. Lenient: they are only recorded. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Signs metadata and assertions with sha256-rsa-MGF1 (RSASSA-PSS) instead of rsa-sha256. */
        public Builder rsaPss(boolean rsaPss) {
            this.rsaPss = rsaPss;
            return this;
        }

        /** The port; default 0 (any free one). */
        public Builder port(int port) {
            this.port = LoopbackHttpsServer.checkedPort(port);
            return this;
        }

        /**
         * Starts the simulator.
         *
         * @throws ValidationException ({@code autoLogin}) when the auto-login user is not among the users
         * @throws IOException when the port cannot be bound
         */
        public IdentityProviderSimulator start() throws IOException {
            if (autoLogin != null && !users.containsKey(autoLogin)) {
                throw new ValidationException("autoLogin", "names no test user of the simulator");
            }
            return new IdentityProviderSimulator(this).start(port);
        }
    }
}
