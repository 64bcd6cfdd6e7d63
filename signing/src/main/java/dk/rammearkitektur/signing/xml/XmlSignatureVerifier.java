package dk.rammearkitektur.signing.xml;

import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.internal.Doctypes;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.internal.Santuario;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies XML-DSig signatures with Santuario's secure validation on, and more: every algorithm must pass the
 * {@link AlgorithmPolicy}; every reference must point by ID to an element of the same document; IDs must be unique;
 * the key must come from the {@link SignatureTrust} (a certificate in KeyInfo counts only if pinned or validated);
 * documents with a DOCTYPE are refused. The result names exactly the signed elements. Thread-safe; build once.
 *
 * <pre>{@code
 * XmlSignatureVerifier verifier = XmlSignatureVerifier.builder(SignatureTrust.pinned(stsCertificate)).build();
 * VerifiedSignature v = verifier.verify(signatureElement);
 * Element assertion = v.requireSigned(assertionElement);
 * }</pre>
 */
public final class XmlSignatureVerifier {
    /** The XML-DSig namespace. */
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final int MAX_SIGNATURES = 10;
    /** Santuario's secure-validation limits, checked first so that the refusal names the rule. */
    private static final int MAX_REFERENCES = 30;
    private static final int MAX_TRANSFORMS = 5;

    private final SignatureTrust trust;
    private final AlgorithmPolicy policy;

    private XmlSignatureVerifier(Builder b) {
        this.trust = b.trust;
        this.policy = b.policy;
    }

    /** A builder trusting keys from {@code trust}. */
    public static Builder builder(SignatureTrust trust) {
        return new Builder(trust);
    }

    /** The algorithm policy in force. */
    public AlgorithmPolicy policy() {
        return policy;
    }

    /**
     * Verifies every ds:Signature in the document; at least one must exist ({@value SignatureException#MISSING}
     * otherwise). Returns one result per signature, in document order.
     */
    public List<VerifiedSignature> verifyAll(Document document) {
        Objects.requireNonNull(document, "document == null");
        Doctypes.refuse(document);
        NodeList list = document.getElementsByTagNameNS(DSIG, "Signature");
        if (list.getLength() == 0) {
            throw new SignatureException(SignatureException.MISSING, "the document is not signed");
        }
        if (list.getLength() > MAX_SIGNATURES) {
            throw new SignatureException(SignatureException.MALFORMED, "more than " + MAX_SIGNATURES + " signatures");
        }
        List<Element> signatures = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            signatures.add((Element) list.item(i));
        }
        IdRegistry ids = IdRegistry.register(document);
        List<VerifiedSignature> out = new ArrayList<>();
        for (Element s : signatures) {
            out.add(verify(s, ids, null));
        }
        return out;
    }

    /** Verifies one ds:Signature element, taking the key from its KeyInfo through the trust configuration. */
    public VerifiedSignature verify(Element signature) {
        Objects.requireNonNull(signature, "signature == null");
        Doctypes.refuse(signature.getOwnerDocument());
        return verify(signature, IdRegistry.register(signature.getOwnerDocument()), null);
    }

    /**
     * Verifies one ds:Signature with a certificate the caller has already established as trusted by other means
     * (e.g. the holder-of-key certificate of a verified SAML assertion). KeyInfo is not consulted for the key.
     */
    public VerifiedSignature verifyWithTrustedCertificate(Element signature, X509Certificate trusted) {
        Objects.requireNonNull(signature, "signature == null");
        Objects.requireNonNull(trusted, "trusted == null");
        Doctypes.refuse(signature.getOwnerDocument());
        return verify(signature, IdRegistry.register(signature.getOwnerDocument()), trusted);
    }

    private VerifiedSignature verify(Element signatureElement, IdRegistry ids, X509Certificate trusted) {
        Santuario.init();
        if (!DSIG.equals(signatureElement.getNamespaceURI()) || !"Signature".equals(signatureElement.getLocalName())) {
            throw new SignatureException(SignatureException.MALFORMED, "not a ds:Signature element");
        }
        precheck(signatureElement);
        XMLSignature sig;
        SignedInfo si;
        List<Element> signed = new ArrayList<>();
        List<Element> tokenReferences = new ArrayList<>();
        try {
            sig = new XMLSignature(signatureElement, "", true);
            si = sig.getSignedInfo();
            policy.checkCanonicalization(si.getCanonicalizationMethodURI());
            policy.checkSignatureMethod(si.getSignatureMethodURI());
            for (int i = 0; i < si.getLength(); i++) {
                Reference ref = si.item(i);
                if (ref.typeIsReferenceToManifest() || ref.typeIsReferenceToObject()) {
                    throw new SignatureException(SignatureException.REFERENCE, "references to Manifest/Object are refused");
                }
                policy.checkDigestMethod(ref.getMessageDigestAlgorithm().getAlgorithmURI());
                Transforms ts = ref.getTransforms();
                boolean str = false;
                if (ts != null) {
                    for (int t = 0; t < ts.getLength(); t++) {
                        policy.checkTransform(ts.item(t).getURI());
                        str |= AlgorithmPolicy.STR_TRANSFORM.equals(ts.item(t).getURI());
                    }
                    if (str && ts.getLength() != 1) {
                        throw new SignatureException(SignatureException.REFERENCE,
                                "an STR-Transform reference must have no other transform");
                    }
                }
                String uri = ref.getURI();
                if (uri == null || !uri.startsWith("#") || uri.length() < 2 || uri.startsWith("#xpointer(")) {
                    throw new SignatureException(SignatureException.REFERENCE,
                            "reference URI must be a same-document ID reference (#id), was '" + uri + "'");
                }
                Element target = ids.get(uri.substring(1));
                if (target == null) {
                    throw new SignatureException(SignatureException.REFERENCE, "reference " + uri + " points to no element");
                }
                if (signed.contains(target)) {
                    throw new SignatureException(SignatureException.REFERENCE, "element " + uri + " referenced twice");
                }
                signed.add(target);
                if (str) {
                    tokenReferences.add(target);
                }
            }
        } catch (SignatureException e) {
            throw e;
        } catch (XMLSecurityException | RuntimeException e) {
            // What the pre-check lets through but Santuario still refuses; its own text (indexes, class names) stays in
            // the cause, out of the message.
            throw new SignatureException(SignatureException.MALFORMED,
                    "signature refused: ds:SignedInfo could not be processed as an XML-DSig structure", e);
        }
        List<X509Certificate> candidates = trusted != null ? List.of(trusted)
                : trust.trustedCandidates(presentedCertificates(signatureElement));
        X509Certificate verifiedBy = null;
        for (X509Certificate c : candidates) {
            policy.checkKey(c.getPublicKey());
            try {
                if (sig.checkSignatureValue(c.getPublicKey())) {
                    verifiedBy = c;
                    break;
                }
            } catch (XMLSecurityException | RuntimeException e) {
                throw new SignatureException(SignatureException.INVALID,
                        "signature does not verify: the signature value or a referenced element could not be processed", e);
            }
        }
        if (verifiedBy == null) {
            if (referencesIntact(si)) {
                throw new SignatureException(SignatureException.KEY_MISMATCH,
                        "the signed content is intact but the signature value does not verify with the trusted key");
            }
            throw new SignatureException(SignatureException.INVALID,
                    "signature does not verify with the trusted key (signature value or a digest differs)");
        }
        checkDereferencedNodes(si, signed);
        return new VerifiedSignature(signatureElement, verifiedBy, signed, si.getSignatureMethodURI(), tokenReferences);
    }

    /**
     * Reads SignedInfo's shape and algorithms from the DOM before Santuario does, so that a refused algorithm (MD5,
     * HMAC, truncated HMAC output) or structure (no or too many references, too many transforms) is reported as
     * such, naming the element, rather than as Santuario's own text.
     */
    private void precheck(Element signature) {
        Element signedInfo = onlyChild(signature, "SignedInfo", "Signature");
        policy.checkCanonicalization(algorithm(onlyChild(signedInfo, "CanonicalizationMethod", "SignedInfo")));
        Element method = onlyChild(signedInfo, "SignatureMethod", "SignedInfo");
        policy.checkSignatureMethod(algorithm(method));
        if (!dsigChildren(method, "HMACOutputLength").isEmpty()) {
            throw new SignatureException(SignatureException.ALGORITHM_REFUSED,
                    "SignedInfo.SignatureMethod.HMACOutputLength: HMAC (and truncated HMAC output) is refused");
        }
        List<Element> references = dsigChildren(signedInfo, "Reference");
        if (references.isEmpty()) {
            throw new SignatureException(SignatureException.REFERENCE, "SignedInfo.Reference: the signature has no references");
        }
        if (references.size() > MAX_REFERENCES) {
            throw new SignatureException(SignatureException.REFERENCE, "SignedInfo.Reference: " + references.size()
                    + " references refused, at most " + MAX_REFERENCES + " are accepted");
        }
        for (Element ref : references) {
            policy.checkDigestMethod(algorithm(onlyChild(ref, "DigestMethod", "SignedInfo.Reference")));
            List<Element> transformsEl = dsigChildren(ref, "Transforms");
            if (transformsEl.size() > 1) {
                throw new SignatureException(SignatureException.MALFORMED, "SignedInfo.Reference.Transforms: must occur at most once");
            }
            if (transformsEl.size() == 1) {
                List<Element> transforms = dsigChildren(transformsEl.get(0), "Transform");
                if (transforms.size() > MAX_TRANSFORMS) {
                    throw new SignatureException(SignatureException.REFERENCE, "SignedInfo.Reference.Transforms: "
                            + transforms.size() + " transforms refused, at most " + MAX_TRANSFORMS + " are accepted");
                }
                for (Element t : transforms) {
                    policy.checkTransform(algorithm(t));
                }
            }
        }
    }

    private static Element onlyChild(Element parent, String name, String path) {
        List<Element> found = dsigChildren(parent, name);
        if (found.size() != 1) {
            throw new SignatureException(SignatureException.MALFORMED, path + "." + name + ": must occur exactly once");
        }
        return found.get(0);
    }

    private static List<Element> dsigChildren(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String algorithm(Element e) {
        if (!e.hasAttribute("Algorithm") || e.getAttribute("Algorithm").isBlank()) {
            throw new SignatureException(SignatureException.MALFORMED, e.getLocalName() + "@Algorithm: must be present");
        }
        return e.getAttribute("Algorithm");
    }

    private static boolean referencesIntact(SignedInfo si) {
        try {
            return si.verify(false);
        } catch (XMLSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Santuario dereferenced the references itself; make sure it saw the very nodes we return. */
    private static void checkDereferencedNodes(SignedInfo si, List<Element> signed) {
        try {
            for (int i = 0; i < si.getLength(); i++) {
                XMLSignatureInput in = si.item(i).getContentsBeforeTransformation();
                Node n = in == null ? null : in.getSubNode();
                if (n != null && n != signed.get(i)) {
                    throw new SignatureException(SignatureException.WRAPPING,
                            "reference " + si.item(i).getURI() + " dereferenced to another node than expected");
                }
            }
        } catch (XMLSecurityException e) {
            throw new SignatureException(SignatureException.MALFORMED, "references could not be read", e);
        }
    }

    private static List<X509Certificate> presentedCertificates(Element signature) {
        List<X509Certificate> out = new ArrayList<>();
        Element keyInfo = null;
        for (Node n = signature.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG.equals(e.getNamespaceURI()) && "KeyInfo".equals(e.getLocalName())) {
                keyInfo = e;
            }
        }
        if (keyInfo == null) {
            return out;
        }
        NodeList certs = keyInfo.getElementsByTagNameNS(DSIG, "X509Certificate");
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < certs.getLength() && i < 10; i++) {
                byte[] der = Base64.getMimeDecoder().decode(certs.item(i).getTextContent());
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SignatureException(SignatureException.MALFORMED, "KeyInfo holds an unreadable certificate", e);
        }
        return out;
    }


    /** Builds an {@link XmlSignatureVerifier}. */
    public static final class Builder {
        private final SignatureTrust trust;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();

        private Builder(SignatureTrust trust) {
            this.trust = Objects.requireNonNull(trust, "trust == null");
        }

        /** The algorithm allow-list; default {@link AlgorithmPolicy#defaults()}. */
        public Builder policy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** The verifier. */
        public XmlSignatureVerifier build() {
            return new XmlSignatureVerifier(this);
        }
    }
}
