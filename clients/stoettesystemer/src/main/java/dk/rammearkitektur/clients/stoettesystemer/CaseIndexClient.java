package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.common.internal.ServiceTarget;
import dk.rammearkitektur.clients.common.internal.SoapCallExecutor;
import dk.rammearkitektur.clients.stoettesystemer.internal.CaseIndexMapping;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexMessages;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexReplies;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Client for the fælleskommunale Sags- og Dokumentindeks (SF1470, SagDokumentIndeksService 6): keeps a fagsystem's
 * cases (sager) and their documents in the index, straight from the SDK's {@code History<Case>}, and finds the cases
 * the index holds on a citizen. Called directly on the Støttesystemer host with an STS token, over SOAP 1.1 (the
 * published binding's version, {@code SagDokumentIndeksService_6.wsdl}).
 *
 * <p>{@link #importCase(History)} sends the case's whole history the first time ({@code importer}; usage pattern
 * AM-01), {@link #updateCase(History)} its whole current picture afterwards ({@code opdater}: a relation that ended
 * ends by its validity (AM-02), one that changed object is replaced (AM-04)), {@link #removeCase(CaseId)} removes it
 * ({@code fjern}), {@link #find(CaseId)} and {@link #findByCpr(Cpr)} read ({@code fremsoeg}). Every relation is a
 * UUID: KLE subject and action facet come from Klassifikation, role and object type are {@link IndexClasses}, the
 * owning authority and the IT system are configured. A case the index would refuse by KOMBIT's usage rules fails
 * before anything is sent with a {@link ValidationException} naming each problem; a refusal from the index is a
 * {@link ServiceFaultException} with the index's status code and text.
 *
 * <p>Repeating a call after an unknown outcome (see {@code docs/indexes.md}): {@code opdater}, {@code fjern} and
 * {@code fremsoeg} are retried as the retry policy says, since {@code opdater} carries the whole state and repeating
 * it changes nothing more; {@code importer} is retried only when the request never reached the index. After an unknown
 * outcome, {@link #sync(History)} converges whether the import landed or not ({@code opdater} of a case the index does
 * not hold is refused, so it looks first).
 *
 * <p>Built on a {@link KlassifikationClient}: it shares its connection pool, system certificate, STS tokens,
 * timeouts and retry policy, and uses it for the Klasse lookups. Close the Klassifikation client after this one.
 * Thread-safe.
 */
public final class CaseIndexClient {
    /**
     * The entity id tokens for the index are issued for, as the research note gives it
     * ({@code signing-style.md}, A2: {@code http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6}).
     */
    public static final String DEFAULT_ENTITY_ID = "http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6";
    /** The most cases one {@link #findByCpr(Cpr)} returns ({@code MaksimalAntalKvantitet}); the SDK's choice. */
    public static final int MAX_RESULTS = 500;
    private static final String SERVICE_ID = "SF1470";

    private final KlassifikationClient klassifikation;
    private final SoapCallExecutor executor;
    private final ServiceTarget target;
    private final UUID owner;
    private final String ownerCvr;
    private final String ownerName;
    private final UUID itSystem;
    private final String itSystemName;
    private volatile IndexClasses classes;

    private CaseIndexClient(Builder b) {
        this.klassifikation = b.klassifikation;
        this.executor = b.klassifikation.executor();
        URI endpoint = b.endpoint != null ? b.endpoint : b.klassifikation.environment().sagDokumentIndeks();
        this.target = new ServiceTarget(SERVICE_ID, b.entityId, endpoint, SoapVersion.SOAP_11, true);
        this.owner = b.owner;
        this.ownerCvr = b.ownerCvr;
        this.ownerName = b.ownerName;
        this.itSystem = b.itSystem;
        this.itSystemName = b.itSystemName;
        this.classes = b.classes;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Brings the index up to date with {@code history}, whatever it holds: looks the case up ({@code fremsoeg}) and
     * updates it ({@code opdater}) when the index has it, else imports it ({@code importer}). This is the call to
     * make after every change, and again after any failure, an unknown outcome included: it converges.
     *
     * @return true when the case was imported, false when it was updated
     * @throws ValidationException as {@link #importCase(History)}
     * @throws ServiceFaultException when the index refuses
     */
    public boolean sync(History<Case> history) {
        IndexPlan.Request request = plan(history);
        Optional<IndexedCase> held = find(CaseId.of(request.sag().id()));
        if (held.isPresent()) {
            update(request, held.get());
            return false;
        }
        importCase(history);
        return true;
    }

    /**
     * Imports a case the index does not hold yet, with its documents ({@code importer}): the whole progress history
     * from Opstaaet, every relation with its validity.
     *
     * @throws ValidationException naming each problem (paths under {@code history}, {@code case} or
     *     {@code classes}) before anything is sent
     * @throws ServiceFaultException when the index refuses (its StatusKode and FejlbeskedTekst)
     */
    public void importCase(History<Case> history) {
        IndexPlan.Request request = plan(history);
        IndexClasses c = classes();
        write(ServiceCall.write(SERVICE_ID, "importer", UUID.randomUUID().toString(), null),
                IndexMessages.ACTION_IMPORTER, body -> IndexMessages.importer(body, request, c::uuid),
                "ImporterSagDokumentIndeksOutput");
    }

    /**
     * Sends the case's whole current picture ({@code opdater}) after looking it up ({@code fremsoeg}); documents
     * journalised since the index last saw the case are imported first ({@code importer}). Safe to repeat.
     *
     * @throws ValidationException as {@link #importCase(History)}
     * @throws ServiceFaultException when the index refuses
     */
    public void updateCase(History<Case> history) {
        IndexPlan.Request request = plan(history);
        Optional<IndexedCase> held = find(CaseId.of(request.sag().id()));
        if (held.isEmpty()) {
            opdater(request); // the index refuses an update of a case it does not hold: that refusal is the answer
            return;
        }
        update(request, held.get());
    }

    /**
     * Documents journalised since the index last saw the case are not in the index yet, and {@code opdater} only
     * changes what it holds: they are imported first ({@code importer}, Dokumenter only), then the case and the
     * documents it already holds are updated.
     */
    private void update(IndexPlan.Request request, IndexedCase held) {
        java.util.Set<String> journalised = new java.util.HashSet<>();
        for (IndexRelation r : held.relations()) {
            if ("Journalpost".equals(r.kind())) {
                journalised.add(r.reference().toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<IndexPlan.Dokument> fresh = new java.util.ArrayList<>();
        List<IndexPlan.Dokument> known = new java.util.ArrayList<>();
        for (IndexPlan.Dokument d : request.documents()) {
            (journalised.contains(d.id().toString()) ? known : fresh).add(d);
        }
        if (!fresh.isEmpty()) {
            IndexClasses c = classes();
            IndexPlan.Request documents = new IndexPlan.Request(fresh, null);
            write(ServiceCall.write(SERVICE_ID, "importer", UUID.randomUUID().toString(), null),
                    IndexMessages.ACTION_IMPORTER, body -> IndexMessages.importer(body, documents, c::uuid),
                    "ImporterSagDokumentIndeksOutput");
        }
        opdater(new IndexPlan.Request(known, request.sag()));
    }

    private void opdater(IndexPlan.Request request) {
        IndexClasses c = classes();
        write(ServiceCall.idempotentWrite(SERVICE_ID, "opdater", UUID.randomUUID().toString(), null),
                IndexMessages.ACTION_OPDATER, body -> IndexMessages.opdater(body, request, c::uuid),
                "OpdaterSagDokumentIndeksOutput");
    }

    /**
     * Removes a case from the index ({@code fjern}); its documents go with it unless another case has them.
     *
     * @throws ValidationException at {@code id} when it is null
     * @throws ServiceFaultException when the index refuses (for example a case it does not hold)
     */
    public void removeCase(CaseId id) {
        if (id == null) {
            throw new ValidationException("id", "must be set");
        }
        write(ServiceCall.idempotentWrite(SERVICE_ID, "fjern", UUID.randomUUID().toString(), null),
                IndexMessages.ACTION_FJERN, body -> IndexMessages.fjern(body, List.of(id.value())),
                "FjernSagDokumentIndeksOutput");
    }

    /** One write; its reply is a MultipleOutputType named {@code output} that must say 20 for every object. */
    private void write(ServiceCall call, String action, java.util.function.Consumer<org.w3c.dom.Element> writer,
            String output) {
        executor.call(target, call, action, writer, (out, c) -> IndexReplies.readMultiple(out, c, output));
    }

    /**
     * The case with this id as the index holds it ({@code fremsoeg} by SagUuid).
     *
     * @return the case, or empty when the index has none
     */
    public Optional<IndexedCase> find(CaseId id) {
        if (id == null) {
            throw new ValidationException("id", "must be set");
        }
        IndexClasses c = classes();
        List<IndexedCase> found = executor.read(target, "fremsoeg", IndexMessages.ACTION_FREMSOEG,
                body -> IndexMessages.fremsoegById(body, List.of(id.value())),
                (out, call) -> IndexReplies.readFremsoeg(out, call, u -> c.key(u).orElse(null)));
        return found.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * The cases the index holds with this person as a party (Sagspart, any role), from every system that indexes
     * them, at most {@value #MAX_RESULTS}.
     *
     * @throws ValidationException at {@code cpr} when it is null
     */
    public List<IndexedCase> findByCpr(Cpr cpr) {
        if (cpr == null) {
            throw new ValidationException("cpr", "must be set");
        }
        IndexClasses c = classes();
        return executor.read(target, "fremsoeg", IndexMessages.ACTION_FREMSOEG,
                body -> IndexMessages.fremsoegByParty(body, "urn:oio:cpr-nr:" + cpr.value(), 0, MAX_RESULTS),
                (out, call) -> IndexReplies.readFremsoeg(out, call, u -> c.key(u).orElse(null)));
    }

    /** The role and object-type classes in use: configured, or looked up in Klassifikation on first need. */
    public IndexClasses classes() {
        IndexClasses c = classes;
        if (c == null) {
            c = IndexClasses.resolve(klassifikation);
            classes = c;
        }
        return c;
    }

    private IndexPlan.Request plan(History<Case> history) {
        CaseIndexMapping.Context context = new CaseIndexMapping.Context(owner, ownerName, ownerCvr, itSystem,
                itSystemName, klassifikation::resolveSubject, klassifikation::resolveActionFacet);
        return CaseIndexMapping.map(history, context);
    }

    /** Builder for {@link CaseIndexClient}; {@link #build()} checks every setting. */
    public static final class Builder extends IndexClientBuilder<Builder> {
        private IndexClasses classes;
        private URI endpoint;

        private Builder() {
            super(DEFAULT_ENTITY_ID);
        }

        /** The role and object-type classes, instead of looking them up in Klassifikation. */
        public Builder classes(IndexClasses classes) {
            this.classes = classes;
            return this;
        }

        /** Another endpoint than the Klassifikation client's environment's {@code sagDokumentIndeks()}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Checks every setting and builds the client.
         *
         * @throws ValidationException naming each bad setting (under {@code caseIndexClient})
         */
        public CaseIndexClient build() {
            Violations v = Violations.at("caseIndexClient");
            checkShared(v);
            checkEndpoint(v, "endpoint", endpoint);
            v.throwIfAny();
            return new CaseIndexClient(this);
        }
    }
}
