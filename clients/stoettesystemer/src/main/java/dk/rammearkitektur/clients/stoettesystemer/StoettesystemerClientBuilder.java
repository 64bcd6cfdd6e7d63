package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.common.internal.ClientSettings;
import dk.rammearkitektur.clients.common.internal.HttpTransport;
import dk.rammearkitektur.clients.common.internal.KeyMaterial;
import dk.rammearkitektur.clients.common.internal.SoapCallExecutor;
import dk.rammearkitektur.clients.common.internal.SoapTransport;
import dk.rammearkitektur.clients.common.internal.StsClient;
import dk.rammearkitektur.clients.common.internal.StsSecurityHeader;
import dk.rammearkitektur.clients.common.internal.TokenCache;
import dk.rammearkitektur.clients.common.internal.TokenVerificationSettings;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.signing.SigningCredential;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/**
 * The settings every support-systems client's builder shares: environment, system certificate, trust anchors, STS
 * certificates and protocol, authority CVR, entity id, timeouts, retries, clock, token renewal, pool and proxy.
 * {@link KlassifikationClient.Builder} and {@link OrganisationClient.Builder} extend it and add their own settings
 * and {@code build()}; it cannot be extended outside this package. Code that configures either client the same way
 * (a test fixture, for example) can take it as {@code <B extends StoettesystemerClientBuilder<B>>}.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class StoettesystemerClientBuilder<B extends StoettesystemerClientBuilder<B>> {
    private final ClientSettings settings = new ClientSettings();
    private StoettesystemerEnvironment environment;
    private int poolSize = 20;
    private String cvr;
    private StsProtocol stsProtocol = StsProtocol.SOAP;
    private String entityId;

    StoettesystemerClientBuilder(String defaultEntityId) {
        this.entityId = defaultEntityId;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Where to call: {@link StoettesystemerEnvironment#TEST}, {@code PRODUCTION} or a custom one. Required. */
    public B environment(StoettesystemerEnvironment environment) {
        this.environment = environment;
        return self();
    }

    /** The system certificate as PKCS#12 bytes and the store's password. */
    public B systemCertificate(byte[] pkcs12, char[] password) {
        settings.systemCertificate(pkcs12, password);
        return self();
    }

    /** The system certificate as a PKCS#12 file and the store's password. */
    public B systemCertificate(Path pkcs12File, char[] password) {
        settings.systemCertificate(pkcs12File, password);
        return self();
    }

    /** The system certificate from a loaded key store (its first private-key entry) and the key's password. */
    public B systemCertificate(KeyStore keyStore, char[] keyPassword) {
        settings.systemCertificate(keyStore, keyPassword);
        return self();
    }

    /** The CA certificates the service's TLS certificate must chain to. Required, at least one. */
    public B trustAnchors(Collection<X509Certificate> anchors) {
        settings.trustAnchors(anchors);
        return self();
    }

    /** The STS's signing certificates; issued tokens must be signed by one of them. Required. */
    public B stsCertificates(Collection<X509Certificate> certificates) {
        settings.stsCertificates(certificates);
        return self();
    }

    /** The CVR number of the authority (myndighed) tokens are asked for on behalf of; eight digits. Required. */
    public B authorityCvr(String cvr) {
        this.cvr = cvr;
        return self();
    }

    /** Which STS issue endpoint to use (default SOAP). */
    public B stsProtocol(StsProtocol protocol) {
        this.stsProtocol = protocol;
        return self();
    }

    /** The entity id tokens are asked for (default: the client's {@code DEFAULT_ENTITY_ID}). */
    public B entityId(String entityId) {
        this.entityId = entityId;
        return self();
    }

    /** Connect, read and total timeouts. */
    public B timeouts(Timeouts timeouts) {
        settings.timeouts(timeouts);
        return self();
    }

    /** How reads are retried after retry-safe failures. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        settings.retryPolicy(retryPolicy);
        return self();
    }

    /** The clock for timestamps and token lifetimes. */
    public B clock(Clock clock) {
        settings.clock(clock);
        return self();
    }

    /** The clock skew tolerated when checking token lifetimes; 0 to 15 minutes. */
    public B clockSkew(Duration clockSkew) {
        settings.clockSkew(clockSkew);
        return self();
    }

    /**
     * The Micrometer registry the client's calls and STS tokens are observed in, e.g. the application's (see
     * {@code docs/observability.md}): one {@code rammearkitektur.client.call} observation per call, retries
     * included, and one {@code rammearkitektur.sts.token} per token asked for, tagged with the service, operation
     * and outcome, never with personal data. Default {@link ObservationRegistry#NOOP}: nothing is recorded.
     */
    public B observationRegistry(ObservationRegistry registry) {
        settings.observationRegistry(registry);
        return self();
    }

    /** How long before expiry a cached token is renewed (default 5 minutes; 0 to 1 hour). */
    public B tokenRenewalMargin(Duration margin) {
        settings.renewalMargin(margin);
        return self();
    }

    /** The most calls (and so connections) in flight at once; 1 to 1000. */
    public B poolSize(int poolSize) {
        this.poolSize = poolSize;
        return self();
    }

    /** An HTTP proxy to tunnel through, or null for none. */
    public B proxy(InetSocketAddress proxy) {
        settings.proxy(proxy);
        return self();
    }

    /** The environment set (null until set). */
    final StoettesystemerEnvironment chosenEnvironment() {
        return environment;
    }

    /** The entity id set. */
    final String chosenEntityId() {
        return entityId;
    }

    /**
     * Checks every setting under {@code prefix}; then builds the transport, the STS client and token cache and the
     * executor that signs and sends the calls.
     *
     * @throws ValidationException naming each bad setting
     */
    final SoapCallExecutor executor(String prefix) {
        Violations v = Violations.at(prefix);
        v.require(environment != null, "environment", "must be set");
        v.require(poolSize >= 1 && poolSize <= 1000, "poolSize", "must be between 1 and 1000");
        v.require(ClientSettings.isCvr(cvr), "authorityCvr", "must be 8 digits");
        v.require(stsProtocol != null, "stsProtocol", "must be set");
        v.require(entityId != null && !entityId.isBlank(), "entityId", "must not be blank");
        settings.checkTimeoutsRetriesClock(v);
        settings.checkObservationRegistry(v);
        settings.checkClockSkewAndTrustAnchors(v);
        settings.checkStsCertificates(v);
        settings.checkTokenTiming(v);
        KeyMaterial km = settings.checkedKeyMaterial(v);
        v.throwIfAny();
        Timeouts timeouts = settings.timeouts();
        Clock clock = settings.clock();
        SoapTransport transport = new SoapTransport(new HttpTransport(km, timeouts, settings.proxy(), poolSize));
        SigningCredential credential = SigningCredential.of(km.privateKey(), Arrays.asList(km.chain()));
        TokenVerificationSettings tv = new TokenVerificationSettings(settings.stsCertificates(), clock,
                settings.clockSkew());
        StsClient sts = StsClient.of(stsProtocol, environment.stsSoap(), environment.stsRest(), km, transport,
                credential, clock, tv);
        StsSecurityHeader security = new StsSecurityHeader(new TokenCache(sts, clock, settings.renewalMargin(),
                settings.stsFaultBackoff(), settings.observationRegistry()), credential, cvr, clock);
        settings.clearPassword();
        return new SoapCallExecutor("dk.rammearkitektur.clients.stoettesystemer", transport, security,
                settings.retryPolicy(), timeouts, settings.observationRegistry());
    }
}
