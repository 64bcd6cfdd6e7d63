package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.DigestAlgorithm;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.EnumMap;
import java.util.Map;

/**
 * JCA engines for the signing and verification hot paths: per-thread message digests and verification engines (no
 * provider look-up per message; a verification engine holds only a public key), and signing engines, which are created
 * per use and never cached, because an initialised engine keeps its private key.
 */
public final class Engines {
    private static final ThreadLocal<Map<DigestAlgorithm, MessageDigest>> DIGESTS =
            ThreadLocal.withInitial(() -> new EnumMap<>(DigestAlgorithm.class));

    private static final ThreadLocal<Map<SignatureAlgorithm, Signature>> VERIFIERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(SignatureAlgorithm.class));

    private Engines() {
    }

    /** This thread's digest engine for {@code algorithm}, reset. */
    public static MessageDigest digest(DigestAlgorithm algorithm) throws NoSuchAlgorithmException {
        MessageDigest md = DIGESTS.get().get(algorithm);
        if (md == null) {
            md = MessageDigest.getInstance(jcaName(algorithm));
            DIGESTS.get().put(algorithm, md);
        } else {
            md.reset();
        }
        return md;
    }

    /** A new signature engine for {@code algorithm} (RSA PKCS#1 v1.5 methods only); call initSign first. */
    public static Signature rsaSignature(SignatureAlgorithm algorithm) throws NoSuchAlgorithmException {
        if (!isRsaPkcs1(algorithm)) {
            throw new NoSuchAlgorithmException(algorithm + " is not an RSA PKCS#1 v1.5 method");
        }
        return Signature.getInstance(jcaName(algorithm));
    }

    /**
     * A new signature engine for {@code algorithm}, an RSA PKCS#1 v1.5 or an ECDSA method (ECDSA values in the JCA's
     * DER form, not XML-DSig's); call initSign or initVerify first.
     */
    public static Signature signature(SignatureAlgorithm algorithm) throws NoSuchAlgorithmException {
        return Signature.getInstance(jcaName(algorithm));
    }

    /**
     * This thread's engine for verifying {@code algorithm} (an RSA PKCS#1 v1.5 or an ECDSA method, as
     * {@link #signature(SignatureAlgorithm)}); call initVerify, then update and verify, with nothing in between that
     * could verify on this thread. It is never initialised for signing, so it never holds a private key.
     */
    public static Signature verifier(SignatureAlgorithm algorithm) throws NoSuchAlgorithmException {
        Map<SignatureAlgorithm, Signature> engines = VERIFIERS.get();
        Signature engine = engines.get(algorithm);
        if (engine == null) {
            engine = signature(algorithm);
            engines.put(algorithm, engine);
        }
        return engine;
    }

    /** Whether {@link #rsaSignature(SignatureAlgorithm)} supports {@code algorithm}. */
    public static boolean isRsaPkcs1(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_SHA256, RSA_SHA384, RSA_SHA512, RSA_SHA1 -> true;
            default -> false;
        };
    }

    /** Whether {@code algorithm} is an ECDSA method ({@link #signature(SignatureAlgorithm)} supports it). */
    public static boolean isEcdsa(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512 -> true;
            default -> false;
        };
    }

    /** The JCA name of an RSA PKCS#1 v1.5 or ECDSA method; RSASSA-PSS is left to Santuario. */
    private static String jcaName(SignatureAlgorithm algorithm) throws NoSuchAlgorithmException {
        return switch (algorithm) {
            case RSA_SHA256 -> "SHA256withRSA";
            case RSA_SHA384 -> "SHA384withRSA";
            case RSA_SHA512 -> "SHA512withRSA";
            case RSA_SHA1 -> "SHA1withRSA";
            case ECDSA_SHA256 -> "SHA256withECDSA";
            case ECDSA_SHA384 -> "SHA384withECDSA";
            case ECDSA_SHA512 -> "SHA512withECDSA";
            case RSA_PSS_SHA256 -> throw new NoSuchAlgorithmException(algorithm + " is neither RSA PKCS#1 v1.5 nor ECDSA");
        };
    }

    private static String jcaName(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
            case SHA1 -> "SHA-1";
        };
    }
}
