package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.common.internal.ServiceTarget;
import dk.rammearkitektur.clients.common.internal.SoapCallExecutor;
import dk.rammearkitektur.clients.stoettesystemer.internal.OrgObjectKind;
import dk.rammearkitektur.clients.stoettesystemer.internal.OrgObjectMessages;
import dk.rammearkitektur.clients.stoettesystemer.internal.OrgObjectMessages.ObjectSnapshot;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Client for Organisation (SF1500) 6's object services: users (Bruger, BrugerService 6), organisation units
 * (OrganisationEnhed, OrganisationEnhedService 6) and functions (OrganisationFunktion, OrganisationFunktionService 6),
 * called directly on the Støttesystemer host (not through Serviceplatformen) with an STS holder-of-key token in a
 * signed WS-Security header, over SOAP 1.2 (the published bindings' version) with the KOMBIT {@code RequestHeader} and
 * mutual TLS with the system certificate. Each service lives at
 * {@link StoettesystemerEnvironment#organisation(String)} ({@code bruger}, {@code organisationenhed},
 * {@code organisationfunktion}).
 *
 * <p>It searches ({@code soeg} by an {@link OrganisationQuery}, one {@link ResultPage} at a time or every page up to a
 * limit), reads one object ({@code laes}) and lists many ({@code list}). A search page is one {@code soeg} for the
 * UUIDs ({@code FoersteResultatReference} = the offset, {@code MaksimalAntalKvantitet} = the page size plus one, so
 * the SDK knows whether a next page exists) and one {@code list} for the records. Results are {@link UserRecord},
 * {@link UnitRecord} and {@link FunctionRecord}, never XML. The service answers for the organisation of the token's
 * authority CVR.
 *
 * <p>All operations are reads: a failure that {@link dk.rammearkitektur.core.ServiceCallException#isRetrySafe()}
 * calls safe is retried as the {@link RetryPolicy} says, within the total timeout. A {@code StatusKode} other than 20
 * is a {@link ServiceFaultException}; bad input is a {@link ValidationException} naming the field, and nothing is
 * sent.
 *
 * <pre>{@code
 * try (OrganisationClient org = OrganisationClient.builder()
 *         .environment(StoettesystemerEnvironment.TEST)
 *         .systemCertificate(Path.of("system.p12"), password)
 *         .trustAnchors(anchors)
 *         .stsCertificates(stsCertificates)
 *         .authorityCvr("29189846")
 *         .build()) {
 *     UserRecord anna = org.searchUsers(OrganisationQuery.all().withKey("anna"), 0, 10).items().get(0);
 *     List<FunctionRecord> jobs = org.searchAllFunctions(OrganisationQuery.all().withUser(anna.uuid()), 1000);
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one per configuration and share it.
 */
public final class OrganisationClient implements AutoCloseable {
    /**
     * The entity id tokens for Organisation are issued for: the one the SDK's SF1500 hierarchy read already uses
     * ({@code OrganisationService.entityId()} in clients-serviceplatform), which the testkit's simulator accepts for
     * SF1500. Change it with {@link Builder#entityId(String)} if KOMBIT's connection papers give another.
     */
    public static final String DEFAULT_ENTITY_ID = "http://stoettesystemerne.dk/service/organisation/3";
    /** The largest page a search asks for; the SDK's choice (the contract sets no limit). */
    public static final int MAX_PAGE_SIZE = 500;
    /** The page size {@code searchAll...} uses; the SDK's choice. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The most UUIDs one {@code list...} call takes; the SDK's choice (the contract sets no limit). */
    public static final int MAX_LIST = 500;
    /** The most results one {@code searchAll...} call gathers; the SDK's choice. */
    public static final int MAX_ALL = 100_000;
    /** The largest offset a search takes (so that offset plus page never overflows). */
    public static final int MAX_OFFSET = Integer.MAX_VALUE - 2 * MAX_PAGE_SIZE;
    private static final String SERVICE_ID = "SF1500";

    private final StoettesystemerEnvironment environment;
    private final SoapCallExecutor executor;
    private final Map<OrgObjectKind, ServiceTarget> targets;

    private OrganisationClient(StoettesystemerEnvironment environment, SoapCallExecutor executor,
            Map<OrgObjectKind, ServiceTarget> targets) {
        this.environment = environment;
        this.executor = executor;
        this.targets = targets;
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
     * One page of users (Bruger) matching {@code query}: key, name and unit ({@code TilknyttedeEnheder}).
     *
     * @param offset the position of the first result, from 0 (a previous page's {@link ResultPage#nextOffset()})
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @throws ValidationException naming {@code query.<criterion>}, {@code offset} or {@code pageSize}
     * @throws ServiceFaultException for a SOAP fault or a {@code StatusKode} other than 20
     */
    public ResultPage<UserRecord> searchUsers(OrganisationQuery query, int offset, int pageSize) {
        return search(OrgObjectKind.BRUGER, query, offset, pageSize, OrgObjectMessages::user);
    }

    /**
     * One page of organisation units (OrganisationEnhed) matching {@code query}: key, name and parent
     * ({@code Overordnet}).
     *
     * @param offset the position of the first result, from 0 (a previous page's {@link ResultPage#nextOffset()})
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @throws ValidationException naming {@code query.<criterion>}, {@code offset} or {@code pageSize}
     * @throws ServiceFaultException for a SOAP fault or a {@code StatusKode} other than 20
     */
    public ResultPage<UnitRecord> searchUnits(OrganisationQuery query, int offset, int pageSize) {
        return search(OrgObjectKind.ORGANISATION_ENHED, query, offset, pageSize, OrgObjectMessages::unit);
    }

    /**
     * One page of functions (OrganisationFunktion) matching {@code query}: key, name, function type
     * ({@code Funktionstype}), unit ({@code TilknyttedeEnheder}) and user ({@code TilknyttedeBrugere}).
     *
     * @param offset the position of the first result, from 0 (a previous page's {@link ResultPage#nextOffset()})
     * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
     * @throws ValidationException naming {@code query.<criterion>}, {@code offset} or {@code pageSize}
     * @throws ServiceFaultException for a SOAP fault or a {@code StatusKode} other than 20
     */
    public ResultPage<FunctionRecord> searchFunctions(OrganisationQuery query, int offset, int pageSize) {
        return search(OrgObjectKind.ORGANISATION_FUNKTION, query, offset, pageSize, OrgObjectMessages::function);
    }

    /**
     * Every user matching {@code query}, page by page ({@value #DEFAULT_PAGE_SIZE} a page), up to {@code limit}.
     *
     * @param limit 1 to {@value #MAX_ALL}; the result is cut there even when more match
     * @throws ValidationException as {@link #searchUsers}, or naming {@code limit}
     */
    public List<UserRecord> searchAllUsers(OrganisationQuery query, int limit) {
        return searchAll(OrgObjectKind.BRUGER, query, limit, OrgObjectMessages::user);
    }

    /**
     * Every organisation unit matching {@code query}, page by page, up to {@code limit}.
     *
     * @param limit 1 to {@value #MAX_ALL}; the result is cut there even when more match
     * @throws ValidationException as {@link #searchUnits}, or naming {@code limit}
     */
    public List<UnitRecord> searchAllUnits(OrganisationQuery query, int limit) {
        return searchAll(OrgObjectKind.ORGANISATION_ENHED, query, limit, OrgObjectMessages::unit);
    }

    /**
     * Every function matching {@code query}, page by page, up to {@code limit}.
     *
     * @param limit 1 to {@value #MAX_ALL}; the result is cut there even when more match
     * @throws ValidationException as {@link #searchFunctions}, or naming {@code limit}
     */
    public List<FunctionRecord> searchAllFunctions(OrganisationQuery query, int limit) {
        return searchAll(OrgObjectKind.ORGANISATION_FUNKTION, query, limit, OrgObjectMessages::function);
    }

    /**
     * The units a user (Bruger) belongs to through its functions, as municipal data usually ties them: every
     * function (OrganisationFunktion) whose {@code TilknyttedeBrugere} holds {@code user} is searched (all pages, at
     * most {@value #MAX_ALL}) and their {@code TilknyttedeEnheder} are returned, each once, in the order found. Units
     * the user is attached to directly are in {@link UserRecord#unitUuids()}.
     *
     * @throws ValidationException at {@code user} when it is null
     */
    public List<UUID> unitsOfUser(UUID user) {
        if (user == null) {
            throw new ValidationException("user", "must be set");
        }
        Set<UUID> units = new LinkedHashSet<>();
        for (FunctionRecord f : searchAllFunctions(OrganisationQuery.all().withUser(user), MAX_ALL)) {
            units.addAll(f.unitUuids());
        }
        return List.copyOf(units);
    }

    /**
     * {@code laes}: one user (Bruger) by UUID.
     *
     * @return the user, or empty when the reply holds no registration of it
     * @throws ValidationException at {@code uuid} when it is null
     */
    public Optional<UserRecord> readUser(UUID uuid) {
        return read(OrgObjectKind.BRUGER, uuid).map(OrgObjectMessages::user);
    }

    /**
     * {@code laes}: one organisation unit (OrganisationEnhed) by UUID.
     *
     * @return the unit, or empty when the reply holds no registration of it
     * @throws ValidationException at {@code uuid} when it is null
     */
    public Optional<UnitRecord> readUnit(UUID uuid) {
        return read(OrgObjectKind.ORGANISATION_ENHED, uuid).map(OrgObjectMessages::unit);
    }

    /**
     * {@code laes}: one function (OrganisationFunktion) by UUID.
     *
     * @return the function, or empty when the reply holds no registration of it
     * @throws ValidationException at {@code uuid} when it is null
     */
    public Optional<FunctionRecord> readFunction(UUID uuid) {
        return read(OrgObjectKind.ORGANISATION_FUNKTION, uuid).map(OrgObjectMessages::function);
    }

    /**
     * {@code list}: the users (Bruger) with the given UUIDs, in the order Organisation returns them (UUIDs it does not
     * know are left out).
     *
     * @param uuids 1 to {@value #MAX_LIST} UUIDs, none null (duplicates are sent once)
     * @throws ValidationException naming {@code uuids} or {@code uuids[i]}
     */
    public List<UserRecord> listUsers(Collection<UUID> uuids) {
        return list(OrgObjectKind.BRUGER, Inputs.listUuids(uuids, MAX_LIST), OrgObjectMessages::user);
    }

    /**
     * {@code list}: the organisation units (OrganisationEnhed) with the given UUIDs, in reply order.
     *
     * @param uuids 1 to {@value #MAX_LIST} UUIDs, none null (duplicates are sent once)
     * @throws ValidationException naming {@code uuids} or {@code uuids[i]}
     */
    public List<UnitRecord> listUnits(Collection<UUID> uuids) {
        return list(OrgObjectKind.ORGANISATION_ENHED, Inputs.listUuids(uuids, MAX_LIST), OrgObjectMessages::unit);
    }

    /**
     * {@code list}: the functions (OrganisationFunktion) with the given UUIDs, in reply order.
     *
     * @param uuids 1 to {@value #MAX_LIST} UUIDs, none null (duplicates are sent once)
     * @throws ValidationException naming {@code uuids} or {@code uuids[i]}
     */
    public List<FunctionRecord> listFunctions(Collection<UUID> uuids) {
        return list(OrgObjectKind.ORGANISATION_FUNKTION, Inputs.listUuids(uuids, MAX_LIST),
                OrgObjectMessages::function);
    }

    private <T> ResultPage<T> search(OrgObjectKind kind, OrganisationQuery query, int offset, int pageSize,
            Function<ObjectSnapshot, T> map) {
        Violations v = Violations.at("");
        Map<String, UUID> relations = criteria(kind, query, v);
        v.require(offset >= 0 && offset <= MAX_OFFSET, "offset", "must be between 0 and " + MAX_OFFSET);
        v.require(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize", "must be between 1 and " + MAX_PAGE_SIZE);
        v.throwIfAny();
        List<UUID> ids = executor.read(targets.get(kind), "soeg", kind.action("soeg"),
                body -> OrgObjectMessages.soeg(body, kind, query.key(), query.name(), relations, offset, pageSize + 1),
                (out, call) -> OrgObjectMessages.readSoeg(kind, out, call));
        boolean more = ids.size() > pageSize;
        List<UUID> page = List.copyOf(new LinkedHashSet<>(more ? ids.subList(0, pageSize) : ids));
        List<T> items = new ArrayList<>();
        if (!page.isEmpty()) {
            Map<UUID, T> byUuid = new HashMap<>();
            List<ObjectSnapshot> found = executor.read(targets.get(kind), "list", kind.action("list"),
                    body -> OrgObjectMessages.list(body, kind, page),
                    (out, call) -> OrgObjectMessages.readList(kind, out, call));
            for (ObjectSnapshot s : found) {
                byUuid.putIfAbsent(s.uuid(), map.apply(s));
            }
            for (UUID id : page) {
                T t = byUuid.get(id);
                if (t != null) {
                    items.add(t);
                }
            }
        }
        return new ResultPage<>(items, offset, more ? offset + pageSize : -1);
    }

    private <T> List<T> searchAll(OrgObjectKind kind, OrganisationQuery query, int limit, Function<ObjectSnapshot, T> map) {
        if (limit < 1 || limit > MAX_ALL) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_ALL);
        }
        int pageSize = Math.min(DEFAULT_PAGE_SIZE, limit);
        List<T> all = new ArrayList<>();
        int offset = 0;
        // each page moves the offset on by pageSize, so limit / pageSize + 1 pages reach past the limit
        for (int pages = 0; pages <= limit / pageSize && offset >= 0 && all.size() < limit; pages++) {
            ResultPage<T> page = search(kind, query, offset, pageSize, map);
            all.addAll(page.items());
            offset = page.nextOffset();
        }
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }

    /** The relations {@code query} sends for {@code kind}; violations for criteria the kind does not take. */
    private static Map<String, UUID> criteria(OrgObjectKind kind, OrganisationQuery query, Violations v) {
        Map<String, UUID> relations = new LinkedHashMap<>();
        if (!v.require(query != null, "query", "must be set")) {
            return relations;
        }
        String key = query.key();
        if (key != null) {
            v.require(!key.isBlank() && key.length() <= 50 && Inputs.xmlText(key), "query.key",
                    "must be 1 to 50 characters XML can carry, not blank (BrugervendtNoegleTekst)");
        }
        String name = query.name();
        if (name != null) {
            v.require(!name.isBlank() && name.length() <= 200 && Inputs.xmlText(name), "query.name",
                    "must be 1 to 200 characters XML can carry, not blank (" + kind.nameElement() + ")");
        }
        Object[][] all = {{"unitUuid", "TilknyttedeEnheder", query.unitUuid()},
            {"userUuid", "TilknyttedeBrugere", query.userUuid()},
            {"functionTypeUuid", "Funktionstype", query.functionTypeUuid()},
            {"parentUuid", "Overordnet", query.parentUuid()}};
        for (Object[] c : all) {
            if (c[2] != null && v.require(kind.relations().contains((String) c[1]), "query." + c[0],
                    "is not a criterion of a " + kind.service() + " search (it has no " + c[1] + " relation)")) {
                relations.put((String) c[1], (UUID) c[2]);
            }
        }
        return relations;
    }

    private Optional<ObjectSnapshot> read(OrgObjectKind kind, UUID uuid) {
        if (uuid == null) {
            throw new ValidationException("uuid", "must be set");
        }
        return Optional.ofNullable(executor.read(targets.get(kind), "laes", kind.action("laes"),
                body -> OrgObjectMessages.laes(body, kind, uuid),
                (out, call) -> OrgObjectMessages.readLaes(kind, out, call)));
    }

    private <T> List<T> list(OrgObjectKind kind, List<UUID> uuids, Function<ObjectSnapshot, T> map) {
        List<ObjectSnapshot> found = executor.read(targets.get(kind), "list", kind.action("list"),
                body -> OrgObjectMessages.list(body, kind, uuids),
                (out, call) -> OrgObjectMessages.readList(kind, out, call));
        return found.stream().map(map).toList();
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
        return executor.checkSts(targets.values().iterator().next().entityId());
    }

    /** Closes pooled connections; the client cannot be used afterwards. */
    @Override
    public void close() {
        executor.close();
    }

    /** Builder for {@link OrganisationClient}; {@link #build()} checks every setting. */
    public static final class Builder extends StoettesystemerClientBuilder<Builder> {
        private Builder() {
            super(DEFAULT_ENTITY_ID);
        }

        /**
         * Checks every setting and builds the client.
         *
         * @throws ValidationException naming each bad setting (under {@code organisationClient})
         */
        public OrganisationClient build() {
            SoapCallExecutor executor = executor("organisationClient");
            StoettesystemerEnvironment environment = chosenEnvironment();
            Map<OrgObjectKind, ServiceTarget> targets = new EnumMap<>(OrgObjectKind.class);
            for (OrgObjectKind kind : OrgObjectKind.values()) {
                targets.put(kind, new ServiceTarget(SERVICE_ID, chosenEntityId(),
                        environment.organisation(kind.service()), SoapVersion.SOAP_12, true));
            }
            return new OrganisationClient(environment, executor, targets);
        }
    }
}
