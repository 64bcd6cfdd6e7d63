package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.sso.internal.AssertionIdCache;
import dk.rammearkitektur.sso.internal.AuthnRequestXml;
import dk.rammearkitektur.sso.internal.IdpSignatures;
import dk.rammearkitektur.sso.internal.LogoutConsumer;
import dk.rammearkitektur.sso.internal.LogoutXml;
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
 * Response's own signature when it has one (optional, but then it must verify and cover exactly the Response), its
 * Destination, Issuer and InResponseTo (a stored, unexpired, unused request whose RelayState matches), its
 * Status, exactly one EncryptedAssertion (decrypted with the primary, then the secondary key), the assertion's
 * signature (only the assertion itself, by an IdP metadata signing key), Issuer, bearer SubjectConfirmationData,
 * Conditions with skew, Audience, one AuthnStatement and one AttributeStatement, specVersion, the identity, the level
 * of assurance and one-time use of the assertion id. Thread-safe; build once.
 *
 * <p>Single logout: {@link #logoutRequest(SsoLogin, String)} and {@link #consumeLogoutResponse(String)} (or its POST
 * form) for SP-initiated logout; {@link #consumeLogoutRequest(String)} (or its POST form) and
 * {@link #logoutResponse(LogoutInstruction)} for IdP-initiated logout. The IdP metadata comes from an
 * {@link IdpMetadataSource}, read on every call, so refreshed metadata and rolled-over IdP keys take effect at once.
 */
public final class ServiceProvider {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    // copied from the builder, so reusing the builder after build() changes nothing here
    private final String entityId;
    private final String acs;
    private final String slo;
    private final String serviceName;
    private final SigningCredential signing;
    private final SignatureAlgorithm algorithm;
    private final IdpMetadataSource idp;
    private final SsoProfile profile;
    private final Clock clock;
    private final Duration requestLifetime;
    private final PendingRequests pending;
    /** The decryption keys, primary first: tried in this order, published in this order in the metadata. */
    private final List<SigningCredential> decryptionKeys;
    private final ResponseConsumer consumer;
    private final SigningCredential nextSigning;
    private final PendingRequests pendingLogouts;
    private final LogoutConsumer logouts;

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
        IdpSignatures signatures = new IdpSignatures(idp);
        this.consumer = new ResponseConsumer(entityId, acs, signatures, profile, decryptionKeys, clock, b.skew, pending,
                new AssertionIdCache(b.replayCapacity), b.allowUnencrypted);
        this.nextSigning = b.nextSigning;
        this.pendingLogouts = b.pendingLogouts == null ? PendingRequests.inMemory(10_000) : b.pendingLogouts;
        this.logouts = new LogoutConsumer(slo, signatures, pendingLogouts, new AssertionIdCache(b.replayCapacity), clock,
                b.skew, requestLifetime);
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
        String destination = idp.current().singleSignOnService(IdpMetadata.REDIRECT).orElseThrow(() ->
                new ValidationException("idp.singleSignOnService", "the IdP metadata has no HTTP-Redirect endpoint"));
        Instant now = clock.instant();
        String id = newId();
        String relayState = newRelayState();
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

    /**
     * Builds and signs an SP-initiated LogoutRequest for the HTTP-Redirect binding to the IdP's Redirect
     * SingleLogoutService, for the session of {@code login} (its NameID with Format, and SessionIndex), and stores it as
     * a pending logout. The Context Handler expects exactly this: a signed Redirect LogoutRequest with NameID, Format
     * and SessionIndex (research note §1, "Logout", after OpenCase {@code buildLogoutRedirectUrl}).
     *
     * @param login the login whose session ends
     * @param returnUrl where the application sends the user after the logout (may be null)
     */
    public LogoutRedirect logoutRequest(SsoLogin login, String returnUrl) {
        Checks.required(login, "login");
        return logoutRequest(login.nameId(), login.nameIdFormat(), null, null, login.sessionIndex(), returnUrl);
    }

    /**
     * {@link #logoutRequest(SsoLogin, String)} for a session the application stored itself: the NameID value with its
     * Format, NameQualifier and SPNameQualifier as received (null or empty when absent) and the SessionIndex.
     */
    public LogoutRedirect logoutRequest(String nameId, String nameIdFormat, String nameQualifier,
            String spNameQualifier, String sessionIndex, String returnUrl) {
        requireText(nameId, "nameId");
        requireText(sessionIndex, "sessionIndex");
        requireSlo();
        String destination = idp.current().singleLogoutService(IdpMetadata.REDIRECT).orElseThrow(() ->
                new ValidationException("idp.singleLogoutService", "the IdP metadata has no HTTP-Redirect endpoint"));
        Instant now = clock.instant();
        String id = newId();
        String relayState = newRelayState();
        Instant expires = now.plus(requestLifetime);
        String xml = LogoutXml.request(id, now, expires, destination, entityId, nameId, nameIdFormat, nameQualifier,
                spNameQualifier, sessionIndex);
        String url = RedirectBinding.signedUrl(destination, "SAMLRequest", xml, relayState, signing, algorithm);
        PendingRequest request = new PendingRequest(id, now, expires, relayState, returnUrl, null);
        pendingLogouts.put(request);
        return new LogoutRedirect(url, request);
    }

    /**
     * Consumes the IdP's LogoutResponse received at the single logout URL by HTTP-Redirect: {@code rawQuery} is the
     * query string exactly as received (still URL-encoded, without {@code ?}; the servlet API's
     * {@code getQueryString()}). Checks, in order: the query signature over the received bytes with an IdP metadata
     * signing certificate, Version, Destination (the SLO URL), Issuer, InResponseTo (a pending, unexpired, unused
     * logout request, then used up) with its RelayState, and the Status.
     *
     * @return the result; {@link LogoutResult#partial()} tells a partial logout
     * @throws SsoRefusedException for every refusal; {@link SsoRefusedException#STATUS} when the top-level status is
     *     not Success
     */
    public LogoutResult consumeLogoutResponse(String rawQuery) {
        requireSlo();
        return logouts.responseFromRedirect(rawQuery);
    }

    /**
     * Consumes a LogoutResponse POSTed to the single logout URL (form fields {@code SAMLResponse}, {@code RelayState}).
     * Accepted even when the request went by Redirect: the Context Handler has answered logout by POST although
     * Redirect was configured (an older FoxIDs doc, research note §1, "Logout"). The LogoutResponse must carry an
     * enveloped XML signature referencing exactly its root, by an IdP metadata signing certificate; then the checks of
     * {@link #consumeLogoutResponse(String)}.
     */
    public LogoutResult consumeLogoutResponse(String samlResponse, String relayState) {
        requireSlo();
        return logouts.responseFromPost(samlResponse, relayState);
    }

    /**
     * Consumes an IdP-initiated LogoutRequest received by HTTP-Redirect (the raw query string, as for
     * {@link #consumeLogoutResponse(String)}); the SP must handle IdP-initiated logout over Redirect and POST (research
     * note §1, "Logout", after OpenCase {@code processSls}). Checks, in order: the query signature, Version,
     * Destination, Issuer, IssueInstant (not in the future beyond the skew, not older than the request lifetime),
     * NotOnOrAfter (with skew), one non-empty NameID, and that the ID was not received before.
     *
     * @return what the application must end; then send the browser to {@link #logoutResponse(LogoutInstruction)}
     */
    public LogoutInstruction consumeLogoutRequest(String rawQuery) {
        requireSlo();
        return logouts.requestFromRedirect(rawQuery);
    }

    /**
     * Consumes an IdP-initiated LogoutRequest POSTed to the single logout URL (form fields {@code SAMLRequest},
     * {@code RelayState}); it must carry an enveloped XML signature referencing exactly its root. Otherwise as
     * {@link #consumeLogoutRequest(String)}.
     */
    public LogoutInstruction consumeLogoutRequest(String samlRequest, String relayState) {
        requireSlo();
        return logouts.requestFromPost(samlRequest, relayState);
    }

    /**
     * The signed HTTP-Redirect LogoutResponse to an IdP-initiated logout, with status Success and InResponseTo the
     * request's ID, to the IdP's Redirect SingleLogoutService (its ResponseLocation is not read). Success is answered
     * also when the application held no session for the NameID (the SDK's choice: the state the IdP asked for, no
     * session, holds, and an error status would only make the IdP report a failed logout to the user).
     */
    public String logoutResponse(LogoutInstruction instruction) {
        Checks.required(instruction, "instruction");
        requireSlo();
        String destination = idp.current().singleLogoutService(IdpMetadata.REDIRECT).orElseThrow(() ->
                new ValidationException("idp.singleLogoutService", "the IdP metadata has no HTTP-Redirect endpoint"));
        String xml = LogoutXml.response(newId(), clock.instant(), destination, instruction.requestId(), entityId,
                List.of(SUCCESS));
        return RedirectBinding.signedUrl(destination, "SAMLResponse", xml, instruction.relayState(), signing, algorithm);
    }

    /** The SP metadata (unsigned EntityDescriptor) to register with the federation. */
    public String metadata() {
        List<java.security.cert.X509Certificate> signingCertificates = new ArrayList<>();
        signingCertificates.add(signing.certificate());
        if (nextSigning != null) {
            signingCertificates.add(nextSigning.certificate());
        }
        return MetadataXml.writeSp(entityId, acs, slo, signingCertificates,
                decryptionKeys.stream().map(SigningCredential::certificate).toList(),
                profile.nameIdFormat(), profile.requestedAttributes(), serviceName);
    }

    /** The SP entity id. */
    public String entityId() {
        return entityId;
    }

    private void requireSlo() {
        if (slo == null) {
            throw new ValidationException("singleLogoutService", "is required for logout");
        }
    }

    private static void requireText(String value, String path) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(path, "is required");
        }
    }

    private static String newId() {
        byte[] idBytes = new byte[20];
        RANDOM.nextBytes(idBytes);
        return "_" + HexFormat.of().formatHex(idBytes);
    }

    private static String newRelayState() {
        byte[] rs = new byte[18];
        RANDOM.nextBytes(rs);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rs);
    }

    @Override
    public String toString() {
        return "ServiceProvider[" + entityId + ", idp=" + idp + ", profile="
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
        private IdpMetadataSource idp;
        private SsoProfile profile;
        private SigningCredential nextSigning;
        private PendingRequests pendingLogouts;
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

        /**
         * The single logout service URL (HTTP-Redirect) published in the metadata, the Destination logout messages
         * must carry; optional, required for logout.
         */
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

        /** The identity provider's metadata, fixed. */
        public Builder idp(IdpMetadata metadata) {
            this.idp = metadata == null ? null : IdpMetadataSource.fixed(metadata);
            return this;
        }

        /** The identity provider's metadata from a source (refreshed), read on every call. */
        public Builder idp(IdpMetadataSource source) {
            this.idp = source;
            return this;
        }

        /**
         * The credential that will sign after the SP's own certificate rollover: published in the metadata as a second
         * signing KeyDescriptor so the IdP knows it before the switch; nothing is signed with it.
         */
        public Builder nextSigningCredential(SigningCredential credential) {
            this.nextSigning = credential;
            return this;
        }

        /**
         * The store of pending SP-initiated logout requests; default {@link PendingRequests#inMemory(int)} with 10,000
         * entries. Kept apart from the login store, so an answer to a login can never answer a logout.
         */
        public Builder pendingLogouts(PendingRequests store) {
            this.pendingLogouts = Checks.required(store, "store");
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
