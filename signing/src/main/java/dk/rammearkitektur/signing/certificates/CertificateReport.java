package dk.rammearkitektur.signing.certificates;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.signing.internal.Names;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of validating a certificate: the path found (leaf first, trust anchor last), the revocation status
 * and every problem found. A certificate is trusted exactly when {@link #problems()} is empty.
 *
 * @param certificate the certificate validated (the leaf)
 * @param path the certification path, leaf first, ending with the trust anchor when one was reached (otherwise as far
 *     as it could be built)
 * @param revocation the leaf's revocation status
 * @param problems every rule broken, in the order found; empty when trusted
 * @param checkedAt the instant the validation used
 */
public record CertificateReport(X509Certificate certificate, List<X509Certificate> path, RevocationStatus revocation,
        List<Problem> problems, Instant checkedAt) {

    /** How a certificate's revocation status was established. */
    public enum RevocationStatus {
        /** An OCSP response or a CRL said good. */
        GOOD,
        /** An OCSP response or a CRL said revoked. */
        REVOKED,
        /** No status could be established (no responder, no CRL, timeout, bad response). */
        UNKNOWN,
        /** Revocation checking is switched off, or the chain failed before it was reached. */
        NOT_CHECKED
    }

    /**
     * One rule broken.
     *
     * @param reason a machine-readable code, one of the {@code UntrustedCertificateException} constants
     * @param subject the subject of the certificate the problem concerns
     * @param message what was wrong, in English
     */
    public record Problem(String reason, String subject, String message) {
        /** Checks that every field is set. */
        public Problem {
            Objects.requireNonNull(reason, "reason == null");
            Objects.requireNonNull(subject, "subject == null");
            Objects.requireNonNull(message, "message == null");
        }

        @Override
        public String toString() {
            return PersonalData.maskCprNumbers(reason + " (" + subject + "): " + message);
        }
    }

    /** Copies the lists. */
    public CertificateReport {
        Objects.requireNonNull(certificate, "certificate == null");
        Objects.requireNonNull(revocation, "revocation == null");
        Objects.requireNonNull(checkedAt, "checkedAt == null");
        path = List.copyOf(path);
        problems = List.copyOf(problems);
    }

    /** True when no rule was broken. */
    public boolean trusted() {
        return problems.isEmpty();
    }

    /** Whether a problem with this reason code was found. */
    public boolean has(String reason) {
        return problems.stream().anyMatch(p -> p.reason().equals(reason));
    }

    /** One line: trusted, or every problem. */
    public String summary() {
        String who = Names.subject(certificate);
        if (trusted()) {
            return "certificate trusted: " + who + " (revocation " + revocation + ")";
        }
        return "certificate refused: " + who + ": "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return "CertificateReport[" + summary() + "]";
    }
}
