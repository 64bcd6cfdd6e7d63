package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.model.PaymentId;
import java.util.List;
import java.util.Objects;

/**
 * What {@link BenefitIndexClient#sync} did: whether it imported the grant (Bevilling), which payments (økonomiske
 * effektueringer) it imported, which it updated, and which it removed because the history took them back.
 *
 * @param grantImported true when the grant was imported, false when it was updated
 * @param paymentsImported the payments imported, in the benefit's order
 * @param paymentsUpdated the payments updated, in the benefit's order
 * @param paymentsRemoved the payments an earlier registration had and the latest no longer has, removed from the
 *     index ({@code fjern})
 */
public record BenefitSync(boolean grantImported, List<PaymentId> paymentsImported, List<PaymentId> paymentsUpdated,
        List<PaymentId> paymentsRemoved) {
    /** Copies the lists. */
    public BenefitSync {
        paymentsImported = List.copyOf(Objects.requireNonNull(paymentsImported, "paymentsImported == null"));
        paymentsUpdated = List.copyOf(Objects.requireNonNull(paymentsUpdated, "paymentsUpdated == null"));
        paymentsRemoved = List.copyOf(Objects.requireNonNull(paymentsRemoved, "paymentsRemoved == null"));
    }
}
