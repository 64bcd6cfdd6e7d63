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
        assertEquals(new Steps(true, REQUEST.payments(), false, List.of()), s);
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
        assertEquals(new Steps(false, List.of(), true, REQUEST.payments()), s);
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
        assertEquals(new Steps(false, List.of(), true, List.of()), Steps.of(REQUEST, false, false, Set.of()),
                "the index's refusal of the opdater is the answer");
        Steps held = Steps.of(REQUEST, false, true, Set.of());
        assertEquals(new Steps(false, REQUEST.payments(), true, List.of()), held);
    }

    private static List<UUID> ids(List<BenefitIndexPlan.Payment> payments) {
        return payments.stream().map(BenefitIndexPlan.Payment::id).toList();
    }
}
