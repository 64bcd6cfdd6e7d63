package dk.rammearkitektur.signing.xml;

import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.internal.DecodedCertificates;
import dk.rammearkitektur.signing.internal.DirectSignature;
import dk.rammearkitektur.signing.internal.Doctypes;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.internal.ParsedSignature;
import dk.rammearkitektur.signing.internal.Santuario;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
 * <p>Signatures of the shape the SDK writes (exclusive c14n, with or without an InclusiveNamespaces prefix list;
 * enveloped-signature; the STR-Transform; SHA-2 digests; RSA PKCS#1 v1.5 and ECDSA) are verified on a direct path: the
 * digests over the SDK's own exclusive canonicaliser and SignedInfo with a JCA engine, after the same checks in the
 * same order. Whatever that path cannot reproduce exactly goes through Santuario; tests compare the two verdicts on
 * random valid and tampered signatures in every build.
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
    private static final int MAX_REFERENCES = DirectSignature.MAX_REFERENCES;
    private static final int MAX_TRANSFORMS = DirectSignature.MAX_TRANSFORMS;

    private final SignatureTrust trust;
    private final AlgorithmPolicy policy;
    private final boolean direct;

    private XmlSignatureVerifier(Builder b) {
        this.trust = b.trust;
        this.policy = b.policy;
        this.direct = b.direct;
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
        // The direct path takes only the shape it writes (at most MAX_REFERENCES and MAX_TRANSFORMS, no algorithm it does
        // not know), which passes every structural rule of the pre-check: what it read goes through the pre-check's
        // policy checks in the pre-check's order, so a refusal names the same rule either way.
        ParsedSignature sig = direct ? DirectSignature.parse(signatureElement, ids) : null;
        if (sig == null) {
            precheck(signatureElement);
        }
        List<Element> signed = new ArrayList<>();
        List<Element> tokenReferences = new ArrayList<>();
        try {
            if (sig == null) {
                sig = new SantuarioSignature(new XMLSignature(signatureElement, "", true));
            }
            // What the engine read goes through the policy before any reference is looked at (on Santuario's path a
            // second time: the pre-check read the DOM itself).
            checkPolicy(sig);
            for (int i = 0; i < sig.references(); i++) {
                if (sig.referencesManifestOrObject(i)) {
                    throw new SignatureException(SignatureException.REFERENCE, "references to Manifest/Object are refused");
                }
                List<String> ts = sig.transforms(i);
                boolean str = false;
                if (ts != null) {
                    for (String t : ts) {
                        str |= AlgorithmPolicy.STR_TRANSFORM.equals(t);
                    }
                    if (str && ts.size() != 1) {
                        throw new SignatureException(SignatureException.REFERENCE,
                                "an STR-Transform reference must have no other transform");
                    }
                }
                String uri = sig.uri(i);
                if (uri == null || !uri.startsWith("#") || uri.length() < 2 || uri.startsWith("#xpointer(")) {
                    throw new SignatureException(SignatureException.REFERENCE,
                            "reference URI must be a same-document ID reference (#id), was '" + uri + "'");
                }
                Element target = sig.resolved(i);
                if (target == null) {
                    target = ids.get(uri.substring(1));
                }
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
        } catch (Exception e) {
            throw unreadable(e);
        }
        List<X509Certificate> candidates = trusted != null ? List.of(trusted)
                : trust.trustedCandidates(presentedCertificates(signatureElement));
        X509Certificate verifiedBy = null;
        for (X509Certificate c : candidates) {
            PublicKey key = c.getPublicKey();
            policy.checkKey(key);
            try {
                if (sig.checkSignatureValue(key)) {
                    verifiedBy = c;
                    break;
                }
            } catch (Exception e) {
                throw new SignatureException(SignatureException.INVALID,
                        "signature does not verify: the signature value or a referenced element could not be processed", e);
            }
        }
        if (verifiedBy == null) {
            if (sig.referencesIntact()) {
                throw new SignatureException(SignatureException.KEY_MISMATCH,
                        "the signed content is intact but the signature value does not verify with the trusted key");
            }
            throw new SignatureException(SignatureException.INVALID,
                    "signature does not verify with the trusted key (signature value or a digest differs)");
        }
        sig.checkDereferencedNodes(signed);
        return new VerifiedSignature(signatureElement, verifiedBy, signed, sig.signatureMethod(), tokenReferences);
    }

    /** Santuario's object model behind {@link ParsedSignature}: what the verifier falls back to. */
    private static final class SantuarioSignature implements ParsedSignature {
        private final XMLSignature sig;
        private final SignedInfo si;

        SantuarioSignature(XMLSignature sig) {
            this.sig = sig;
            this.si = sig.getSignedInfo();
        }

        @Override
        public String canonicalizationMethod() {
            return si.getCanonicalizationMethodURI();
        }

        @Override
        public String signatureMethod() {
            return si.getSignatureMethodURI();
        }

        @Override
        public int references() {
            return si.getLength();
        }

        @Override
        public boolean referencesManifestOrObject(int i) throws XMLSecurityException {
            Reference ref = si.item(i);
            return ref.typeIsReferenceToManifest() || ref.typeIsReferenceToObject();
        }

        @Override
        public String digestMethod(int i) throws XMLSecurityException {
            return si.item(i).getMessageDigestAlgorithm().getAlgorithmURI();
        }

        @Override
        public List<String> transforms(int i) throws XMLSecurityException {
            Transforms ts = si.item(i).getTransforms();
            if (ts == null) {
                return null;
            }
            List<String> out = new ArrayList<>(ts.getLength());
            for (int t = 0; t < ts.getLength(); t++) {
                out.add(ts.item(t).getURI());
            }
            return out;
        }

        @Override
        public String uri(int i) throws XMLSecurityException {
            return si.item(i).getURI();
        }

        @Override
        public boolean checkSignatureValue(PublicKey key) throws XMLSecurityException {
            return sig.checkSignatureValue(key);
        }

        @Override
        public boolean referencesIntact() {
            try {
                return si.verify(false);
            } catch (XMLSecurityException | RuntimeException e) {
                return false;
            }
        }

        /** Santuario dereferenced the references itself; make sure it saw the very nodes we return. */
        @Override
        public void checkDereferencedNodes(List<Element> signed) {
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

    /** {@link #precheck}'s policy checks, in its order, on what an engine read of the signature. */
    private void checkPolicy(ParsedSignature sig) {
        policy.checkCanonicalization(sig.canonicalizationMethod());
        policy.checkSignatureMethod(sig.signatureMethod());
        try {
            for (int i = 0; i < sig.references(); i++) {
                policy.checkDigestMethod(sig.digestMethod(i));
                List<String> ts = sig.transforms(i);
                for (String t : ts == null ? List.<String>of() : ts) {
                    policy.checkTransform(t);
                }
            }
        } catch (SignatureException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(e);
        }
    }

    /**
     * What the pre-check lets through but the engine still cannot read; its own text (indexes, class names) stays in
     * the cause, out of the message.
     */
    private static SignatureException unreadable(Exception e) {
        return new SignatureException(SignatureException.MALFORMED,
                "signature refused: ds:SignedInfo could not be processed as an XML-DSig structure", e);
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
        String algorithm = e.getAttribute("Algorithm"); // "" when absent
        if (algorithm.isBlank()) {
            throw new SignatureException(SignatureException.MALFORMED, e.getLocalName() + "@Algorithm: must be present");
        }
        return algorithm;
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
            for (int i = 0; i < certs.getLength() && i < 10; i++) {
                out.add(DecodedCertificates.decode(certs.item(i).getTextContent()));
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
        private boolean direct = true;

        private Builder(SignatureTrust trust) {
            this.trust = Objects.requireNonNull(trust, "trust == null");
        }

        /** The algorithm allow-list; default {@link AlgorithmPolicy#defaults()}. */
        public Builder policy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** Whether the direct path may be used (default true); false verifies every signature with Santuario (tests). */
        Builder direct(boolean direct) {
            this.direct = direct;
            return this;
        }

        /** The verifier. */
        public XmlSignatureVerifier build() {
            return new XmlSignatureVerifier(this);
        }
    }
}
