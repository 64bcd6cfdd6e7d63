package dk.rammearkitektur.testkit.model;

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
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.PaymentTiming;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.model.VariantKind;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Long, realistic case histories for tests and benchmarks: a case that is created, taken into work, gets a second
 * party, has documents journalised over the years, changes caseworker halfway, is decided (the second party leaves)
 * and closed, each step an effect (virkning) following the previous one without gap, all in one registration.
 */
public final class CaseHistories {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private CaseHistories() {
    }

    /** What the case is about and who handles it; use {@link #defaults(Cpr)} and change what a test needs. */
    public record Setup(CaseId id, String caseNumber, String kle, Person citizen, Company secondParty,
            OrganisationUnit unit, Caseworker firstCaseworker, Caseworker secondCaseworker) {
        /** Checks that everything is set. */
        public Setup {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(caseNumber, "caseNumber == null");
            Objects.requireNonNull(kle, "kle == null");
            Objects.requireNonNull(citizen, "citizen == null");
            Objects.requireNonNull(secondParty, "secondParty == null");
            Objects.requireNonNull(unit, "unit == null");
            Objects.requireNonNull(firstCaseworker, "firstCaseworker == null");
            Objects.requireNonNull(secondCaseworker, "secondCaseworker == null");
        }
    }

    /** A setup for a sickness-benefit case (KLE {@code 32.18.02 G01}) of {@code citizen}, with fixed ids. */
    public static Setup defaults(Cpr citizen) {
        Person person = Person.builder().id(PartyId.of(new UUID(0x5a, 1))).cpr(citizen).name("Anna Borger").build();
        Company employer = Company.builder().id(PartyId.of(new UUID(0x5a, 2))).cvr(Cvr.parse("29189846"))
                .name("Aarhus Tømrer ApS").build();
        return new Setup(CaseId.of(new UUID(0x5a, 3)), "2021-32.18.02-0042", "32.18.02 G01", person, employer,
                OrganisationUnit.of(PartyId.of(new UUID(0x5a, 4)), "Jobcenter"),
                Caseworker.of(new UUID(0x5a, 5), "Bo Hansen"), Caseworker.of(new UUID(0x5a, 6), "Eva Lund"));
    }

    /**
     * A setup whose every reference resolves in a {@link dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator}
     * seeded for {@code municipalityCvr} ({@link SimulatorData#seeded(String)}): its active citizen and company, the
     * Jobcenter unit and two of its users, so the simulated Sags- og Dokumentindeks accepts the case.
     *
     * @throws IllegalArgumentException when {@code data} has no organisation for {@code municipalityCvr}
     */
    public static Setup forSimulator(SimulatorData data, String municipalityCvr, CaseId id) {
        SimulatorData.Organisation org = data.organisation(municipalityCvr).orElseThrow(() ->
                new IllegalArgumentException("no organisation for the municipality CVR"));
        SimulatorData.OrgUnit unit = org.units().get(org.units().size() - 1);
        Person citizen = Person.builder().id(PartyId.of(new UUID(0x5b, 1))).cpr(Cpr.parse(SimulatorData.CPR_ACTIVE_1900S))
                .name("Jens Test Hansen").build();
        Company company = Company.builder().id(PartyId.of(new UUID(0x5b, 2))).cvr(Cvr.parse(SimulatorData.CVR_ACTIVE))
                .name("Simuleret ApS").build();
        SimulatorData.User first = org.users().get(1 % org.users().size());
        SimulatorData.User second = org.users().get(2 % org.users().size());
        return new Setup(id, "2021-32.18.02-" + id.value().toString().substring(0, 8), "32.18.02 G01", citizen,
                company, OrganisationUnit.of(PartyId.of(unit.uuid()), unit.name()),
                Caseworker.of(first.uuid(), first.name()), Caseworker.of(second.uuid(), second.name()));
    }

    /**
     * The history of {@code setup}'s case from {@code start} over {@code years} years with {@code documents}
     * journal entries (the first the main document, the others attachments; incoming and outgoing alternate).
     *
     * @param registeredAt when the registration holding it all was made; not before the last effect starts
     */
    public static History<Case> closedCase(Setup setup, Instant start, int years, int documents,
            Instant registeredAt) {
        if (years < 1 || documents < 0) {
            throw new IllegalArgumentException("years must be at least 1 and documents not negative");
        }
        Case c = Case.builder().id(setup.id()).caseNumber(setup.caseNumber()).title("Sygedagpenge")
                .classification(KleNumber.parse(setup.kle())).caseworker(setup.firstCaseworker())
                .owningUnit(setup.unit()).addParty(setup.citizen(), PartyRole.PRIMARY_PARTY).build();
        List<Case> values = new ArrayList<>();
        values.add(c);
        c = c.withStatus(CaseStatus.IN_PROGRESS);
        values.add(c);
        c = c.toBuilder().addParty(setup.secondParty(), PartyRole.SECONDARY_PARTY).build();
        values.add(c);
        for (int d = 0; d < documents; d++) {
            c = c.toBuilder().addDocument(JournalEntry.of(document(setup, d), LocalDate.ofInstant(start,
                    ZoneOffset.UTC).plusDays(d), d == 0 ? DocumentRole.MAIN_DOCUMENT : DocumentRole.ATTACHMENT))
                    .build();
            if (d == documents / 2) {
                c = c.toBuilder().caseworker(setup.secondCaseworker()).build();
            }
            values.add(c);
        }
        List<CaseParty> primaryOnly = List.of(c.parties().get(0));
        c = c.toBuilder().parties(primaryOnly).build().withStatus(CaseStatus.DECIDED);
        values.add(c);
        c = c.withStatus(CaseStatus.CLOSED);
        values.add(c);
        Duration step = Duration.ofDays(365L * years).dividedBy(values.size());
        List<Effect<Case>> effects = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Instant from = start.plus(step.multipliedBy(i));
            Validity v = i == values.size() - 1 ? Validity.from(from) : Validity.of(from, start.plus(step.multipliedBy(i + 1)));
            effects.add(Effect.of(v, values.get(i)));
        }
        return History.start(registeredAt, "fagsystem", "whole history", effects);
    }

    /**
     * A sickness-benefit (sygedagpenge) case of {@code setup} as a fagsystem records it, one registration per step,
     * each holding the new value from its time on: created with the benefit applied for; a week later the benefit
     * granted from the first day of absence (weekly DKK 4955.00, paid in arrears, grantee the citizen); then one
     * registration per weekly payment (gross 4955.00, after tax and ATP 3220.75, all of it sent and paid). Its ids
     * are name-based on the case id, so the same setup gives the same benefit and payment ids.
     *
     * @param start when the case is created (whole milliseconds, as the indexes carry)
     * @param payments how many weekly payments follow the grant, 0 or more
     */
    public static History<Case> grantedBenefit(Setup setup, Instant start, int payments) {
        if (payments < 0) {
            throw new IllegalArgumentException("payments must not be negative");
        }
        LocalDate firstDay = LocalDate.ofInstant(start, COPENHAGEN).minusDays(14);
        Benefit applied = Benefit.builder().id(benefitId(setup))
                .type(ClassificationCode.of("KL-ydelser", "Sygedagpenge")).recipient(setup.citizen().id())
                .amount(new BigDecimal("4955.00")).frequency(Frequency.WEEKLY).status(BenefitStatus.APPLIED)
                .legalBasis("Lov om sygedagpenge").build();
        Case c = Case.builder().id(setup.id()).caseNumber(setup.caseNumber()).title("Sygedagpenge")
                .classification(KleNumber.parse(setup.kle())).caseworker(setup.firstCaseworker())
                .owningUnit(setup.unit()).addParty(setup.citizen(), PartyRole.PRIMARY_PARTY).addBenefit(applied)
                .build();
        History<Case> h = History.start(start, "fagsystem", "case created", List.of(Effect.of(Validity.from(start), c)));
        Instant at = start.plus(Duration.ofDays(7));
        Benefit granted = applied.toBuilder().grantPeriod(DatePeriod.startingOn(firstDay)).grantee(setup.citizen().id())
                .paymentTiming(PaymentTiming.IN_ARREARS).dispositionDay("Torsdag").build()
                .withStatus(BenefitStatus.GRANTED);
        c = c.toBuilder().benefits(List.of(granted)).build().withStatus(CaseStatus.IN_PROGRESS);
        h = h.register(at, "fagsystem", "benefit granted", List.of(Effect.of(Validity.from(at), c)));
        for (int n = 0; n < payments; n++) {
            LocalDate from = firstDay.plusWeeks(n);
            Payment payment = Payment.builder().id(paymentId(setup, n))
                    .benefitPeriod(DatePeriod.of(from, from.plusDays(6))).dispositionDate(from.plusDays(10))
                    .gross(Money.dkk("4955.00")).afterTax(Money.dkk("3220.75")).sentForPayment(Money.dkk("3220.75"))
                    .paid(Money.dkk("3220.75")).build();
            granted = granted.toBuilder().addPayment(payment).build();
            c = c.toBuilder().benefits(List.of(granted)).build();
            at = at.plus(Duration.ofDays(7));
            h = h.register(at, "fagsystem", "payment " + (n + 1), List.of(Effect.of(Validity.from(at), c)));
        }
        return h;
    }

    /** The id of the benefit in {@link #grantedBenefit} for {@code setup}. */
    public static BenefitId benefitId(Setup setup) {
        return BenefitId.of(UUID.nameUUIDFromBytes((setup.id() + "/benefit").getBytes(StandardCharsets.UTF_8)));
    }

    /** The id of payment {@code n} (from 0) in {@link #grantedBenefit} for {@code setup}. */
    public static PaymentId paymentId(Setup setup, int n) {
        return PaymentId.of(UUID.nameUUIDFromBytes((setup.id() + "/payment/" + n).getBytes(StandardCharsets.UTF_8)));
    }

    /** Document number {@code n} of the case in {@code setup}: a stable id, a title, one archive PDF part. */
    public static Document document(Setup setup, int n) {
        byte[] content = ("document " + n + " of " + setup.caseNumber()).getBytes(StandardCharsets.UTF_8);
        return Document.builder()
                .id(DocumentId.of(UUID.nameUUIDFromBytes((setup.id() + "/" + n).getBytes(StandardCharsets.UTF_8))))
                .title("Dokument " + (n + 1)).letterDate(LocalDate.of(2021, 1, 1).plusDays(n))
                .type(DocumentType.LETTER)
                .direction(n % 2 == 0 ? DocumentDirection.INCOMING : DocumentDirection.OUTGOING)
                .addVariant(DocumentVariant.of(VariantKind.ARCHIVE, List.of(DocumentPart.of("dokument-" + n + ".pdf",
                        "application/pdf", content.length, "0".repeat(64)))))
                .build();
    }
}
