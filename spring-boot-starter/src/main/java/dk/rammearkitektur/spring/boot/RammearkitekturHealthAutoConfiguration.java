package dk.rammearkitektur.spring.boot;

import dk.rammearkitektur.spring.boot.internal.ClientCallsHealthIndicator;
import dk.rammearkitektur.spring.boot.internal.ConditionalOnSection;
import dk.rammearkitektur.spring.boot.internal.LastCallOutcomes;
import dk.rammearkitektur.spring.boot.internal.SharedSettings;
import dk.rammearkitektur.spring.boot.internal.SystemCertificateHealthIndicator;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
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
 * {@code ObservationRegistry} (switch off with {@code management.health.rammearkitektur-calls.enabled=false}).
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

    /** The system certificate's health, when {@code rammearkitektur.certificate.*} is set. */
    @Bean
    @ConditionalOnMissingBean(name = "rammearkitekturCertificateHealthIndicator")
    @ConditionalOnSection("certificate")
    @ConditionalOnEnabledHealthIndicator("rammearkitektur-certificate")
    SystemCertificateHealthIndicator rammearkitekturCertificateHealthIndicator(RammearkitekturProperties properties) {
        return new SystemCertificateHealthIndicator(new SharedSettings(properties), Clock.systemUTC());
    }
}
