package dk.rammearkitektur.signing.xml;

import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.signing.internal.Names;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import javax.security.auth.x500.X500Principal;

/**
 * Which keys a verifier trusts: pinned certificates (e.g. the STS's signing certificate), certificates that a
 * {@link CertificateValidator} accepts (chains to OCES trust anchors), or either. A certificate that merely appears in
 * a signature's KeyInfo is never trusted by itself.
 *
 * <p>Chain validation alone answers "some valid certificate signed this", so the signer's identity is the
 * certificate, never a name written inside the signed document. Where a document names its signer (a SAML Issuer),
 * use a <em>bound</em> trust: {@link #pinned pinned} certificates, or a validated chain whose signing certificate
 * has the configured subject ({@link #validatedSubject}), key ({@link #validatedKey}) or SHA-256 fingerprint
 * ({@link #validatedFingerprint}). {@link #validatedBy} and {@link #pinnedOrValidatedBy} are unbound and are
 * refused where a name must be bound to the key ({@link #isBoundToSigner()}).
 */
public final class SignatureTrust {
    private final List<X509Certificate> pinned;
    private final CertificateValidator validator;
    private final Predicate<X509Certificate> signer;
    private final String signerDescription;

    private SignatureTrust(List<X509Certificate> pinned, CertificateValidator validator, Predicate<X509Certificate> signer,
            String signerDescription) {
        this.pinned = pinned;
        this.validator = validator;
        this.signer = signer;
        this.signerDescription = signerDescription;
    }

    /** Trusts exactly these certificates (compared in full, not by name). */
    public static SignatureTrust pinned(X509Certificate... certificates) {
        return pinned(List.of(certificates));
    }

    /** Trusts exactly these certificates (compared in full, not by name). */
    public static SignatureTrust pinned(List<X509Certificate> certificates) {
        Objects.requireNonNull(certificates, "certificates == null");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("at least one pinned certificate is required");
        }
        return new SignatureTrust(List.copyOf(certificates), null, null, null);
    }

    /**
     * Trusts no key at all: for a verifier used only with
     * {@link XmlSignatureVerifier#verifyWithTrustedCertificate(org.w3c.dom.Element, X509Certificate)}, where the
     * caller has established the key by other means.
     */
    public static SignatureTrust nothing() {
        return new SignatureTrust(List.of(), null, null, null);
    }

    /**
     * Trusts a certificate presented in KeyInfo when the validator accepts it (with the other KeyInfo certificates).
     * Unbound: any certificate the validator accepts may sign, so the signer is whoever the verified certificate
     * names; never trust a name inside the signed document because of such a signature.
     */
    public static SignatureTrust validatedBy(CertificateValidator validator) {
        return new SignatureTrust(List.of(), Objects.requireNonNull(validator, "validator == null"), null, null);
    }

    /** Trusts the pinned certificates and anything the validator accepts (unbound, like {@link #validatedBy}). */
    public static SignatureTrust pinnedOrValidatedBy(List<X509Certificate> pinned, CertificateValidator validator) {
        return new SignatureTrust(List.copyOf(pinned), Objects.requireNonNull(validator, "validator == null"), null, null);
    }

    /**
     * Trusts a presented certificate that the validator accepts and whose subject is exactly {@code subject} (compared
     * as X.500 names: case and spacing folded): the binding that survives a certificate renewal. Any CA the validator
     * trusts could issue a certificate with that subject, so give the validator only the anchors that issue the
     * signer's certificates, or bind by {@link #validatedKey key} or {@link #validatedFingerprint fingerprint}.
     */
    public static SignatureTrust validatedSubject(CertificateValidator validator, X500Principal subject) {
        Objects.requireNonNull(subject, "subject == null");
        return bound(validator, c -> c.getSubjectX500Principal().equals(subject), "subject " + Names.display(subject));
    }

    /** Trusts a presented certificate that the validator accepts and that carries exactly this public key. */
    public static SignatureTrust validatedKey(CertificateValidator validator, PublicKey key) {
        Objects.requireNonNull(key, "key == null");
        return bound(validator, c -> c.getPublicKey().equals(key), "a configured public key");
    }

    /**
     * Trusts a presented certificate that the validator accepts and whose SHA-256 fingerprint (of the DER encoding,
     * hex, colons and case ignored) is {@code sha256}.
     */
    public static SignatureTrust validatedFingerprint(CertificateValidator validator, String sha256) {
        Objects.requireNonNull(sha256, "sha256 == null");
        String wanted = sha256.replace(":", "").toLowerCase(Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits (colons allowed)");
        }
        return bound(validator, c -> wanted.equals(fingerprint(c)), "SHA-256 fingerprint " + wanted);
    }

    private static SignatureTrust bound(CertificateValidator validator, Predicate<X509Certificate> signer, String description) {
        return new SignatureTrust(List.of(), Objects.requireNonNull(validator, "validator == null"), signer, description);
    }

    /** The SHA-256 fingerprint of a certificate's DER encoding, lower-case hex. */
    static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new SignatureException(SignatureException.UNTRUSTED_KEY, "the certificate could not be fingerprinted", e);
        }
    }

    /**
     * Whether every key this trust accepts is tied to one configured identity: true for pinned certificates and the
     * bound validated forms, false where any certificate the validator accepts would do.
     */
    public boolean isBoundToSigner() {
        return validator == null || signer != null;
    }

    /**
     * The trusted certificates to try for a signature that presented {@code presented} (leaf first; may be empty).
     * With a presented leaf: that leaf if pinned or accepted by the validator (and bound, where a binding is
     * configured), else an {@link dk.rammearkitektur.signing.UntrustedCertificateException} or a
     * {@link SignatureException} ({@value SignatureException#UNTRUSTED_KEY}). Without one: the pinned certificates.
     */
    public List<X509Certificate> trustedCandidates(List<X509Certificate> presented) {
        Objects.requireNonNull(presented, "presented == null");
        if (presented.isEmpty()) {
            if (pinned.isEmpty()) {
                throw new SignatureException(SignatureException.UNTRUSTED_KEY,
                        "the signature names no certificate and no certificate is pinned");
            }
            return pinned;
        }
        X509Certificate leaf = presented.get(0);
        if (pinned.contains(leaf)) {
            return List.of(leaf);
        }
        if (validator != null) {
            if (signer != null && !signer.test(leaf)) {
                throw new SignatureException(SignatureException.UNTRUSTED_KEY, "the signing certificate "
                        + Names.subject(leaf) + " is not the one configured (" + signerDescription + ")");
            }
            validator.requireTrusted(presented);
            return List.of(leaf);
        }
        throw new SignatureException(SignatureException.UNTRUSTED_KEY,
                "the certificate in KeyInfo is not pinned: " + Names.subject(leaf));
    }

    /** Whether a certificate is trusted (pinned, or accepted by the validator with the given chain). */
    public boolean trusts(List<X509Certificate> chain) {
        try {
            trustedCandidates(new ArrayList<>(chain));
            return !chain.isEmpty();
        } catch (dk.rammearkitektur.core.SecurityCheckException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SignatureTrust[pinned=" + pinned.size() + ", validator=" + (validator != null)
                + (signer != null ? ", signer=" + signerDescription : "") + "]";
    }
}
