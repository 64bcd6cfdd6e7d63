package dk.rammearkitektur.testkit.serviceplatform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.signing.wss.VerifiedMessage;
import dk.rammearkitektur.signing.wss.ReplayCache;
import dk.rammearkitektur.signing.wss.WsSecurityVerifier;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestPki;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The simulated security token service and the token checks of the simulated services: an independent server-side
 * implementation that uses the signing module's verifier and signer, never the client's code.
 */
final class Sts {
    /** The simulator STS's default issuer, in the form of the real one ({@code https://saml.<sts host>}). */
    static final String ISSUER = "https://saml.n2adgangsstyring.simulator.rammearkitektur.test";
    /** The OIO basic privilege profile of {@code Privileges_intermediate}. */
    static final String BPP = "http://itst.dk/oiosaml/basic_privilege_profile";
    /** The privilege the simulator grants (its own role URI; real privileges are the roles of the service agreements). */
    static final String PRIVILEGE = "http://serviceplatformen.simulator.rammearkitektur.test/roles/usersystemrole/simulator/1";
    static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    static final String AUTH = "http://docs.oasis-open.org/wsfed/authorization/200706";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String CVR_CLAIM = "dk:gov:saml:attribute:CvrNumberIdentifier";
    static final String SBF = "urn:liberty:sb:2006-08";
    static final String ISSUE_ACTION = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPki pki;
    private final List<X509Certificate> extraAnchors;
    private final Set<String> entityIds;
    private final Duration skew;
    private final Duration lifetime;
    private final Map<String, Set<X509Certificate>> authorised = new ConcurrentHashMap<>();
    private final SigningCredential credential;
    /** One replay cache for every request the STS and the services behind it verify. */
    private final ReplayCache replays = ReplayCache.inMemory(ReplayCache.DEFAULT_MAX_ENTRIES);
    private final String issuer;
    /** Told of every token issued (what for, never the token); the simulator's request log. */
    volatile java.util.function.Consumer<IssuedAssertion> issued = t -> { };

    /** Why the STS said no. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String code;

        Refusal(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    Sts(TestPki pki, List<X509Certificate> extraAnchors, Set<String> entityIds, Duration skew, Duration lifetime,
            String issuer) {
        this.pki = pki;
        this.extraAnchors = List.copyOf(extraAnchors);
        this.issuer = issuer;
        this.entityIds = Set.copyOf(entityIds);
        this.skew = skew;
        this.lifetime = lifetime;
        ServerTls tls = ServerTls.shared();
        this.credential = SigningCredential.of(tls.stsKeys().getPrivate(), List.of(tls.stsCertificate()));
    }

    X509Certificate certificate() {
        return credential.certificate();
    }

    String issuer() {
        return issuer;
    }

    void authorise(String cvr, X509Certificate system) {
        authorised.computeIfAbsent(cvr, k -> ConcurrentHashMap.newKeySet()).add(system);
    }

    Set<String> municipalities() {
        return authorised.keySet();
    }

    /**
     * The validator for the caller with TLS client chain {@code chain}: one over the extra client trust anchors when
     * the chain leads to one of them (its CA certificates as intermediates, for a signature that carries the leaf
     * alone; no revocation check: the simulator knows no CRL of theirs), else the test PKI's.
     */
    private CertificateValidator validator(List<X509Certificate> chain, Clock clock) {
        if (!extraAnchors.isEmpty() && SimulatorExchanges.chainsTo(chain, extraAnchors)) {
            CertificateValidator.Builder b = CertificateValidator.builder().trustAnchors(extraAnchors)
                    .revocationChecking(false).ocsp(false).clock(clock).skew(skew);
            chain.stream().skip(1).filter(c -> c.getBasicConstraints() >= 0).forEach(b::intermediate);
            return b.build();
        }
        return SimulatorExchanges.validator(pki, clock, skew);
    }

    /** The REST issue endpoint: JSON in, JSON out. */
    byte[] issueRest(HttpExchange ex, byte[] request, Clock clock, boolean expired) {
        JsonNode req;
        try {
            req = JSON.readTree(request);
        } catch (java.io.IOException e) {
            throw new Refusal(PlatformFaults.MALFORMED_REQUEST, "request is not JSON");
        }
        if (req == null || !req.isObject()) {
            throw new Refusal(PlatformFaults.MALFORMED_REQUEST, "request is not a JSON object");
        }
        List<X509Certificate> chain = peer(ex);
        X509Certificate useKey = decode(req.path("UseKey").asText(""));
        if (!chain.get(0).equals(useKey)) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "UseKey is not the TLS client certificate");
        }
        expect(req.path("TokenType").asText(), "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0", "TokenType");
        expect(req.path("RequestType").asText(), "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue", "RequestType");
        expect(req.path("KeyType").asText(), "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey", "KeyType");
        SamlAssertion token = issue(chain, req.path("AnvenderKontekst").path("Cvr").asText(""),
                req.path("AppliesTo").path("EndpointReference").path("Address").asText(""), clock, expired);
        ObjectNode out = JSON.createObjectNode();
        out.putObject("RequestedSecurityToken").put("Assertion", SecureXml.toString(token.element()));
        out.putObject("Lifetime").put("Created", clock.instant().toString()).put("Expires", token.notOnOrAfter().toString());
        out.put("TokenType", "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] restError(String code, String text) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", code);
        out.put("error_description", text);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The WS-Trust 1.3 endpoint (SOAP 1.2, as the published binding): a signed RST in, an RSTR with the assertion out. */
    Document issueSoap(HttpExchange ex, Document request, Clock clock, boolean expired) {
        List<X509Certificate> chain = peer(ex);
        VerifiedMessage verified;
        try {
            verified = WsSecurityVerifier.builder().binarySecurityTokens(SignatureTrust.validatedBy(validator(chain, clock)))
                    .clock(clock).skew(skew).maxTimestampAge(Duration.ofMinutes(5)).replayCache(replays).build().verify(request);
        } catch (SecurityCheckException e) {
            String reason = String.valueOf(e.reason());
            String code = reason.contains("untrusted") || reason.startsWith("certificate")
                    ? PlatformFaults.STS_REFUSED : codeFor(reason, PlatformFaults.STS_REFUSED);
            throw new Refusal(code, "request refused: " + reason);
        } catch (RammearkitekturException e) {
            throw new Refusal(PlatformFaults.MALFORMED_REQUEST, "request refused: " + e.getMessage());
        }
        if (!verified.signerCertificate().equals(chain.get(0))) {
            throw new Refusal(PlatformFaults.SIGNATURE, "the request is not signed by the TLS client certificate");
        }
        Element rst = verified.payload();
        if (!"RequestSecurityToken".equals(rst.getLocalName()) || !WST.equals(rst.getNamespaceURI())) {
            throw new Refusal(PlatformFaults.MALFORMED_REQUEST, "body is not a wst:RequestSecurityToken");
        }
        expect(Xml.text(rst, WST, "RequestType"), "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue", "RequestType");
        expect(Xml.text(rst, WST, "KeyType"), "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey", "KeyType");
        Element appliesTo = Xml.kid(rst, WSP, "AppliesTo");
        Element epr = appliesTo == null ? null : Xml.kid(appliesTo, Xml.WSA, "EndpointReference");
        String entityId = epr == null ? "" : String.valueOf(Xml.text(epr, Xml.WSA, "Address"));
        String cvr = "";
        Element claims = Xml.kid(rst, WST, "Claims");
        if (claims != null) {
            for (Element c : Xml.kids(claims)) {
                if (CVR_CLAIM.equals(c.getAttribute("Uri"))) {
                    cvr = String.valueOf(Xml.text(c, AUTH, "Value"));
                }
            }
        }
        Element useKey = Xml.kid(rst, WST, "UseKey");
        Element bst = useKey == null ? null : Xml.kid(useKey, WSSE, "BinarySecurityToken");
        if (bst == null || !chain.get(0).equals(decode(bst.getTextContent().trim()))) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "UseKey is not the signing certificate");
        }
        SamlAssertion token = issue(chain, cvr, entityId, clock, expired);
        Element body = Xml.envelope(Xml.SOAP12);
        Document doc = body.getOwnerDocument();
        Element replyHeader = Xml.kid(doc.getDocumentElement(), Xml.SOAP12, "Header");
        Xml.el(replyHeader, Xml.WSA, "wsa:Action", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RSTRC/IssueFinal")
                .setAttributeNS(Xml.XMLNS, "xmlns:wsa", Xml.WSA);
        Element coll = Xml.el(body, WST, "wst:RequestSecurityTokenResponseCollection", null);
        coll.setAttributeNS(Xml.XMLNS, "xmlns:wst", WST);
        Element rstr = Xml.el(coll, WST, "wst:RequestSecurityTokenResponse", null);
        Xml.el(rstr, WST, "wst:TokenType", "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0");
        Element rt = Xml.el(rstr, WST, "wst:RequestedSecurityToken", null);
        rt.appendChild(doc.importNode(token.element(), true));
        Element life = Xml.el(rstr, WST, "wst:Lifetime", null);
        Xml.el(life, WSU, "wsu:Created", clock.instant().toString()).setAttributeNS(Xml.XMLNS, "xmlns:wsu", WSU);
        Xml.el(life, WSU, "wsu:Expires", token.notOnOrAfter().toString()).setAttributeNS(Xml.XMLNS, "xmlns:wsu", WSU);
        return doc;
    }

    /**
     * Issues a token shaped as the real STS's (the exttest sample in the published conformance data): Issuer, X509
     * subject, holder-of-key confirmation with Recipient = entity id, audience, and the attributes CvrNumberIdentifier,
     * AssuranceLevel 3, SpecVer DK-SAML-2.0, KombitSpecVer 1.0 and Privileges_intermediate (Base64 OIO basic privilege
     * list scoped to the CVR).
     */
    SamlAssertion issue(List<X509Certificate> chain, String cvr, String entityId, Clock clock, boolean expired) {
        try {
            validator(chain, clock).requireTrusted(chain);
        } catch (SecurityCheckException e) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "certificate refused: " + e.reason());
        }
        if (!entityIds.contains(entityId)) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "unknown entity id (AppliesTo)");
        }
        Set<X509Certificate> allowed = authorised.get(cvr);
        if (allowed == null) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "unknown CVR");
        }
        if (!allowed.contains(chain.get(0))) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "the certificate may not act for this CVR");
        }
        Instant now = clock.instant();
        Instant notBefore = expired ? now.minus(lifetime).minus(Duration.ofHours(1)) : now.minusSeconds(60);
        Instant notOnOrAfter = expired ? now.minus(Duration.ofHours(1)) : now.plus(lifetime);
        issued.accept(new IssuedAssertion(now, issuer, entityId, chain.get(0).getSubjectX500Principal().getName(), cvr,
                notBefore, notOnOrAfter));
        return SamlAssertion.builder().issuer(issuer)
                .subject(chain.get(0).getSubjectX500Principal().getName())
                .holderOfKey(chain.get(0)).recipient(entityId).audience(entityId).issueInstant(now)
                .validity(notBefore, notOnOrAfter)
                .attribute(CVR_CLAIM, cvr).attribute("dk:gov:saml:attribute:AssuranceLevel", "3")
                .attribute(SamlAssertion.SPEC_VER_ATTRIBUTE, "DK-SAML-2.0")
                .attribute("dk:gov:saml:attribute:KombitSpecVer", "1.0")
                .attribute(SamlAssertion.PRIVILEGES_ATTRIBUTE, privileges(cvr))
                .sign(XmlSigner.builder(credential).build());
    }

    /** The Base64 OIO basic privilege list: one PrivilegeGroup scoped to the CVR, as the real STS issues it. */
    static String privileges(String cvr) {
        Document d = Xml.newDocument();
        Element list = d.createElementNS(BPP, "bpp:PrivilegeList");
        list.setAttributeNS(Xml.XMLNS, "xmlns:bpp", BPP);
        d.appendChild(list);
        Element group = d.createElementNS(null, "PrivilegeGroup");
        group.setAttributeNS(null, "Scope", "urn:dk:gov:saml:cvrNumberIdentifier:" + cvr);
        list.appendChild(group);
        Element privilege = d.createElementNS(null, "Privilege");
        privilege.setTextContent(PRIVILEGE);
        group.appendChild(privilege);
        return java.util.Base64.getEncoder().encodeToString(bytes(d));
    }

    /**
     * Checks a service call's WS-Security header and token; returns the token's CVR, or null after recording what was
     * wrong in {@code found}.
     */
    String verifyServiceCall(Document request, HttpExchange ex, String entityId, Clock clock, List<String[]> found) {
        VerifiedMessage verified;
        try {
            SamlAssertionVerifier tokens = SamlAssertionVerifier.builder(TrustedIssuer.pinned(issuer, certificate()))
                    .audience(entityId).clock(clock).skew(skew).requireHolderOfKey(true)
                    .noVerifiedTokenCache() // built per call (the call's clock): a cache would serve no second call
                    .build();
            verified = WsSecurityVerifier.builder().samlTokens(tokens).clock(clock).skew(skew)
                    .maxTimestampAge(Duration.ofMinutes(5)).requireTokenProtection().replayCache(replays).build()
                    .verify(request);
        } catch (SecurityCheckException e) {
            found.add(new String[] {codeFor(e.reason(), PlatformFaults.SIGNATURE), "WS-Security refused: " + e.reason()});
            return null;
        } catch (RammearkitekturException e) {
            found.add(new String[] {PlatformFaults.SIGNATURE, "WS-Security refused: " + e.getMessage()});
            return null;
        }
        Element env = request.getDocumentElement();
        String framework = frameworkProblem(Xml.kid(env, env.getNamespaceURI(), "Header"));
        if (framework != null) {
            found.add(new String[] {PlatformFaults.SIGNATURE, framework});
            return null;
        }
        if (!verified.signerCertificate().equals(peer(ex).get(0))) {
            found.add(new String[] {PlatformFaults.SIGNATURE, "the holder-of-key is not the TLS client certificate"});
            return null;
        }
        String cvr = verified.assertion().flatMap(a -> a.attribute(CVR_CLAIM)).orElse(null);
        if (cvr == null || !authorised.containsKey(cvr)) {
            found.add(new String[] {PlatformFaults.TOKEN_CVR, "the token names no known CVR"});
            return null;
        }
        return cvr;
    }

    /**
     * The token policies sign the Liberty {@code sbf:Framework} header, and KOMBIT's own clients send it (version 2.0,
     * basic profile); the verifier has checked that it is signed when present. Returns what is wrong, or null.
     */
    private static String frameworkProblem(Element header) {
        Element fw = Xml.kid(header, SBF, "Framework");
        if (fw == null) {
            return "no sbf:Framework header (urn:liberty:sb:2006-08, version 2.0, basic profile)";
        }
        if (!"2.0".equals(fw.getAttribute("version"))
                || !"urn:liberty:sb:profile:basic".equals(fw.getAttributeNS("urn:liberty:sb:profile", "profile"))) {
            return "sbf:Framework must have version 2.0 and profile urn:liberty:sb:profile:basic";
        }
        return null;
    }

    static String codeFor(String reason, String fallback) {
        if (reason == null) {
            return fallback;
        }
        if (reason.startsWith("wss.timestamp")) {
            return PlatformFaults.TIMESTAMP;
        }
        if (reason.equals("token.audience")) {
            return PlatformFaults.TOKEN_AUDIENCE;
        }
        if (reason.equals("token.expired") || reason.equals("token.not-yet-valid")) {
            return PlatformFaults.TOKEN_EXPIRED;
        }
        if (reason.startsWith("signature") || reason.startsWith("wss.") || reason.startsWith("token.")) {
            return PlatformFaults.SIGNATURE;
        }
        return fallback;
    }

    private static void expect(String actual, String expected, String field) {
        if (!expected.equals(actual)) {
            throw new Refusal(PlatformFaults.STS_REFUSED, field + " must be " + expected);
        }
    }

    private static List<X509Certificate> peer(HttpExchange ex) {
        List<X509Certificate> chain = SimulatorExchanges.clientChain(ex);
        if (chain.isEmpty()) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "no client certificate");
        }
        return chain;
    }

    private static X509Certificate decode(String base64) {
        X509Certificate certificate = SimulatorExchanges.decodeCertificate(base64);
        if (certificate == null) {
            throw new Refusal(PlatformFaults.STS_REFUSED, "UseKey is not a certificate");
        }
        return certificate;
    }

    static byte[] bytes(Document doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(doc, out);
        return out.toByteArray();
    }

    static Element first(Document d, String ns, String local) {
        NodeList l = d.getElementsByTagNameNS(ns, local);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }
}
