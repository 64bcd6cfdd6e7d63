package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.GrantState;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.PaymentState;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.Version;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Meta;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentTiming;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Registration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps one benefit of a case's bitemporal history ({@code History<Case>}) to what SF1490 needs: the grant
 * (Bevilling, UUID = the benefit id) and its payments (økonomiske effektueringer, UUID = the payment id), checking
 * everything first so that a benefit the index would refuse fails with one {@link ValidationException} naming every
 * problem, and nothing is sent. The mapping is the SDK's (no Bevilling anvisning is published; the OEF one, A-OEF
 * v2.3, is followed for payments) and is listed in {@code docs/indexes.md}.
 *
 * <p>The case at each registration is the last effect of {@link CaseIndexMapping#timeline(History)} of the history up
 * to that registration. A registration in which the benefit is GRANTED or ENDED and whose mapped grant differs from
 * the previous one sent becomes one Registrering of the grant; likewise for each payment.
 */
public final class BenefitIndexMapping {
    /** Days start at midnight in Denmark. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** The granted benefit's Id within the grant (one BevilgetYdelse per grant): the SDK's choice. */
    public static final String BENEFIT_LINE = "1";
    private static final int MAX_KEY = 50;
    private static final int MAX_NAME = 255;

    private BenefitIndexMapping() {
    }

    /**
     * The request for the benefit {@code benefitId} of {@code history}, or a {@link ValidationException} whose
     * paths start at {@code history}, {@code benefitId}, {@code benefit} (the benefit in the latest registration) or
     * {@code case}.
     */
    public static BenefitIndexPlan.Request map(History<Case> history, BenefitId benefitId,
            CaseIndexMapping.Context context) {
        Violations v = Violations.at("");
        if (history == null || history.latest().isEmpty()) {
            v.add("history.registrations", "must hold at least one registration");
        }
        v.require(benefitId != null, "benefitId", "must be set");
        v.throwIfAny();
        List<Registration<Case>> registrations = history.registrations();
        Case current = current(history, registrations.size() - 1);
        Benefit benefit = benefit(current, benefitId);
        if (benefit == null) {
            v.add("benefitId", "the case has no benefit with this id");
            v.throwIfAny();
        }
        Map<String, Classification> subjects = new LinkedHashMap<>();
        check(v, current, benefit, context, subjects);
        v.throwIfAny();
        List<Version<GrantState>> grant = new ArrayList<>();
        Map<UUID, List<Version<PaymentState>>> payments = new LinkedHashMap<>();
        for (Payment p : benefit.payments()) {
            payments.put(p.id().value(), new ArrayList<>());
        }
        for (int r = 0; r < registrations.size(); r++) {
            Case k = r == registrations.size() - 1 ? current : current(history, r);
            Benefit b = benefit(k, benefitId);
            if (b == null || !indexable(b) || (r < registrations.size() - 1 && !mappable(k, b, context, subjects))) {
                continue;
            }
            Registration<Case> reg = registrations.get(r);
            Meta meta = new Meta(reg.registeredFrom(), context.actorUrn(), reg.note().orElse(null));
            Classification subject = subjects.get(k.classification().number());
            add(grant, meta, grantState(k, b, context, subject));
            for (Payment p : b.payments()) {
                List<Version<PaymentState>> versions = payments.get(p.id().value());
                if (versions != null) {
                    add(versions, meta, paymentState(k, b, p, context));
                }
            }
        }
        Registration<Case> last = registrations.get(registrations.size() - 1);
        Meta latest = new Meta(last.registeredFrom(), context.actorUrn(), last.note().orElse(null));
        List<BenefitIndexPlan.Payment> out = new ArrayList<>();
        payments.forEach((id, versions) -> out.add(new BenefitIndexPlan.Payment(id, List.copyOf(versions))));
        return new BenefitIndexPlan.Request(new BenefitIndexPlan.Grant(benefitId.value(), List.copyOf(grant)),
                List.copyOf(out), latest, withdrawn(history, benefitId, payments.keySet()));
    }

    /**
     * The payments an earlier registration of the history gave the benefit and the latest no longer does (a payment
     * recorded by mistake and taken back): they are to leave the index too.
     */
    private static List<UUID> withdrawn(History<Case> history, BenefitId benefitId, java.util.Set<UUID> current) {
        java.util.Set<UUID> gone = new java.util.LinkedHashSet<>();
        for (Registration<Case> r : history.registrations()) {
            for (dk.rammearkitektur.model.Effect<Case> e : r.effects()) {
                Benefit b = benefit(e.value(), benefitId);
                if (b != null) {
                    b.payments().forEach(p -> gone.add(p.id().value()));
                }
            }
        }
        gone.removeAll(current);
        return List.copyOf(gone);
    }

    /** The index's frequency text (Beregningsfrekvens) of a model frequency: the SDK's Danish names. */
    public static String frequency(Frequency f) {
        return switch (f) {
            case ONCE -> "Engangs";
            case WEEKLY -> "Ugentlig";
            case FORTNIGHTLY -> "Hver 14. dag";
            case MONTHLY -> "Månedlig";
            case QUARTERLY -> "Kvartalsvis";
            case YEARLY -> "Årlig";
        };
    }

    /** Midnight of {@code day} in Europe/Copenhagen. */
    public static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The texts the OEF usage rules (A-OEF 3.3, YDI-OEF-TEKST) require: SendtTilUdbetalingTekst when the amount
     * sent differs from the amount after tax and ATP, UdbetaltTekst when the amount paid differs from the amount sent.
     * The model's {@link Payment} checks the same; this is checked again because the index refuses without them.
     */
    static void checkPaymentTexts(Violations v, String path, BigDecimal afterTax, BigDecimal sent, BigDecimal paid,
            String offsetReason, String paidReason) {
        if (afterTax.compareTo(sent) != 0 && (offsetReason == null || offsetReason.isBlank())) {
            v.add(path + ".offsetReason", "is required by the index when sentForPayment differs from afterTax "
                    + "(SendtTilUdbetalingTekst)");
        }
        if (paid != null && paid.compareTo(sent) != 0 && (paidReason == null || paidReason.isBlank())) {
            v.add(path + ".paidReason", "is required by the index when paid differs from sentForPayment "
                    + "(UdbetaltTekst)");
        }
        text(v, path + ".offsetReason", offsetReason, MAX_NAME, "SendtTilUdbetalingTekst");
        text(v, path + ".paidReason", paidReason, MAX_NAME, "UdbetaltTekst");
    }

    private static void check(Violations v, Case k, Benefit b, CaseIndexMapping.Context context,
            Map<String, Classification> subjects) {
        if (!indexable(b)) {
            v.add("benefit.status", "must be GRANTED or ENDED: the index holds grants, not applications or refusals"
                    + " (is " + b.status() + ")");
        }
        if (!Money.DKK.equals(b.currency())) {
            v.add("benefit.currency", "must be DKK: the index's amounts have no currency");
        }
        if (b.grantPeriod().isEmpty()) {
            v.add("benefit.grantPeriod", "is required: the index needs the grant's start (Bevillingstartdato)");
        }
        text(v, "case.caseNumber", k.caseNumber(), MAX_KEY, "Bevillingssag BrugervendtNoegle");
        text(v, "case.title", k.title(), MAX_NAME, "Bevillingssag FuldtNavn");
        if (k.classification().level() != 3) {
            v.add("case.classification", "the index needs a KLE subject (emne, dd.dd.dd) as the benefit's class");
        } else if (subject(k, context, subjects) == null) {
            v.add("case.classification", "KLE subject " + k.classification().number()
                    + " is not in Klassifikation");
        }
        party(v, "benefit.recipient", k, b.recipient());
        b.grantee().ifPresent(g -> party(v, "benefit.grantee", k, g));
        for (int i = 0; i < b.payments().size(); i++) {
            Payment p = b.payments().get(i);
            String path = "benefit.payments[" + i + "]";
            if (p.benefitPeriod().to().isEmpty()) {
                v.add(path + ".benefitPeriod", "must have a last day: the index needs the period's end (Slutdato)");
            }
            checkPaymentTexts(v, path, p.afterTax().amount(), p.sentForPayment().amount(),
                    p.paid().map(Money::amount).orElse(null), p.offsetReason().orElse(null),
                    p.paidReason().orElse(null));
            p.payee().ifPresent(x -> party(v, path + ".payee", k, x));
        }
    }

    /** Whether an older registration can be mapped too (it is sent only then; the latest one must be). */
    private static boolean mappable(Case k, Benefit b, CaseIndexMapping.Context context,
            Map<String, Classification> subjects) {
        Violations v = Violations.at("");
        check(v, k, b, context, subjects);
        return v.isEmpty();
    }

    private static void party(Violations v, String path, Case k, PartyId id) {
        Optional<Party> p = k.party(id);
        if (p.isEmpty()) {
            v.add(path, "must be a party of the case");
        } else if (p.get() instanceof OrganisationUnit) {
            v.add(path, "must be a person or a company: the index names parties by CPR, CVR or P-number");
        }
    }

    private static void text(Violations v, String path, String value, int max, String element) {
        if (value != null && value.length() > max) {
            v.add(path, "the index takes at most " + max + " characters (" + element + ")");
        }
    }

    private static Classification subject(Case k, CaseIndexMapping.Context context,
            Map<String, Classification> subjects) {
        String number = k.classification().number();
        if (!subjects.containsKey(number)) {
            subjects.put(number, context.subjects().apply(KleNumber.of(number, null)).orElse(null));
        }
        return subjects.get(number);
    }

    private static boolean indexable(Benefit b) {
        return b.status() == BenefitStatus.GRANTED || b.status() == BenefitStatus.ENDED;
    }

    private static <S> void add(List<Version<S>> versions, Meta meta, S state) {
        if (versions.isEmpty() || !Objects.equals(versions.get(versions.size() - 1).state(), state)) {
            versions.add(new Version<>(meta, state));
        }
    }

    private static Case current(History<Case> history, int registration) {
        History<Case> upTo = registration == history.registrations().size() - 1 ? history
                : History.of(history.registrations().subList(0, registration + 1));
        List<Effect<Case>> timeline = CaseIndexMapping.timeline(upTo);
        return timeline.get(timeline.size() - 1).value();
    }

    private static Benefit benefit(Case k, BenefitId id) {
        for (Benefit b : k.benefits()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        return null;
    }

    private static GrantState grantState(Case k, Benefit b, CaseIndexMapping.Context context,
            Classification subject) {
        DatePeriod period = b.grantPeriod().orElseThrow();
        LocalDate lastDay = period.to().orElse(null);
        String kle = k.classification().number();
        String uuid = subject.uuid().toString();
        String name = b.type().code();
        List<Relation> benefitRelations = List.of(
                itSystem("ItSystem", "Master", context), itSystem("ItSystem", "Afsender", context),
                new Relation("Ydelse", "Ydelsesklasse", "Klasse", uuid, null, null, name, null, null, null, null),
                new Relation("Klassifikation", "Primær klasse", "Klasse", uuid, null, null, null, null, kle,
                        subject.title(), null));
        List<Relation> relations = new ArrayList<>();
        relations.add(new Relation("Bevillingssag", "Tilknyttet", "Sag", k.id().value().toString(), null, null,
                k.title(), null, k.caseNumber(), null, null));
        Party recipient = k.party(b.recipient()).orElseThrow();
        relations.add(party("Bevillingspart", "Ydelsesmodtager", recipient));
        relations.add(party("Bevillingspart", "Bevillingsmodtager",
                b.grantee().flatMap(k::party).orElse(recipient)));
        relations.add(owner("Bevillingsaktoer", context));
        relations.add(unit("Bevillingsaktoer", "Ansvarlig", k.owningUnit()));
        return new GrantState(b.id().value().toString(), period.from(), lastDay, b.legalBasis(),
                CaseIndexMapping.sensitivity(k.confidentiality()), name, midnight(period.from()),
                lastDay == null ? null : midnight(lastDay.plusDays(1)), frequency(b.frequency()),
                b.paymentTiming().map(t -> t == PaymentTiming.IN_ADVANCE ? "Forud" : "Bagud").orElse(null),
                b.dispositionDay().orElse(null), b.amount(), benefitRelations, List.copyOf(relations));
    }

    private static PaymentState paymentState(Case k, Benefit b, Payment p, CaseIndexMapping.Context context) {
        Party recipient = k.party(b.recipient()).orElseThrow();
        Party payee = p.payee().flatMap(k::party).orElse(recipient);
        String kle = k.classification().number();
        List<Relation> relations = List.of(
                new Relation("OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering",
                        p.id().value().toString(), BENEFIT_LINE, null, null, null, kle, null, null),
                owner("Aktoer", context), unit("Aktoer", "Udbetalende enhed", k.owningUnit()),
                itSystem("ItSystem", "Master", context), itSystem("ItSystem", "Afsender", context),
                party("OekonomiskEffektueringPart", "Effektueringsmodtager", payee));
        LocalDate last = p.benefitPeriod().to().orElseThrow();
        return new PaymentState(p.reference().orElse(p.id().value().toString()), midnight(p.benefitPeriod().from()),
                midnight(last), p.gross().amount(), midnight(p.dispositionDate()), p.afterTax().amount(),
                p.sentForPayment().amount(), p.paid().map(Money::amount).orElse(null), k.owningUnit().name(),
                p.offsetReason().orElse(null), p.paidReason().orElse(null), kle, relations);
    }

    private static Relation itSystem(String element, String role, CaseIndexMapping.Context context) {
        return new Relation(element, role, "IT-system", context.itSystem().toString(), null, null, null, null, null,
                null, context.itSystemName());
    }

    private static Relation owner(String element, CaseIndexMapping.Context context) {
        return new Relation(element, "Ejer", "Organisation", context.owner().toString(), null, null,
                context.ownerName(), context.ownerCvr(), null, null, null);
    }

    private static Relation unit(String element, String role, OrganisationUnit unit) {
        return new Relation(element, role, "OrgEnhed", unit.id().value().toString(), null, null, unit.name(), null,
                null, null, null);
    }

    /** A person with name and address protection is sent without a name (FuldtNavn): the URN identifies them. */
    private static Relation party(String element, String role, Party party) {
        boolean hidden = party instanceof Person p && p.addressProtected();
        return new Relation(element, role, party instanceof Person ? "Person" : "Virksomhed",
                CaseIndexMapping.partyUrn(party), null, null, hidden ? null : party.name(), null, null, null, null);
    }
}
