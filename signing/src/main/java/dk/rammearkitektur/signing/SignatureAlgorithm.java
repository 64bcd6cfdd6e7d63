package dk.rammearkitektur.signing;

import java.util.Locale;

/** XML signature methods the SDK can sign with; whether one is accepted is decided by {@link AlgorithmPolicy}. */
public enum SignatureAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-256; the default and what Serviceplatformen expects. */
    RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", DigestAlgorithm.SHA256, "RSA"),
    /** RSA PKCS#1 v1.5 with SHA-384. */
    RSA_SHA384("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", DigestAlgorithm.SHA384, "RSA"),
    /** RSA PKCS#1 v1.5 with SHA-512. */
    RSA_SHA512("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", DigestAlgorithm.SHA512, "RSA"),
    /**
     * RSASSA-PSS with SHA-256 and MGF1-SHA-256 (RFC 6931), which OIOSAML 3 identity providers may sign
     * assertions with; accepted by {@link AlgorithmPolicy#defaults()}.
     */
    RSA_PSS_SHA256("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", DigestAlgorithm.SHA256, "RSA"),
    /** ECDSA with SHA-256. */
    ECDSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", DigestAlgorithm.SHA256, "EC"),
    /** ECDSA with SHA-384. */
    ECDSA_SHA384("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", DigestAlgorithm.SHA384, "EC"),
    /** ECDSA with SHA-512. */
    ECDSA_SHA512("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", DigestAlgorithm.SHA512, "EC"),
    /** RSA with SHA-1: legacy, only accepted by a policy with {@link AlgorithmPolicy.Builder#allowSha1()}. */
    RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", DigestAlgorithm.SHA1, "RSA");

    private final String uri;
    private final DigestAlgorithm digest;
    private final String keyAlgorithm;

    SignatureAlgorithm(String uri, DigestAlgorithm digest, String keyAlgorithm) {
        this.uri = uri;
        this.digest = digest;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** The XML-DSig algorithm URI. */
    public String uri() {
        return uri;
    }

    /** The matching digest for references. */
    public DigestAlgorithm digest() {
        return digest;
    }

    /** The JCA key algorithm this method needs ({@code RSA} or {@code EC}). */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The SHA-256 method for a key of the given JCA algorithm ({@code RSA} or {@code EC}). */
    public static SignatureAlgorithm defaultFor(String keyAlgorithm) {
        String k = keyAlgorithm.toUpperCase(Locale.ROOT);
        if (k.equals("EC") || k.equals("ECDSA")) {
            return ECDSA_SHA256;
        }
        return RSA_SHA256;
    }
}
