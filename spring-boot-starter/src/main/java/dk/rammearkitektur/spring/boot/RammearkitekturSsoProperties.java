package dk.rammearkitektur.spring.boot;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code rammearkitektur.sso.*} properties: the SAML service provider a Spring Security application logs users in
 * with (Context Handler or NemLog-in).
 */
@ConfigurationProperties(RammearkitekturSsoProperties.PREFIX)
public class RammearkitekturSsoProperties {
    /** The prefix of every key. */
    public static final String PREFIX = "rammearkitektur.sso";

    /** The federation profile preset. */
    public enum Profile {
        /** The Context Handler's NSIS (OIOSAML 3) profile, test environment. */
        CONTEXT_HANDLER_NSIS_TEST,
        /** The Context Handler's NSIS (OIOSAML 3) profile, production. */
        CONTEXT_HANDLER_NSIS_PRODUCTION,
        /** The Context Handler's older OIOSAML 2 profile, test environment. */
        CONTEXT_HANDLER_OIOSAML2_TEST,
        /** The Context Handler's older OIOSAML 2 profile, production. */
        CONTEXT_HANDLER_OIOSAML2_PRODUCTION,
        /** NemLog-in, test environment. */
        NEMLOGIN_TEST,
        /** NemLog-in, production. */
        NEMLOGIN_PRODUCTION
    }

    /** The SP entity id (the Context Handler expects it to start with https://saml.). */
    private String entityId;

    /** The assertion consumer service URL (HTTP-POST), e.g. https://fagsystem.example/saml/acs. */
    private String assertionConsumerService;

    /** PKCS#12 file with the key and OCES3 certificate AuthnRequests are signed and assertions decrypted with. */
    private Path keystore;

    /** Password of the PKCS#12 file. */
    private String keystorePassword;

    /** Where the IdP metadata is read: a Spring resource location (classpath:, file: or https:). */
    private String idpMetadata;

    /** PEM certificate the IdP metadata's signature must verify with (a resource location). */
    private String idpMetadataSigner;

    /**
     * How often IdP metadata read from an https: location is fetched again (a shorter cacheDuration in the metadata
     * wins); metadata from classpath: or file: is read once.
     */
    private java.time.Duration idpMetadataRefresh = java.time.Duration.ofHours(1);

    /**
     * PEM certificate the HTTPS server of an https: IdP metadata location must present (a resource location); default
     * the JDK's trust store.
     */
    private String idpMetadataTlsCertificate;

    /**
     * The SP's single logout URL (HTTP-Redirect and POST), e.g. https://fagsystem.example/saml/slo; without it logout
     * is local only.
     */
    private String singleLogoutService;

    /** The federation profile preset. */
    private Profile profile = Profile.CONTEXT_HANDLER_NSIS_TEST;

    /** The entity id. */
    public String getEntityId() {
        return entityId;
    }

    /** Sets the entity id. */
    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    /** The ACS URL. */
    public String getAssertionConsumerService() {
        return assertionConsumerService;
    }

    /** Sets the ACS URL. */
    public void setAssertionConsumerService(String assertionConsumerService) {
        this.assertionConsumerService = assertionConsumerService;
    }

    /** The PKCS#12 file. */
    public Path getKeystore() {
        return keystore;
    }

    /** Sets the PKCS#12 file. */
    public void setKeystore(Path keystore) {
        this.keystore = keystore;
    }

    /** The PKCS#12 password. */
    public String getKeystorePassword() {
        return keystorePassword;
    }

    /** Sets the PKCS#12 password. */
    public void setKeystorePassword(String keystorePassword) {
        this.keystorePassword = keystorePassword;
    }

    /** The IdP metadata location. */
    public String getIdpMetadata() {
        return idpMetadata;
    }

    /** Sets the IdP metadata location. */
    public void setIdpMetadata(String idpMetadata) {
        this.idpMetadata = idpMetadata;
    }

    /** The IdP metadata signer's PEM location. */
    public String getIdpMetadataSigner() {
        return idpMetadataSigner;
    }

    /** Sets the IdP metadata signer's PEM location. */
    public void setIdpMetadataSigner(String idpMetadataSigner) {
        this.idpMetadataSigner = idpMetadataSigner;
    }

    /** The metadata refresh interval. */
    public java.time.Duration getIdpMetadataRefresh() {
        return idpMetadataRefresh;
    }

    /** Sets the metadata refresh interval. */
    public void setIdpMetadataRefresh(java.time.Duration idpMetadataRefresh) {
        this.idpMetadataRefresh = idpMetadataRefresh;
    }

    /** The metadata server's PEM certificate location. */
    public String getIdpMetadataTlsCertificate() {
        return idpMetadataTlsCertificate;
    }

    /** Sets the metadata server's PEM certificate location. */
    public void setIdpMetadataTlsCertificate(String idpMetadataTlsCertificate) {
        this.idpMetadataTlsCertificate = idpMetadataTlsCertificate;
    }

    /** The single logout URL. */
    public String getSingleLogoutService() {
        return singleLogoutService;
    }

    /** Sets the single logout URL. */
    public void setSingleLogoutService(String singleLogoutService) {
        this.singleLogoutService = singleLogoutService;
    }

    /** The profile preset. */
    public Profile getProfile() {
        return profile;
    }

    /** Sets the profile preset. */
    public void setProfile(Profile profile) {
        this.profile = profile;
    }
}
