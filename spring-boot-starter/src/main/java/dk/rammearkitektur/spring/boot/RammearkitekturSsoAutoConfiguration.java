package dk.rammearkitektur.spring.boot;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.sp.IdpMetadata;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.sp.SsoProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Auto-configures a {@link ServiceProvider} from {@code rammearkitektur.sso.*} when the sso module and Spring
 * Security's web support are on the class path and {@code rammearkitektur.sso.entity-id} is set. Install the login
 * endpoints in a filter chain with {@link dk.rammearkitektur.spring.boot.sso.SsoSecurity}. A bean of type
 * {@code ServiceProvider} defined by the application wins.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"dk.rammearkitektur.sso.sp.ServiceProvider",
        "org.springframework.security.web.SecurityFilterChain"})
@ConditionalOnProperty(prefix = RammearkitekturSsoProperties.PREFIX, name = "entity-id")
@EnableConfigurationProperties(RammearkitekturSsoProperties.class)
public class RammearkitekturSsoAutoConfiguration {
    /** Created by Spring Boot. */
    public RammearkitekturSsoAutoConfiguration() {
    }

    /** The service provider, with the IdP metadata read once at start-up and its signature checked. */
    @Bean
    @ConditionalOnMissingBean
    public ServiceProvider rammearkitekturServiceProvider(RammearkitekturSsoProperties p) {
        String prefix = RammearkitekturSsoProperties.PREFIX + ".";
        require(p.getAssertionConsumerService(), prefix + "assertion-consumer-service");
        require(p.getKeystore(), prefix + "keystore");
        require(p.getKeystorePassword(), prefix + "keystore-password");
        require(p.getIdpMetadata(), prefix + "idp-metadata");
        require(p.getIdpMetadataSigner(), prefix + "idp-metadata-signer");
        SigningCredential credential = SigningCredential.fromPkcs12(p.getKeystore(), p.getKeystorePassword().toCharArray());
        String metadata = new String(read(p.getIdpMetadata(), prefix + "idp-metadata"), StandardCharsets.UTF_8);
        X509Certificate signer;
        try {
            signer = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new java.io.ByteArrayInputStream(read(p.getIdpMetadataSigner(), prefix + "idp-metadata-signer")));
        } catch (CertificateException | ClassCastException e) {
            throw new ValidationException(prefix + "idp-metadata-signer", "is not a PEM X.509 certificate");
        }
        return ServiceProvider.builder()
                .entityId(p.getEntityId())
                .assertionConsumerService(p.getAssertionConsumerService())
                .signingCredential(credential).decryptionCredential(credential)
                .idp(IdpMetadata.parse(metadata, SignatureTrust.pinned(signer)))
                .profile(profile(p.getProfile()))
                .build();
    }

    private static SsoProfile profile(RammearkitekturSsoProperties.Profile p) {
        return switch (p) {
            case CONTEXT_HANDLER_NSIS_TEST -> SsoProfile.contextHandlerNsisTest();
            case CONTEXT_HANDLER_NSIS_PRODUCTION -> SsoProfile.contextHandlerNsisProduction();
            case CONTEXT_HANDLER_OIOSAML2_TEST -> SsoProfile.contextHandlerOiosaml2Test();
            case CONTEXT_HANDLER_OIOSAML2_PRODUCTION -> SsoProfile.contextHandlerOiosaml2Production();
            case NEMLOGIN_TEST -> SsoProfile.nemLoginTest();
            case NEMLOGIN_PRODUCTION -> SsoProfile.nemLoginProduction();
        };
    }

    private static void require(Object value, String key) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new ValidationException(key, "is required when rammearkitektur.sso.entity-id is set");
        }
    }

    private static byte[] read(String location, String key) {
        Resource r = new DefaultResourceLoader().getResource(location);
        try (InputStream in = r.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ValidationException(key, "cannot be read from " + location);
        }
    }
}
