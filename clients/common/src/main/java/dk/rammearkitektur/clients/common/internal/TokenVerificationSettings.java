package dk.rammearkitektur.clients.common.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How issued tokens are checked.
 *
 * @param stsCertificates the STS's signing certificates (pinned)
 * @param clock the clock
 * @param skew the tolerated skew
 */
public record TokenVerificationSettings(List<X509Certificate> stsCertificates, Clock clock, Duration skew) {
    /** Copies the list. */
    public TokenVerificationSettings {
        stsCertificates = List.copyOf(stsCertificates);
    }

    TokenVerification verification(X509Certificate ours) {
        return new TokenVerification(stsCertificates, clock, skew, ours);
    }
}
