package dk.rammearkitektur.spring.boot;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment;
import dk.rammearkitektur.clients.serviceplatform.CprSubscriptionService;
import dk.rammearkitektur.clients.serviceplatform.CvrOnlineService;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.ServiceDescription;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationClient;
import dk.rammearkitektur.clients.stoettesystemer.StoettesystemerClientBuilder;
import dk.rammearkitektur.clients.stoettesystemer.StoettesystemerEnvironment;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.spring.boot.internal.ConditionalOnSection;
import dk.rammearkitektur.spring.boot.internal.SharedSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures a client for each {@code rammearkitektur.*} section present whose module is on the class path:
 * {@code serviceplatform} ({@link ServiceplatformClient}), {@code klassifikation} ({@link KlassifikationClient}),
 * {@code organisation} ({@link OrganisationClient}), {@code case-index} ({@link CaseIndexClient}),
 * {@code benefit-index} ({@link BenefitIndexClient}), {@code digital-post} ({@link DigitalPostClient}),
 * {@code beskedfordeler} ({@link BeskedfordelerClient}). A bean of the
 * client's type defined by the application wins; the clients are closed with the context.
 */
@AutoConfiguration
@EnableConfigurationProperties(RammearkitekturProperties.class)
@Import({RammearkitekturAutoConfiguration.ServiceplatformConfiguration.class,
        RammearkitekturAutoConfiguration.SupportSystemsConfiguration.class,
        RammearkitekturAutoConfiguration.IndexConfiguration.class,
        RammearkitekturAutoConfiguration.BeskedfordelerConfiguration.class,
        RammearkitekturAutoConfiguration.DigitalPostConfiguration.class})
public class RammearkitekturAutoConfiguration {
    /** Service agreements are keyed by these service ids. */
    static final Map<String, ServiceDescription> SERVICES = Map.of(
            PersonBaseDataExtendedService.INSTANCE.id(), PersonBaseDataExtendedService.INSTANCE,
            CvrOnlineService.INSTANCE.id(), CvrOnlineService.INSTANCE,
            CprSubscriptionService.INSTANCE.id(), CprSubscriptionService.INSTANCE);

    /** The application's observation registry (Micrometer), or the no-op one when it has none. */
    static ObservationRegistry registry(ObjectProvider<ObservationRegistry> observations) {
        return observations.getIfUnique(() -> ObservationRegistry.NOOP);
    }

    /** The Serviceplatformen client (CPR, CVR, Organisation). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient")
    @ConditionalOnSection("serviceplatform")
    static class ServiceplatformConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ServiceplatformClient serviceplatformClient(RammearkitekturProperties properties,
                ObjectProvider<ObservationRegistry> observations) {
            SharedSettings s = new SharedSettings(properties);
            RammearkitekturProperties.Serviceplatform sp = properties.getServiceplatform();
            ServiceplatformClient.Builder b = ServiceplatformClient.builder()
                    .observationRegistry(registry(observations))
                    .environment(Environment.parse(s.environment()))
                    .trustAnchors(s.trustAnchors())
                    .timeouts(s.timeouts())
                    .retryPolicy(s.retryPolicy());
            s.systemCertificate(b::systemCertificate, b::systemCertificate);
            StsProtocol protocol = s.stsProtocol();
            if ("invocation-context".equals(properties.getAuth())) {
                b.invocationContext(
                        SharedSettings.required(sp.getUserSystemUuid(), "rammearkitektur.serviceplatform.user-system-uuid"),
                        SharedSettings.required(sp.getUserUuid(), "rammearkitektur.serviceplatform.user-uuid"));
                for (Map.Entry<String, UUID> agreement : sp.getAgreements().entrySet()) {
                    ServiceDescription service = SERVICES.get(agreement.getKey().toUpperCase(java.util.Locale.ROOT));
                    if (service == null) {
                        throw new ValidationException("rammearkitektur.serviceplatform.agreements." + agreement.getKey(),
                                "must be one of " + new java.util.TreeSet<>(SERVICES.keySet()));
                    }
                    b.serviceAgreement(service, agreement.getValue());
                }
            } else {
                b.stsToken(s.stsCvr())
                        .stsProtocol(protocol)
                        .stsCertificates(s.stsCertificates());
            }
            return b.build();
        }
    }

    /** The support-system clients: Klassifikation (SF1510) and Organisation (SF1500). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient")
    static class SupportSystemsConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        @ConditionalOnSection("klassifikation")
        KlassifikationClient klassifikationClient(RammearkitekturProperties properties,
                ObjectProvider<ObservationRegistry> observations) {
            return configure(KlassifikationClient.builder(), properties, properties.getKlassifikation(), observations)
                    .build();
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        @ConditionalOnSection("organisation")
        OrganisationClient organisationClient(RammearkitekturProperties properties,
                ObjectProvider<ObservationRegistry> observations) {
            return configure(OrganisationClient.builder(), properties, properties.getOrganisation(), observations)
                    .build();
        }

        private static <B extends StoettesystemerClientBuilder<B>> B configure(B b, RammearkitekturProperties properties,
                RammearkitekturProperties.SupportSystem section, ObjectProvider<ObservationRegistry> observations) {
            SharedSettings s = new SharedSettings(properties);
            b.observationRegistry(registry(observations))
                    .environment(StoettesystemerEnvironment.parse(s.environment()))
                    .trustAnchors(s.trustAnchors())
                    .timeouts(s.timeouts())
                    .retryPolicy(s.retryPolicy())
                    .authorityCvr(s.stsCvr())
                    .stsProtocol(s.stsProtocol())
                    .stsCertificates(s.stsCertificates());
            if (section.getEntityId() != null) {
                b.entityId(section.getEntityId());
            }
            s.systemCertificate(b::systemCertificate, b::systemCertificate);
            return b;
        }
    }

    /** The index clients on the Klassifikation client: Sags- og Dokumentindeks (SF1470) and Ydelsesindeks (SF1490). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient")
    static class IndexConfiguration {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnSection("case-index")
        CaseIndexClient caseIndexClient(RammearkitekturProperties properties,
                ObjectProvider<KlassifikationClient> klassifikation) {
            RammearkitekturProperties.Index i = properties.getCaseIndex();
            CaseIndexClient.Builder b = CaseIndexClient.builder().klassifikation(klassifikation(klassifikation))
                    .owner(i.getOwnerUuid(), ownerCvr(properties, i), i.getOwnerName())
                    .itSystem(i.getItSystemUuid(), i.getItSystemName());
            return (i.getEntityId() != null ? b.entityId(i.getEntityId()) : b).build();
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnSection("benefit-index")
        BenefitIndexClient benefitIndexClient(RammearkitekturProperties properties,
                ObjectProvider<KlassifikationClient> klassifikation) {
            RammearkitekturProperties.Index i = properties.getBenefitIndex();
            BenefitIndexClient.Builder b = BenefitIndexClient.builder().klassifikation(klassifikation(klassifikation))
                    .owner(i.getOwnerUuid(), ownerCvr(properties, i), i.getOwnerName())
                    .itSystem(i.getItSystemUuid(), i.getItSystemName());
            return (i.getEntityId() != null ? b.entityId(i.getEntityId()) : b).build();
        }

        private static KlassifikationClient klassifikation(ObjectProvider<KlassifikationClient> provider) {
            KlassifikationClient k = provider.getIfUnique();
            if (k == null) {
                throw new ValidationException("rammearkitektur.klassifikation",
                        "must be present: the index clients share the Klassifikation client");
            }
            return k;
        }

        private static String ownerCvr(RammearkitekturProperties properties, RammearkitekturProperties.Index i) {
            return i.getOwnerCvr() != null ? i.getOwnerCvr() : properties.getSts().getCvr();
        }
    }

    /** The Beskedfordeler client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient")
    @ConditionalOnSection("beskedfordeler")
    static class BeskedfordelerConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        BeskedfordelerClient beskedfordelerClient(RammearkitekturProperties properties,
                ObjectProvider<ObservationRegistry> observations) {
            SharedSettings s = new SharedSettings(properties);
            String environment = SharedSettings.required(properties.getBeskedfordeler().getEnvironment(),
                    "rammearkitektur.beskedfordeler.environment");
            java.net.URI base = environment.contains(":") ? java.net.URI.create(s.environment()) : null;
            BeskedfordelerClient.Builder b = BeskedfordelerClient.builder()
                    .observationRegistry(registry(observations))
                    .environment(BeskedfordelerEnvironment.parse(environment, base))
                    .trustAnchors(s.trustAnchors())
                    .stsCertificates(s.stsCertificates())
                    .stsProtocol(s.stsProtocol())
                    .authorityCvr(s.stsCvr())
                    .timeouts(s.timeouts())
                    .retryPolicy(s.retryPolicy());
            s.systemCertificate(b::systemCertificate, b::systemCertificate);
            return b.build();
        }
    }

    /** The Digital Post client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dk.rammearkitektur.clients.digitalpost.DigitalPostClient")
    @ConditionalOnSection("digital-post")
    static class DigitalPostConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        DigitalPostClient digitalPostClient(RammearkitekturProperties properties,
                ObjectProvider<ObservationRegistry> observations) {
            SharedSettings s = new SharedSettings(properties);
            RammearkitekturProperties.DigitalPost dp = properties.getDigitalPost();
            List<java.security.cert.X509Certificate> anchors = dp.getTrustAnchors() != null
                    ? s.pem(dp.getTrustAnchors(), "rammearkitektur.digital-post.trust-anchors") : s.trustAnchors();
            List<java.security.cert.X509Certificate> sts = dp.getStsCertificates() != null
                    ? s.pem(dp.getStsCertificates(), "rammearkitektur.digital-post.sts-certificates")
                    : s.stsCertificates();
            DigitalPostClient.Builder b = DigitalPostClient.builder()
                    .observationRegistry(registry(observations))
                    .environment(DigitalPostEnvironment.parse(SharedSettings.required(dp.getEnvironment(),
                            "rammearkitektur.digital-post.environment")))
                    .trustAnchors(anchors)
                    .stsCertificates(sts)
                    .authorityCvr(dp.getAuthorityCvr() != null ? dp.getAuthorityCvr() : s.stsCvr())
                    .timeouts(s.timeouts())
                    .retryPolicy(s.retryPolicy());
            s.systemCertificate(b::systemCertificate, b::systemCertificate);
            return b.build();
        }
    }
}
