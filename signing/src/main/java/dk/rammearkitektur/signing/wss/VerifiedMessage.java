package dk.rammearkitektur.signing.wss;

import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A SOAP message whose WS-Security header verified: who signed it, with which token, and the signed parts. Read the
 * request from {@link #body()} and addressing values from {@link #addressing(String)} only; both are the signed nodes.
 */
public final class VerifiedMessage {
    private final SoapVersion version;
    private final Element body;
    private final Element header;
    private final Instant created;
    private final Instant expires;
    private final VerifiedSignature signature;
    private final SamlAssertion assertion;

    VerifiedMessage(SoapVersion version, Element header, Element body, Instant created, Instant expires,
            VerifiedSignature signature, SamlAssertion assertion) {
        this.version = version;
        this.header = header;
        this.body = body;
        this.created = created;
        this.expires = expires;
        this.signature = signature;
        this.assertion = assertion;
    }

    /** SOAP 1.1 or 1.2. */
    public SoapVersion soapVersion() {
        return version;
    }

    /** The signed Body element. */
    public Element body() {
        return body;
    }

    /** The signed Body's first child element (the operation's request), or null for an empty Body. */
    public Element payload() {
        return Wss.firstElementChild(body);
    }

    /** Timestamp Created. */
    public Instant created() {
        return created;
    }

    /** Timestamp Expires. */
    public Instant expires() {
        return expires;
    }

    /** The verified message signature and exactly what it covers. */
    public VerifiedSignature signature() {
        return signature;
    }

    /** The certificate whose key signed the message (the holder-of-key, or the BinarySecurityToken's). */
    public X509Certificate signerCertificate() {
        return signature.certificate();
    }

    /** The verified SAML assertion, when the token was one. */
    public Optional<SamlAssertion> assertion() {
        return Optional.ofNullable(assertion);
    }

    /** The text of a signed WS-Addressing header (e.g. {@code Action}, {@code To}, {@code MessageID}), if present. */
    public Optional<String> addressing(String localName) {
        for (Element e : Wss.children(header, Wss.WSA, localName)) {
            if (signature.isSigned(e)) {
                return Optional.of(e.getTextContent().trim());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "VerifiedMessage[" + version + ", signed=" + signature.signedIds().size() + " parts, token="
                + (assertion != null ? "SAML " + assertion.id() : "BinarySecurityToken") + "]";
    }
}
