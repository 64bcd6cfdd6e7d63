package dk.rammearkitektur.spring.boot;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.sp.IdpMetadata;
import dk.rammearkitektur.sso.sp.IdpMetadataSource;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.sp.SsoProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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

    /**
     * The service provider. IdP metadata at an https: location is an {@link IdpMetadataSource} refreshed every
     * {@code idp-metadata-refresh} with its signature checked against {@code idp-metadata-signer} each time; at a
     * classpath: or file: location it is read once at start-up, signature checked.
     */
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
        X509Certificate signer = certificate(p.getIdpMetadataSigner(), prefix + "idp-metadata-signer");
        IdpMetadataSource idp;
        if (p.getIdpMetadata().regionMatches(true, 0, "https:", 0, 6)) {
            require(p.getIdpMetadataRefresh(), prefix + "idp-metadata-refresh");
            Duration refresh = p.getIdpMetadataRefresh();
            if (refresh.isNegative() || refresh.isZero()) {
                throw new ValidationException(prefix + "idp-metadata-refresh", "must be positive");
            }
            IdpMetadataSource.Builder b = IdpMetadataSource.builder(URI.create(p.getIdpMetadata()))
                    .trust(SignatureTrust.pinned(signer)).refreshInterval(refresh)
                    .retryInterval(refresh.compareTo(RETRY) < 0 ? refresh : RETRY);
            if (p.getIdpMetadataTlsCertificate() != null && !p.getIdpMetadataTlsCertificate().isBlank()) {
                b.sslContext(trusting(certificate(p.getIdpMetadataTlsCertificate(),
                        prefix + "idp-metadata-tls-certificate"), prefix + "idp-metadata-tls-certificate"));
            }
            idp = b.build();
        } else {
            String metadata = new String(read(p.getIdpMetadata(), prefix + "idp-metadata"), StandardCharsets.UTF_8);
            idp = IdpMetadataSource.fixed(IdpMetadata.parse(metadata, SignatureTrust.pinned(signer)));
        }
        ServiceProvider.Builder b = ServiceProvider.builder()
                .entityId(p.getEntityId())
                .assertionConsumerService(p.getAssertionConsumerService())
                .signingCredential(credential).decryptionCredential(credential)
                .idp(idp)
                .profile(profile(p.getProfile()));
        if (p.getSingleLogoutService() != null && !p.getSingleLogoutService().isBlank()) {
            b.singleLogoutService(p.getSingleLogoutService());
        }
        return b.build();
    }

    /** The wait after a failed metadata fetch: 5 minutes, or the refresh interval when shorter (the SDK's choice). */
    private static final Duration RETRY = Duration.ofMinutes(5);

    private static X509Certificate certificate(String location, String key) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new java.io.ByteArrayInputStream(read(location, key)));
        } catch (CertificateException | ClassCastException e) {
            throw new ValidationException(key, "is not a PEM X.509 certificate");
        }
    }

    private static SSLContext trusting(X509Certificate certificate, String key) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException | IOException e) {
            throw new ValidationException(key, "cannot be used as a TLS trust anchor");
        }
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
