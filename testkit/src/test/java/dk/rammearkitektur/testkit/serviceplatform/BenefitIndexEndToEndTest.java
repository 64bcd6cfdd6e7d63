package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.BenefitSync;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.IndexedPayment;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.model.CaseHistories;
import dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksData.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SF1490 client against the simulated Ydelsesindeks: what it stores, finds, refuses and repeats safely. */
class BenefitIndexEndToEndTest extends SimulatorTest {
    private static final Instant START = Instant.parse("2024-03-04T08:00:00Z");

    @BeforeEach
    void clearIndex() {
        sim.ydelsesIndeks().clear();
        sim.ydelsesIndeks().enforceAll();
    }

    private static CaseHistories.Setup setup(CaseId id) {
        return CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), id);
    }

    private static Case latest(History<Case> h) {
        List<Effect<Case>> effects = h.latest().orElseThrow().effects();
        return effects.get(effects.size() - 1).value();
    }

    @Test
    void grantAndPaymentsAreImportedFoundUpdatedAndRemoved() {
        CaseHistories.Setup setup = setup(CaseId.random());
        History<Case> h = CaseHistories.grantedBenefit(setup, START, 2);
        BenefitId benefit = CaseHistories.benefitId(setup);
        PaymentId first = CaseHistories.paymentId(setup, 0);
        PaymentId second = CaseHistories.paymentId(setup, 1);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            BenefitIndexClient index = SimulatorClients.benefitIndex(sim, k).build();
            BenefitSync done = index.sync(h, benefit);
            assertTrue(done.grantImported());
            assertEquals(Set.of(first, second), Set.copyOf(done.paymentsImported()));
            assertTrue(done.paymentsUpdated().isEmpty());
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
            assertEquals(1, sim.ydelsesIndeks().count(Kind.BEVILLING));
            assertEquals(2, sim.ydelsesIndeks().count(Kind.OEKONOMISK_EFFEKTUERING));
            assertEquals(2, sim.ydelsesIndeks().paymentsOf(benefit.value()).size());

            IndexedGrant grant = index.findGrant(benefit).orElseThrow();
            assertEquals("Sygedagpenge", grant.benefitName());
            LocalDate firstDay = LocalDate.of(2024, 2, 19);
            assertEquals(firstDay, grant.start());
            assertNull(grant.end());
            assertEquals(0, new BigDecimal("4955.00").compareTo(grant.amount()));
            assertEquals("urn:oio:cpr-nr:" + SimulatorData.CPR_ACTIVE_1900S,
                    grant.relations("Ydelsesmodtager").get(0).reference());
            assertEquals(1, grant.relations("Bevillingsmodtager").size());
            assertEquals(setup.id().value().toString(), grant.relations("Tilknyttet").get(0).reference());
            assertFalse(grant.toString().contains(SimulatorData.CPR_ACTIVE_1900S), "CPR masked");

            List<IndexedPayment> payments = index.findPayments(benefit);
            assertEquals(Set.of(first, second), payments.stream().map(IndexedPayment::id).collect(Collectors.toSet()));
            IndexedPayment p = index.findPayment(second).orElseThrow();
            assertEquals(benefit, p.grant());
            assertEquals(firstDay.plusWeeks(1), p.periodStart());
            assertEquals(firstDay.plusWeeks(1).plusDays(6), p.periodEnd());
            assertEquals(firstDay.plusWeeks(1).plusDays(10), p.dispositionDate());
            assertEquals(0, new BigDecimal("4955.00").compareTo(p.gross()));
            assertEquals(0, new BigDecimal("3220.75").compareTo(p.sentForPayment()));

            Cpr cpr = Cpr.parse(SimulatorData.CPR_ACTIVE_1900S);
            assertEquals(List.of(benefit), index.findByCpr(cpr).stream().map(IndexedGrant::id).toList());
            assertTrue(index.findByCpr(Cpr.parse(SimulatorData.CPR_PROTECTED)).isEmpty());

            // a third payment and the end of the grant: one importer for the payment, one opdater for the rest
            Case c = latest(h);
            Benefit b = c.benefits().get(0);
            LocalDate from = firstDay.plusWeeks(2);
            PaymentId third = PaymentId.random();
            Benefit ended = b.toBuilder().grantPeriod(DatePeriod.of(firstDay, from.plusDays(6)))
                    .addPayment(Payment.builder().id(third).benefitPeriod(DatePeriod.of(from, from.plusDays(6)))
                            .dispositionDate(from.plusDays(10)).gross(Money.dkk("4955.00"))
                            .afterTax(Money.dkk("3220.75")).sentForPayment(Money.dkk("3000.00"))
                            .offsetReason("Modregning af tilbagebetaling").build())
                    .build().withStatus(BenefitStatus.ENDED);
            Instant at = h.latest().orElseThrow().registeredFrom().plus(Duration.ofDays(7));
            History<Case> later = h.register(at, "fagsystem", "last payment, benefit ended",
                    List.of(Effect.of(Validity.from(at), c.toBuilder().benefits(List.of(ended)).build())));
            int before = sim.requestCount("SF1490-YI");
            BenefitSync again = index.sync(later, benefit);
            assertFalse(again.grantImported());
            assertEquals(List.of(third), again.paymentsImported());
            assertEquals(Set.of(first, second), Set.copyOf(again.paymentsUpdated()));
            assertEquals(3, sim.requestCount("SF1490-YI") - before, "fremsoeg, importer, opdater");
            assertEquals(from.plusDays(6), index.findGrant(benefit).orElseThrow().end());
            assertEquals(3, index.findPayments(benefit).size());
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());

            // repeating the same sync changes nothing more
            BenefitSync same = index.sync(later, benefit);
            assertFalse(same.grantImported());
            assertTrue(same.paymentsImported().isEmpty());

            index.removeGrant(benefit);
            assertEquals(0, sim.ydelsesIndeks().count(Kind.BEVILLING));
            assertEquals(0, sim.ydelsesIndeks().count(Kind.OEKONOMISK_EFFEKTUERING));
            assertTrue(index.findGrant(benefit).isEmpty());
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
        }
    }

    @Test
    void anImportRefusedByTheIndexIsATypedFaultAndNothingIsStored() {
        CaseHistories.Setup setup = setup(CaseId.random());
        History<Case> h = CaseHistories.grantedBenefit(setup, START, 1);
        BenefitId benefit = CaseHistories.benefitId(setup);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            BenefitIndexClient index = SimulatorClients.benefitIndex(sim, k).build();
            warm(index, k, benefit);
            sim.faults().next(Fault.statusCode(40));
            ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> index.importGrant(h, benefit));
            assertEquals("40", e.faultCode());
            assertEquals(0, sim.ydelsesIndeks().count(Kind.BEVILLING));
            index.importGrant(h, benefit);
            ServiceFaultException twice = assertThrows(ServiceFaultException.class,
                    () -> index.importGrant(h, benefit));
            assertEquals("49", twice.faultCode(), twice.getMessage());
            assertTrue(twice.faultText().contains(YdelsesIndeksRules.EXISTS), twice.faultText());
            assertEquals(1, sim.ydelsesIndeks().registrations(benefit.value()).size(), "the refused import added none");

            ServiceFaultException unknown = assertThrows(ServiceFaultException.class,
                    () -> index.removePayment(PaymentId.random()));
            assertEquals("44", unknown.faultCode());
        }
    }

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        CaseHistories.Setup setup = setup(CaseId.random());
        History<Case> h = CaseHistories.grantedBenefit(setup, START, 0);
        Case c = latest(h);
        Benefit applied = c.benefits().get(0).toBuilder().status(BenefitStatus.APPLIED).grantPeriod(null).build();
        Instant at = h.latest().orElseThrow().registeredFrom().plusSeconds(60);
        History<Case> notGranted = h.register(at, "fagsystem", "grant withdrawn",
                List.of(Effect.of(Validity.from(at), c.toBuilder().benefits(List.of(applied)).build())));
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            BenefitIndexClient index = SimulatorClients.benefitIndex(sim, k).build();
            int before = sim.requestCount("SF1490-YI");
            ValidationException e = assertThrows(ValidationException.class,
                    () -> index.sync(notGranted, applied.id()));
            assertTrue(e.getMessage().contains("benefit.status"), e.getMessage());
            ValidationException missing = assertThrows(ValidationException.class,
                    () -> index.sync(h, BenefitId.random()));
            assertTrue(missing.getMessage().contains("benefitId"), missing.getMessage());
            assertEquals(before, sim.requestCount("SF1490-YI"), "nothing sent");
        }
    }

    @Test
    void updatesAreRetriedImportsAreNot() {
        CaseHistories.Setup setup = setup(CaseId.random());
        History<Case> h = CaseHistories.grantedBenefit(setup, START, 1);
        BenefitId benefit = CaseHistories.benefitId(setup);
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(20)).build();
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).retryPolicy(retries).build()) {
            BenefitIndexClient index = SimulatorClients.benefitIndex(sim, k).build();
            warm(index, k, benefit);
            sim.faults().next(Fault.httpStatus(503));
            assertThrows(HttpStatusException.class, () -> index.importGrant(h, benefit),
                    "an importer that may have reached the index is not repeated");
            assertEquals(1, sim.requestCount("SF1490-YI"));
            assertTrue(index.sync(h, benefit).grantImported(), "sync looks first, then imports");
            assertEquals(1, sim.ydelsesIndeks().count(Kind.OEKONOMISK_EFFEKTUERING));
            sim.reset();
            sim.faults().next(Fault.httpStatus(503));
            index.updateGrant(h, benefit);
            assertEquals(3, sim.requestCount("SF1490-YI"), "the fremsoeg hit by the 503, its retry, the opdater");
            assertEquals(2, sim.ydelsesIndeks().registrations(benefit.value()).size(), "one opdater landed");
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
        }
    }

    @Test
    void aRoleKeyTwoClassesHaveIsNotGuessedAt() {
        UUID twin = UUID.randomUUID();
        sim.klassifikation().add(new KlassifikationData.Klasse(twin, "Bevillingsmodtager", "Bevillingsmodtager",
                UUID.randomUUID(), Instant.parse("2020-01-01T00:00:00Z"), null));
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            BenefitIndexClient index = SimulatorClients.benefitIndex(sim, k).build();
            ValidationException e = assertThrows(ValidationException.class, index::classes);
            assertTrue(e.getMessage().contains("classes.Bevillingsmodtager: Klassifikation has 2 classes with this key"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(twin.toString()), e.getMessage());
        } finally {
            sim.klassifikation().remove(twin);
        }
    }

    @Test
    void aPaymentTheHistoryTookBackLeavesTheIndexAndRemoveGrantTakesEveryPaymentTheHistoryKnows() {
        CaseHistories.Setup setup = setup(CaseId.random());
        History<Case> h = CaseHistories.grantedBenefit(setup, START, 2);
        BenefitId benefit = CaseHistories.benefitId(setup);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            BenefitIndexClient index = SimulatorClients.benefitIndex(sim, k).build();
            index.sync(h, benefit);
            Case c = latest(h);
            Benefit b = c.benefits().get(0);
            Benefit corrected = b.toBuilder().payments(List.of(b.payments().get(0))).build();
            Instant at = h.latest().orElseThrow().registeredFrom().plus(Duration.ofDays(1));
            History<Case> later = h.register(at, "fagsystem", "second payment recorded by mistake",
                    List.of(Effect.of(Validity.from(at), c.toBuilder().benefits(List.of(corrected)).build())));
            BenefitSync done = index.sync(later, benefit);
            assertEquals(List.of(CaseHistories.paymentId(setup, 1)), done.paymentsRemoved());
            assertEquals(1, sim.ydelsesIndeks().count(Kind.OEKONOMISK_EFFEKTUERING));
            assertTrue(index.sync(later, benefit).paymentsRemoved().isEmpty(), "removed once");

            // a payment to a payee who is no party of the grant: findPayments cannot see it, the history can
            Payment other = Payment.builder().id(PaymentId.random()).benefitPeriod(DatePeriod.of(
                    LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10))).dispositionDate(LocalDate.of(2024, 3, 14))
                    .gross(Money.dkk("100.00")).afterTax(Money.dkk("100.00")).sentForPayment(Money.dkk("100.00"))
                    .payee(setup.secondParty().id()).build();
            Case withCompany = c.toBuilder().addParty(setup.secondParty(), dk.rammearkitektur.model.PartyRole
                    .SECONDARY_PARTY).benefits(List.of(corrected.toBuilder().addPayment(other).build())).build();
            Instant next = at.plus(Duration.ofDays(1));
            History<Case> third = later.register(next, "fagsystem", "paid to the employer",
                    List.of(Effect.of(Validity.from(next), withCompany)));
            assertEquals(List.of(other.id()), index.sync(third, benefit).paymentsImported());
            assertEquals(1, index.findPayments(benefit).size(), "the employer's payment is not found by the grant's "
                    + "parties");
            index.removeGrant(third, benefit);
            assertEquals(0, sim.ydelsesIndeks().count(Kind.OEKONOMISK_EFFEKTUERING));
            assertEquals(0, sim.ydelsesIndeks().count(Kind.BEVILLING));
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
        }
    }

    /** Token fetched, classes and KLE subject resolved and cached, counts reset: injected faults hit the index. */
    private static void warm(BenefitIndexClient index, KlassifikationClient k, BenefitId benefit) {
        index.classes();
        k.resolveSubject(dk.rammearkitektur.model.KleNumber.parse("32.18.02"));
        index.findGrant(benefit);
        sim.reset();
    }
}
