package dk.rammearkitektur.signing;

import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The allow-list of algorithms a signature may use, set per endpoint. {@link #defaults()} accepts the SHA-256
 * family (RSA and ECDSA with SHA-256/384/512), exclusive canonicalization, the enveloped-signature transform, the
 * WS-Security STR-Transform and RSA keys of at least 2048 bits. SHA-1, inclusive canonicalization and XPath transforms are refused unless a
 * {@link #builder()} opts in; XSLT, HMAC and MD5 are never accepted. Immutable and thread-safe.
 */
public final class AlgorithmPolicy {
    /** Exclusive XML canonicalization without comments. */
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** Exclusive XML canonicalization with comments. */
    public static final String EXC_C14N_WITH_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
    /** Inclusive canonical XML 1.0, refused by default. */
    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    /** Inclusive canonical XML 1.1, refused by default. */
    public static final String C14N11 = "http://www.w3.org/2006/12/xml-c14n11";
    /** The enveloped-signature transform. */
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    /**
     * The WS-Security STR-Transform (a reference to a {@code wsse:SecurityTokenReference} that digests the token it
     * names), allowed by default: token policies with ProtectTokens demand it. Only a SAML 2.0 KeyIdentifier and
     * exclusive canonicalization are accepted as its input and parameter.
     */
    public static final String STR_TRANSFORM =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform";
    /** The XPath filter transform, refused by default. */
    public static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    /** The XPath Filter 2.0 transform, refused by default. */
    public static final String XPATH2 = "http://www.w3.org/2002/06/xmldsig-filter2";

    private static final AlgorithmPolicy DEFAULTS = builder().build();

    private final Set<String> signatureMethods;
    private final Set<String> digestMethods;
    private final Set<String> canonicalizations;
    private final Set<String> transforms;
    private final int minimumRsaKeyBits;
    private final boolean sha1Allowed;

    private AlgorithmPolicy(Builder b) {
        this.signatureMethods = Set.copyOf(b.signatureMethods);
        this.digestMethods = Set.copyOf(b.digestMethods);
        this.canonicalizations = Set.copyOf(b.canonicalizations);
        this.transforms = Set.copyOf(b.transforms);
        this.minimumRsaKeyBits = b.minimumRsaKeyBits;
        this.sha1Allowed = b.sha1;
    }

    /** The default policy: SHA-256 family, exclusive c14n, enveloped transform, RSA keys of 2048 bits or more. */
    public static AlgorithmPolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the signature method URI is allowed. */
    public boolean allowsSignatureMethod(String uri) {
        return uri != null && signatureMethods.contains(uri);
    }

    /** Whether the digest method URI is allowed. */
    public boolean allowsDigestMethod(String uri) {
        return uri != null && digestMethods.contains(uri);
    }

    /** Whether the canonicalization method URI is allowed (for SignedInfo and as a reference transform). */
    public boolean allowsCanonicalization(String uri) {
        return uri != null && canonicalizations.contains(uri);
    }

    /** Whether the transform URI is allowed in a reference. */
    public boolean allowsTransform(String uri) {
        return uri != null && (transforms.contains(uri) || canonicalizations.contains(uri));
    }

    /** Whether SHA-1 was explicitly allowed (also for certificate signatures). */
    public boolean sha1Allowed() {
        return sha1Allowed;
    }

    /** The smallest RSA modulus accepted, in bits. */
    public int minimumRsaKeyBits() {
        return minimumRsaKeyBits;
    }

    /** Throws {@link SignatureException} ({@value SignatureException#ALGORITHM_REFUSED}) unless the method is allowed. */
    public void checkSignatureMethod(String uri) {
        if (!allowsSignatureMethod(uri)) {
            throw refused("signature method", uri);
        }
    }

    /** Throws {@link SignatureException} ({@value SignatureException#ALGORITHM_REFUSED}) unless the digest is allowed. */
    public void checkDigestMethod(String uri) {
        if (!allowsDigestMethod(uri)) {
            throw refused("digest method", uri);
        }
    }

    /** Throws {@link SignatureException} ({@value SignatureException#ALGORITHM_REFUSED}) unless the c14n is allowed. */
    public void checkCanonicalization(String uri) {
        if (!allowsCanonicalization(uri)) {
            throw refused("canonicalization method", uri);
        }
    }

    /** Throws {@link SignatureException} ({@value SignatureException#ALGORITHM_REFUSED}) unless the transform is allowed. */
    public void checkTransform(String uri) {
        if (!allowsTransform(uri)) {
            throw refused("transform", uri);
        }
    }

    /**
     * Throws {@link SignatureException} ({@value SignatureException#ALGORITHM_REFUSED}) for an RSA key shorter than
     * {@link #minimumRsaKeyBits()} or an EC key shorter than 256 bits.
     */
    public void checkKey(PublicKey key) {
        Objects.requireNonNull(key, "key == null");
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < minimumRsaKeyBits) {
            throw new SignatureException(SignatureException.ALGORITHM_REFUSED,
                    "RSA key of " + rsa.getModulus().bitLength() + " bits refused: at least " + minimumRsaKeyBits + " required");
        }
        if (key instanceof ECKey ec && ec.getParams().getOrder().bitLength() < 256) {
            throw new SignatureException(SignatureException.ALGORITHM_REFUSED, "EC key shorter than 256 bits refused");
        }
    }

    /** Whether a certificate signature algorithm (a JCA name such as {@code SHA256withRSA}) is acceptable. */
    public boolean allowsCertificateSignature(String jcaName) {
        String n = jcaName == null ? "" : jcaName.toUpperCase(Locale.ROOT);
        if (n.contains("MD5") || n.contains("MD2") || n.isEmpty()) {
            return false;
        }
        return sha1Allowed || !(n.startsWith("SHA1") || n.contains("SHA-1") || n.equals("1.2.840.113549.1.1.5"));
    }

    private static SignatureException refused(String what, String uri) {
        return new SignatureException(SignatureException.ALGORITHM_REFUSED,
                what + " refused by the algorithm policy: "
                        + (uri == null ? "(none)" : uri.length() > 120 ? uri.substring(0, 120) + "..." : uri));
    }

    @Override
    public String toString() {
        return "AlgorithmPolicy[signatureMethods=" + signatureMethods.size() + ", sha1=" + sha1Allowed
                + ", minimumRsaKeyBits=" + minimumRsaKeyBits + "]";
    }

    /** Builds an {@link AlgorithmPolicy}; starts from the defaults. */
    public static final class Builder {
        private final Set<String> signatureMethods = new LinkedHashSet<>();
        private final Set<String> digestMethods = new LinkedHashSet<>();
        private final Set<String> canonicalizations = new LinkedHashSet<>();
        private final Set<String> transforms = new LinkedHashSet<>();
        private int minimumRsaKeyBits = 2048;
        private boolean sha1;

        private Builder() {
            for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
                if (a.digest() != DigestAlgorithm.SHA1) {
                    signatureMethods.add(a.uri());
                }
            }
            digestMethods.add(DigestAlgorithm.SHA256.uri());
            digestMethods.add(DigestAlgorithm.SHA384.uri());
            digestMethods.add(DigestAlgorithm.SHA512.uri());
            canonicalizations.add(EXC_C14N);
            canonicalizations.add(EXC_C14N_WITH_COMMENTS);
            transforms.add(ENVELOPED);
            transforms.add(STR_TRANSFORM);
        }

        /** Allows RSA-SHA1 signatures and SHA-1 digests (and SHA-1 certificate signatures); legacy endpoints only. */
        public Builder allowSha1() {
            sha1 = true;
            signatureMethods.add(SignatureAlgorithm.RSA_SHA1.uri());
            digestMethods.add(DigestAlgorithm.SHA1.uri());
            return this;
        }

        /** Allows inclusive canonicalization (C14N 1.0 and 1.1, without comments). */
        public Builder allowInclusiveCanonicalization() {
            canonicalizations.add(C14N);
            canonicalizations.add(C14N11);
            return this;
        }

        /** Allows the XPath and XPath Filter 2.0 transforms. XSLT stays refused. */
        public Builder allowXPathTransforms() {
            transforms.add(XPATH);
            transforms.add(XPATH2);
            return this;
        }

        /** Restricts signature methods to exactly these. */
        public Builder signatureMethods(SignatureAlgorithm... allowed) {
            signatureMethods.clear();
            for (SignatureAlgorithm a : allowed) {
                if (a.digest() == DigestAlgorithm.SHA1 && !sha1) {
                    throw new IllegalArgumentException("call allowSha1() before allowing " + a);
                }
                signatureMethods.add(a.uri());
            }
            return this;
        }

        /** Sets the smallest RSA modulus accepted; at least 1024. */
        public Builder minimumRsaKeyBits(int bits) {
            if (bits < 1024) {
                throw new IllegalArgumentException("minimumRsaKeyBits must be at least 1024, was " + bits);
            }
            this.minimumRsaKeyBits = bits;
            return this;
        }

        /** The immutable policy. */
        public AlgorithmPolicy build() {
            return new AlgorithmPolicy(this);
        }
    }
}
