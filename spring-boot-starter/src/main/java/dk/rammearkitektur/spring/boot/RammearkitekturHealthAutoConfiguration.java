package dk.rammearkitektur.spring.boot;

import dk.rammearkitektur.spring.boot.internal.ConditionalOnSection;
import dk.rammearkitektur.spring.boot.internal.SharedSettings;
import dk.rammearkitektur.spring.boot.internal.SystemCertificateHealthIndicator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health indicators, when the application has Spring Boot's health support: {@code rammearkitekturCertificate}, the
 * system certificate's validity and expiry (switch off with
 * {@code management.health.rammearkitektur-certificate.enabled=false}).
 */
@AutoConfiguration(after = RammearkitekturAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class RammearkitekturHealthAutoConfiguration {
    /** Created by Spring. */
    public RammearkitekturHealthAutoConfiguration() {
    }

    /** The system certificate's health, when {@code rammearkitektur.certificate.*} is set. */
    @Bean
    @ConditionalOnMissingBean(name = "rammearkitekturCertificateHealthIndicator")
    @ConditionalOnSection("certificate")
    @ConditionalOnEnabledHealthIndicator("rammearkitektur-certificate")
    SystemCertificateHealthIndicator rammearkitekturCertificateHealthIndicator(RammearkitekturProperties properties) {
        return new SystemCertificateHealthIndicator(new SharedSettings(properties), Clock.systemUTC());
    }
}
