package dk.rammearkitektur.spring.boot.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The system certificate's health: DOWN when it cannot be read, is not yet valid or has expired; otherwise UP with its
 * subject, expiry and days left, and {@code expiresSoon: true} with a warning within the configured time
 * ({@code rammearkitektur.health.certificate-expiry-warning}).
 */
public final class SystemCertificateHealthIndicator extends AbstractHealthIndicator {
    private final SharedSettings settings;
    private final Clock clock;

    /** Checks the certificate {@code settings} name, at {@code clock}'s time. */
    public SystemCertificateHealthIndicator(SharedSettings settings, Clock clock) {
        super("The rammearkitektur system certificate could not be checked");
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        X509Certificate c;
        try {
            c = settings.systemCertificate();
        } catch (RuntimeException e) {
            builder.down().withDetail("error", e.getMessage());
            return;
        }
        Instant now = clock.instant();
        Instant notAfter = c.getNotAfter().toInstant();
        Duration left = Duration.between(now, notAfter);
        builder.withDetail("subject", c.getSubjectX500Principal().getName())
                .withDetail("notAfter", notAfter.toString())
                .withDetail("daysLeft", left.toDays());
        if (now.isBefore(c.getNotBefore().toInstant())) {
            builder.down().withDetail("error", "not valid before " + c.getNotBefore().toInstant());
        } else if (left.isNegative()) {
            builder.down().withDetail("error", "expired");
        } else {
            boolean soon = left.compareTo(settings.properties().getHealth().getCertificateExpiryWarning()) < 0;
            builder.up().withDetail("expiresSoon", soon);
            if (soon) {
                builder.withDetail("warning", "expires in " + left.toDays() + " days: renew it");
            }
        }
    }
}
