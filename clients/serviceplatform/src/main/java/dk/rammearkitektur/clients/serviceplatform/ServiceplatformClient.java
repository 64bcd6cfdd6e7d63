package dk.rammearkitektur.clients.serviceplatform;

import io.micrometer.observation.ObservationRegistry;
import dk.rammearkitektur.clients.common.internal.ClientSettings;
import dk.rammearkitektur.clients.serviceplatform.internal.Authenticator;
import dk.rammearkitektur.clients.serviceplatform.internal.CallExecutor;
import dk.rammearkitektur.clients.serviceplatform.internal.InvocationContextAuthenticator;
import dk.rammearkitektur.clients.common.internal.KeyMaterial;
import dk.rammearkitektur.clients.serviceplatform.internal.Mapping;
import dk.rammearkitektur.clients.common.internal.ReplySignatures;
import dk.rammearkitektur.clients.common.internal.RestStsClient;
import dk.rammearkitektur.clients.common.internal.SoapStsClient;
import dk.rammearkitektur.clients.common.internal.SoapTransport;
import dk.rammearkitektur.clients.serviceplatform.internal.StsAuthenticator;
import dk.rammearkitektur.clients.common.internal.StsClient;
import dk.rammearkitektur.clients.common.internal.TokenCache;
import dk.rammearkitektur.clients.common.internal.TokenVerificationSettings;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.wss.SoapVersion;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupRequest;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupResponse;
import dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages;
import dk.rammearkitektur.clients.serviceplatform.internal.org.OrganisationMessages;
import dk.rammearkitektur.clients.serviceplatform.internal.org.OrganisationReader;
import dk.rammearkitektur.clients.serviceplatform.internal.EnvelopeBuilder;
import java.math.BigInteger;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.clients.common.internal.HttpTransport;

/**
 * Client for Serviceplatformen's base-data services: CPR person lookup (SF1520), CPR subscription (SF6002,
 * InvocationContext only, through {@link #cprSubscriptions()}), CVR lookup by CVR number and by P-number (SF1530) and
 * Organisation read (SF1500 Organisation 6, STS tokens only). SOAP 1.1 (SF1520, SF1530) and
 * SOAP 1.2 (SF1500, the STS), as each published binding says, over HTTPS with mutual TLS using the organisation's
 * system certificate; authorised either by an InvocationContext inside the request element in the SOAP Body
 * ({@link Builder#invocationContext}) or by a SAML holder-of-key token from the security token service in a signed
 * WS-Security header ({@link Builder#stsToken}).
 * Tokens are cached per service, CVR and certificate, renewed before they expire, and fetched once however many
 * callers need them at the same time.
 *
 * <pre>{@code
 * try (ServiceplatformClient sp = ServiceplatformClient.builder()
 *         .environment(Environment.TEST)
 *         .systemCertificate(Path.of("system.p12"), password)
 *         .trustAnchors(anchors)
 *         .invocationContext(userSystemUuid, userUuid)
 *         .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, agreementUuid)
 *         .build()) {
 *     Optional<PersonRecord> p = sp.lookupPerson("0101901234");
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one per configuration and share it. Connections are pooled and reused.
 */
public final class ServiceplatformClient implements AutoCloseable {
    private static final String CPR_ACTION =
            "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup";
    private static final String CVR_ACTION_BASE = "http://rep.oio.dk/eogs/xml.wsdl/2/";
    /** The text of SF1520's fault for an unknown CPR number (research note b10, source S1). */
    static final String CPR_NOT_FOUND = "PNR not found";
    /** The text of SF1530's fault for an unknown CVR number (research note c5, source S1). */
    static final String CVR_NOT_FOUND = "Required property '/virksomhed/CVRNummer' missing.";
    /**
     * The {@code level} attribute SF1530 requires on its inner requests. The contract only says "positive integer";
     * the SDK sends 10, the value a public client sends (research note c3, source S5).
     */
    private static final int CVR_LEVEL = 10;
    /** Guards against a service that keeps filling pages: at most this many pages are read. */
    private static final int MAX_ORGANISATION_PAGES = 10_000;

    private final Environment environment;
    private final CallExecutor executor;
    private final X509Certificate certificate;
    private final String tokenCvr;
    private final int organisationPageSize;
    private final Clock clock;
    private final CprSubscriptions cprSubscriptions;

    private ServiceplatformClient(Environment environment, CallExecutor executor, X509Certificate certificate,
            String tokenCvr, int organisationPageSize, Clock clock) {
        this.environment = environment;
        this.executor = executor;
        this.certificate = certificate;
        this.tokenCvr = tokenCvr;
        this.organisationPageSize = organisationPageSize;
        this.clock = clock;
        this.cprSubscriptions = new CprSubscriptions(executor);
    }

    /** A builder with the defaults: core {@link Timeouts#defaults()}, {@link RetryPolicy#defaults()}, pool of 20. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment this client calls. */
    public Environment environment() {
        return environment;
    }

    /** The system certificate used for mutual TLS. */
    public X509Certificate systemCertificate() {
        return certificate;
    }

    /**
     * Looks up a person (person) by CPR number (personnummer) with SF1520.
     *
     * @param cpr ten digits, with or without a hyphen after the sixth
     * @return the person, or empty when the register has no such person (the platform answers that with a SOAP fault
     *     whose text contains {@value #CPR_NOT_FOUND}; no other fault is read as "not found")
     * @throws ValidationException when {@code cpr} is not ten digits
     */
    public Optional<PersonRecord> lookupPerson(String cpr) {
        String digits = digits("cpr", cpr, 10, true);
        PersonLookupRequest req = new PersonLookupRequest();
        req.pnr = digits;
        return notFoundAsEmpty(CPR_NOT_FOUND, () -> executor.callJaxb(
                PersonBaseDataExtendedService.INSTANCE, "PersonLookup", CPR_ACTION, req, PersonLookupResponse.class,
                Mapping::person));
    }

    /**
     * Looks up a company (virksomhed) by CVR number with SF1530, including the P-numbers of its production units.
     *
     * @param cvr eight digits
     * @return the company, or empty when the register has none (the platform answers that with a SOAP fault whose
     *     text contains {@value #CVR_NOT_FOUND}, or with an empty reply, which the contract allows)
     * @throws ValidationException when {@code cvr} is not eight digits
     */
    public Optional<CompanyRecord> lookupCompany(String cvr) {
        CvrMessages.GetLegalUnitRequest req = new CvrMessages.GetLegalUnitRequest();
        req.request = new CvrMessages.LegalUnitQuery();
        req.request.level = CVR_LEVEL;
        req.request.legalUnitIdentifier = digits("cvr", cvr, 8, false);
        return notFoundAsEmpty(CVR_NOT_FOUND, () -> executor.callJaxb(
                CvrOnlineService.INSTANCE, "getLegalUnit", CVR_ACTION_BASE + "getLegalUnit", req,
                CvrMessages.GetLegalUnitResponse.class, Mapping::company));
    }

    /**
     * Looks up a production unit (produktionsenhed) by P-number with SF1530.
     *
     * @param pNumber ten digits
     * @return the production unit, or empty when the register has none (an empty reply, or the not-found fault
     *     {@link #lookupCompany} describes)
     * @throws ValidationException when {@code pNumber} is not ten digits
     */
    public Optional<ProductionUnitRecord> lookupProductionUnit(String pNumber) {
        CvrMessages.GetProductionUnitRequest req = new CvrMessages.GetProductionUnitRequest();
        req.request = new CvrMessages.ProductionUnitQuery();
        req.request.level = CVR_LEVEL;
        req.request.productionUnitIdentifier = digits("pNumber", pNumber, 10, false);
        return notFoundAsEmpty(CVR_NOT_FOUND, () -> executor.callJaxb(
                CvrOnlineService.INSTANCE, "getProductionUnit", CVR_ACTION_BASE + "getProductionUnit", req,
                CvrMessages.GetProductionUnitResponse.class, Mapping::productionUnit));
    }

    /**
     * Searches legal units (companies) by name with SF1530 {@code searchLegalUnit}. How the register matches the name
     * is the register's rule (not published); the request carries {@code SearchName}, {@code SearchLifecycleStatus}
     * ({@code active} or {@code all}) and the {@code maximumNumberOfResultsType} attribute.
     *
     * @param name the name to search for, 1 to 255 characters (the length limit is the SDK's own)
     * @param activeOnly true to find only active legal units, false for all
     * @param maxResults the most CVR numbers to return, 1 to 1000 (the upper limit is the SDK's own)
     * @return the CVR numbers found and whether the register has more
     * @throws ValidationException naming {@code name} or {@code maxResults} when they break those rules
     */
    public LegalUnitSearchResult searchLegalUnits(String name, boolean activeOnly, int maxResults) {
        Violations v = Violations.at("");
        v.require(name != null && !name.isBlank() && name.length() <= 255, "name", "must be 1 to 255 characters");
        v.require(maxResults >= 1 && maxResults <= 1000, "maxResults", "must be between 1 and 1000");
        v.throwIfAny();
        CvrMessages.SearchLegalUnitRequest req = new CvrMessages.SearchLegalUnitRequest();
        req.request = new CvrMessages.LegalUnitSearch();
        req.request.maximumNumberOfResults = maxResults;
        req.request.searchName = name.trim();
        req.request.searchLifecycleStatus = activeOnly ? "active" : "all";
        return executor.callJaxb(CvrOnlineService.INSTANCE, "searchLegalUnit", CVR_ACTION_BASE + "searchLegalUnit",
                req, CvrMessages.SearchLegalUnitResponse.class, Mapping::legalUnitSearch);
    }

    /**
     * SF6002 CPR Abonnement: follow citizens' CPR changes (subscribe, unsubscribe, read the filters). The changes
     * themselves arrive as daily files over SFTP, not through this client (see {@link CprSubscriptions}).
     *
     * @return the subscription calls of this client, which share its connections and settings
     * @throws ValidationException at path {@code cprSubscriptions} when the client uses the STS token model: SF6002
     *     has only the InvocationContext model (research note {@code sf6002.md} §1.7)
     */
    public CprSubscriptions cprSubscriptions() {
        if (tokenCvr != null) {
            throw new ValidationException("cprSubscriptions", CPR_SUBSCRIPTION_HAS_NO_TOKEN_MODEL);
        }
        return cprSubscriptions;
    }

    private static final String CPR_SUBSCRIPTION_HAS_NO_TOKEN_MODEL = "SF6002 CPR Abonnement has only the"
            + " InvocationContext model (mutual TLS and an InvocationContext, no STS token): build the client with"
            + " invocationContext(...)";

    /**
     * Runs {@code call}; a platform fault whose faultstring or error text contains {@code notFound} is empty, any
     * other fault is thrown.
     */
    static <T> Optional<T> notFoundAsEmpty(String notFound, java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ServiceFaultException e) {
            if (contains(e.faultString(), notFound) || contains(e.faultText(), notFound)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean contains(String text, String part) {
        return text != null && text.contains(part);
    }

    /**
     * Reads the organisation units, users and functions of a municipality (myndighed) with SF1500 Organisation 6
     * ({@code FremsoegObjekthierarki}, SOAP 1.2, STS token model only). The contract has no CVR field: the service
     * answers for the organisation of the token's CVR, so {@code municipalityCvr} must be the CVR given to
     * {@link Builder#stsToken(String)}. Reads page after page ({@code FoersteResultatReference},
     * {@code MaksimalAntalKvantitet} = {@link Builder#organisationPageSize(int)}) until no list fills a page (the
     * SDK's reading of the paging fields; the contract does not define it further).
     *
     * @param municipalityCvr the municipality's CVR number, eight digits, the client's token CVR
     * @return the organisation
     * @throws ValidationException when {@code municipalityCvr} is not eight digits or not the token CVR, or when the
     *     client uses the InvocationContext model, which SF1500 6 does not have
     * @throws ServiceFaultException for a SOAP fault, and for a {@code StandardRetur/StatusKode} other than 20
     *     (its fault code is the status code, its text the {@code FejlbeskedTekst})
     */
    public OrganisationRecord readOrganisation(String municipalityCvr) {
        String cvr = digits("municipalityCvr", municipalityCvr, 8, false);
        if (tokenCvr == null) {
            throw new ValidationException("readOrganisation", ORGANISATION_HAS_NO_INVOCATION_CONTEXT);
        }
        if (!tokenCvr.equals(cvr)) {
            throw new ValidationException("municipalityCvr", "must be the CVR the client's tokens are issued for"
                    + " (stsToken): SF1500 Organisation 6 answers for the token's organisation");
        }
        OrganisationReader reader = new OrganisationReader(clock.instant());
        for (int page = 0; page < MAX_ORGANISATION_PAGES; page++) {
            OrganisationMessages.Input req = new OrganisationMessages.Input();
            req.foersteResultatReference = BigInteger.valueOf((long) page * organisationPageSize);
            req.maksimalAntalKvantitet = BigInteger.valueOf(organisationPageSize);
            int read = executor.call(OrganisationService.INSTANCE, "FremsoegObjekthierarki", SoapVersion.SOAP_12,
                    true, OrganisationMessages.ACTION, req, (reply, call) -> reader.addPage(reply, call));
            if (read < organisationPageSize) {
                return reader.result();
            }
        }
        throw new MalformedReplyException(ServiceCall.read(OrganisationService.INSTANCE.id(), "FremsoegObjekthierarki",
                null), "SF1500 kept filling pages after " + MAX_ORGANISATION_PAGES + " pages", null);
    }

    private static final String ORGANISATION_HAS_NO_INVOCATION_CONTEXT = "SF1500 Organisation 6 has no"
            + " InvocationContext model (it is called directly with STS tokens): build the client with stsToken(cvr)";

    /**
     * Asks the STS for a new token for {@code service} now, past the token cache (the cached tokens and a remembered
     * refusal are left as they are): a health check of the STS, not needed for calls, which fetch and cache their
     * tokens themselves. Bounded by the client's timeouts.
     *
     * @param service the service the token is asked for, e.g. {@link PersonBaseDataExtendedService#INSTANCE}
     * @return when the new token expires
     * @throws ValidationException at {@code service} when it is null or has no token model (SF6002), at
     *     {@code authModel} when the client was built with the invocation-context model (no STS)
     * @throws dk.rammearkitektur.core.StsRefusedException when the STS refuses
     * @throws dk.rammearkitektur.core.TransportException when the STS cannot be reached or its reply not be read
     */
    public java.time.Instant checkSts(ServiceDescription service) {
        if (service == null) {
            throw new ValidationException("service", "must be set");
        }
        if (CprSubscriptionService.INSTANCE.id().equals(service.id())) {
            throw new ValidationException("service", "has no STS token model (SF6002)");
        }
        if (tokenCvr == null) {
            throw new ValidationException("authModel", "is invocationContext: the client has no STS");
        }
        return executor.checkSts(service);
    }

    /** Closes pooled connections; the client cannot be used afterwards. */
    @Override
    public void close() {
        executor.close();
    }

    private static String digits(String field, String value, int length, boolean allowHyphen) {
        if (value == null) {
            throw new ValidationException(field, "must be set");
        }
        String v = value.trim();
        if (allowHyphen && v.length() == length + 1 && v.charAt(6) == '-') {
            v = v.substring(0, 6) + v.substring(7);
        }
        if (v.length() != length || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(field, "must be " + length + " digits");
        }
        return v;
    }

    /** Builder for {@link ServiceplatformClient}; every setting is checked by {@link #build()}. */
    public static final class Builder {
        private final ClientSettings settings = new ClientSettings();
        private Environment environment;
        private int poolSize = 20;
        private UUID userSystem;
        private UUID user;
        private String accountingInfo;
        private String onBehalfOfUser;
        private final Map<String, UUID> agreements = new HashMap<>();
        private String stsCvr;
        private StsProtocol stsProtocol = StsProtocol.SOAP;
        private int organisationPageSize = 500;
        private List<X509Certificate> serviceCertificates = new java.util.ArrayList<>();
        private boolean addressingOnInvocationContext = true;
        private boolean mustUnderstandAddressing;

        private Builder() {
        }

        /** Where to call: {@link Environment#TEST}, {@link Environment#PRODUCTION} or a custom one. Required. */
        public Builder environment(Environment environment) {
            this.environment = environment;
            return this;
        }

        /** The system certificate as PKCS#12 bytes and the store's password. */
        public Builder systemCertificate(byte[] pkcs12, char[] password) {
            settings.systemCertificate(pkcs12, password);
            return this;
        }

        /** The system certificate as a PKCS#12 file and the store's password. */
        public Builder systemCertificate(Path pkcs12File, char[] password) {
            settings.systemCertificate(pkcs12File, password);
            return this;
        }

        /** The system certificate from a loaded key store (its first private-key entry) and the key's password. */
        public Builder systemCertificate(KeyStore keyStore, char[] keyPassword) {
            settings.systemCertificate(keyStore, keyPassword);
            return this;
        }

        /** The CA certificates the platform's TLS certificate must chain to. Required, at least one. */
        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            settings.trustAnchors(anchors);
            return this;
        }

        /** Connect, read and total timeouts. */
        public Builder timeouts(Timeouts timeouts) {
            settings.timeouts(timeouts);
            return this;
        }

        /** The most calls (and so connections) in flight at once; 1 to 1000. */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /** An HTTP proxy to tunnel through, or null for none. */
        public Builder proxy(InetSocketAddress proxy) {
            settings.proxy(proxy);
            return this;
        }

        /** How lookups (reads) are retried after transient transport failures. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            settings.retryPolicy(retryPolicy);
            return this;
        }

        /** The clock for timestamps and token lifetimes. */
        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        /**
         * The Micrometer registry the client's calls and STS tokens are observed in, e.g. the application's (see
         * {@code docs/observability.md}): one {@code rammearkitektur.client.call} observation per call, retries
         * included, and one {@code rammearkitektur.sts.token} per token asked for, tagged with the service, operation
         * and outcome, never with personal data. Default {@link ObservationRegistry#NOOP}: nothing is recorded.
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            settings.observationRegistry(registry);
            return this;
        }

        /** The clock skew tolerated when checking lifetimes; 0 to 15 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            settings.clockSkew(clockSkew);
            return this;
        }

        /** Selects the InvocationContext auth model with the calling user system and user (UserSystemUUID, UserUUID). */
        public Builder invocationContext(UUID userSystemUuid, UUID userUuid) {
            this.userSystem = userSystemUuid;
            this.user = userUuid;
            return this;
        }

        /** AccountingInfo for the InvocationContext (at most 255 characters, as the contract says), or null. */
        public Builder accountingInfo(String accountingInfo) {
            this.accountingInfo = accountingInfo;
            return this;
        }

        /** OnBehalfOfUser for the InvocationContext (at most 255 characters, as the contract says), or null. */
        public Builder onBehalfOfUser(String onBehalfOfUser) {
            this.onBehalfOfUser = onBehalfOfUser;
            return this;
        }

        /** The service agreement (serviceaftale) UUID under which {@code service} is called. */
        public Builder serviceAgreement(ServiceDescription service, UUID agreementUuid) {
            Objects.requireNonNull(service, "service == null");
            Objects.requireNonNull(agreementUuid, "agreementUuid == null");
            agreements.put(service.id(), agreementUuid);
            return this;
        }

        /**
         * Selects the STS token auth model: tokens are asked for on behalf of the authority (myndighed) with CVR
         * number {@code municipalityCvr}.
         */
        public Builder stsToken(String municipalityCvr) {
            this.stsCvr = municipalityCvr;
            return this;
        }

        /** Which STS issue endpoint to use (default SOAP). */
        public Builder stsProtocol(StsProtocol protocol) {
            this.stsProtocol = protocol;
            return this;
        }

        /**
         * How many objects SF1500 {@code readOrganisation} asks for per page ({@code MaksimalAntalKvantitet}); 1 to
         * 10000, default 500 (an SDK default; the platform's limit is not published).
         */
        public Builder organisationPageSize(int pageSize) {
            this.organisationPageSize = pageSize;
            return this;
        }

        /**
         * The services' reply-signing certificates (KOMBIT hands them out with the STS certificates). When set, every
         * reply that is not a fault must be signed by one of them (WS-Security, Body and Timestamp), or the call fails
         * with a {@link dk.rammearkitektur.core.SecurityCheckException}; when empty (the default), reply signatures are not
         * checked.
         */
        public Builder serviceCertificates(Collection<X509Certificate> certificates) {
            this.serviceCertificates = certificates == null ? null : new java.util.ArrayList<>(certificates);
            return this;
        }

        /**
         * Whether InvocationContext-model calls send the WS-Addressing headers {@code wsa:Action}, {@code MessageID},
         * {@code To} and {@code ReplyTo} (default true, today's behaviour). This is the SDK's choice, not a published
         * rule: the context-model policy asks only for HTTPS with a client certificate, public context-model clients
         * send no WS-Addressing, and whether the platform objects to the extra headers is unknown (research note
         * {@code serviceplatformen-wire.md}, row a4). When false, those calls send an empty {@code soap:Header}. Token
         * calls always send the headers, because the token policy signs them; so false together with
         * {@link #stsToken(String)} is refused by {@link #build()}.
         *
         * @param send whether to send WS-Addressing headers on InvocationContext-model calls
         * @return this builder
         */
        public Builder addressingOnInvocationContext(boolean send) {
            this.addressingOnInvocationContext = send;
            return this;
        }

        /**
         * Whether token-model calls mark {@code wsa:Action} and {@code wsa:To} {@code mustUnderstand} in the
         * envelope's own namespace ({@code soap:mustUnderstand="1"} in SOAP 1.1, {@code "true"} in SOAP 1.2; default
         * false, today's behaviour). This is the SDK's choice: a public client's SF1500 call sets it, and whether the
         * platform requires it is unknown (research note {@code serviceplatformen-wire.md}, row f8). The attributes
         * are set before signing, so the signature covers them. Only for {@link #stsToken(String)}; true together
         * with {@link #invocationContext(UUID, UUID)} is refused by {@link #build()}.
         *
         * @param mustUnderstand whether wsa:Action and wsa:To carry mustUnderstand on token-model calls
         * @return this builder
         */
        public Builder mustUnderstandAddressing(boolean mustUnderstand) {
            this.mustUnderstandAddressing = mustUnderstand;
            return this;
        }

        /** The STS's signing certificates; issued tokens must be signed by one of them. Required for STS tokens. */
        public Builder stsCertificates(Collection<X509Certificate> certificates) {
            settings.stsCertificates(certificates);
            return this;
        }

        /** How long before expiry a cached token is renewed (default 5 minutes; 0 to 1 hour). */
        public Builder tokenRenewalMargin(Duration margin) {
            settings.renewalMargin(margin);
            return this;
        }

        /** How long an STS refusal is remembered before the STS is asked again (default 30 s; at least 1 s). */
        public Builder stsFaultBackoff(Duration backoff) {
            settings.stsFaultBackoff(backoff);
            return this;
        }

        /**
         * Checks every setting and builds the client.
         *
         * @throws ValidationException naming each bad setting
         */
        public ServiceplatformClient build() {
            Violations v = Violations.at("serviceplatformClient");
            v.require(environment != null, "environment", "must be set");
            v.require(poolSize >= 1 && poolSize <= 1000, "poolSize", "must be between 1 and 1000");
            v.require(organisationPageSize >= 1 && organisationPageSize <= 10_000, "organisationPageSize",
                    "must be between 1 and 10000");
            settings.checkTimeoutsRetriesClock(v);
            settings.checkObservationRegistry(v);
            if (v.require(settings.clockSkew() != null, "clockSkew", "must be set")) {
                v.require(settings.clockSkewInRange(), "clockSkew", ClientSettings.CLOCK_SKEW_RULE);
            }
            List<X509Certificate> trustAnchors = settings.trustAnchors();
            v.require(!trustAnchors.isEmpty(), "trustAnchors", ClientSettings.CERTIFICATES_RULE);
            v.require(!trustAnchors.contains(null), "trustAnchors", "must not contain null");
            boolean ic = userSystem != null || user != null;
            boolean sts = stsCvr != null;
            if (!ic && !sts) {
                v.add("authModel", "must be set: invocationContext(...) or stsToken(...)");
            } else if (ic && sts) {
                v.add("authModel", "must be either invocationContext or stsToken, not both");
            } else if (ic) {
                v.require(userSystem != null, "invocationContext.userSystemUuid", "must be set");
                v.require(user != null, "invocationContext.userUuid", "must be set");
                InvocationContextAuthenticator.checkTexts(v, accountingInfo, onBehalfOfUser);
                v.require(!agreements.containsKey(OrganisationService.INSTANCE.id()),
                        "serviceAgreements." + OrganisationService.INSTANCE.id(), ORGANISATION_HAS_NO_INVOCATION_CONTEXT);
                v.require(!mustUnderstandAddressing, "mustUnderstandAddressing",
                        "applies to stsToken calls only; must be false with invocationContext");
            } else {
                v.require(!agreements.containsKey(CprSubscriptionService.INSTANCE.id()),
                        "serviceAgreements." + CprSubscriptionService.INSTANCE.id(), CPR_SUBSCRIPTION_HAS_NO_TOKEN_MODEL);
                v.require(addressingOnInvocationContext, "addressingOnInvocationContext", "must be true with stsToken:"
                        + " the token policy signs the WS-Addressing headers, so token calls always send them");
                v.require(ClientSettings.isCvr(stsCvr), "stsToken.cvr", "must be 8 digits");
                v.require(stsProtocol != null, "stsProtocol", "must be set");
                settings.checkStsCertificates(v);
                settings.checkTokenTiming(v);
            }
            if (v.require(serviceCertificates != null, "serviceCertificates", "must not be null (empty: not checked)")) {
                v.require(!serviceCertificates.contains(null), "serviceCertificates", "must not contain null");
            }
            InetSocketAddress proxy = settings.proxy();
            v.require(proxy == null || !proxy.isUnresolved() || proxy.getHostString() != null, "proxy", "must have a host");
            KeyMaterial km = null;
            if (settings.checkSystemCertificateGiven(v)) {
                KeyStore store = settings.readKeyStore(v, true);
                if (store != null && settings.trustAnchorsUsable()) {
                    km = settings.keyMaterial(v, store);
                }
            }
            v.throwIfAny();
            Timeouts timeouts = settings.timeouts();
            Clock clock = settings.clock();
            SoapTransport transport = new SoapTransport(new HttpTransport(km, timeouts, proxy, poolSize));
            Authenticator auth;
            if (stsCvr != null) {
                SigningCredential credential = SigningCredential.of(km.privateKey(), Arrays.asList(km.chain()));
                TokenVerificationSettings tv = new TokenVerificationSettings(settings.stsCertificates(), clock,
                        settings.clockSkew());
                StsClient stsClient = stsProtocol == StsProtocol.REST
                        ? new RestStsClient(environment.stsRest(), km, transport.http(), tv)
                        : new SoapStsClient(environment.stsSoap(), transport, credential, clock, tv);
                auth = new StsAuthenticator(new TokenCache(stsClient, clock, settings.renewalMargin(),
                        settings.stsFaultBackoff(), settings.observationRegistry()), credential, stsCvr, clock);
            } else {
                auth = new InvocationContextAuthenticator(userSystem, user, accountingInfo, onBehalfOfUser, agreements);
            }
            settings.clearPassword();
            java.util.function.Consumer<org.w3c.dom.Document> replyCheck = serviceCertificates.isEmpty() ? null
                    : ReplySignatures.verifier(serviceCertificates, clock, settings.clockSkew());
            EnvelopeBuilder.Addressing addressing = new EnvelopeBuilder.Addressing(
                    stsCvr != null || addressingOnInvocationContext, stsCvr != null && mustUnderstandAddressing);
            return new ServiceplatformClient(environment, new CallExecutor(environment, transport, auth,
                    settings.retryPolicy(), timeouts, clock, replyCheck, addressing, settings.observationRegistry()),
                    km.certificate(), stsCvr, organisationPageSize,
                    clock);
        }
    }
}
