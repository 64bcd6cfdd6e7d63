package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.sso.internal.AssertionIdCache;
import dk.rammearkitektur.sso.internal.AuthnRequestXml;
import dk.rammearkitektur.sso.internal.MetadataXml;
import dk.rammearkitektur.sso.internal.RedirectBinding;
import dk.rammearkitektur.sso.internal.ResponseConsumer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A SAML 2.0 service provider for the Context Handler and NemLog-in, without OpenSAML and without a web framework.
 *
 * <pre>{@code
 * ServiceProvider sp = ServiceProvider.builder()
 *         .entityId("https://saml.fagsystem.example").assertionConsumerService("https://fagsystem.example/saml/acs")
 *         .signingCredential(oces3).decryptionCredential(oces3).idp(IdpMetadata.parse(xml, trust))
 *         .profile(SsoProfile.contextHandlerNsisTest()).build();
 * LoginRedirect r = sp.authnRequest(LoginOptions.defaults().returnUrl("/cases"));   // redirect to r.url()
 * SsoLogin login = sp.consume(request.getParameter("SAMLResponse"), request.getParameter("RelayState"));
 * }</pre>
 *
 * <p>{@link #consume} checks, in this order, and refuses with an {@link SsoRefusedException} naming the rule: the
 * Response's Destination, Issuer and InResponseTo (a stored, unexpired, unused request whose RelayState matches), its
 * Status, exactly one EncryptedAssertion (decrypted with the primary, then the secondary key), the assertion's
 * signature (only the assertion itself, by an IdP metadata signing key), Issuer, bearer SubjectConfirmationData,
 * Conditions with skew, Audience, one AuthnStatement and one AttributeStatement, specVersion, the identity, the level
 * of assurance and one-time use of the assertion id. Thread-safe; build once.
 */
public final class ServiceProvider {
    private static final SecureRandom RANDOM = new SecureRandom();

    // copied from the builder, so reusing the builder after build() changes nothing here
    private final String entityId;
    private final String acs;
    private final String slo;
    private final String serviceName;
    private final SigningCredential signing;
    private final SignatureAlgorithm algorithm;
    private final IdpMetadata idp;
    private final SsoProfile profile;
    private final Clock clock;
    private final Duration requestLifetime;
    private final PendingRequests pending;
    /** The decryption keys, primary first: tried in this order, published in this order in the metadata. */
    private final List<SigningCredential> decryptionKeys;
    private final ResponseConsumer consumer;

    private ServiceProvider(Builder b, PendingRequests pending) {
        this.entityId = b.entityId;
        this.acs = b.acs;
        this.slo = b.slo;
        this.serviceName = b.serviceName;
        this.signing = b.signing;
        this.algorithm = b.algorithm;
        this.idp = b.idp;
        this.profile = b.profile;
        this.clock = b.clock;
        this.requestLifetime = b.requestLifetime;
        this.pending = pending;
        List<SigningCredential> keys = new ArrayList<>();
        keys.add(b.decryption);
        if (b.secondaryDecryption != null) {
            keys.add(b.secondaryDecryption);
        }
        this.decryptionKeys = List.copyOf(keys);
        this.consumer = new ResponseConsumer(entityId, acs, idp, profile, decryptionKeys, clock, b.skew, pending,
                new AssertionIdCache(b.replayCapacity), b.allowUnencrypted);
    }

    /** A builder; entity id, ACS URL, signing and decryption credentials, IdP metadata and profile are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds and signs an AuthnRequest for the HTTP-Redirect binding to the IdP's Redirect SingleSignOnService, and
     * stores it as pending.
     */
    public LoginRedirect authnRequest(LoginOptions options) {
        Checks.required(options, "options");
        String destination = idp.singleSignOnService(IdpMetadata.REDIRECT).orElseThrow(() ->
                new ValidationException("idp.singleSignOnService", "the IdP metadata has no HTTP-Redirect endpoint"));
        Instant now = clock.instant();
        byte[] idBytes = new byte[20];
        RANDOM.nextBytes(idBytes);
        String id = "_" + HexFormat.of().formatHex(idBytes);
        byte[] rs = new byte[18];
        RANDOM.nextBytes(rs);
        String relayState = Base64.getUrlEncoder().withoutPadding().encodeToString(rs);
        var level = options.minimumLevel().orElse(profile.defaultMinimumLevel());
        String xml = AuthnRequestXml.build(id, now, destination, acs, entityId,
                profile.nameIdFormat(), level, options.forceAuthn(), options.passive());
        String url = RedirectBinding.signedUrl(destination, "SAMLRequest", xml, relayState, signing,
                algorithm);
        PendingRequest request = new PendingRequest(id, now, now.plus(requestLifetime), relayState,
                options.returnUrl().orElse(null), level);
        pending.put(request);
        return new LoginRedirect(url, request);
    }

    /**
     * Consumes the {@code SAMLResponse} and {@code RelayState} form fields POSTed to the ACS.
     *
     * @throws SsoRefusedException for every refusal, with a reason code and a message naming the element and rule
     */
    public SsoLogin consume(String samlResponse, String relayState) {
        return consumer.consume(samlResponse, relayState);
    }

    /** The SP metadata (unsigned EntityDescriptor) to register with the federation. */
    public String metadata() {
        return MetadataXml.writeSp(entityId, acs, slo, signing.certificate(),
                decryptionKeys.stream().map(SigningCredential::certificate).toList(),
                profile.nameIdFormat(), profile.requestedAttributes(), serviceName);
    }

    /** The SP entity id. */
    public String entityId() {
        return entityId;
    }

    @Override
    public String toString() {
        return "ServiceProvider[" + entityId + ", idp=" + idp.entityId() + ", profile="
                + profile.name() + "]";
    }

    /** Builds a {@link ServiceProvider}. */
    public static final class Builder {
        private String entityId;
        private String acs;
        private String slo;
        private String serviceName = "Service provider";
        private SigningCredential signing;
        private SignatureAlgorithm algorithm = SignatureAlgorithm.RSA_SHA256;
        private SigningCredential decryption;
        private SigningCredential secondaryDecryption;
        private IdpMetadata idp;
        private SsoProfile profile;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(3);
        private Duration requestLifetime = Duration.ofMinutes(10);
        private PendingRequests pending;
        private int replayCapacity = 100_000;
        private boolean allowUnencrypted;

        private Builder() {
        }

        /** The SP entity id (the Context Handler expects it to start with {@code https://saml.}, per FoxIDs). */
        public Builder entityId(String id) {
            this.entityId = id;
            return this;
        }

        /** The assertion consumer service URL (HTTP-POST). */
        public Builder assertionConsumerService(String url) {
            this.acs = url;
            return this;
        }

        /** The single logout service URL (HTTP-Redirect) published in the metadata; optional. */
        public Builder singleLogoutService(String url) {
            this.slo = url;
            return this;
        }

        /** The ServiceName in the metadata's AttributeConsumingService. */
        public Builder serviceName(String name) {
            this.serviceName = Checks.required(name, "name");
            return this;
        }

        /** The credential AuthnRequests are signed with (an OCES3 certificate towards the Context Handler). */
        public Builder signingCredential(SigningCredential credential) {
            this.signing = credential;
            return this;
        }

        /**
         * The query-signature algorithm: {@link SignatureAlgorithm#RSA_SHA256} (default) or
         * {@link SignatureAlgorithm#RSA_PSS_SHA256}.
         */
        public Builder signatureAlgorithm(SignatureAlgorithm algorithm) {
            if (algorithm != SignatureAlgorithm.RSA_SHA256 && algorithm != SignatureAlgorithm.RSA_PSS_SHA256) {
                throw new ValidationException("signatureAlgorithm", "must be RSA_SHA256 or RSA_PSS_SHA256");
            }
            this.algorithm = algorithm;
            return this;
        }

        /** The key assertions are encrypted to (its certificate goes into the metadata as encryption key). */
        public Builder decryptionCredential(SigningCredential credential) {
            this.decryption = credential;
            return this;
        }

        /** A second decryption key, tried after the primary one, for certificate rollover. */
        public Builder secondaryDecryptionCredential(SigningCredential credential) {
            this.secondaryDecryption = credential;
            return this;
        }

        /** The identity provider's metadata. */
        public Builder idp(IdpMetadata metadata) {
            this.idp = metadata;
            return this;
        }

        /** The federation profile. */
        public Builder profile(SsoProfile p) {
            this.profile = p;
            return this;
        }

        /** The clock; default the system UTC clock. */
        public Builder clock(Clock c) {
            this.clock = Checks.required(c, "clock");
            return this;
        }

        /** The allowed clock skew for time checks; default 3 minutes (the SDK's choice), at most 10 minutes. */
        public Builder clockSkew(Duration d) {
            if (d.isNegative() || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new ValidationException("clockSkew", "must be between 0 and 10 minutes");
            }
            this.skew = d;
            return this;
        }

        /** How long a pending request may be answered; default 10 minutes (the SDK's choice). */
        public Builder requestLifetime(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new ValidationException("requestLifetime", "must be positive");
            }
            this.requestLifetime = d;
            return this;
        }

        /** The pending-request store; default {@link PendingRequests#inMemory(int)} with 10,000 entries. */
        public Builder pendingRequests(PendingRequests store) {
            this.pending = Checks.required(store, "store");
            return this;
        }

        /** How many assertion ids the replay cache holds; default 100,000. */
        public Builder replayCacheCapacity(int capacity) {
            if (capacity < 1) {
                throw new ValidationException("replayCacheCapacity", "must be at least 1");
            }
            this.replayCapacity = capacity;
            return this;
        }

        /**
         * Accepts an unencrypted (but signed) Assertion too. Off by default: the Context Handler and NemLog-in encrypt
         * (research note, §1 and §7); only for an older peer that does not.
         */
        public Builder allowUnencryptedAssertion(boolean allow) {
            this.allowUnencrypted = allow;
            return this;
        }

        /** The service provider. */
        public ServiceProvider build() {
            require(entityId, "entityId");
            require(acs, "assertionConsumerService");
            require(signing, "signingCredential");
            require(decryption, "decryptionCredential");
            require(idp, "idp");
            require(profile, "profile");
            return new ServiceProvider(this, pending == null ? PendingRequests.inMemory(10_000) : pending);
        }

        private static void require(Object value, String path) {
            if (value == null || value instanceof String s && s.isBlank()) {
                throw new ValidationException(path, "is required");
            }
        }
    }
}
