package dk.rammearkitektur.spring.boot;

import dk.rammearkitektur.spring.boot.internal.ClientCallsHealthIndicator;
import dk.rammearkitektur.spring.boot.internal.ConditionalOnSection;
import dk.rammearkitektur.spring.boot.internal.LastCallOutcomes;
import dk.rammearkitektur.spring.boot.internal.SharedSettings;
import dk.rammearkitektur.spring.boot.internal.StsHealthIndicator;
import dk.rammearkitektur.spring.boot.internal.StsTargets;
import dk.rammearkitektur.spring.boot.internal.SystemCertificateHealthIndicator;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import dk.rammearkitektur.core.ValidationException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health indicators, when the application has Spring Boot's health support: {@code rammearkitekturCertificate}, the
 * system certificate's validity and expiry (switch off with
 * {@code management.health.rammearkitektur-certificate.enabled=false}), and {@code rammearkitekturCalls}, the
 * outcome of the latest call to each service, recorded from the clients' observations on the application's
 * {@code ObservationRegistry} (switch off with {@code management.health.rammearkitektur-calls.enabled=false}), and
 * {@code rammearkitekturSts}, whether the clients' STSs issue tokens (switch off with
 * {@code management.health.rammearkitektur-sts.enabled=false}).
 */
@AutoConfiguration(after = RammearkitekturAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class RammearkitekturHealthAutoConfiguration {
    /** Created by Spring. */
    public RammearkitekturHealthAutoConfiguration() {
    }

    /** The latest call outcomes, recorded from every {@code ObservationRegistry} bean of the application. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnEnabledHealthIndicator("rammearkitektur-calls")
    static LastCallOutcomes rammearkitekturLastCallOutcomes() {
        return new LastCallOutcomes(Clock.systemUTC());
    }

    /** Adds {@link LastCallOutcomes} to the application's observation registries as they are created. */
    @Bean
    @ConditionalOnEnabledHealthIndicator("rammearkitektur-calls")
    static BeanPostProcessor rammearkitekturLastCallOutcomesRegistrar(ObjectProvider<LastCallOutcomes> outcomes) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ObservationRegistry registry && registry != ObservationRegistry.NOOP) {
                    registry.observationConfig().observationHandler(outcomes.getObject());
                }
                return bean;
            }
        };
    }

    /** The outcome of the latest call to each service. */
    @Bean
    @ConditionalOnMissingBean(name = "rammearkitekturCallsHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("rammearkitektur-calls")
    ClientCallsHealthIndicator rammearkitekturCallsHealthIndicator(LastCallOutcomes outcomes) {
        return new ClientCallsHealthIndicator(outcomes);
    }

    /**
     * Whether the STSs of the configured clients answer, checked with a new token at most once per
     * {@code rammearkitektur.health.sts-interval}.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "rammearkitekturStsHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("rammearkitektur-sts")
    StsHealthIndicator rammearkitekturStsHealthIndicator(RammearkitekturProperties properties,
            ListableBeanFactory beans) {
        RammearkitekturProperties.Health h = properties.getHealth();
        Duration interval = within(h.getStsInterval(), Duration.ofSeconds(1), Duration.ofDays(1),
                "rammearkitektur.health.sts-interval", "1s and 1d");
        Duration timeout = within(h.getStsTimeout(), Duration.ofMillis(100), Duration.ofMinutes(5),
                "rammearkitektur.health.sts-timeout", "100ms and 5m");
        return new StsHealthIndicator(() -> StsTargets.of(beans, properties), interval, timeout, Clock.systemUTC());
    }

    private static Duration within(Duration d, Duration min, Duration max, String key, String range) {
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ValidationException(key, "must be between " + range);
        }
        return d;
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
