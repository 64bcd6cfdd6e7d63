package dk.rammearkitektur.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rammearkitektur.* properties: the shared settings (environment, system certificate, trust anchors, auth
 * model, STS, timeouts, retries) and one section per client. A client is auto-configured when its section is present.
 */
@ConfigurationProperties(RammearkitekturProperties.PREFIX)
public class RammearkitekturProperties {
    /** The prefix of every key. */
    public static final String PREFIX = "rammearkitektur";

    /**
     * The environment of Serviceplatformen and the support systems: test, production or an https base
     * URL (a simulator).
     */
    private String environment;

    /**
     * PEM file with the CA certificates the platform's TLS certificate is checked against.
     */
    private Path trustAnchors;

    /**
     * The auth model: invocation-context, sts-soap or sts-rest. The support systems and
     * Digital Post always use STS tokens; sts-rest picks the REST STS for them.
     */
    private String auth = "sts-soap";

    private final Certificate certificate = new Certificate();
    private final Sts sts = new Sts();
    private final Timeouts timeouts = new Timeouts();
    private final Retry retry = new Retry();
    private final Serviceplatform serviceplatform = new Serviceplatform();
    private final SupportSystem klassifikation = new SupportSystem();
    private final SupportSystem organisation = new SupportSystem();
    private final DigitalPost digitalPost = new DigitalPost();
    private final Health health = new Health();
    private final Beskedfordeler beskedfordeler = new Beskedfordeler();
    private final Index caseIndex = new Index();
    private final Index benefitIndex = new Index();

    /** The environment (see the field). */
    public String getEnvironment() {
        return environment;
    }

    /** Sets the environment. */
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    /** The trust anchors PEM file. */
    public Path getTrustAnchors() {
        return trustAnchors;
    }

    /** Sets the trust anchors PEM file. */
    public void setTrustAnchors(Path trustAnchors) {
        this.trustAnchors = trustAnchors;
    }

    /** The auth model. */
    public String getAuth() {
        return auth;
    }

    /** Sets the auth model. */
    public void setAuth(String auth) {
        this.auth = auth;
    }

    /** The system certificate. */
    public Certificate getCertificate() {
        return certificate;
    }

    /** The STS settings. */
    public Sts getSts() {
        return sts;
    }

    /** The timeouts. */
    public Timeouts getTimeouts() {
        return timeouts;
    }

    /** The retry policy. */
    public Retry getRetry() {
        return retry;
    }

    /** The Serviceplatformen client (CPR, CVR, Organisation). */
    public Serviceplatform getServiceplatform() {
        return serviceplatform;
    }

    /** The Klassifikation (SF1510) client. */
    public SupportSystem getKlassifikation() {
        return klassifikation;
    }

    /** The Organisation (SF1500) support-system client. */
    public SupportSystem getOrganisation() {
        return organisation;
    }

    /** The Digital Post client. */
    public DigitalPost getDigitalPost() {
        return digitalPost;
    }

    /** The Sags- og Dokumentindeks (SF1470) client. */
    public Index getCaseIndex() {
        return caseIndex;
    }

    /** The Ydelsesindeks (SF1490) client. */
    public Index getBenefitIndex() {
        return benefitIndex;
    }

    /** The Beskedfordeler client. */
    public Beskedfordeler getBeskedfordeler() {
        return beskedfordeler;
    }

    /** The health indicators. */
    public Health getHealth() {
        return health;
    }

    /** The health indicators (with Spring Boot's health support on the class path). */
    public static class Health {
        /** The system certificate's health reports expires-soon when it expires within this time. */
        private Duration certificateExpiryWarning = Duration.ofDays(30);

        /** The expiry warning. */
        public Duration getCertificateExpiryWarning() {
            return certificateExpiryWarning;
        }

        /** Sets the expiry warning. */
        public void setCertificateExpiryWarning(Duration certificateExpiryWarning) {
            this.certificateExpiryWarning = certificateExpiryWarning;
        }

        /**
         * How long the STS health check's verdict is reused before the STS is asked for a token again (each check
         * is one token request per STS); 1 second to 1 day.
         */
        private Duration stsInterval = Duration.ofMinutes(5);

        /**
         * How long a health request waits for an STS check before it reports DOWN (the check itself goes on, bounded
         * by the client's timeouts); 100 milliseconds to 5 minutes.
         */
        private Duration stsTimeout = Duration.ofSeconds(10);

        /** The STS check's interval. */
        public Duration getStsInterval() {
            return stsInterval;
        }

        /** Sets the STS check's interval. */
        public void setStsInterval(Duration stsInterval) {
            this.stsInterval = stsInterval;
        }

        /** The STS check's wait. */
        public Duration getStsTimeout() {
            return stsTimeout;
        }

        /** Sets the STS check's wait. */
        public void setStsTimeout(Duration stsTimeout) {
            this.stsTimeout = stsTimeout;
        }
    }

    /** The system certificate: a PKCS#12 file, or an entry of a key store. */
    public static class Certificate {
        /** PKCS#12 file with the system certificate and its private key. */
        private Path file;

        /** Password of the PKCS#12 file, or of the key store and its key. */
        private String password;

        /** Key store holding the system certificate (instead of file). */
        private Path keyStore;

        /** Type of the key store: PKCS12 or JKS. */
        private String keyStoreType = "PKCS12";

        /** Alias of the system certificate's entry in the key store; may be left out when it has one key. */
        private String alias;

        /** Password of the key, when not the key store's password. */
        private String keyPassword;

        /** The PKCS#12 file. */
        public Path getFile() {
            return file;
        }

        /** Sets the PKCS#12 file. */
        public void setFile(Path file) {
            this.file = file;
        }

        /** The password. */
        public String getPassword() {
            return password;
        }

        /** Sets the password. */
        public void setPassword(String password) {
            this.password = password;
        }

        /** The key store. */
        public Path getKeyStore() {
            return keyStore;
        }

        /** Sets the key store. */
        public void setKeyStore(Path keyStore) {
            this.keyStore = keyStore;
        }

        /** The key store type. */
        public String getKeyStoreType() {
            return keyStoreType;
        }

        /** Sets the key store type. */
        public void setKeyStoreType(String keyStoreType) {
            this.keyStoreType = keyStoreType;
        }

        /** The key store alias. */
        public String getAlias() {
            return alias;
        }

        /** Sets the key store alias. */
        public void setAlias(String alias) {
            this.alias = alias;
        }

        /** The key password. */
        public String getKeyPassword() {
            return keyPassword;
        }

        /** Sets the key password. */
        public void setKeyPassword(String keyPassword) {
            this.keyPassword = keyPassword;
        }
    }

    /** The Security Token Service. */
    public static class Sts {
        /** CVR number of the municipality (authority) the tokens are issued for: 8 digits. */
        private String cvr;

        /** PEM file with the STS's signing certificates, pinned to check its tokens. */
        private Path certificates;

        /** The CVR number. */
        public String getCvr() {
            return cvr;
        }

        /** Sets the CVR number. */
        public void setCvr(String cvr) {
            this.cvr = cvr;
        }

        /** The STS certificates PEM file. */
        public Path getCertificates() {
            return certificates;
        }

        /** Sets the STS certificates PEM file. */
        public void setCertificates(Path certificates) {
            this.certificates = certificates;
        }
    }

    /** Timeouts of every call; unset ones keep the SDK's defaults. */
    public static class Timeouts {
        /** Time to open a connection. */
        private Duration connect;

        /** Time to wait for a response once sent. */
        private Duration read;

        /** Time for a whole call, retries included. */
        private Duration total;

        /** The connect timeout. */
        public Duration getConnect() {
            return connect;
        }

        /** Sets the connect timeout. */
        public void setConnect(Duration connect) {
            this.connect = connect;
        }

        /** The read timeout. */
        public Duration getRead() {
            return read;
        }

        /** Sets the read timeout. */
        public void setRead(Duration read) {
            this.read = read;
        }

        /** The total timeout. */
        public Duration getTotal() {
            return total;
        }

        /** Sets the total timeout. */
        public void setTotal(Duration total) {
            this.total = total;
        }
    }

    /** Retries of calls that failed in a way worth retrying; unset ones keep the SDK's defaults. */
    public static class Retry {
        /** Attempts in all, the first included; 1 means no retries. */
        private Integer maxAttempts;

        /** Delay before the first retry. */
        private Duration initialDelay;

        /** Factor the delay grows by per retry (at least 1). */
        private Double multiplier;

        /** Longest delay between attempts. */
        private Duration maxDelay;

        /** The attempts. */
        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        /** Sets the attempts. */
        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** The initial delay. */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /** Sets the initial delay. */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** The multiplier. */
        public Double getMultiplier() {
            return multiplier;
        }

        /** Sets the multiplier. */
        public void setMultiplier(Double multiplier) {
            this.multiplier = multiplier;
        }

        /** The longest delay. */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /** Sets the longest delay. */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    /** A client section that can be switched off. */
    public static class Section {
        /** Whether to auto-configure this client when its section is present. */
        private boolean enabled = true;

        /** Whether enabled. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets whether enabled. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The Serviceplatformen client: CPR, CVR and Organisation. */
    public static class Serviceplatform extends Section {
        /** The user system's UUID (InvocationContext auth model). */
        private UUID userSystemUuid;

        /** The user's UUID (InvocationContext auth model). */
        private UUID userUuid;

        /** Service agreement UUIDs by service id: SF1520, SF1530, SF6002. */
        private Map<String, UUID> agreements = new LinkedHashMap<>();

        /** The user system UUID. */
        public UUID getUserSystemUuid() {
            return userSystemUuid;
        }

        /** Sets the user system UUID. */
        public void setUserSystemUuid(UUID userSystemUuid) {
            this.userSystemUuid = userSystemUuid;
        }

        /** The user UUID. */
        public UUID getUserUuid() {
            return userUuid;
        }

        /** Sets the user UUID. */
        public void setUserUuid(UUID userUuid) {
            this.userUuid = userUuid;
        }

        /** The agreements by service id. */
        public Map<String, UUID> getAgreements() {
            return agreements;
        }

        /** Sets the agreements by service id. */
        public void setAgreements(Map<String, UUID> agreements) {
            this.agreements = agreements;
        }
    }

    /** A support-system client (Klassifikation, Organisation): the shared settings, STS tokens. */
    public static class SupportSystem extends Section {
        /** The entity id the STS token is asked for; the SDK's default when unset. */
        private String entityId;

        /** The entity id. */
        public String getEntityId() {
            return entityId;
        }

        /** Sets the entity id. */
        public void setEntityId(String entityId) {
            this.entityId = entityId;
        }
    }

    /**
     * An index client (Sags- og Dokumentindeks, Ydelsesindeks): it shares the Klassifikation client's connection and
     * tokens, so the klassifikation section must be present too (or the application has its own Klassifikation bean).
     */
    public static class Index extends SupportSystem {
        /** The owning authority's Organisation UUID (aktør Ejer). */
        private UUID ownerUuid;

        /** The owning authority's CVR number; rammearkitektur.sts.cvr when unset. */
        private String ownerCvr;

        /** The owning authority's name. */
        private String ownerName;

        /** This fagsystem's IT-system instance UUID (Master and Afsender). */
        private UUID itSystemUuid;

        /** This fagsystem's IT-system name (SystemNavn). */
        private String itSystemName;

        /** The owner's UUID. */
        public UUID getOwnerUuid() {
            return ownerUuid;
        }

        /** Sets the owner's UUID. */
        public void setOwnerUuid(UUID ownerUuid) {
            this.ownerUuid = ownerUuid;
        }

        /** The owner's CVR. */
        public String getOwnerCvr() {
            return ownerCvr;
        }

        /** Sets the owner's CVR. */
        public void setOwnerCvr(String ownerCvr) {
            this.ownerCvr = ownerCvr;
        }

        /** The owner's name. */
        public String getOwnerName() {
            return ownerName;
        }

        /** Sets the owner's name. */
        public void setOwnerName(String ownerName) {
            this.ownerName = ownerName;
        }

        /** The IT system's UUID. */
        public UUID getItSystemUuid() {
            return itSystemUuid;
        }

        /** Sets the IT system's UUID. */
        public void setItSystemUuid(UUID itSystemUuid) {
            this.itSystemUuid = itSystemUuid;
        }

        /** The IT system's name. */
        public String getItSystemName() {
            return itSystemName;
        }

        /** Sets the IT system's name. */
        public void setItSystemName(String itSystemName) {
            this.itSystemName = itSystemName;
        }
    }

    /** The Beskedfordeler client: the shared certificate, trust anchors and STS keys, and its own environment. */
    public static class Beskedfordeler extends Section {
        /**
         * test, production, or a broker's host:port (a simulator), whose STS and value-list service are then under
         * rammearkitektur.environment.
         */
        private String environment;

        /** The environment. */
        public String getEnvironment() {
            return environment;
        }

        /** Sets the environment. */
        public void setEnvironment(String environment) {
            this.environment = environment;
        }
    }

    /** The Digital Post client; unset keys fall back to the shared ones. */
    public static class DigitalPost extends Section {
        /** Digital Post's environment: test, production or an https base URL. */
        private String environment;

        /** PEM file with Digital Post's TLS trust anchors; rammearkitektur.trust-anchors when unset. */
        private Path trustAnchors;

        /** PEM file with the STS certificates; rammearkitektur.sts.certificates when unset. */
        private Path stsCertificates;

        /** CVR number of the sending authority; rammearkitektur.sts.cvr when unset. */
        private String authorityCvr;

        /** The environment. */
        public String getEnvironment() {
            return environment;
        }

        /** Sets the environment. */
        public void setEnvironment(String environment) {
            this.environment = environment;
        }

        /** The trust anchors PEM file. */
        public Path getTrustAnchors() {
            return trustAnchors;
        }

        /** Sets the trust anchors PEM file. */
        public void setTrustAnchors(Path trustAnchors) {
            this.trustAnchors = trustAnchors;
        }

        /** The STS certificates PEM file. */
        public Path getStsCertificates() {
            return stsCertificates;
        }

        /** Sets the STS certificates PEM file. */
        public void setStsCertificates(Path stsCertificates) {
            this.stsCertificates = stsCertificates;
        }

        /** The authority CVR. */
        public String getAuthorityCvr() {
            return authorityCvr;
        }

        /** Sets the authority CVR. */
        public void setAuthorityCvr(String authorityCvr) {
            this.authorityCvr = authorityCvr;
        }
    }
}
