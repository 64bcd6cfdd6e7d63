package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.common.internal.ServiceTarget;
import dk.rammearkitektur.clients.common.internal.SoapCallExecutor;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexMapping;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexMessages;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexReplies;
import dk.rammearkitektur.clients.stoettesystemer.internal.CaseIndexMapping;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * Client for the fælleskommunale Ydelsesindeks (SF1490, Ydelsesindeks 6): keeps a fagsystem's granted benefits
 * (bevillinger) and their payments (økonomiske effektueringer) in the index, straight from the SDK's
 * {@code History<Case>}, and finds what the index holds on a citizen. Three services, all SOAP 1.2 as their published
 * bindings say ({@code YdelseIndeks.wsdl}, {@code BevillingIndeks.wsdl}, {@code OekonomiskEffektueringIndeks.wsdl}),
 * called directly on the Støttesystemer host with one STS token for all three.
 *
 * <p>{@link #importGrant(History, BenefitId)} sends the grant with its payments the first time ({@code importer}),
 * {@link #updateGrant(History, BenefitId)} the current picture afterwards ({@code opdater}), {@link #sync(History,
 * BenefitId)} does whichever is needed; {@link #findGrant}, {@link #findPayment}, {@link #findByCpr} and
 * {@link #findPayments} read ({@code fremsoeg}); {@link #removePayment} and {@link #removeGrant} remove
 * ({@code fjern}). Only a GRANTED or ENDED benefit in DKK is indexed; every relation's role and object type is a
 * {@link BenefitIndexClasses} Klasse, the KLE subject comes from Klassifikation, owner and IT system are configured.
 * The mapping is the SDK's (no Bevilling usage rules are published; payments follow KOMBIT's OEF rules) and is
 * listed in {@code docs/indexes.md}. A benefit the index would refuse fails before anything is sent with one
 * {@link ValidationException} naming each problem; a refusal from the index is a {@link ServiceFaultException} with
 * its status code and text.
 *
 * <p>Repeating a call after an unknown outcome: {@code opdater}, {@code fjern} and {@code fremsoeg} are retried as
 * the retry policy says, since {@code opdater} carries the whole picture and repeating it changes nothing more;
 * {@code importer} is retried only when the request never reached the index. After an unknown outcome,
 * {@link #sync(History, BenefitId)} converges whether the import landed or not: it looks first, imports what the
 * index lacks and updates what it holds.
 *
 * <p>Built on a {@link KlassifikationClient}: it shares its connection pool, system certificate, STS tokens,
 * timeouts and retry policy, and uses it for the Klasse lookups. Close the Klassifikation client after this one.
 * Thread-safe.
 */
public final class BenefitIndexClient {
    /**
     * The entity id tokens for all three services are issued for, as KOMBIT's sample configures it
     * ({@code kombit/kosdy_infrastructureSamplesYdelse-java}, {@code cxf.xml}, {@code security.sts.applies-to}); no
     * KOMBIT document at hand states it.
     */
    public static final String DEFAULT_ENTITY_ID = "http://entityid.kombit.dk/service/ydi/ydelseindeks/6";
    /** The most objects one {@code fremsoeg} asks for ({@code MaksimalAntalKvantitet}); the SDK's choice. */
    public static final int MAX_RESULTS = 500;
    private static final String IMPORTER_OUTPUT = "ImporterYdelseIndeksOutput";
    private static final String OPDATER_OUTPUT = "OpdaterYdelseIndeksOutput";

    private final KlassifikationClient klassifikation;
    private final SoapCallExecutor executor;
    private final ServiceTarget ydelseIndeks;
    private final ServiceTarget bevillingIndeks;
    private final ServiceTarget effektueringIndeks;
    private final CaseIndexMapping.Context context;
    private volatile BenefitIndexClasses classes;

    private BenefitIndexClient(Builder b) {
        this.klassifikation = b.klassifikation;
        this.executor = b.klassifikation.executor();
        StoettesystemerEnvironment env = b.klassifikation.environment();
        this.ydelseIndeks = target("SF1490-YI", b, b.ydelseIndeks, env.ydelsesIndeks("ydelseindeks"));
        this.bevillingIndeks = target("SF1490-BI", b, b.bevillingIndeks, env.ydelsesIndeks("bevillingindeks"));
        this.effektueringIndeks = target("SF1490-OEF", b, b.effektueringIndeks,
                env.ydelsesIndeks("oekonomiskeffektueringindeks"));
        this.context = new CaseIndexMapping.Context(b.owner, b.ownerName, b.ownerCvr, b.itSystem, b.itSystemName,
                klassifikation::resolveSubject, f -> Optional.empty());
        this.classes = b.classes;
    }

    private static ServiceTarget target(String id, Builder b, URI configured, URI preset) {
        return new ServiceTarget(id, b.entityId, configured != null ? configured : preset, SoapVersion.SOAP_12, true);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Brings the index up to date with the benefit, whatever it holds: looks the grant and its payments up
     * ({@code fremsoeg}), imports what the index lacks (the grant and new payments in one {@code importer}), then
     * updates what it already held (one {@code opdater}). The call to make after every change, and again after any
     * failure, an unknown outcome included: it converges.
     *
     * @return what was imported and what updated
     * @throws ValidationException as {@link #importGrant(History, BenefitId)}
     * @throws ServiceFaultException when the index refuses
     */
    public BenefitSync sync(History<Case> history, BenefitId benefitId) {
        return converge(plan(history, benefitId), true);
    }

    /**
     * Imports a grant the index does not hold yet with all its payments ({@code importer}): every registration of
     * the history in which the benefit was granted and changed becomes a Registrering.
     *
     * @throws ValidationException naming each problem (paths under {@code history}, {@code benefitId},
     *     {@code benefit}, {@code case} or {@code classes}) before anything is sent
     * @throws ServiceFaultException when the index refuses (its StatusKode and FejlbeskedTekst)
     */
    public void importGrant(History<Case> history, BenefitId benefitId) {
        BenefitIndexPlan.Request request = plan(history, benefitId);
        importer(request, true, request.payments());
    }

    /**
     * Sends the grant's current picture and that of every payment the index holds ({@code opdater}) after looking
     * them up ({@code fremsoeg}); payments the index lacks are imported first ({@code importer}). A grant the index
     * does not hold is refused by the index ({@link #sync} imports it instead). Safe to repeat.
     *
     * @throws ValidationException as {@link #importGrant(History, BenefitId)}
     * @throws ServiceFaultException when the index refuses
     */
    public void updateGrant(History<Case> history, BenefitId benefitId) {
        converge(plan(history, benefitId), false);
    }

    private BenefitSync converge(BenefitIndexPlan.Request request, boolean importGrant) {
        List<UUID> paymentIds = new ArrayList<>(request.payments().stream().map(BenefitIndexPlan.Payment::id).toList());
        paymentIds.addAll(request.withdrawn());
        BenefitIndexReplies.Found held = fremsoeg(List.of(request.grant().id()), paymentIds);
        boolean grantHeld = held.grants().stream().anyMatch(g -> g.id().value().equals(request.grant().id()));
        Set<UUID> heldPayments = new LinkedHashSet<>();
        held.payments().forEach(p -> heldPayments.add(p.id().value()));
        BenefitIndexPlan.Steps steps = BenefitIndexPlan.Steps.of(request, importGrant, grantHeld, heldPayments);
        if (steps.importGrant() || !steps.importPayments().isEmpty()) {
            importer(request, steps.importGrant(), steps.importPayments());
        }
        if (steps.updateGrant() || !steps.updatePayments().isEmpty()) {
            opdater(request, steps.updateGrant(), steps.updatePayments());
        }
        for (UUID withdrawn : steps.removePayments()) {
            fjern(false, withdrawn);
        }
        return new BenefitSync(steps.importGrant(), ids(steps.importPayments()), ids(steps.updatePayments()),
                steps.removePayments().stream().map(PaymentId::of).toList());
    }

    private void importer(BenefitIndexPlan.Request request, boolean withGrant,
            Collection<BenefitIndexPlan.Payment> payments) {
        BenefitIndexClasses c = classes();
        write(ydelseIndeks, ServiceCall.write(ydelseIndeks.id(), "importer", UUID.randomUUID().toString(), null),
                BenefitIndexMessages.ACTION_IMPORTER,
                body -> BenefitIndexMessages.importer(body, request, withGrant, payments, c::uuid), IMPORTER_OUTPUT);
    }

    private void opdater(BenefitIndexPlan.Request request, boolean withGrant,
            Collection<BenefitIndexPlan.Payment> payments) {
        BenefitIndexClasses c = classes();
        write(ydelseIndeks, ServiceCall.idempotentWrite(ydelseIndeks.id(), "opdater", UUID.randomUUID().toString(),
                null), BenefitIndexMessages.ACTION_OPDATER,
                body -> BenefitIndexMessages.opdater(body, request, withGrant, payments, c::uuid), OPDATER_OUTPUT);
    }

    private void write(ServiceTarget target, ServiceCall call, String action, Consumer<Element> writer,
            String output) {
        executor.call(target, call, action, writer, (out, c) -> BenefitIndexReplies.readMultiple(out, c, output));
    }

    /**
     * The grant with this id as the index holds it ({@code fremsoeg} by BevillingUuid).
     *
     * @return the grant, or empty when the index has none
     * @throws ValidationException at {@code benefitId} when it is null
     */
    public Optional<IndexedGrant> findGrant(BenefitId benefitId) {
        require(benefitId, "benefitId");
        return fremsoeg(List.of(benefitId.value()), List.of()).grants().stream()
                .filter(g -> g.id().equals(benefitId)).findFirst();
    }

    /**
     * The payment with this id as the index holds it ({@code fremsoeg} by OekonomiskEffektueringUuid).
     *
     * @return the payment, or empty when the index has none
     * @throws ValidationException at {@code paymentId} when it is null
     */
    public Optional<IndexedPayment> findPayment(PaymentId paymentId) {
        require(paymentId, "paymentId");
        return fremsoeg(List.of(), List.of(paymentId.value())).payments().stream()
                .filter(p -> p.id().equals(paymentId)).findFirst();
    }

    /**
     * The grants the index holds with this person as a party (Bevillingspart, any role), as far as the index lets
     * this authority see them (the testkit's simulator shows an authority its own), at most {@value #MAX_RESULTS}.
     *
     * @throws ValidationException at {@code cpr} when it is null
     */
    public List<IndexedGrant> findByCpr(Cpr cpr) {
        require(cpr, "cpr");
        return byParty("urn:oio:cpr-nr:" + cpr.value()).grants();
    }

    /**
     * The payments the index holds whose DelAf relation names this grant (BevilgetYdelseRef). The contract has no
     * search by that reference, so the SDK looks the grant up and searches by each of its parties
     * (Bevillingspart) as payee (OekonomiskEffektueringPart), keeping the payments that name the grant: a payment to
     * a payee who is not a party of the grant is not found. Empty when the index does not hold the grant.
     *
     * @throws ValidationException at {@code benefitId} when it is null
     */
    public List<IndexedPayment> findPayments(BenefitId benefitId) {
        Optional<IndexedGrant> grant = findGrant(benefitId);
        if (grant.isEmpty()) {
            return List.of();
        }
        Map<String, String> parties = new LinkedHashMap<>(); // the same URN once, whatever its case; sent as received
        for (IndexRelation r : grant.get().relations()) {
            if ("Bevillingspart".equals(r.kind())) {
                parties.putIfAbsent(r.reference().toLowerCase(Locale.ROOT), r.reference());
            }
        }
        List<IndexedPayment> found = new ArrayList<>();
        Set<PaymentId> seen = new LinkedHashSet<>();
        for (String urn : parties.values()) {
            for (IndexedPayment p : byParty(urn).payments()) {
                if (benefitId.equals(p.grant()) && seen.add(p.id())) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    /**
     * Removes a payment from the index ({@code fjern} on OekonomiskEffektueringIndeks).
     *
     * @throws ValidationException at {@code paymentId} when it is null
     * @throws ServiceFaultException when the index refuses (for example a payment it does not hold)
     */
    public void removePayment(PaymentId paymentId) {
        require(paymentId, "paymentId");
        fjern(false, paymentId.value());
    }

    /**
     * Removes a grant from the index ({@code fjern} on BevillingIndeks) after removing the payments
     * {@link #findPayments(BenefitId)} finds for it, each with {@link #removePayment(PaymentId)}: payments first, so
     * that none is left without its grant (the SDK's precaution; the testkit's simulator refuses to remove a grant
     * that still has payments). A payment {@code findPayments} cannot find (a payee who is not a party of the grant,
     * more than {@value #MAX_RESULTS} payments) stays; {@link #removeGrant(History, BenefitId)} also removes every
     * payment the history knows.
     *
     * @throws ValidationException at {@code benefitId} when it is null
     * @throws ServiceFaultException when the index refuses
     */
    public void removeGrant(BenefitId benefitId) {
        require(benefitId, "benefitId");
        removeWithPayments(benefitId, List.of());
    }

    /**
     * Removes a grant as {@link #removeGrant(BenefitId)} does, first removing every payment any registration of
     * {@code history} gave the benefit that the index holds (looked up by UUID), then those {@code findPayments}
     * finds.
     *
     * @throws ValidationException at {@code benefitId} or {@code history} when null
     * @throws ServiceFaultException when the index refuses
     */
    public void removeGrant(History<Case> history, BenefitId benefitId) {
        require(history, "history");
        require(benefitId, "benefitId");
        Set<UUID> known = new LinkedHashSet<>();
        for (dk.rammearkitektur.model.Registration<Case> r : history.registrations()) {
            for (dk.rammearkitektur.model.Effect<Case> e : r.effects()) {
                e.value().benefits().stream().filter(b -> b.id().equals(benefitId))
                        .forEach(b -> b.payments().forEach(p -> known.add(p.id().value())));
            }
        }
        removeWithPayments(benefitId, List.copyOf(known));
    }

    private void removeWithPayments(BenefitId benefitId, List<UUID> known) {
        Set<UUID> removed = new LinkedHashSet<>();
        if (!known.isEmpty()) {
            for (IndexedPayment p : fremsoeg(List.of(), known).payments()) {
                if (removed.add(p.id().value())) {
                    fjern(false, p.id().value());
                }
            }
        }
        for (IndexedPayment p : findPayments(benefitId)) {
            if (removed.add(p.id().value())) {
                fjern(false, p.id().value());
            }
        }
        fjern(true, benefitId.value());
    }

    private void fjern(boolean grant, UUID id) {
        ServiceTarget target = grant ? bevillingIndeks : effektueringIndeks;
        executor.call(target, ServiceCall.idempotentWrite(target.id(), "fjern", UUID.randomUUID().toString(), null),
                grant ? BenefitIndexMessages.ACTION_FJERN_BEVILLING : BenefitIndexMessages.ACTION_FJERN_OEF,
                body -> BenefitIndexMessages.fjern(body, grant, id),
                (out, c) -> {
                    BenefitIndexReplies.readFjern(out, c, grant);
                    return null;
                });
    }

    private BenefitIndexReplies.Found fremsoeg(List<UUID> grants, List<UUID> payments) {
        BenefitIndexClasses c = classes();
        return executor.read(ydelseIndeks, "fremsoeg", BenefitIndexMessages.ACTION_FREMSOEG,
                body -> BenefitIndexMessages.fremsoegById(body, grants, payments, MAX_RESULTS),
                (out, call) -> BenefitIndexReplies.readFremsoeg(out, call, u -> c.key(u).orElse(null)));
    }

    private BenefitIndexReplies.Found byParty(String urn) {
        BenefitIndexClasses c = classes();
        return executor.read(ydelseIndeks, "fremsoeg", BenefitIndexMessages.ACTION_FREMSOEG,
                body -> BenefitIndexMessages.fremsoegByParty(body, urn, MAX_RESULTS),
                (out, call) -> BenefitIndexReplies.readFremsoeg(out, call, u -> c.key(u).orElse(null)));
    }

    /** The role and object-type classes in use: configured, or looked up in Klassifikation on first need. */
    public BenefitIndexClasses classes() {
        BenefitIndexClasses c = classes;
        if (c == null) {
            c = BenefitIndexClasses.resolve(klassifikation);
            classes = c;
        }
        return c;
    }

    private BenefitIndexPlan.Request plan(History<Case> history, BenefitId benefitId) {
        return BenefitIndexMapping.map(history, benefitId, context);
    }

    private static void require(Object value, String path) {
        if (value == null) {
            throw new ValidationException(path, "must be set");
        }
    }

    private static List<PaymentId> ids(List<BenefitIndexPlan.Payment> payments) {
        return payments.stream().map(p -> PaymentId.of(p.id())).toList();
    }

    /** Builder for {@link BenefitIndexClient}; {@link #build()} checks every setting. */
    public static final class Builder extends IndexClientBuilder<Builder> {
        private BenefitIndexClasses classes;
        private URI ydelseIndeks;
        private URI bevillingIndeks;
        private URI effektueringIndeks;

        private Builder() {
            super(DEFAULT_ENTITY_ID);
        }

        /** The role and object-type classes, instead of looking them up in Klassifikation. */
        public Builder classes(BenefitIndexClasses classes) {
            this.classes = classes;
            return this;
        }

        /**
         * Other endpoints than the Klassifikation client's environment's {@code ydelsesIndeks(...)}: YdelseIndeks
         * ({@code importer}, {@code opdater}, {@code fremsoeg}), BevillingIndeks and OekonomiskEffektueringIndeks
         * ({@code fjern} each).
         */
        public Builder endpoints(URI ydelseIndeks, URI bevillingIndeks, URI oekonomiskEffektueringIndeks) {
            this.ydelseIndeks = ydelseIndeks;
            this.bevillingIndeks = bevillingIndeks;
            this.effektueringIndeks = oekonomiskEffektueringIndeks;
            return this;
        }

        /**
         * Checks every setting and builds the client.
         *
         * @throws ValidationException naming each bad setting (under {@code benefitIndexClient})
         */
        public BenefitIndexClient build() {
            Violations v = Violations.at("benefitIndexClient");
            checkShared(v);
            checkEndpoint(v, "endpoints.ydelseIndeks", ydelseIndeks);
            checkEndpoint(v, "endpoints.bevillingIndeks", bevillingIndeks);
            checkEndpoint(v, "endpoints.oekonomiskEffektueringIndeks", effektueringIndeks);
            v.throwIfAny();
            return new BenefitIndexClient(this);
        }
    }
}
