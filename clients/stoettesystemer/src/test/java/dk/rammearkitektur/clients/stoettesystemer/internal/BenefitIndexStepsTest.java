package dk.rammearkitektur.clients.stoettesystemer.internal;

import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexCases.JUNE;
import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexCases.MAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.Steps;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What sync and updateGrant send, from what the index holds. */
class BenefitIndexStepsTest {
    private static final BenefitIndexPlan.Request REQUEST = BenefitIndexMapping.map(BenefitIndexCases.history(),
            BenefitIndexCases.BENEFIT, IndexCases.context());

    @Test
    void syncOfAnUnknownGrantImportsItWithEveryPaymentInOneCall() {
        Steps s = Steps.of(REQUEST, true, false, Set.of());
        assertEquals(new Steps(true, REQUEST.payments(), false, List.of(), List.of()), s);
    }

    @Test
    void syncOfAHeldGrantImportsTheNewPaymentsAndUpdatesTheRest() {
        Steps s = Steps.of(REQUEST, true, true, Set.of(MAY.value()));
        assertEquals(true, s.updateGrant());
        assertEquals(false, s.importGrant());
        assertEquals(List.of(JUNE.value()), ids(s.importPayments()));
        assertEquals(List.of(MAY.value()), ids(s.updatePayments()));
    }

    @Test
    void afterAnImportWhoseOutcomeWasUnknownSyncOnlyUpdates() {
        Steps s = Steps.of(REQUEST, true, true, Set.of(MAY.value(), JUNE.value()));
        assertEquals(new Steps(false, List.of(), true, REQUEST.payments(), List.of()), s);
    }

    @Test
    void paymentsLeftWithoutTheirGrantAreUpdatedWhenTheGrantIsImportedAgain() {
        Steps s = Steps.of(REQUEST, true, false, Set.of(JUNE.value()));
        assertEquals(true, s.importGrant());
        assertEquals(List.of(MAY.value()), ids(s.importPayments()));
        assertEquals(List.of(JUNE.value()), ids(s.updatePayments()));
    }

    @Test
    void updateGrantNeverImportsTheGrantNorPaymentsWithoutIt() {
        assertEquals(new Steps(false, List.of(), true, List.of(), List.of()), Steps.of(REQUEST, false, false, Set.of()),
                "the index's refusal of the opdater is the answer");
        Steps held = Steps.of(REQUEST, false, true, Set.of());
        assertEquals(new Steps(false, REQUEST.payments(), true, List.of(), List.of()), held);
    }

    @Test
    void aPaymentTheLatestRegistrationTookBackIsRemovedWhenTheIndexHoldsIt() {
        java.time.Instant at = BenefitIndexCases.PAID_AT.plusSeconds(2 * 86400);
        dk.rammearkitektur.model.History<dk.rammearkitektur.model.Case> h = BenefitIndexCases.history().register(at,
                "fagsystem", "juni var en fejl", List.of(dk.rammearkitektur.model.Effect.of(
                        dk.rammearkitektur.model.Validity.from(java.time.Instant.parse("2024-04-01T08:00:00Z")),
                        BenefitIndexCases.withBenefit(BenefitIndexCases.benefit().addPayment(BenefitIndexCases.may())
                                .build()))));
        BenefitIndexPlan.Request r = BenefitIndexMapping.map(h, BenefitIndexCases.BENEFIT, IndexCases.context());
        assertEquals(List.of(JUNE.value()), r.withdrawn());
        assertEquals(List.of(MAY.value()), ids(r.payments()));
        assertEquals(List.of(JUNE.value()), Steps.of(r, true, true, Set.of(MAY.value(), JUNE.value()))
                .removePayments());
        assertEquals(List.of(), Steps.of(r, true, true, Set.of(MAY.value())).removePayments(),
                "a withdrawn payment the index does not hold is left alone");
        assertEquals(List.of(), REQUEST.withdrawn());
    }

    private static List<UUID> ids(List<BenefitIndexPlan.Payment> payments) {
        return payments.stream().map(BenefitIndexPlan.Payment::id).toList();
    }
}
