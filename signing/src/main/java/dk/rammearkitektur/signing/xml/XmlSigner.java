package dk.rammearkitektur.signing.xml;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.DigestAlgorithm;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.internal.ByteSink;
import dk.rammearkitektur.signing.internal.Engines;
import dk.rammearkitektur.signing.internal.ExclusiveC14n;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.internal.NamespaceFixup;
import dk.rammearkitektur.signing.internal.Santuario;
import dk.rammearkitektur.signing.internal.TokenTemplate;
import dk.rammearkitektur.signing.internal.VerificationScope;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs XML elements referenced by ID with XML-DSig: exclusive canonicalization, RSA-SHA256 by default (RSA-SHA384/512
 * and ECDSA-SHA256/384/512 on request), SHA-256 digests, and the signing certificate in KeyInfo. Signed elements must
 * carry an ID attribute the SDK recognises ({@code wsu:Id}, {@code ID} or {@code Id}). Immutable and thread-safe;
 * build once and reuse.
 *
 * <pre>{@code
 * XmlSigner signer = XmlSigner.builder(credential).build();
 * signer.signEnveloped(document.getDocumentElement());
 * }</pre>
 */
public final class XmlSigner {
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    /** What the signer writes into KeyInfo. */
    public enum KeyInfoContent {
        /** The signing certificate in X509Data (the default). */
        CERTIFICATE,
        /** The whole chain in X509Data, leaf first. */
        CHAIN,
        /** No KeyInfo; the verifier must pin the certificate. */
        NONE
    }

    private final SigningCredential credential;
    private final SignatureAlgorithm algorithm;
    private final DigestAlgorithm digest;
    private final KeyInfoContent keyInfo;
    private final CanonicalParts canonicalParts;

    private XmlSigner(Builder b) {
        this.credential = b.credential;
        this.algorithm = b.algorithm;
        this.digest = b.digest;
        this.keyInfo = b.keyInfo;
        this.canonicalParts = new CanonicalParts(algorithm, digest);
    }

    /** A builder for signing with {@code credential}. */
    public static Builder builder(SigningCredential credential) {
        return new Builder(credential);
    }

    /** The credential signatures are made with. */
    public SigningCredential credential() {
        return credential;
    }

    /** The signature method used. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** Signs {@code target} with an enveloped signature appended as its last child; returns the ds:Signature. */
    public Element signEnveloped(Element target) {
        return signEnveloped(target, null);
    }

    /**
     * Signs the element of {@code document} whose ID ({@code wsu:Id}, {@code ID} or {@code Id}) is {@code id} with an
     * enveloped signature appended as its last child; returns the ds:Signature. Throws {@link ValidationException}
     * when no element has that ID.
     */
    public Element signEnveloped(Document document, String id) {
        Objects.requireNonNull(document, "document == null");
        Objects.requireNonNull(id, "id == null");
        Element target = IdRegistry.register(document).get(id);
        if (target == null) {
            throw new ValidationException("id", "no element has the ID '" + id + "' (wsu:Id, ID or Id)");
        }
        return signEnveloped(target, null);
    }

    /**
     * Signs {@code target} with an enveloped signature inserted before {@code insertBefore} (a child of
     * {@code target}, or null to append); returns the ds:Signature.
     */
    public Element signEnveloped(Element target, Node insertBefore) {
        Objects.requireNonNull(target, "target == null");
        if (insertBefore != null && insertBefore.getParentNode() != target) {
            throw new IllegalArgumentException("insertBefore must be a child of target");
        }
        return sign(target, insertBefore, List.of(target), true, null);
    }

    /**
     * Signs {@code targets} with a detached signature placed in {@code parent} before {@code insertBefore} (or
     * appended); returns the ds:Signature.
     */
    public Element signDetached(Element parent, Node insertBefore, List<Element> targets) {
        return signDetached(parent, insertBefore, targets, null);
    }

    /**
     * Like {@link #signDetached(Element, Node, List)} with {@code keyInfoContent} (e.g. a
     * {@code wsse:SecurityTokenReference}) as the only KeyInfo child instead of the certificate.
     */
    public Element signDetached(Element parent, Node insertBefore, List<Element> targets, Element keyInfoContent) {
        return signDetached(parent, insertBefore, targets, keyInfoContent, List.of());
    }

    /**
     * Like {@link #signDetached(Element, Node, List, Element)}, and also protects tokens: each of
     * {@code tokenReferences} (a {@code wsse:SecurityTokenReference} with an ID and a SAML 2.0 KeyIdentifier, in the
     * document) gets a reference with the WS-Security STR-Transform
     * ({@value dk.rammearkitektur.signing.AlgorithmPolicy#STR_TRANSFORM}; exclusive canonicalization as its
     * parameter), whose digest covers the token the reference names.
     */
    public Element signDetached(Element parent, Node insertBefore, List<Element> targets, Element keyInfoContent,
            List<Element> tokenReferences) {
        Objects.requireNonNull(parent, "parent == null");
        Objects.requireNonNull(targets, "targets == null");
        Objects.requireNonNull(tokenReferences, "tokenReferences == null");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one element must be signed");
        }
        return sign(parent, insertBefore, targets, false, keyInfoContent, tokenReferences);
    }

    private Element sign(Element parent, Node before, List<Element> targets, boolean enveloped, Element keyInfoContent) {
        return sign(parent, before, targets, enveloped, keyInfoContent, List.of());
    }

    private Element sign(Element parent, Node before, List<Element> targets, boolean enveloped, Element keyInfoContent,
            List<Element> tokenReferences) {
        Santuario.init();
        Document doc = parent.getOwnerDocument();
        NamespaceFixup.declareMissing(doc.getDocumentElement());
        List<String> ids = new ArrayList<>(targets.size());
        List<String> strIds = new ArrayList<>(tokenReferences.size());
        List<Element> tokens = new ArrayList<>(tokenReferences.size());
        // Nothing below changes the document until the tokens are resolved: within the scope, the token references
        // are resolved through this one ID scan (which refuses duplicate IDs) instead of a walk of the document each.
        try (VerificationScope scope = VerificationScope.open(doc)) {
            IdRegistry.register(doc);
            checkTargets(doc, targets, ids);
            resolveTokens(doc, tokenReferences, strIds, tokens);
        }
        if (!enveloped && Engines.isRsaPkcs1(algorithm) && !anyContains(targets, parent)) {
            List<Element> all = new ArrayList<>(targets);
            List<String> allIds = new ArrayList<>(ids);
            // an STR-Transform reference digests the token the reference names, resolved once above
            all.addAll(tokens);
            allIds.addAll(strIds);
            return signDirect(doc, parent, before, all, allIds, targets.size(), keyInfoContent);
        }
        return signWithSantuario(doc, parent, before, ids, enveloped, keyInfoContent, strIds);
    }

    private static void checkTargets(Document doc, List<Element> targets, List<String> ids) {
        for (Element target : targets) {
            String id = IdRegistry.idOf(target);
            if (id == null || id.isEmpty()) {
                throw new SignatureException(SignatureException.REFERENCE,
                        "element <" + target.getLocalName() + "> to be signed has no wsu:Id, ID or Id attribute");
            }
            if (target.getOwnerDocument() != doc) {
                throw new IllegalArgumentException("every signed element must belong to the signature's document");
            }
            ids.add(id);
        }
    }

    private static void resolveTokens(Document doc, List<Element> tokenReferences, List<String> strIds,
            List<Element> tokens) {
        for (Element str : tokenReferences) {
            String id = IdRegistry.idOf(str);
            if (id == null || id.isEmpty() || str.getOwnerDocument() != doc) {
                throw new SignatureException(SignatureException.REFERENCE,
                        "a token reference to be signed must be in the document and have a wsu:Id");
            }
            try {
                tokens.add(dk.rammearkitektur.signing.internal.StrTransform.resolve(str));
            } catch (IllegalArgumentException e) {
                throw new SignatureException(SignatureException.REFERENCE, "token reference: " + e.getMessage());
            }
            strIds.add(id);
        }
    }

    /** Whether one of {@code targets} is {@code node} or one of its ancestors. */
    private static boolean anyContains(List<Element> targets, Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (targets.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hot path for detached RSA signatures (WS-Security): each target is canonicalised (exclusive c14n without
     * comments, by {@link ExclusiveC14n}, or Santuario's canonicaliser for trees it does not handle) into a per-thread
     * buffer and digested in one update, SignedInfo is assembled as DOM with its canonical form written directly, and
     * signed with a fresh JCA engine. The output is a standard XML-DSig signature, the same one Santuario's
     * object model builds for these inputs, minus the cosmetic line breaks; nothing is re-parsed, no XPath is used.
     */
    private Element signDirect(Document doc, Element parent, Node before, List<Element> targets, List<String> ids,
            int firstStr, Element keyInfoContent) {
        Element sig = null;
        try {
            MessageDigest md = Engines.digest(digest);
            Base64.Encoder b64 = Base64.getEncoder();
            ByteSink sink = ByteSink.forThisThread();
            String[] digests = new String[targets.size()];
            for (int i = 0; i < targets.size(); i++) {
                Element target = targets.get(i);
                // A token the WS-Security signer inserted from its own copy may have been digested in the same
                // context before (TokenTemplate); anything else is canonicalised here.
                byte[] d = i < firstStr ? digest(target, md, sink)
                        : TokenTemplate.digest(target, digest, () -> digest(target, md, sink));
                digests[i] = b64.encodeToString(d);
            }
            boolean strict = doc.getStrictErrorChecking();
            doc.setStrictErrorChecking(false);
            Element value;
            try {
                sig = ds(doc, "Signature");
                sig.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DSIG);
                Element si = child(sig, "SignedInfo");
                child(si, "CanonicalizationMethod").setAttributeNS(null, "Algorithm", AlgorithmPolicy.EXC_C14N);
                child(si, "SignatureMethod").setAttributeNS(null, "Algorithm", algorithm.uri());
                for (int i = 0; i < targets.size(); i++) {
                    Element ref = child(si, "Reference");
                    ref.setAttributeNS(null, "URI", "#" + ids.get(i));
                    if (i < firstStr) {
                        child(child(ref, "Transforms"), "Transform").setAttributeNS(null, "Algorithm", AlgorithmPolicy.EXC_C14N);
                    } else {
                        Element t = child(child(ref, "Transforms"), "Transform");
                        t.setAttributeNS(null, "Algorithm", AlgorithmPolicy.STR_TRANSFORM);
                        t.appendChild(strParameters(doc));
                    }
                    child(ref, "DigestMethod").setAttributeNS(null, "Algorithm", digest.uri());
                    child(ref, "DigestValue").setTextContent(digests[i]);
                }
                value = child(sig, "SignatureValue");
                if (keyInfoContent != null) {
                    child(sig, "KeyInfo").appendChild(keyInfoContent);
                } else if (keyInfo != KeyInfoContent.NONE) {
                    Element data = child(child(sig, "KeyInfo"), "X509Data");
                    for (X509Certificate c : keyInfo == KeyInfoContent.CHAIN ? credential.chain()
                            : List.of(credential.certificate())) {
                        child(data, "X509Certificate").setTextContent(b64.encodeToString(c.getEncoded()));
                    }
                }
            } finally {
                doc.setStrictErrorChecking(strict);
            }
            parent.insertBefore(sig, before);
            sink.reset();
            writeCanonicalSignedInfo(sink, ids, digests, firstStr);
            Signature engine = Engines.rsaSignature(algorithm);
            engine.initSign(credential.privateKey());
            sink.updateSignature(engine);
            value.setTextContent(b64.encodeToString(engine.sign()));
            return sig;
        } catch (XMLSecurityException | GeneralSecurityException e) {
            if (sig != null && sig.getParentNode() == parent) {
                parent.removeChild(sig);
            }
            throw new SignatureException(SignatureException.MALFORMED, "signing failed: " + e.getMessage(), e);
        }
    }

    /** The digest of {@code target}'s exclusive canonical form, canonicalised into {@code sink}. */
    private static byte[] digest(Element target, MessageDigest md, ByteSink sink) throws XMLSecurityException {
        sink.reset();
        if (!ExclusiveC14n.canonicalize(target, sink)) {
            sink.reset();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(target, sink);
        }
        md.reset();
        sink.updateDigest(md);
        return md.digest();
    }

    /**
     * Writes the exclusive canonical form (without comments) of the SignedInfo {@link #signDirect} builds: the
     * apex element declares the only namespace used (ds), empty elements get end tags, and attribute values are
     * escaped as c14n requires. The fixed parts are this signer's {@link CanonicalParts}. Tests check it byte for byte
     * against Santuario's canonicaliser.
     */
    private void writeCanonicalSignedInfo(ByteSink out, List<String> ids, String[] digests, int firstStr) {
        CanonicalParts parts = canonicalParts;
        out.write(parts.head, 0, parts.head.length);
        for (int i = 0; i < ids.size(); i++) {
            out.write(CanonicalParts.REFERENCE_URI, 0, CanonicalParts.REFERENCE_URI.length);
            writeAttributeValue(out, ids.get(i));
            byte[] middle = i < firstStr ? parts.c14nReference : parts.strReference;
            out.write(middle, 0, middle.length);
            out.writeAscii(digests[i], 0, digests[i].length()); // Base64: ASCII
            out.write(CanonicalParts.REFERENCE_END, 0, CanonicalParts.REFERENCE_END.length);
        }
        out.write(CanonicalParts.TAIL, 0, CanonicalParts.TAIL.length);
    }

    /** Writes {@code value} escaped as a c14n attribute value, in one bulk copy when nothing needs escaping. */
    private static void writeAttributeValue(ByteSink out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == '&' || c == '<' || c == '"' || c == '\t' || c == '\n' || c == '\r') {
                StringBuilder b = new StringBuilder(value.length() + 16);
                escapeAttribute(b, value);
                byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                return;
            }
        }
        out.writeAscii(value, 0, value.length());
    }

    /**
     * The parts of {@link #writeCanonicalSignedInfo}'s output that depend only on the signer's algorithms, encoded
     * once: everything up to the first Reference, each kind of Reference between its URI and its DigestValue, and the
     * fixed ends.
     */
    private static final class CanonicalParts {
        static final byte[] REFERENCE_URI = ascii("<ds:Reference URI=\"#");
        static final byte[] REFERENCE_END = ascii("</ds:DigestValue></ds:Reference>");
        static final byte[] TAIL = ascii("</ds:SignedInfo>");
        final byte[] head;
        final byte[] c14nReference;
        final byte[] strReference;

        CanonicalParts(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
            head = ascii("<ds:SignedInfo xmlns:ds=\"" + DSIG + "\"><ds:CanonicalizationMethod Algorithm=\""
                    + AlgorithmPolicy.EXC_C14N + "\"></ds:CanonicalizationMethod><ds:SignatureMethod Algorithm=\""
                    + algorithm.uri() + "\"></ds:SignatureMethod>");
            String digestMethod = "<ds:DigestMethod Algorithm=\"" + digest.uri()
                    + "\"></ds:DigestMethod><ds:DigestValue>";
            c14nReference = ascii("\"><ds:Transforms><ds:Transform Algorithm=\"" + AlgorithmPolicy.EXC_C14N
                    + "\"></ds:Transform></ds:Transforms>" + digestMethod);
            strReference = ascii("\"><ds:Transforms><ds:Transform Algorithm=\"" + AlgorithmPolicy.STR_TRANSFORM
                    + "\"><wsse:TransformationParameters xmlns:wsse=\""
                    + dk.rammearkitektur.signing.internal.StrTransform.WSSE
                    + "\"><ds:CanonicalizationMethod Algorithm=\"" + AlgorithmPolicy.EXC_C14N
                    + "\"></ds:CanonicalizationMethod></wsse:TransformationParameters></ds:Transform></ds:Transforms>"
                    + digestMethod);
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Attribute value escaping of Canonical XML 1.0 (section 2.3). */
    static void escapeAttribute(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '"' -> b.append("&quot;");
                case '\t' -> b.append("&#x9;");
                case '\n' -> b.append("&#xA;");
                case '\r' -> b.append("&#xD;");
                default -> b.append(c);
            }
        }
    }

    /** {@code wsse:TransformationParameters} with exclusive c14n, the STR-Transform's parameter. */
    private static Element strParameters(Document doc) {
        Element params = doc.createElementNS(dk.rammearkitektur.signing.internal.StrTransform.WSSE,
                "wsse:TransformationParameters");
        params.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsse",
                dk.rammearkitektur.signing.internal.StrTransform.WSSE);
        Element c14n = ds(doc, "CanonicalizationMethod");
        c14n.setAttributeNS(null, "Algorithm", AlgorithmPolicy.EXC_C14N);
        params.appendChild(c14n);
        return params;
    }

    private static Element ds(Document doc, String localName) {
        return doc.createElementNS(DSIG, "ds:" + localName);
    }

    private static Element child(Element parent, String localName) {
        return (Element) parent.appendChild(ds(parent.getOwnerDocument(), localName));
    }

    private Element signWithSantuario(Document doc, Element parent, Node before, List<String> ids, boolean enveloped,
            Element keyInfoContent, List<String> strIds) {
        try {
            XMLSignature sig = new XMLSignature(doc, "", algorithm.uri(), AlgorithmPolicy.EXC_C14N);
            parent.insertBefore(sig.getElement(), before);
            for (String id : ids) {
                Transforms transforms = new Transforms(doc);
                if (enveloped) {
                    transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
                }
                transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
                sig.addDocument("#" + id, transforms, digest.uri());
            }
            for (String id : strIds) {
                Transforms transforms = new Transforms(doc);
                transforms.addTransform(AlgorithmPolicy.STR_TRANSFORM, strParameters(doc));
                sig.addDocument("#" + id, transforms, digest.uri());
            }
            if (keyInfoContent != null) {
                sig.getKeyInfo().addUnknownElement(keyInfoContent);
            } else if (keyInfo == KeyInfoContent.CERTIFICATE) {
                sig.addKeyInfo(credential.certificate());
            } else if (keyInfo == KeyInfoContent.CHAIN) {
                org.apache.xml.security.keys.content.X509Data data =
                        new org.apache.xml.security.keys.content.X509Data(doc);
                for (X509Certificate c : credential.chain()) {
                    data.addCertificate(c);
                }
                sig.getKeyInfo().add(data);
            }
            sig.sign(credential.privateKey());
            return sig.getElement();
        } catch (XMLSecurityException e) {
            throw new SignatureException(SignatureException.MALFORMED, "signing failed: " + e.getMessage(), e);
        }
    }

    /** Builds an {@link XmlSigner}. */
    public static final class Builder {
        private final SigningCredential credential;
        private SignatureAlgorithm algorithm;
        private DigestAlgorithm digest;
        private KeyInfoContent keyInfo = KeyInfoContent.CERTIFICATE;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();

        private Builder(SigningCredential credential) {
            this.credential = Objects.requireNonNull(credential, "credential == null");
            this.algorithm = credential.defaultAlgorithm();
        }

        /** The signature method; must fit the key type. Default RSA-SHA256 or ECDSA-SHA256 by key. */
        public Builder algorithm(SignatureAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm == null");
            return this;
        }

        /** The reference digest; default the signature method's digest. */
        public Builder digest(DigestAlgorithm digest) {
            this.digest = Objects.requireNonNull(digest, "digest == null");
            return this;
        }

        /** What goes into KeyInfo; default the signing certificate. */
        public Builder keyInfo(KeyInfoContent keyInfo) {
            this.keyInfo = Objects.requireNonNull(keyInfo, "keyInfo == null");
            return this;
        }

        /** The policy the chosen algorithms must pass (to sign SHA-1 for a legacy endpoint, allow it here). */
        public Builder policy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** The signer; throws {@link SignatureException} if the algorithms are not allowed or do not fit the key. */
        public XmlSigner build() {
            if (digest == null) {
                digest = algorithm.digest();
            }
            policy.checkSignatureMethod(algorithm.uri());
            policy.checkDigestMethod(digest.uri());
            policy.checkKey(credential.publicKey());
            String keyAlg = credential.privateKey().getAlgorithm();
            if (!keyAlg.regionMatches(true, 0, algorithm.keyAlgorithm(), 0, algorithm.keyAlgorithm().length())) {
                throw new SignatureException(SignatureException.ALGORITHM_REFUSED,
                        algorithm + " does not fit a " + keyAlg + " key");
            }
            return new XmlSigner(this);
        }
    }
}
