package dk.rammearkitektur.signing;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.signing.certificates.CertificateReport;
import java.util.Optional;

/**
 * A certificate was refused: no chain to a trust anchor, expired, not yet valid, revoked, wrong key usage, or its
 * revocation status could not be established. {@link #reason()} names the first rule broken; {@link #report()} holds
 * the full validation report when there is one.
 */
public class UntrustedCertificateException extends SecurityCheckException {
    private static final long serialVersionUID = 1L;

    /** No path to a configured trust anchor, or a signature in the chain does not verify. */
    public static final String UNTRUSTED = "certificate.untrusted";
    /** A certificate in the chain has expired. */
    public static final String EXPIRED = "certificate.expired";
    /** A certificate in the chain is not valid yet. */
    public static final String NOT_YET_VALID = "certificate.not-yet-valid";
    /** A certificate in the chain is revoked. */
    public static final String REVOKED = "certificate.revoked";
    /** The revocation status could not be established (hard-fail). */
    public static final String REVOCATION_UNKNOWN = "certificate.revocation-unknown";
    /** The certificate may not be used for this purpose (key usage, basic constraints). */
    public static final String KEY_USAGE = "certificate.key-usage";
    /** The certificate uses a refused algorithm or a too short key. */
    public static final String ALGORITHM = "certificate.algorithm";
    /** The certificate is a CA certificate used where an end-entity certificate is required. */
    public static final String CA_AS_SIGNER = "certificate.ca-as-signer";

    private final transient CertificateReport report;

    /** Creates the exception with a reason code and a message. */
    public UntrustedCertificateException(String reason, String message) {
        super(reason, message);
        this.report = null;
    }

    /** Creates the exception from a refusing report; reason and message come from its first problem. */
    public UntrustedCertificateException(CertificateReport report) {
        super(report.problems().isEmpty() ? UNTRUSTED : report.problems().get(0).reason(), report.summary());
        this.report = report;
    }

    /** The validation report behind this refusal, if the refusal came from a validation. */
    public Optional<CertificateReport> report() {
        return Optional.ofNullable(report);
    }
}
