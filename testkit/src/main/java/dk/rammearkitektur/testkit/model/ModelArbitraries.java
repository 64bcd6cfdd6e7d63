package dk.rammearkitektur.testkit.model;

import dk.rammearkitektur.model.Address;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseParty;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.ClassificationCode;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Confidentiality;
import dk.rammearkitektur.model.ContactDetails;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PNumber;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.PaymentTiming;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Registration;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.model.VariantKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for valid model values, from identifiers up to full case graphs with parties, documents,
 * benefits and bitemporal history. Text values deliberately include Danish letters, XML markup characters, tabs,
 * line breaks and characters outside the Basic Multilingual Plane, so that serialisers are exercised.
 *
 * <pre>{@code
 * @Property
 * void myExportKeepsEveryCase(@ForAll("cases") Case c) { ... }
 *
 * @Provide
 * Arbitrary<Case> cases() { return ModelArbitraries.cases(); }
 * }</pre>
 *
 * <p>jqwik is an optional dependency of the testkit: a build that uses this class adds jqwik ({@code net.jqwik:jqwik})
 * itself, in a version that fits its JUnit Platform (the testkit is built and tested against jqwik 1.9.3).
 */
public final class ModelArbitraries {
    private static final int[] CVR_WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};
    private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

    private ModelArbitraries() {
    }

    // ------------------------------------------------------------------ identifiers

    /** Valid CPR numbers of every century, both sexes, with and without modulus 11, some replacement numbers. */
    public static Arbitrary<Cpr> cprs() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 31),
                Arbitraries.integers().between(0, 999), Arbitraries.of(false, false, false, true))
                .filter((seventh, yy, month, day, rest, replacement) ->
                        day <= YearMonth.of(century(seventh, yy) + yy, month).lengthOfMonth())
                .as((seventh, yy, month, day, rest, replacement) -> Cpr.parse(String.format("%02d%02d%02d%d%03d",
                        day + (replacement ? 60 : 0), month, yy, seventh, rest)));
    }

    private static int century(int seventh, int yy) {
        if (seventh < 4) {
            return 1900;
        }
        if (seventh == 4 || seventh == 9) {
            return yy < 37 ? 2000 : 1900;
        }
        return yy < 58 ? 2000 : 1800;
    }

    /** Valid CVR numbers: seven random digits completed with the modulus-11 check digit. */
    public static Arbitrary<Cvr> cvrs() {
        return Arbitraries.integers().between(1_000_000, 9_999_999).map(seven -> {
            String s = String.valueOf(seven);
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += CVR_WEIGHTS[i] * (s.charAt(i) - '0');
            }
            int check = (11 - sum % 11) % 11;
            return check == 10 ? null : s + check;
        }).filter(s -> s != null).map(Cvr::parse);
    }

    /** Valid P-numbers: ten digits. */
    public static Arbitrary<PNumber> pNumbers() {
        return Arbitraries.strings().numeric().ofLength(10).map(PNumber::parse);
    }

    /** KLE references of all three levels, half of them with a handling facet. */
    public static Arbitrary<KleNumber> kleNumbers() {
        Arbitrary<String> pair = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> number = Combinators.combine(pair, pair, pair, Arbitraries.integers().between(1, 3))
                .as((a, b, c, level) -> level == 1 ? a : level == 2 ? a + "." + b : a + "." + b + "." + c);
        Arbitrary<String> facet = Combinators.combine(Arbitraries.chars().range('A', 'Z'), Arbitraries.integers().between(0, 99))
                .as((letter, n) -> letter + String.format("%02d", n));
        return Combinators.combine(number, facet.injectNull(0.5)).as(KleNumber::of);
    }

    /** Random UUIDs, reproducible from jqwik's seed. */
    public static Arbitrary<UUID> uuids() {
        return Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()));
    }

    /** Case ids. */
    public static Arbitrary<CaseId> caseIds() {
        return uuids().map(CaseId::of);
    }

    /** Document ids. */
    public static Arbitrary<DocumentId> documentIds() {
        return uuids().map(DocumentId::of);
    }

    /** Party ids. */
    public static Arbitrary<PartyId> partyIds() {
        return uuids().map(PartyId::of);
    }

    /** Benefit ids. */
    public static Arbitrary<BenefitId> benefitIds() {
        return uuids().map(BenefitId::of);
    }

    // ------------------------------------------------------------------ scalars

    /**
     * Valid model text up to {@code maxLength} characters: not blank, with Danish letters, markup characters, tabs,
     * line breaks and supplementary characters mixed in.
     */
    @SuppressWarnings("unchecked")
    public static Arbitrary<String> texts(int maxLength) {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, Arbitraries.of("æ", "ø", "å", "Æ", "Ø", "Å", "é", "ü", "§", "€", "½")),
                Tuple.of(2, Arbitraries.of(" ", "  ", "\t", "\n", "\r", "\r\n")),
                Tuple.of(2, Arbitraries.of("<", ">", "&", "\"", "'", "]]>", "&amp;", "<!--", "${x}")),
                Tuple.of(1, Arbitraries.of("\uD83D\uDE00", "\uD834\uDD1E", "\u00A0", "\u2028", "\uFEFF")),
                Tuple.of(1, Arbitraries.chars().range('\u0020', '\uD7FF').map(String::valueOf)));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts))
                .filter(s -> !s.isBlank() && s.length() <= maxLength);
    }

    /** Dates within the model's range (years 1 to 9999), edges included. */
    public static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** Instants within the model's range, with whole seconds, milliseconds or nanoseconds. */
    public static Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(MIN_INSTANT.getEpochSecond(), MAX_INSTANT.getEpochSecond()),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                        Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
    }

    /** Amounts in DKK: two decimals, from 0.00 to {@link Benefit#MAX_AMOUNT}. */
    public static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, Benefit.MAX_AMOUNT).ofScale(2);
    }

    /** Amounts that may be negative (corrections): two decimals, within {@link Money#MAX_ABS} either side of zero. */
    public static Arbitrary<BigDecimal> signedAmounts() {
        return Arbitraries.bigDecimals().between(Money.MAX_ABS.negate(), Money.MAX_ABS).ofScale(2);
    }

    /** Currencies: mostly DKK, also EUR, SEK, NOK and JPY (a currency without minor unit). */
    public static Arbitrary<Currency> currencies() {
        return Arbitraries.frequency(Tuple.of(4, Money.DKK), Tuple.of(1, Currency.getInstance("EUR")),
                Tuple.of(1, Currency.getInstance("SEK")), Tuple.of(1, Currency.getInstance("NOK")),
                Tuple.of(1, Currency.getInstance("JPY")));
    }

    /** Periods of days with a last day. */
    public static Arbitrary<DatePeriod> closedPeriods() {
        return Combinators.combine(dates(), dates()).as((a, b) -> a.isAfter(b) ? DatePeriod.of(b, a) : DatePeriod.of(a, b));
    }

    // ------------------------------------------------------------------ parties

    /** Addresses, mostly Danish. */
    public static Arbitrary<Address> addresses() {
        Arbitrary<Address> danish = Combinators.combine(texts(200), Arbitraries.strings().numeric().ofLength(4), texts(100))
                .as(Address::danish);
        Arbitrary<Address> foreign = Combinators.combine(texts(200), texts(20), texts(100),
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).filter(c -> !c.equals("DK"))).as(Address::new);
        return Arbitraries.frequencyOf(Tuple.of(3, danish), Tuple.of(1, foreign));
    }

    /** Contact details, including none. */
    public static Arbitrary<ContactDetails> contactDetails() {
        Arbitrary<String> email = Combinators.combine(Arbitraries.strings().alpha().numeric().withChars("._+-").ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10), Arbitraries.of("dk", "com", "eu"))
                .as((local, domain, tld) -> local + "@" + domain + "." + tld);
        Arbitrary<String> phone = Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(8),
                Arbitraries.strings().numeric().ofLength(8).map(s -> "+45 " + s.substring(0, 4) + " " + s.substring(4)));
        return Combinators.combine(email.injectNull(0.4), phone.injectNull(0.4)).as(ContactDetails::of);
    }

    /** Persons. */
    public static Arbitrary<Person> persons() {
        return Builders.withBuilder(Person::builder)
                .use(partyIds()).in(Person.Builder::id)
                .use(cprs()).in(Person.Builder::cpr)
                .use(texts(200)).in(Person.Builder::name)
                .use(addresses().injectNull(0.3)).in(Person.Builder::address)
                .use(Arbitraries.of(false, false, true)).in(Person.Builder::addressProtected)
                .use(contactDetails()).in(Person.Builder::contact)
                .build(Person.Builder::build);
    }

    /** Companies, some with a P-number. */
    public static Arbitrary<Company> companies() {
        return Builders.withBuilder(Company::builder)
                .use(partyIds()).in(Company.Builder::id)
                .use(cvrs()).in(Company.Builder::cvr)
                .use(pNumbers().injectNull(0.5)).in(Company.Builder::pNumber)
                .use(texts(200)).in(Company.Builder::name)
                .use(addresses().injectNull(0.3)).in(Company.Builder::address)
                .use(contactDetails()).in(Company.Builder::contact)
                .build(Company.Builder::build);
    }

    /** Organisation units. */
    public static Arbitrary<OrganisationUnit> organisationUnits() {
        return Combinators.combine(partyIds(), texts(200), contactDetails()).as(OrganisationUnit::new);
    }

    /** Any party: person, company or organisation unit. */
    public static Arbitrary<Party> parties() {
        return Arbitraries.frequencyOf(Tuple.of(3, persons()), Tuple.of(2, companies()), Tuple.of(1, organisationUnits()));
    }

    // ------------------------------------------------------------------ documents

    /** Document parts: name, media type, size and SHA-256 digest. */
    public static Arbitrary<DocumentPart> documentParts() {
        Arbitrary<String> mediaTypes = Arbitraries.of("application/pdf", "text/plain", "image/png", "application/xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "message/rfc822");
        Arbitrary<Long> sizes = Arbitraries.oneOf(Arbitraries.longs().between(0, 50_000_000), Arbitraries.of(0L, Long.MAX_VALUE));
        return Combinators.combine(texts(255), mediaTypes, sizes, Arbitraries.strings().withChars("0123456789abcdef").ofLength(64))
                .as(DocumentPart::of);
    }

    /** Documents with zero to two variants of distinct kinds, each with one or two parts. */
    public static Arbitrary<Document> documents() {
        Arbitrary<DocumentVariant> variant = Combinators.combine(Arbitraries.of(VariantKind.class),
                documentParts().list().ofMinSize(1).ofMaxSize(2).uniqueElements(DocumentPart::name)).as(DocumentVariant::of);
        return Builders.withBuilder(Document::builder)
                .use(documentIds()).in(Document.Builder::id)
                .use(texts(500)).in(Document.Builder::title)
                .use(dates()).in(Document.Builder::letterDate)
                .use(Arbitraries.of(DocumentType.class)).in(Document.Builder::type)
                .use(Arbitraries.of(DocumentDirection.class)).in(Document.Builder::direction)
                .use(variant.list().ofMaxSize(2).uniqueElements(DocumentVariant::kind)).in(Document.Builder::variants)
                .build(Document.Builder::build);
    }

    // ------------------------------------------------------------------ benefits

    /**
     * Benefits for {@code recipients}, with decision documents drawn from {@code decisionDocuments}. Status and
     * grant period are consistent (granted and ended benefits have a period; ended ones a last day).
     *
     * @param recipients party ids to choose the recipient from; not empty
     * @param decisionDocuments document ids to choose decision documents from; may be empty
     * @return the generator
     */
    public static Arbitrary<Benefit> benefits(List<PartyId> recipients, List<DocumentId> decisionDocuments) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients is empty");
        }
        Arbitrary<List<DocumentId>> decisions = decisionDocuments.isEmpty() ? Arbitraries.just(List.of())
                : Arbitraries.of(decisionDocuments).list().ofMaxSize(decisionDocuments.size()).uniqueElements();
        Arbitrary<DatePeriod> openPeriods = dates().map(DatePeriod::startingOn);
        Arbitrary<DatePeriod> closedPeriods = closedPeriods();
        Arbitrary<Tuple.Tuple2<BenefitStatus, DatePeriod>> statusAndPeriod = Arbitraries.of(BenefitStatus.class).flatMap(s -> {
            switch (s) {
                case ENDED:
                    return closedPeriods.map(p -> Tuple.of(s, p));
                case GRANTED:
                    return Arbitraries.oneOf(openPeriods, closedPeriods).map(p -> Tuple.of(s, p));
                default:
                    return Arbitraries.oneOf(openPeriods, closedPeriods).injectNull(0.5).map(p -> Tuple.of(s, p));
            }
        });
        Arbitrary<ClassificationCode> types = Combinators.combine(texts(100), texts(100)).as(ClassificationCode::of);
        return Builders.withBuilder(Benefit::builder)
                .use(benefitIds()).in(Benefit.Builder::id)
                .use(types).in(Benefit.Builder::type)
                .use(Arbitraries.of(recipients)).in(Benefit.Builder::recipient)
                .use(statusAndPeriod).in((b, sp) -> b.status(sp.get1()).grantPeriod(sp.get2()))
                .use(amounts()).in(Benefit.Builder::amount)
                .use(Arbitraries.of(Frequency.class)).in(Benefit.Builder::frequency)
                .use(decisions).in(Benefit.Builder::decisionDocuments)
                .use(texts(500)).in(Benefit.Builder::legalBasis)
                .use(Arbitraries.of(recipients).injectNull(0.5)).in(Benefit.Builder::grantee)
                .use(currencies()).in(Benefit.Builder::currency)
                .use(Arbitraries.of(PaymentTiming.class).injectNull(0.5)).in(Benefit.Builder::paymentTiming)
                .use(texts(50).injectNull(0.5)).in(Benefit.Builder::dispositionDay)
                .build(Benefit.Builder::build)
                .flatMap(b -> b.status() != BenefitStatus.GRANTED && b.status() != BenefitStatus.ENDED ? Arbitraries.just(b)
                        : payments(b.currency(), recipients).list().ofMaxSize(3).uniqueElements(Payment::id)
                                .map(ps -> b.toBuilder().payments(ps).build()));
    }

    /** Payment ids. */
    public static Arbitrary<PaymentId> paymentIds() {
        return uuids().map(PaymentId::of);
    }

    /**
     * Payments in {@code currency}, paid to one of {@code payees} or (absent payee) the recipient. Amounts may be
     * negative; sent and paid amounts equal the previous amount or differ with a reason, and a reason is sometimes
     * given even when they are equal.
     *
     * @param currency the currency of every amount
     * @param payees the possible payees, parties of the case
     * @return the generator
     */
    public static Arbitrary<Payment> payments(Currency currency, List<PartyId> payees) {
        Arbitrary<Money> money = signedAmounts().map(a -> Money.of(a, currency));
        Arbitrary<PartyId> payee = payees.isEmpty() ? Arbitraries.just(null) : Arbitraries.of(payees).injectNull(0.5);
        return Builders.withBuilder(Payment::builder)
                .use(paymentIds()).in(Payment.Builder::id)
                .use(texts(50).injectNull(0.5)).in(Payment.Builder::reference)
                .use(Arbitraries.oneOf(closedPeriods(), dates().map(DatePeriod::startingOn))).in(Payment.Builder::benefitPeriod)
                .use(dates()).in(Payment.Builder::dispositionDate)
                .use(money).in(Payment.Builder::gross)
                .use(Combinators.combine(money, money.injectNull(0.5), texts(255), Arbitraries.of(true, false),
                        Arbitraries.of(0, 1, 2), money, texts(255)).as((afterTax, other, reason, explainAnyway, paidKind,
                        otherPaid, paidReason) -> {
                            Money sent = other == null ? afterTax : other;
                            Money paid = paidKind == 0 ? null : paidKind == 1 ? sent : otherPaid;
                            return Tuple.of(afterTax, sent, afterTax.sameAs(sent) && !explainAnyway ? null : reason, paid,
                                    paid == null || paid.sameAs(sent) ? null : paidReason);
                        }))
                .in((b, t) -> b.afterTax(t.get1()).sentForPayment(t.get2()).offsetReason(t.get3()).paid(t.get4())
                        .paidReason(t.get5()))
                .use(payee).in(Payment.Builder::payee)
                .build(Payment.Builder::build);
    }

    // ------------------------------------------------------------------ cases

    /**
     * Full case graphs: zero to three parties with roles (at most one primary party), zero to two journalised
     * documents and, when there are parties, zero to two benefits whose recipients and decision documents
     * belong to the case.
     */
    public static Arbitrary<Case> cases() {
        Arbitrary<List<CaseParty>> parties = Combinators.combine(parties(), Arbitraries.of(PartyRole.class))
                .as(CaseParty::of).list().ofMaxSize(3).uniqueElements(p -> p.party().id()).map(ModelArbitraries::onePrimary);
        Arbitrary<List<JournalEntry>> documents = Combinators.combine(documents(), dates(), Arbitraries.of(DocumentRole.class))
                .as(JournalEntry::of).list().ofMaxSize(2).uniqueElements(j -> j.document().id());
        Arbitrary<Case> core = Builders.withBuilder(Case::builder)
                .use(caseIds()).in(Case.Builder::id)
                .use(texts(100)).in(Case.Builder::caseNumber)
                .use(texts(500)).in(Case.Builder::title)
                .use(kleNumbers()).in(Case.Builder::classification)
                .use(Arbitraries.of(CaseStatus.class)).in(Case.Builder::status)
                .use(texts(2000).injectNull(0.7)).in(Case.Builder::statusReason)
                .use(Combinators.combine(uuids(), texts(200)).as(Caseworker::of)).in(Case.Builder::caseworker)
                .use(organisationUnits()).in(Case.Builder::owningUnit)
                .use(Arbitraries.of(Confidentiality.class)).in(Case.Builder::confidentiality)
                .build(Case.Builder::build);
        return Combinators.combine(core, parties, documents).flatAs((c, ps, ds) -> {
            if (ps.isEmpty()) {
                return Arbitraries.just(c.toBuilder().parties(ps).documents(ds).build());
            }
            List<PartyId> partyIds = ps.stream().map(p -> p.party().id()).collect(Collectors.toList());
            List<DocumentId> documentIds = ds.stream().map(j -> j.document().id()).collect(Collectors.toList());
            return benefits(partyIds, documentIds).list().ofMaxSize(2).uniqueElements(Benefit::id)
                    .map(bs -> c.toBuilder().parties(ps).documents(ds).benefits(bs).build());
        });
    }

    private static List<CaseParty> onePrimary(List<CaseParty> parties) {
        List<CaseParty> out = new ArrayList<>(parties.size());
        boolean primary = false;
        for (CaseParty p : parties) {
            if (p.role() == PartyRole.PRIMARY_PARTY && primary) {
                out.add(CaseParty.of(p.party(), PartyRole.SECONDARY_PARTY));
            } else {
                primary |= p.role() == PartyRole.PRIMARY_PARTY;
                out.add(p);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ history

    /** Validity periods. */
    public static Arbitrary<Validity> validities() {
        return Combinators.combine(instants(), instants().injectNull(0.3)).filter((a, b) -> b == null || !a.equals(b))
                .as((a, b) -> b == null ? Validity.from(a) : a.isBefore(b) ? Validity.of(a, b) : Validity.of(b, a));
    }

    /**
     * Histories of {@code values}: one to three registrations in time order, the last open or closed, each with zero
     * to three values whose validities do not overlap.
     *
     * @param values the generator of the registered values
     * @param <T> the value type
     * @return the generator
     */
    public static <T> Arbitrary<History<T>> histories(Arbitrary<T> values) {
        Arbitrary<List<Instant>> bounds = sortedInstants(0, 3);
        return Combinators.combine(sortedInstants(2, 4), Arbitraries.of(true, false), bounds.list().ofSize(3),
                Arbitraries.of(true, false).list().ofSize(3), values.list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                texts(2000).injectNull(0.5))
                .as((times, lastOpen, boundLists, openEnds, vs, actor, note) -> {
                    List<Registration<T>> registrations = new ArrayList<>();
                    int count = times.size() - 1;
                    for (int i = 0; i < count; i++) {
                        Instant to = i + 1 < count || !lastOpen ? times.get(i + 1) : null;
                        registrations.add(Registration.of(times.get(i), to, actor + i, i == 0 ? note : null,
                                effects(boundLists.get(i), openEnds.get(i), vs, i)));
                    }
                    return History.of(registrations);
                });
    }

    private static <T> List<Effect<T>> effects(List<Instant> bounds, boolean openEnd, List<T> values, int offset) {
        List<Effect<T>> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            out.add(Effect.of(Validity.of(bounds.get(i), bounds.get(i + 1)), values.get((i + offset) % values.size())));
        }
        if (openEnd && !bounds.isEmpty()) {
            out.add(Effect.of(Validity.from(bounds.get(bounds.size() - 1)), values.get((out.size() + offset) % values.size())));
        }
        return out;
    }

    /** Histories of case graphs. */
    public static Arbitrary<History<Case>> caseHistories() {
        return histories(cases());
    }

    /** Between {@code min} and {@code max} distinct instants in ascending order. */
    private static Arbitrary<List<Instant>> sortedInstants(int min, int max) {
        return instants().set().ofMinSize(min).ofMaxSize(max).map(ModelArbitraries::sorted);
    }

    private static List<Instant> sorted(Set<Instant> set) {
        List<Instant> list = new ArrayList<>(new HashSet<>(set));
        list.sort(null);
        return list;
    }
}
