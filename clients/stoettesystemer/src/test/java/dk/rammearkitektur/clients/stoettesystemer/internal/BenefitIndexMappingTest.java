package dk.rammearkitektur.clients.stoettesystemer.internal;

import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexCases.BENEFIT;
import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexCases.GRANTED_AT;
import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexCases.PAID_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.GrantState;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.PaymentState;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Meta;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Validity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SF1490 mapping of a sample benefit, against hand-written expectations. */
class BenefitIndexMappingTest {
    private static final String ACTOR = "urn:oio:it-system-uuid:" + IndexCases.IT_SYSTEM;
    private static final String SUBJECT = IndexCases.SUBJECT.toString();
    private static final String SYSTEM = IndexCases.IT_SYSTEM.toString();

    @Test
    void theGrantIsRegisteredOnceWhenItsPictureDoesNotChangeAndEachPaymentFromWhenItCame() {
        BenefitIndexPlan.Request r = map(BenefitIndexCases.history());
        assertEquals(BENEFIT.value(), r.grant().id());
        assertEquals(List.of(new Meta(GRANTED_AT, ACTOR, "bevilget")),
                r.grant().versions().stream().map(BenefitIndexPlan.Version::meta).toList(),
                "later registrations only added payments");
        assertEquals(List.of(BenefitIndexCases.MAY.value(), BenefitIndexCases.JUNE.value()),
                r.payments().stream().map(BenefitIndexPlan.Payment::id).toList());
        assertEquals(List.of(new Meta(PAID_AT, ACTOR, "maj udbetalt")),
                r.payments().get(0).versions().stream().map(BenefitIndexPlan.Version::meta).toList());
        assertEquals(List.of(new Meta(PAID_AT.plusSeconds(86400), ACTOR, null)),
                r.payments().get(1).versions().stream().map(BenefitIndexPlan.Version::meta).toList());
        assertEquals(new Meta(PAID_AT.plusSeconds(86400), ACTOR, null), r.latest());
    }

    @Test
    void theGrantCarriesDaysAmountsAndRelationsAsTheNoteSays() {
        GrantState g = map(BenefitIndexCases.history()).grant().latest().state();
        GrantState expected = new GrantState(BENEFIT.value().toString(), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 10, 31), "Sygedagpengeloven § 7", "FORTROLIGE_PERSONOPLYSNINGER", "Sygedagpenge",
                Instant.parse("2024-04-30T22:00:00Z"), Instant.parse("2024-10-31T23:00:00Z"), "Månedlig", "Bagud",
                "Sidste bankdag", new BigDecimal("1234.50"), List.of(
                        new Relation("ItSystem", "Master", "IT-system", SYSTEM, null, null, null, null, null, null,
                                "Fagsystem"),
                        new Relation("ItSystem", "Afsender", "IT-system", SYSTEM, null, null, null, null, null, null,
                                "Fagsystem"),
                        new Relation("Ydelse", "Ydelsesklasse", "Klasse", SUBJECT, null, null, "Sygedagpenge", null,
                                null, null, null),
                        new Relation("Klassifikation", "Primær klasse", "Klasse", SUBJECT, null, null, null, null,
                                "32.18.02", "Sygedagpenge", null)),
                List.of(new Relation("Bevillingssag", "Tilknyttet", "Sag", BenefitIndexCases.CASE.value().toString(),
                                null, null, "Sygedagpenge", null, "2021-32.18.02-0042", null, null),
                        new Relation("Bevillingspart", "Ydelsesmodtager", "Person", "urn:oio:cpr-nr:0101801234", null,
                                null, "Anna Jensen", null, null, null, null),
                        new Relation("Bevillingspart", "Bevillingsmodtager", "Person", "urn:oio:cpr-nr:0101801234",
                                null, null, "Anna Jensen", null, null, null, null),
                        new Relation("Bevillingsaktoer", "Ejer", "Organisation", IndexCases.OWNER.toString(), null,
                                null, "Aarhus Kommune", "55133018", null, null, null),
                        new Relation("Bevillingsaktoer", "Ansvarlig", "OrgEnhed",
                                "66666666-6666-4666-8666-666666666666", null, null, "Jobcenter", null, null, null,
                                null)));
        assertEquals(expected, g);
    }

    @Test
    void aPaymentCarriesItsPeriodByFirstAndLastDayAndItsAmountsAndRelations() {
        BenefitIndexPlan.Request r = map(BenefitIndexCases.history());
        PaymentState may = r.payments().get(0).latest().state();
        PaymentState expected = new PaymentState(BenefitIndexCases.MAY.value().toString(),
                Instant.parse("2024-04-30T22:00:00Z"), Instant.parse("2024-05-30T22:00:00Z"),
                new BigDecimal("1234.50"), Instant.parse("2024-06-02T22:00:00Z"), new BigDecimal("800.00"),
                new BigDecimal("750.00"), new BigDecimal("750.00"), "Jobcenter", "Modregning af skyld", null,
                "32.18.02", List.of(
                        new Relation("OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering",
                                BenefitIndexCases.MAY.value().toString(), "1", null, null, null, "32.18.02", null,
                                null),
                        new Relation("Aktoer", "Ejer", "Organisation", IndexCases.OWNER.toString(), null, null,
                                "Aarhus Kommune", "55133018", null, null, null),
                        new Relation("Aktoer", "Udbetalende enhed", "OrgEnhed",
                                "66666666-6666-4666-8666-666666666666", null, null, "Jobcenter", null, null, null,
                                null),
                        new Relation("ItSystem", "Master", "IT-system", SYSTEM, null, null, null, null, null, null,
                                "Fagsystem"),
                        new Relation("ItSystem", "Afsender", "IT-system", SYSTEM, null, null, null, null, null, null,
                                "Fagsystem"),
                        new Relation("OekonomiskEffektueringPart", "Effektueringsmodtager", "Person",
                                "urn:oio:cpr-nr:0101801234", null, null, "Anna Jensen", null, null, null, null)));
        assertEquals(expected, may);
        PaymentState june = r.payments().get(1).latest().state();
        assertEquals("UDB-2024-06", june.key(), "the payment's reference when it has one");
        assertEquals(new BigDecimal("-100.00"), june.gross(), "a correction keeps its sign");
        assertNull(june.paid());
        assertNull(june.offsetText());
    }

    @Test
    void winterDaysEndAt23ZAndAnOpenGrantHasNoEnd() {
        Benefit open = BenefitIndexCases.benefit().grantPeriod(DatePeriod.startingOn(LocalDate.of(2024, 1, 15)))
                .build();
        GrantState g = map(single(BenefitIndexCases.withBenefit(open))).grant().latest().state();
        assertEquals(Instant.parse("2024-01-14T23:00:00Z"), g.benefitStart());
        assertNull(g.lastDay());
        assertNull(g.benefitEnd());
        assertEquals(Instant.parse("2024-03-31T22:00:00Z"), BenefitIndexMapping.midnight(LocalDate.of(2024, 4, 1)),
                "the day summer time begins");
    }

    @Test
    void aGranteeAndAProtectedRecipientAreMappedAsTheyAre() {
        Person hidden = Person.builder().id(PartyId.random()).cpr(Cpr.parse("0202802345")).name("Skjult Person")
                .addressProtected(true).build();
        Person grantee = Person.builder().id(PartyId.random()).cpr(Cpr.parse("0303803456")).name("Værge Vang")
                .build();
        Case k = IndexCases.base(BenefitIndexCases.CASE).toBuilder().addParty(hidden, PartyRole.SECONDARY_PARTY)
                .addParty(grantee, PartyRole.GUARDIAN).addBenefit(BenefitIndexCases.benefit().recipient(hidden.id())
                        .grantee(grantee.id()).build()).build();
        List<Relation> parts = map(single(k)).grant().latest().state().relations().stream()
                .filter(x -> x.element().equals("Bevillingspart")).toList();
        assertEquals(List.of(new Relation("Bevillingspart", "Ydelsesmodtager", "Person",
                        "urn:oio:cpr-nr:0202802345", null, null, null, null, null, null, null),
                new Relation("Bevillingspart", "Bevillingsmodtager", "Person", "urn:oio:cpr-nr:0303803456", null,
                        null, "Værge Vang", null, null, null, null)), parts);
    }

    @Test
    void onlyRegistrationsInWhichTheBenefitIsGrantedAndChangedBecomeRegistrations() {
        Instant from = Instant.parse("2024-04-01T08:00:00Z");
        Benefit applied = BenefitIndexCases.benefit().status(BenefitStatus.APPLIED).build();
        Benefit granted = BenefitIndexCases.benefit().build();
        Benefit raised = BenefitIndexCases.benefit().amount(new BigDecimal("2000.00")).build();
        Benefit ended = raised.toBuilder().grantPeriod(DatePeriod.of(LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 8, 31))).status(BenefitStatus.ENDED).build();
        History<Case> h = History.start(from, "x", "søgt", List.of(effect(from, applied)));
        h = h.register(from.plusSeconds(10), "x", "bevilget", List.of(effect(from, granted)));
        h = h.register(from.plusSeconds(20), "x", "rettet note", List.of(effect(from, granted)));
        h = h.register(from.plusSeconds(30), "x", "forhøjet", List.of(effect(from, raised)));
        h = h.register(from.plusSeconds(40), "x", "ophørt", List.of(effect(from, ended)));
        BenefitIndexPlan.Grant g = map(h).grant();
        assertEquals(List.of("bevilget", "forhøjet", "ophørt"),
                g.versions().stream().map(v -> v.meta().note()).toList());
        assertEquals(List.of(new BigDecimal("1234.50"), new BigDecimal("2000.00"), new BigDecimal("2000.00")),
                g.versions().stream().map(v -> v.state().amount()).toList());
        assertEquals(LocalDate.of(2024, 8, 31), g.latest().state().lastDay());
        assertEquals(Instant.parse("2024-08-31T22:00:00Z"), g.latest().state().benefitEnd(),
                "exclusive end: 1 September 00:00 Copenhagen");
    }

    @Test
    void everyFrequencyHasItsOwnDanishName() {
        Set<String> names = new HashSet<>();
        for (Frequency f : Frequency.values()) {
            String n = BenefitIndexMapping.frequency(f);
            names.add(n);
            assertEquals(true, n.length() <= 50, n);
        }
        assertEquals(Frequency.values().length, names.size());
        assertEquals("Hver 14. dag", BenefitIndexMapping.frequency(Frequency.FORTNIGHTLY));
        assertEquals("Engangs", BenefitIndexMapping.frequency(Frequency.ONCE));
    }

    @Test
    void theIndexsPaymentTextRulesAreCheckedAgain() {
        Violations v = Violations.at("");
        BenefitIndexMapping.checkPaymentTexts(v, "benefit.payments[2]", new BigDecimal("800.00"),
                new BigDecimal("750.00"), new BigDecimal("700.00"), " ", null);
        assertEquals(List.of("benefit.payments[2].offsetReason", "benefit.payments[2].paidReason"),
                v.list().stream().map(x -> x.path()).toList());
        Violations long256 = Violations.at("");
        BenefitIndexMapping.checkPaymentTexts(long256, "benefit.payments[0]", BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.ONE, "x".repeat(256), "ok");
        assertEquals(List.of("benefit.payments[0].offsetReason"), long256.list().stream().map(x -> x.path())
                .toList());
        Violations none = Violations.at("");
        BenefitIndexMapping.checkPaymentTexts(none, "p", new BigDecimal("1.0"), new BigDecimal("1.00"), null,
                null, null);
        assertEquals(true, none.isEmpty(), "equal amounts in another scale need no text");
    }

    @Test
    void aKleSubjectKlassifikationDoesNotHaveIsNamed() {
        Case k = BenefitIndexCases.withBenefit(BenefitIndexCases.benefit().build()).toBuilder()
                .classification(dk.rammearkitektur.model.KleNumber.parse("27.35.04 G01")).build();
        dk.rammearkitektur.core.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                dk.rammearkitektur.core.ValidationException.class, () -> map(single(k)));
        assertEquals(List.of("case.classification"), e.violations().stream().map(x -> x.path()).toList());
        assertEquals(true, e.getMessage().contains("27.35.04"), e.getMessage());
    }

    private static Effect<Case> effect(Instant from, Benefit b) {
        return Effect.of(Validity.from(from), BenefitIndexCases.withBenefit(b));
    }

    private static History<Case> single(Case k) {
        return History.start(GRANTED_AT, "x", null, List.of(Effect.of(Validity.from(
                Instant.parse("2024-01-01T00:00:00Z")), k)));
    }

    private static BenefitIndexPlan.Request map(History<Case> h) {
        return BenefitIndexMapping.map(h, BENEFIT, IndexCases.context());
    }
}
