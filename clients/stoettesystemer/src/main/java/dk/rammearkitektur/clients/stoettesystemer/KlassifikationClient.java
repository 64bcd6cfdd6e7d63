package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.common.internal.ServiceTarget;
import dk.rammearkitektur.clients.common.internal.SoapCallExecutor;
import dk.rammearkitektur.clients.stoettesystemer.internal.KlasseMessages;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client for Klassifikation (SF1510, KlasseService 7), called directly on the Støttesystemer host (not through
 * Serviceplatformen) with an STS holder-of-key token in a signed WS-Security header, over SOAP 1.2 (the published
 * binding's version) with the KOMBIT {@code RequestHeader} and mutual TLS with the system certificate.
 *
 * <p>It resolves a KLE subject ({@link KleNumber}) or an action facet (handlingsfacet, e.g. {@code G01}) to its
 * Klasse the way KOMBIT's own sample does: {@code soeg} by the user-facing key ({@code BrugervendtNoegleTekst}),
 * then {@code list} of the UUIDs found; it also offers {@code laes} ({@link #read(UUID)}) and {@code list}
 * ({@link #list(Collection)}). Results are {@link Classification} records, never XML. Resolved classes are kept in an
 * in-memory cache keyed by (facet, key) until {@link #refresh(Facet, String)} or {@link #clearCache()}; the cache
 * and its policy (positive results only, no expiry) are the SDK's choice.
 *
 * <p>All three operations are reads: a failure that {@link dk.rammearkitektur.core.ServiceCallException#isRetrySafe()}
 * calls safe is retried as the {@link RetryPolicy} says, within the total timeout.
 *
 * <pre>{@code
 * try (KlassifikationClient k = KlassifikationClient.builder()
 *         .environment(StoettesystemerEnvironment.TEST)
 *         .systemCertificate(Path.of("system.p12"), password)
 *         .trustAnchors(anchors)
 *         .stsCertificates(stsCertificates)
 *         .authorityCvr("29189846")
 *         .build()) {
 *     UUID subject = k.resolveSubject(KleNumber.parse("32.18.02")).orElseThrow().uuid();
 *     UUID action = k.resolveActionFacet("G01").orElseThrow().uuid();
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one per configuration and share it.
 */
public final class KlassifikationClient implements AutoCloseable {
    /**
     * The entity id tokens for Klassifikation are issued for. The research note ({@code signing-style.md}, A2) gives
     * it as {@code …/klassifikation/7} beside {@code http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6}; the
     * full form here is the SDK's reading of that abbreviation. Change it with {@link Builder#entityId(String)}.
     */
    public static final String DEFAULT_ENTITY_ID = "http://entityid.kombit.dk/service/klassifikation/7";
    /** The most UUIDs one {@code soeg} asks for ({@code MaksimalAntalKvantitet}); the SDK's choice. */
    static final int SEARCH_LIMIT = 100;
    /** The most UUIDs one {@link #list(Collection)} call takes; the SDK's choice (the contract sets no limit). */
    public static final int MAX_LIST = 500;
    private static final String SERVICE_ID = "SF1510";

    private final StoettesystemerEnvironment environment;
    private final SoapCallExecutor executor;
    private final ServiceTarget target;
    private final Map<Facet, UUID> facets;
    private final Map<CacheKey, Classification> cache = new ConcurrentHashMap<>();

    private record CacheKey(Facet facet, String key) {
    }

    private KlassifikationClient(StoettesystemerEnvironment environment, SoapCallExecutor executor,
            ServiceTarget target, Map<Facet, UUID> facets) {
        this.environment = environment;
        this.executor = executor;
        this.target = target;
        this.facets = facets;
    }

    /** A builder with the defaults: core {@link Timeouts#defaults()}, {@link RetryPolicy#defaults()}, pool of 20. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment this client calls. */
    public StoettesystemerEnvironment environment() {
        return environment;
    }

    /**
     * The Klasse of a KLE subject (its number; a facet written after the number is ignored here, resolve it with
     * {@link #resolveActionFacet(String)}), from the cache or with {@code soeg} and {@code list}.
     *
     * @param subject the KLE subject, e.g. {@code 32.18.02}
     * @return the class, or empty when Klassifikation has none with that key (in the configured facet, if any)
     * @throws ValidationException at {@code subject} when it is null
     * @throws ServiceFaultException for a SOAP fault or a {@code StatusKode} other than 20
     */
    public Optional<Classification> resolveSubject(KleNumber subject) {
        if (subject == null) {
            throw new ValidationException("subject", "must be set");
        }
        return resolve(Facet.KLE_SUBJECT, subject.number());
    }

    /**
     * The Klasse of an action facet (handlingsfacet), from the cache or with {@code soeg} and {@code list}.
     *
     * @param actionFacet a capital letter and two digits, e.g. {@code G01}
     * @return the class, or empty when Klassifikation has none with that key
     * @throws ValidationException at {@code actionFacet} when it is not of that form
     */
    public Optional<Classification> resolveActionFacet(String actionFacet) {
        if (actionFacet == null || !actionFacet.matches("[A-Z][0-9]{2}")) {
            throw new ValidationException("actionFacet", "must be a capital letter and two digits, such as G01");
        }
        return resolve(Facet.ACTION_FACET, actionFacet);
    }

    /** The executor the other support-system clients built on this one share (same TLS, pool and tokens). */
    SoapCallExecutor executor() {
        return executor;
    }

    /**
     * Resolves {@code key} in {@code facet} again, bypassing and then updating the cache.
     *
     * @return the class, or empty (and then no longer cached) when Klassifikation has none
     */
    public Optional<Classification> refresh(Facet facet, String key) {
        Objects.requireNonNull(facet, "facet == null");
        checkKey(facet, key);
        cache.remove(new CacheKey(facet, key));
        return resolve(facet, key);
    }

    /** Forgets every cached class. */
    public void clearCache() {
        cache.clear();
    }

    /** How many classes the cache holds. */
    public int cacheSize() {
        return cache.size();
    }

    private static void checkKey(Facet facet, String key) {
        if (facet == Facet.KLE_SUBJECT) {
            KleNumber.of(key, null);
        } else if (key == null || !key.matches("[A-Z][0-9]{2}")) {
            throw new ValidationException("actionFacet", "must be a capital letter and two digits, such as G01");
        }
    }

    private Optional<Classification> resolve(Facet facet, String key) {
        CacheKey ck = new CacheKey(facet, key);
        Classification cached = cache.get(ck);
        if (cached != null) {
            return Optional.of(cached);
        }
        UUID facetUuid = facets.get(facet);
        List<UUID> ids = search(key, facetUuid);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Optional<Classification> found = Optional.empty();
        for (Classification c : list(ids.size() > MAX_LIST ? ids.subList(0, MAX_LIST) : ids)) {
            // soeg may match more than the exact key (how it matches is the service's rule): keep the exact one
            if (c.key().equals(key) && (facetUuid == null || facetUuid.equals(c.facetUuid()))) {
                found = Optional.of(c);
                break;
            }
        }
        found.ifPresent(c -> cache.put(ck, c));
        return found;
    }

    /**
     * {@code soeg}: the UUIDs of the classes whose {@code BrugervendtNoegleTekst} is {@code key}, within the facet
     * {@code facetUuid} when not null (at most 100, the SDK's limit).
     *
     * @throws ValidationException at {@code key} when it is blank or longer than 50 characters (the contract's
     *     limit on BrugervendtNoegleTekst)
     */
    public List<UUID> search(String key, UUID facetUuid) {
        if (key == null || key.isBlank() || key.length() > 50) {
            throw new ValidationException("key", "must be 1 to 50 characters (BrugervendtNoegleTekst)");
        }
        return executor.read(target, "soeg", KlasseMessages.ACTION_SOEG,
                body -> KlasseMessages.soeg(body, key, facetUuid, SEARCH_LIMIT), KlasseMessages::readSoeg);
    }

    /**
     * {@code laes}: one class by UUID.
     *
     * @return the class, or empty when the reply holds no snapshot of it
     * @throws ValidationException at {@code uuid} when it is null
     */
    public Optional<Classification> read(UUID uuid) {
        if (uuid == null) {
            throw new ValidationException("uuid", "must be set");
        }
        return Optional.ofNullable(executor.read(target, "laes", KlasseMessages.ACTION_LAES,
                body -> KlasseMessages.laes(body, uuid), KlasseMessages::readLaes));
    }

    /**
     * {@code list}: the classes with the given UUIDs, in the order Klassifikation returns them (UUIDs it does not
     * know are left out).
     *
     * @param uuids 1 to {@value #MAX_LIST} UUIDs, none null (duplicates are sent once)
     * @throws ValidationException naming {@code uuids} or {@code uuids[i]}
     */
    public List<Classification> list(Collection<UUID> uuids) {
        List<UUID> distinct = Inputs.listUuids(uuids, MAX_LIST);
        return executor.read(target, "list", KlasseMessages.ACTION_LIST,
                body -> KlasseMessages.list(body, distinct), KlasseMessages::readList);
    }

    /**
     * Asks the STS for a new token for this client's service now, past the token cache (the cached token and a
     * remembered refusal are left as they are): a health check of the STS, not needed for calls, which fetch and cache
     * their tokens themselves. Bounded by the client's timeouts.
     *
     * @return when the new token expires
     * @throws dk.rammearkitektur.core.StsRefusedException when the STS refuses
     * @throws dk.rammearkitektur.core.TransportException when the STS cannot be reached or its reply not be read
     */
    public java.time.Instant checkSts() {
        return executor.checkSts(target.entityId());
    }

    /** Closes pooled connections; the client cannot be used afterwards. */
    @Override
    public void close() {
        executor.close();
    }

    /** Builder for {@link KlassifikationClient}; {@link #build()} checks every setting. */
    public static final class Builder extends StoettesystemerClientBuilder<Builder> {
        private final Map<Facet, UUID> facets = new EnumMap<>(Facet.class);

        private Builder() {
            super(DEFAULT_ENTITY_ID);
        }

        /**
         * Restricts resolution in {@code facet} to the Facet with this UUID (sent as the {@code Facet} relation of
         * {@code soeg} and checked on the result); by default no facet UUID is sent, as in KOMBIT's sample, and the
         * key's form tells subjects ({@code dd.dd.dd}) from action facets ({@code G01}).
         */
        public Builder facetUuid(Facet facet, UUID uuid) {
            Objects.requireNonNull(facet, "facet == null");
            if (uuid == null) {
                facets.remove(facet);
            } else {
                facets.put(facet, uuid);
            }
            return this;
        }

        /**
         * Checks every setting and builds the client.
         *
         * @throws ValidationException naming each bad setting (under {@code klassifikationClient})
         */
        public KlassifikationClient build() {
            SoapCallExecutor executor = executor("klassifikationClient");
            StoettesystemerEnvironment environment = chosenEnvironment();
            ServiceTarget target = new ServiceTarget(SERVICE_ID, chosenEntityId(), environment.klassifikation(),
                    SoapVersion.SOAP_12, true);
            return new KlassifikationClient(environment, executor, target, new EnumMap<>(facets));
        }
    }
}
