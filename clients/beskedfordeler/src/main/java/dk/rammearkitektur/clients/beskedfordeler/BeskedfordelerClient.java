package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.clients.beskedfordeler.internal.AmqpConnector;
import dk.rammearkitektur.clients.beskedfordeler.internal.Publisher;
import dk.rammearkitektur.clients.beskedfordeler.internal.SubscriptionLoop;
import dk.rammearkitektur.clients.beskedfordeler.internal.SubscriptionSettings;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.internal.ClientSettings;
import dk.rammearkitektur.clients.common.internal.HttpTransport;
import dk.rammearkitektur.clients.common.internal.IssuedToken;
import dk.rammearkitektur.clients.common.internal.KeyMaterial;
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
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * The Beskedfordeler (message distributor) client: subscriptions that receive events (Hændelsesbeskeder) from a
 * dueslag over AMQP 0-9-1 with TLS (SF1461 BeskedHent), and publishing events (SF1462 AfsendBesked, with a token for
 * {@value #SEND_ENTITY_ID}), and the value lists of subscriptions ({@link #valueLists()}). Each connection authenticates twice, as the platform requires:
 * the system certificate in the TLS handshake and an STS token for {@value #RECEIVE_ENTITY_ID} as the SASL
 * {@code EXTERNAL} response (research note {@code services-breadth.md}, section 3; KOMBIT's Java sample).
 *
 * <pre>{@code
 * try (BeskedfordelerClient client = BeskedfordelerClient.builder()
 *         .environment(BeskedfordelerEnvironment.TEST).systemCertificate(p12, password)
 *         .trustAnchors(anchors).stsCertificates(sts).authorityCvr("29189846").build();
 *      EventSubscription s = client.subscription(dueslag).handler(event -> store(event.message())).start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe; one client serves any number of subscriptions, and {@link #close()} closes them all.
 */
public final class BeskedfordelerClient implements AutoCloseable {
    /** The entity id (token audience) for receiving, version 2 of the Beskedfordeler. */
    public static final String RECEIVE_ENTITY_ID = "http://entityid.kombit.dk/service/bfo_modtag/2";
    /** The entity id (token audience) for sending, version 2 of the Beskedfordeler. */
    public static final String SEND_ENTITY_ID = "http://entityid.kombit.dk/service/bfo_afsend/2";

    private final BeskedfordelerEnvironment environment;
    private final AmqpConnector connector;
    private final TokenCache tokens;
    private final TokenCache.Key receiveKey;
    private final Publisher publisher;
    private final ValueListClient valueLists;
    private final SoapTransport transport;
    private final Duration renewalMargin;
    private final Clock clock;
    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();

    private BeskedfordelerClient(BeskedfordelerEnvironment environment, AmqpConnector connector, TokenCache tokens,
            TokenCache.Key receiveKey, Duration renewalMargin, Clock clock, SoapTransport transport,
            ValueListClient valueLists, ObservationRegistry observations) {
        this.environment = environment;
        this.transport = transport;
        this.valueLists = valueLists;
        this.connector = connector;
        this.tokens = tokens;
        this.receiveKey = receiveKey;
        this.renewalMargin = renewalMargin;
        this.clock = clock;
        TokenCache.Key sendKey = new TokenCache.Key(SEND_ENTITY_ID, receiveKey.cvr(), receiveKey.certificate());
        this.publisher = new Publisher(connector, () -> tokens.get(sendKey), tokens::clear, renewalMargin, clock,
                observations);
    }

    /** A builder for a client. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment it connects to. */
    public BeskedfordelerEnvironment environment() {
        return environment;
    }

    /**
     * Asks the STS for a new token for receiving ({@value #RECEIVE_ENTITY_ID}) now, past the token cache (cached tokens
     * and a remembered refusal are left as they are): a health check of the STS, not needed for subscribing or
     * publishing, which fetch and cache their tokens themselves. Bounded by the client's timeouts.
     *
     * @return when the new token expires
     * @throws dk.rammearkitektur.core.StsRefusedException when the STS refuses
     * @throws dk.rammearkitektur.core.TransportException when the STS cannot be reached or its reply not be read
     */
    public java.time.Instant checkSts() {
        return tokens.issueUncached(receiveKey).expires();
    }

    /** The value lists (værdilister) of the subscriptions: read, add and remove values; over this client's TLS. */
    public ValueListClient valueLists() {
        return valueLists;
    }

    /**
     * A subscription to a dueslag, to be configured and started.
     *
     * @param dueslag the dueslag's id, as the Beskedfordeler's administration module shows it
     */
    public EventSubscription.Builder subscription(UUID dueslag) {
        Objects.requireNonNull(dueslag, "dueslag == null");
        return new EventSubscription.Builder(this, dueslag);
    }

    EventSubscription start(SubscriptionSettings settings) {
        SubscriptionLoop loop = new SubscriptionLoop(settings, connector, this::receiveToken, tokens::clear,
                renewalMargin, clock);
        EventSubscription s = new EventSubscription(settings.dueslag(), loop);
        subscriptions.add(s);
        loop.start();
        return s;
    }

    /**
     * Publishes an event (SF1462 AfsendBesked) and waits for the Beskedfordeler to accept it. A refusal for an
     * expired token (status 41) is answered once, with a new token. Not retried otherwise: whether a timed-out
     * publish reached the Beskedfordeler is unknown, and receivers deduplicate on the message id, so sending the same
     * message again is the caller's safe choice.
     *
     * @throws dk.rammearkitektur.core.ServiceFaultException when refused: the status as its fault code (e.g. 40),
     *     {@code FejlbeskedTekst} as its text
     * @throws dk.rammearkitektur.core.TransportException when no reply settled it
     */
    public PublishReceipt publish(EventMessage message) {
        Objects.requireNonNull(message, "message == null");
        Publisher.Accepted a = publisher.publish(message.toXml(), message.messageId());
        return new PublishReceipt(message.messageId(), a.correlationId(), a.statusText(), a.attempts());
    }

    private IssuedToken receiveToken() {
        return tokens.get(receiveKey);
    }

    /** Closes every subscription this client started, its publishing connection and its HTTPS connections. */
    @Override
    public void close() {
        for (EventSubscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
        publisher.close();
        transport.close();
    }

    @Override
    public String toString() {
        return "BeskedfordelerClient[" + environment.name() + ", " + environment.amqpHost() + ":"
                + environment.amqpPort() + "]";
    }

    /** Settings for a {@link BeskedfordelerClient}. */
    public static final class Builder {
        private final ClientSettings settings = new ClientSettings();
        private BeskedfordelerEnvironment environment;
        private String cvr;
        private StsProtocol stsProtocol = StsProtocol.SOAP;

        private Builder() {
        }

        /** Where to connect: {@link BeskedfordelerEnvironment#TEST}, {@code PRODUCTION} or a custom one. Required. */
        public Builder environment(BeskedfordelerEnvironment environment) {
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

        /** The CA certificates the broker's and the STS's TLS certificates must chain to. Required. */
        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            settings.trustAnchors(anchors);
            return this;
        }

        /** The STS's signing certificates; issued tokens must be signed by one of them. Required. */
        public Builder stsCertificates(Collection<X509Certificate> certificates) {
            settings.stsCertificates(certificates);
            return this;
        }

        /** The CVR number of the authority (myndighed) tokens are asked for on behalf of; eight digits. Required. */
        public Builder authorityCvr(String cvr) {
            this.cvr = cvr;
            return this;
        }

        /** Which STS issue endpoint to use (default SOAP). */
        public Builder stsProtocol(StsProtocol protocol) {
            this.stsProtocol = protocol;
            return this;
        }

        /** Timeouts: connect is also the TLS and AMQP handshake's; total bounds each STS call. */
        public Builder timeouts(Timeouts timeouts) {
            settings.timeouts(timeouts);
            return this;
        }

        /** How value-list reads are retried after retry-safe failures (adding and removing values is not retried). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            settings.retryPolicy(retryPolicy);
            return this;
        }

        /** The clock for token lifetimes and renewal, and for which value-list property is in effect. */
        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        /** The clock skew tolerated when checking token lifetimes; 0 to 15 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            settings.clockSkew(clockSkew);
            return this;
        }

        /** How long before its expiry a token is renewed, by reconnecting with a new one (default 5 minutes). */
        public Builder tokenRenewalMargin(Duration margin) {
            settings.renewalMargin(margin);
            return this;
        }

        /**
         * The Micrometer registry the client's publishes, value-list calls and STS tokens are observed in, e.g. the
         * application's (see {@code docs/observability.md}): one {@code rammearkitektur.client.call} observation per
         * call, retries included, and one {@code rammearkitektur.sts.token} per token asked for, tagged with the
         * service, operation and outcome, never with personal data; receiving events is not a call. Default
         * {@link ObservationRegistry#NOOP}: nothing is recorded.
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            settings.observationRegistry(registry);
            return this;
        }

        /**
         * Checks every setting and builds the client; it connects only when a subscription starts.
         *
         * @throws ValidationException naming each bad setting
         */
        public BeskedfordelerClient build() {
            Violations v = Violations.at("beskedfordelerClient");
            v.require(environment != null, "environment", "must be set");
            v.require(ClientSettings.isCvr(cvr), "authorityCvr", "must be 8 digits");
            v.require(stsProtocol != null, "stsProtocol", "must be set");
            settings.checkTimeoutsRetriesClock(v);
            settings.checkObservationRegistry(v);
            settings.checkClockSkewAndTrustAnchors(v);
            settings.checkStsCertificates(v);
            settings.checkTokenTiming(v);
            KeyMaterial km = settings.checkedKeyMaterial(v);
            v.throwIfAny();
            Timeouts timeouts = settings.timeouts();
            Clock clock = settings.clock();
            SoapTransport transport = new SoapTransport(new HttpTransport(km, timeouts, settings.proxy(), 4));
            SigningCredential credential = SigningCredential.of(km.privateKey(), Arrays.asList(km.chain()));
            StsClient sts = StsClient.of(stsProtocol, environment.stsSoap(), environment.stsRest(), km, transport,
                    credential, clock, new TokenVerificationSettings(settings.stsCertificates(), clock,
                            settings.clockSkew()));
            TokenCache tokens = new TokenCache(sts, clock, settings.renewalMargin(), settings.stsFaultBackoff(),
                    settings.observationRegistry());
            TokenCache.Key key = new TokenCache.Key(RECEIVE_ENTITY_ID, cvr, StsSecurityHeader.fingerprint(credential));
            AmqpConnector connector = new AmqpConnector(environment.amqpHost(), environment.amqpPort(),
                    environment.virtualHost(), tls(km), timeouts);
            settings.clearPassword();
            ValueListClient valueLists = new ValueListClient(environment, transport, settings.retryPolicy(), timeouts,
                    clock, settings.observationRegistry());
            return new BeskedfordelerClient(environment, connector, tokens, key, settings.renewalMargin(), clock,
                    transport, valueLists, settings.observationRegistry());
        }

        private static SSLContext tls(KeyMaterial km) {
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(km.keyManagers(), km.trustManagers(), null);
                return tls;
            } catch (GeneralSecurityException e) {
                throw new ValidationException("beskedfordelerClient.systemCertificate",
                        "must be usable for TLS (" + e.getMessage() + ")");
            }
        }
    }
}
