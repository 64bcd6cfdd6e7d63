package dk.rammearkitektur.signing;

/** XML-DSig digest methods for references; whether one is accepted is decided by {@link AlgorithmPolicy}. */
public enum DigestAlgorithm {
    /** SHA-256. */
    SHA256("http://www.w3.org/2001/04/xmlenc#sha256"),
    /** SHA-384. */
    SHA384("http://www.w3.org/2001/04/xmldsig-more#sha384"),
    /** SHA-512. */
    SHA512("http://www.w3.org/2001/04/xmlenc#sha512"),
    /** SHA-1: legacy, only accepted by a policy with {@link AlgorithmPolicy.Builder#allowSha1()}. */
    SHA1("http://www.w3.org/2000/09/xmldsig#sha1");

    private final String uri;

    DigestAlgorithm(String uri) {
        this.uri = uri;
    }

    /** The XML-DSig algorithm URI. */
    public String uri() {
        return uri;
    }
}
