package dk.rammearkitektur.signing.wss;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.internal.TokenTemplate;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.xml.XmlSigner;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Adds a WS-Security header to a SOAP 1.1 or 1.2 envelope: a {@code wsu:Timestamp}, the security token (a SAML
 * holder-of-key assertion, or a {@code wsse:BinarySecurityToken} with the signing certificate) and a
 * {@code ds:Signature} by the credential over the Body, the Timestamp, the WS-Addressing headers To, Action,
 * MessageID and ReplyTo and the Liberty {@code sbf:Framework} header that are present (and the BinarySecurityToken),
 * with KeyInfo a {@code wsse:SecurityTokenReference} to the token. A SAML token is protected too (ProtectTokens): a
 * second {@code wsse:SecurityTokenReference} with an ID follows the assertion in the header, and the signature
 * references it with the STR-Transform, so its digest covers the assertion. Immutable and thread-safe; build once per
 * credential and token. The signer keeps its own copy of the assertion, taken when it is built, and inserts that copy
 * into every envelope.
 *
 * <pre>{@code
 * WsSecuritySigner signer = WsSecuritySigner.builder(credential).samlAssertion(token).build();
 * signer.sign(envelope);
 * }</pre>
 */
public final class WsSecuritySigner {
    private final XmlSigner signer;
    private final SamlAssertion assertion;
    private final TokenTemplate token;
    private final Clock clock;
    private final Duration ttl;
    private volatile TimeStrings lastTimes;

    private WsSecuritySigner(Builder b) {
        this.signer = XmlSigner.builder(b.credential).algorithm(b.algorithm == null ? b.credential.defaultAlgorithm()
                : b.algorithm).policy(b.policy).keyInfo(XmlSigner.KeyInfoContent.NONE).build();
        this.assertion = b.assertion;
        this.token = b.assertion == null ? null : TokenTemplate.of(b.assertion.element());
        this.clock = b.clock;
        this.ttl = b.ttl;
    }

    /** A builder signing with {@code credential} (the holder-of-key when a SAML assertion is used). */
    public static Builder builder(SigningCredential credential) {
        return new Builder(credential);
    }

    /**
     * Adds the security header to {@code envelope} in place and returns it. Throws {@link ValidationException} for a
     * document that is not a SOAP envelope with a Body or already has a wsse:Security header.
     */
    public Document sign(Document envelope) {
        Objects.requireNonNull(envelope, "envelope == null");
        Element env = envelope.getDocumentElement();
        SoapVersion version = SoapVersion.of(env).orElseThrow(() -> new ValidationException("envelope",
                "must be a SOAP 1.1 or 1.2 Envelope"));
        String soap = version.namespace();
        List<Element> bodies = Wss.children(env, soap, "Body");
        if (bodies.size() != 1) {
            throw new ValidationException("envelope.Body", "must occur exactly once");
        }
        Element body = bodies.get(0);
        List<Element> headers = Wss.children(env, soap, "Header");
        if (headers.size() > 1) {
            throw new ValidationException("envelope.Header", "must occur at most once");
        }
        Element header;
        if (headers.isEmpty()) {
            header = envelope.createElementNS(soap, prefix(env) + "Header");
            env.insertBefore(header, body);
        } else {
            header = headers.get(0);
        }
        if (!Wss.children(header, Wss.WSSE, "Security").isEmpty()) {
            throw new ValidationException("envelope.Header.Security", "must not exist before signing");
        }
        env.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsu", Wss.WSU);

        Element security = envelope.createElementNS(Wss.WSSE, "wsse:Security");
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsse", Wss.WSSE);
        security.setAttributeNS(soap, prefix(env) + "mustUnderstand", version == SoapVersion.SOAP_11 ? "1" : "true");
        header.insertBefore(security, header.getFirstChild());

        Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String[] times = times(created);
        Element ts = envelope.createElementNS(Wss.WSU, "wsu:Timestamp");
        ts.setAttributeNS(Wss.WSU, "wsu:Id", "TS-" + UUID.randomUUID());
        Element c = envelope.createElementNS(Wss.WSU, "wsu:Created");
        c.setTextContent(times[0]);
        Element e = envelope.createElementNS(Wss.WSU, "wsu:Expires");
        e.setTextContent(times[1]);
        ts.appendChild(c);
        ts.appendChild(e);
        security.appendChild(ts);

        List<Element> targets = new ArrayList<>();
        for (String name : Wss.ADDRESSING_SIGNED) {
            for (Element h : Wss.children(header, Wss.WSA, name)) {
                targets.add(withId(h, name));
            }
        }
        for (Element h : Wss.children(header, Wss.SBF, "Framework")) {
            targets.add(withId(h, "Framework"));
        }
        targets.add(ts);
        Element str;
        List<Element> protectedTokens = List.of();
        TokenTemplate.Insertion insertion = null;
        try {
            if (token != null) {
                insertion = token.insertInto(envelope);
                security.appendChild(insertion.token());
                Element protector = samlReference(envelope);
                protector.setAttributeNS(Wss.WSU, "wsu:Id", "STR-" + UUID.randomUUID());
                security.appendChild(protector);
                protectedTokens = List.of(protector);
                str = samlReference(envelope);
            } else {
                str = envelope.createElementNS(Wss.WSSE, "wsse:SecurityTokenReference");
                Element bst = envelope.createElementNS(Wss.WSSE, "wsse:BinarySecurityToken");
                bst.setAttributeNS(null, "EncodingType", Wss.BASE64);
                bst.setAttributeNS(null, "ValueType", Wss.X509V3);
                String bstId = "X509-" + UUID.randomUUID();
                bst.setAttributeNS(Wss.WSU, "wsu:Id", bstId);
                try {
                    bst.setTextContent(Base64.getEncoder().encodeToString(signer.credential().certificate().getEncoded()));
                } catch (CertificateEncodingException ex) {
                    throw new ValidationException("credential.certificate", "could not be encoded", ex);
                }
                security.appendChild(bst);
                targets.add(bst);
                Element ref = envelope.createElementNS(Wss.WSSE, "wsse:Reference");
                ref.setAttributeNS(null, "URI", "#" + bstId);
                ref.setAttributeNS(null, "ValueType", Wss.X509V3);
                str.appendChild(ref);
            }
            targets.add(withId(body, "Body"));
            signer.signDetached(security, null, targets, str, protectedTokens);
        } finally {
            if (insertion != null) {
                insertion.close();
            }
        }
        return envelope;
    }

    /** A {@code wsse:SecurityTokenReference} to the SAML assertion: TokenType SAMLV2.0, KeyIdentifier SAMLID. */
    private Element samlReference(Document envelope) {
        Element str = envelope.createElementNS(Wss.WSSE, "wsse:SecurityTokenReference");
        str.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsse11", Wss.WSSE11);
        str.setAttributeNS(Wss.WSSE11, "wsse11:TokenType", Wss.SAML_V2);
        Element ki = envelope.createElementNS(Wss.WSSE, "wsse:KeyIdentifier");
        ki.setAttributeNS(null, "ValueType", Wss.SAML_ID);
        ki.setTextContent(assertion.id());
        str.appendChild(ki);
        return str;
    }

    /** Created and Expires for {@code created}, formatted once per second rather than once per message. */
    private String[] times(Instant created) {
        TimeStrings t = lastTimes;
        if (t == null || !t.created.equals(created)) {
            t = new TimeStrings(created, new String[] {created.toString(), created.plus(ttl).toString()});
            lastTimes = t;
        }
        return t.text.clone();
    }

    private record TimeStrings(Instant created, String[] text) {
    }

    private static Element withId(Element e, String name) {
        if (IdRegistry.idOf(e) == null) {
            e.setAttributeNS(Wss.WSU, "wsu:Id", name + "-" + UUID.randomUUID());
        }
        return e;
    }

    private static String prefix(Element env) {
        return env.getPrefix() == null ? "" : env.getPrefix() + ":";
    }

    /** Builds a {@link WsSecuritySigner}. */
    public static final class Builder {
        private final SigningCredential credential;
        private SamlAssertion assertion;
        private Clock clock = Clock.systemUTC();
        private Duration ttl = Duration.ofMinutes(5);
        private SignatureAlgorithm algorithm;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();

        private Builder(SigningCredential credential) {
            this.credential = Objects.requireNonNull(credential, "credential == null");
        }

        /**
         * Uses this SAML assertion as the token (referenced by SAMLID); its holder-of-key certificate must be the
         * credential's. Without one, a BinarySecurityToken with the credential's certificate is used.
         */
        public Builder samlAssertion(SamlAssertion assertion) {
            Objects.requireNonNull(assertion, "assertion == null");
            if (assertion.holderOfKeyCertificate().isPresent()
                    && !assertion.holderOfKeyCertificate().get().equals(credential.certificate())) {
                throw new ValidationException("samlAssertion.holderOfKey", "must be the signing credential's certificate");
            }
            this.assertion = assertion;
            return this;
        }

        /** The clock for the Timestamp; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** How long the Timestamp is valid; default 5 minutes. */
        public Builder timestampTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl == null");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** The signature method; default by key type (RSA-SHA256 or ECDSA-SHA256). */
        public Builder algorithm(SignatureAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm == null");
            return this;
        }

        /** The algorithm policy the signature must satisfy (e.g. to allow SHA-1 for a legacy endpoint). */
        public Builder policy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** The signer. */
        public WsSecuritySigner build() {
            return new WsSecuritySigner(this);
        }
    }
}
