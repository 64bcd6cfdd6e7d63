package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.DigestAlgorithm;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.xml.security.algorithms.implementations.SignatureECDSA;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The direct verification path: a ds:Signature of the shape the SDK itself writes and Serviceplatformen uses, read
 * from the DOM and verified without Santuario's object model. Reference digests are computed over
 * {@link ExclusiveC14n}'s output (exclusive c14n with or without an InclusiveNamespaces prefix list, after the
 * enveloped-signature transform where present, or the STR-Transform's token), SignedInfo is canonicalised the same way
 * and verified with a fresh JCA engine.
 *
 * <p>{@link #parse} declines (returns null) anything whose outcome it cannot reproduce exactly as Santuario computes
 * it: another element order, an unknown algorithm or transform chain, comments kept in SignedInfo's canonical form, an
 * ID that Santuario would resolve differently or find ambiguous, a tree {@code ExclusiveC14n} does not handle. The
 * caller then verifies with Santuario. Everything else (the signature value, the digests, failures such as an
 * STR-Transform naming no token or a digest that is not Base64) is computed here, with Santuario's semantics:
 * failures are reported when the value is checked, as Santuario reports them.
 */
public final class DirectSignature implements ParsedSignature {
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EC = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** The most references a signature may have (the verifier refuses more). */
    public static final int MAX_REFERENCES = 30;
    /** The most transforms a reference may have (the verifier refuses more). */
    public static final int MAX_TRANSFORMS = 5;
    private static final SignatureAlgorithm[] SIGNATURE_ALGORITHMS = SignatureAlgorithm.values();
    private static final DigestAlgorithm[] DIGEST_ALGORITHMS = DigestAlgorithm.values();

    /** One reference: what the verifier reads, and the digest outcome. */
    private record Ref(String type, String digestMethod, List<String> transforms, String uri, Element target,
            byte[] computed, boolean failed, String digestValue) {
    }

    private final String c14nMethod;
    private final SignatureAlgorithm algorithm;
    private final List<Ref> refs;
    private final byte[] signedInfo;
    private final String signatureValue;

    private DirectSignature(String c14nMethod, SignatureAlgorithm algorithm, List<Ref> refs, byte[] signedInfo,
            String signatureValue) {
        this.c14nMethod = c14nMethod;
        this.algorithm = algorithm;
        this.refs = refs;
        this.signedInfo = signedInfo;
        this.signatureValue = signatureValue;
    }

    /**
     * Reads {@code signature} (a ds:Signature of a document whose IDs {@code ids} registered) and computes its
     * canonical SignedInfo and reference digests; null when this path declines it.
     */
    public static DirectSignature parse(Element signature, IdRegistry ids) {
        try {
            return read(signature, ids);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static DirectSignature read(Element signature, IdRegistry ids) throws GeneralSecurityException {
        List<Element> parts = elements(signature);
        if (parts.size() < 2 || parts.size() > 3 || !isDs(parts.get(0), "SignedInfo")
                || !isDs(parts.get(1), "SignatureValue") || (parts.size() == 3 && !isDs(parts.get(2), "KeyInfo"))) {
            return null;
        }
        Element si = parts.get(0);
        List<Element> siParts = elements(si);
        if (siParts.size() < 3 || siParts.size() - 2 > MAX_REFERENCES || !isDs(siParts.get(0), "CanonicalizationMethod")
                || !isDs(siParts.get(1), "SignatureMethod")) {
            return null;
        }
        Element c14n = siParts.get(0);
        String c14nMethod = algorithm(c14n);
        List<String> siPrefixes = inclusivePrefixes(c14n);
        if (!AlgorithmPolicy.EXC_C14N.equals(c14nMethod) || siPrefixes == null) {
            return null;
        }
        SignatureAlgorithm method = signatureAlgorithm(algorithm(siParts.get(1)));
        if (method == null || firstElement(siParts.get(1)) != null) {
            return null;
        }
        List<Ref> refs = new ArrayList<>();
        for (int i = 2; i < siParts.size(); i++) {
            Element ref = siParts.get(i);
            if (!isDs(ref, "Reference")) {
                return null;
            }
            Ref r = reference(ref, signature, ids);
            if (r == null) {
                return null;
            }
            refs.add(r);
        }
        ByteSink sink = ByteSink.forThisThread();
        if (!ExclusiveC14n.canonicalize(si, siPrefixes, null, sink)) {
            return null;
        }
        byte[] signedInfo = sink.toByteArray();
        if (siPrefixes.isEmpty()) {
            // WS-Security's replay key is the SHA-256 of this very form
            VerificationScope.rememberCanonicalForm(si, signedInfo);
        }
        return new DirectSignature(c14nMethod, method, refs, signedInfo, text(parts.get(1)));
    }

    /** One Reference; null to decline. */
    private static Ref reference(Element ref, Element signature, IdRegistry ids) throws GeneralSecurityException {
        List<Element> children = elements(ref);
        if (children.size() != 3 || !isDs(children.get(0), "Transforms") || !isDs(children.get(1), "DigestMethod")
                || !isDs(children.get(2), "DigestValue")) {
            return null;
        }
        List<Element> transformEls = elements(children.get(0));
        if (transformEls.isEmpty() || transformEls.size() > MAX_TRANSFORMS) {
            return null;
        }
        List<String> transforms = new ArrayList<>(transformEls.size());
        for (Element t : transformEls) {
            if (!isDs(t, "Transform")) {
                return null;
            }
            transforms.add(algorithm(t));
        }
        String digestMethod = algorithm(children.get(1));
        DigestAlgorithm digest = digest(digestMethod);
        if (digest == null) {
            return null;
        }
        // The chains the SDK writes and Serviceplatformen uses; anything else goes to Santuario.
        boolean str = transforms.size() == 1 && AlgorithmPolicy.STR_TRANSFORM.equals(transforms.get(0));
        boolean enveloped = transforms.size() == 2 && AlgorithmPolicy.ENVELOPED.equals(transforms.get(0))
                && firstElement(transformEls.get(0)) == null;
        Element c14nTransform = transformEls.get(transformEls.size() - 1);
        List<String> prefixes = List.of();
        if (!str) {
            if (transforms.size() != (enveloped ? 2 : 1) || !isExclusive(transforms.get(transforms.size() - 1))) {
                return null;
            }
            prefixes = inclusivePrefixes(c14nTransform);
            if (prefixes == null) {
                return null;
            }
        }
        String uri = ref.getAttributeNS(null, "URI");
        String type = ref.getAttributeNS(null, "Type");
        String digestValue = text(children.get(2));
        String id = uri.length() > 1 && uri.startsWith("#") && !uri.startsWith("#xpointer(") ? uri.substring(1) : null;
        Element target = id != null ? ids.get(id) : null;
        if (target == null) {
            // The verifier refuses this reference before any digest is needed.
            return new Ref(type, digestMethod, transforms, uri, null, null, true, digestValue);
        }
        if (!ids.isPlain() || !id.equals(id.trim()) || id.startsWith("#")
                || target.getOwnerDocument().getElementById(id) != target
                || (enveloped && target == signature)) {
            return null;
        }
        byte[] computed;
        if (str) {
            Element token;
            try {
                token = StrTransform.tokenFor(transformEls.get(0), target);
            } catch (IllegalArgumentException e) {
                return new Ref(type, digestMethod, transforms, uri, target, null, true, digestValue);
            }
            // The verified-token cache key is this very digest when the reference uses SHA-256.
            computed = digest == DigestAlgorithm.SHA256 ? VerificationScope.canonicalSha256(token) : null;
            if (computed == null) {
                computed = ExclusiveC14n.digest(token, digest);
            }
        } else if (enveloped && prefixes.isEmpty() && VerificationScope.isOpen(target.getOwnerDocument())) {
            computed = envelopedDigest(target, signature, digest);
        } else {
            computed = ExclusiveC14n.digest(target, prefixes, enveloped ? signature : null, digest);
        }
        if (computed == null) {
            return null;
        }
        return new Ref(type, digestMethod, transforms, uri, target, computed, false, digestValue);
    }

    /**
     * The enveloped-signature digest of {@code target} inside a {@link VerificationScope}: the target's full canonical
     * form with the signature's bytes cut out. The full form is taken from the scope (the verified-token cache key) or
     * written here and left in the scope, where the STR-Transform reference to the same token finds it.
     */
    private static byte[] envelopedDigest(Element target, Element signature, DigestAlgorithm digest)
            throws GeneralSecurityException {
        byte[] computed = VerificationScope.digestLeavingOut(target, signature, digest);
        if (computed != null) {
            return computed;
        }
        ByteSink sink = ByteSink.forThisThread();
        try {
            int[] range = ExclusiveC14n.canonicalizeMarking(target, signature, sink);
            if (range == null) {
                return ExclusiveC14n.digest(target, List.of(), signature, digest);
            }
            MessageDigest md = Engines.digest(digest);
            sink.updateDigestCutting(md, range[0], range[1]);
            computed = md.digest();
            VerificationScope.rememberCanonical(target, sink.toByteArray(), signature, range, null);
            return computed;
        } finally {
            sink.reset();
        }
    }

    @Override
    public String canonicalizationMethod() {
        return c14nMethod;
    }

    @Override
    public String signatureMethod() {
        return algorithm.uri();
    }

    @Override
    public int references() {
        return refs.size();
    }

    @Override
    public boolean referencesManifestOrObject(int i) {
        String type = refs.get(i).type();
        return (DSIG + "Manifest").equals(type) || (DSIG + "Object").equals(type);
    }

    @Override
    public String digestMethod(int i) {
        return refs.get(i).digestMethod();
    }

    @Override
    public List<String> transforms(int i) {
        return refs.get(i).transforms();
    }

    @Override
    public String uri(int i) {
        return refs.get(i).uri();
    }

    @Override
    public Element resolved(int i) {
        return refs.get(i).target();
    }

    @Override
    public boolean checkSignatureValue(PublicKey key) throws GeneralSecurityException, java.io.IOException {
        Signature engine = Engines.verifier(algorithm);
        engine.initVerify(key);
        engine.update(signedInfo);
        byte[] value = decodeAsSantuario(signatureValue);
        if (Engines.isEcdsa(algorithm)) {
            value = SignatureECDSA.convertXMLDSIGtoASN1(value);
        }
        if (!engine.verify(value)) {
            return false;
        }
        return verifyReferences();
    }

    /** Santuario's order: every reference is processed; one that cannot be throws, else all digests must match. */
    private boolean verifyReferences() throws GeneralSecurityException {
        boolean all = true;
        for (Ref r : refs) {
            if (r.failed()) {
                throw new GeneralSecurityException("reference " + r.uri() + " could not be processed");
            }
            all &= digestMatches(r.digestValue(), r.computed());
        }
        return all;
    }

    /**
     * Whether the DigestValue text holds {@code computed}: the text is compared with the plain Base64 of the digest
     * first (what signers write), and only a text that differs from it is decoded as Santuario decodes it (MIME Base64,
     * which skips line breaks and other characters outside the alphabet) and compared byte for byte.
     */
    static boolean digestMatches(String digestValue, byte[] computed) {
        if (isPlainBase64Of(digestValue, computed)) {
            return true;
        }
        return MessageDigest.isEqual(Base64.getMimeDecoder().decode(digestValue), computed);
    }

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** Whether {@code text} is exactly the padded Base64 ({@code java.util.Base64.getEncoder()}) of {@code bytes}. */
    static boolean isPlainBase64Of(String text, byte[] bytes) {
        int n = bytes.length;
        if (text.length() != (n + 2) / 3 * 4) {
            return false;
        }
        int t = 0;
        int i = 0;
        for (; i + 3 <= n; i += 3, t += 4) {
            int v = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
            if (text.charAt(t) != ALPHABET[v >>> 18] || text.charAt(t + 1) != ALPHABET[v >>> 12 & 0x3F]
                    || text.charAt(t + 2) != ALPHABET[v >>> 6 & 0x3F] || text.charAt(t + 3) != ALPHABET[v & 0x3F]) {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        int v = (bytes[i] & 0xFF) << 16 | (i + 1 < n ? (bytes[i + 1] & 0xFF) << 8 : 0);
        return text.charAt(t) == ALPHABET[v >>> 18] && text.charAt(t + 1) == ALPHABET[v >>> 12 & 0x3F]
                && text.charAt(t + 2) == (i + 1 < n ? ALPHABET[v >>> 6 & 0x3F] : '=') && text.charAt(t + 3) == '=';
    }

    /**
     * A SignatureValue text decoded as Santuario decodes it (MIME Base64: line breaks and other characters outside the
     * alphabet skipped). Text without whitespace is tried with the plain decoder first, which gives the same bytes
     * wherever it accepts the text and costs a fraction of the MIME decoder's per-character scan.
     */
    static byte[] decodeAsSantuario(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf(' ') < 0 && text.indexOf('\t') < 0) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                // another character outside the alphabet, or padding the plain decoder refuses: decoded below
            }
        }
        return Base64.getMimeDecoder().decode(text);
    }

    @Override
    public boolean referencesIntact() {
        try {
            return verifyReferences();
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void checkDereferencedNodes(List<Element> signed) {
        // parse() resolved every reference through the IdRegistry and accepted only IDs that Santuario's resolver
        // maps to the same element; nothing else was dereferenced.
    }

    /** The method with this URI if {@link Engines#signature} has an engine for it (not RSASSA-PSS), else null. */
    private static SignatureAlgorithm signatureAlgorithm(String uri) {
        for (SignatureAlgorithm a : SIGNATURE_ALGORITHMS) {
            if (a.uri().equals(uri)) {
                return Engines.isRsaPkcs1(a) || Engines.isEcdsa(a) ? a : null;
            }
        }
        return null;
    }

    private static DigestAlgorithm digest(String uri) {
        for (DigestAlgorithm d : DIGEST_ALGORITHMS) {
            if (d.uri().equals(uri)) {
                return d;
            }
        }
        return null;
    }

    private static boolean isExclusive(String uri) {
        // For a same-document reference Santuario drops comments with either variant.
        return AlgorithmPolicy.EXC_C14N.equals(uri) || AlgorithmPolicy.EXC_C14N_WITH_COMMENTS.equals(uri);
    }

    /**
     * The InclusiveNamespaces prefix list of a canonicalization element ("" for {@code #default}): empty without one;
     * null (decline) for any other child element, or for the prefixes {@code xml} and {@code xmlns}.
     */
    private static List<String> inclusivePrefixes(Element c14n) {
        if (firstElement(c14n) == null) {
            return List.of();
        }
        List<Element> children = elements(c14n);
        Element in = children.get(0);
        if (children.size() != 1 || !EC.equals(in.getNamespaceURI()) || !"InclusiveNamespaces".equals(in.getLocalName())) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String p : in.getAttributeNS(null, "PrefixList").split("\\s")) {
            if (p.equals("xml") || p.equals("xmlns")) {
                return null;
            }
            if (!p.isEmpty()) {
                out.add(p.equals("#default") ? "" : p);
            }
        }
        return out;
    }

    private static String algorithm(Element e) {
        return e.getAttributeNS(null, "Algorithm");
    }

    private static boolean isDs(Element e, String localName) {
        return DSIG.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) n;
            }
        }
        return null;
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>(4);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The concatenated text-node children, as Santuario reads DigestValue and SignatureValue. */
    private static String text(Element e) {
        Node only = e.getFirstChild();
        if (only != null && only.getNextSibling() == null) {
            return only.getNodeType() == Node.TEXT_NODE ? only.getNodeValue() : "";
        }
        StringBuilder b = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                b.append(n.getNodeValue());
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "DirectSignature[" + algorithm.uri() + ", " + refs.size() + " references, signedInfo "
                + signedInfo.length + " bytes]";
    }
}
