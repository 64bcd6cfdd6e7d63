package dk.rammearkitektur.signing.xml;

import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.signing.internal.Names;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which keys a verifier trusts: pinned certificates (e.g. the STS's signing certificate), certificates that a
 * {@link CertificateValidator} accepts (chains to OCES trust anchors), or either. A certificate that merely appears in
 * a signature's KeyInfo is never trusted by itself.
 */
public final class SignatureTrust {
    private final List<X509Certificate> pinned;
    private final CertificateValidator validator;

    private SignatureTrust(List<X509Certificate> pinned, CertificateValidator validator) {
        this.pinned = pinned;
        this.validator = validator;
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
        return new SignatureTrust(List.copyOf(certificates), null);
    }

    /**
     * Trusts no key at all: for a verifier used only with
     * {@link XmlSignatureVerifier#verifyWithTrustedCertificate(org.w3c.dom.Element, X509Certificate)}, where the
     * caller has established the key by other means.
     */
    public static SignatureTrust nothing() {
        return new SignatureTrust(List.of(), null);
    }

    /** Trusts a certificate presented in KeyInfo when the validator accepts it (with the other KeyInfo certificates). */
    public static SignatureTrust validatedBy(CertificateValidator validator) {
        return new SignatureTrust(List.of(), Objects.requireNonNull(validator, "validator == null"));
    }

    /** Trusts the pinned certificates and anything the validator accepts. */
    public static SignatureTrust pinnedOrValidatedBy(List<X509Certificate> pinned, CertificateValidator validator) {
        return new SignatureTrust(List.copyOf(pinned), Objects.requireNonNull(validator, "validator == null"));
    }

    /**
     * The trusted certificates to try for a signature that presented {@code presented} (leaf first; may be empty).
     * With a presented leaf: that leaf if pinned or accepted by the validator, else an
     * {@link dk.rammearkitektur.signing.UntrustedCertificateException} or a {@link SignatureException}
     * ({@value SignatureException#UNTRUSTED_KEY}). Without one: the pinned certificates.
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
        } catch (dk.rammearkitektur.core.SecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SignatureTrust[pinned=" + pinned.size() + ", validator=" + (validator != null) + "]";
    }
}
