package dk.rammearkitektur.signing;

import dk.rammearkitektur.core.SecurityCheckException;

/**
 * An XML signature was refused: it does not verify, uses a refused algorithm, or is arranged so that it could fool
 * the caller (wrapping, duplicate IDs, missing references). {@link #reason()} names the rule, e.g.
 * {@value #INVALID}.
 */
public class SignatureException extends SecurityCheckException {
    private static final long serialVersionUID = 1L;

    /** The signature value or a reference digest does not match. */
    public static final String INVALID = "signature.invalid";
    /** An algorithm (signature, digest, canonicalization, transform) is not in the {@link AlgorithmPolicy}. */
    public static final String ALGORITHM_REFUSED = "signature.algorithm-refused";
    /** The element the caller wants to act on is not the element that was signed. */
    public static final String WRAPPING = "signature.wrapping";
    /** Two elements carry the same ID. */
    public static final String DUPLICATE_ID = "signature.duplicate-id";
    /** No signature where one is required (signature stripping). */
    public static final String MISSING = "signature.missing";
    /** A reference does not point to an element of the same document by ID. */
    public static final String REFERENCE = "signature.reference";
    /** The signing key is not trusted by the caller's trust configuration. */
    public static final String UNTRUSTED_KEY = "signature.untrusted-key";
    /** Every reference digest matches, but the signature value does not verify with the trusted key. */
    public static final String KEY_MISMATCH = "signature.key-mismatch";
    /** The signature element is malformed. */
    public static final String MALFORMED = "signature.malformed";

    /** Creates the exception with a reason code and a message. */
    public SignatureException(String reason, String message) {
        super(reason, message);
    }

    /** Creates the exception with a reason code, a message and its cause. */
    public SignatureException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
