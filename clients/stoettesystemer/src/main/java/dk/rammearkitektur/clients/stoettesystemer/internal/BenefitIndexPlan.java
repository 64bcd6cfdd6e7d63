package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Meta;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one SF1490 {@code importer} or {@code opdater} carries for a benefit, mapped from the model and checked: the
 * grant (Bevilling) and its payments (økonomiske effektueringer), each as the versions to register. Role and type are
 * Klassifikation keys here; every virkning runs from its registration's time, open-ended (no double history: the
 * SDK's reading of the OEF usage rules, applied to the grant too). Dates are instants of midnight Europe/Copenhagen.
 */
public final class BenefitIndexPlan {
    private BenefitIndexPlan() {
    }

    /** One state to register, with its registration (Registrering: time, BrugerRef, note). */
    public record Version<S>(Meta meta, S state) {
    }

    /**
     * The grant's values: properties (Egenskaber), one granted benefit (BevilgetYdelse, Id {@code 1}) with its
     * payment plan, its relations without virkning ({@code ItSystem}, {@code Ydelse}, {@code Klassifikation}) and
     * the relation list ({@code Bevillingssag}, {@code Bevillingspart}, {@code Bevillingsaktoer}).
     *
     * @param lastDay the grant's last day, or null when open
     * @param benefitEnd the day after the last day (exclusive), or null when open
     * @param timing {@code Forud}, {@code Bagud}, or null
     * @param dispositionDay the disposition day text, or null
     */
    public record GrantState(String key, LocalDate startDay, LocalDate lastDay, String reason, String sensitivity,
            String benefitName, Instant benefitStart, Instant benefitEnd, String frequency, String timing,
            String dispositionDay, BigDecimal amount, List<Relation> benefitRelations, List<Relation> relations) {
    }

    /**
     * A payment's values: properties (Egenskaber) in the contract's order and the relation list; {@code start} and
     * {@code lastDay} are the first and the last day of the benefit period (A-OEF: the last day, not the day after).
     *
     * @param paid the amount paid, or null
     * @param offsetText SendtTilUdbetalingTekst, or null
     * @param paidText UdbetaltTekst, or null
     */
    public record PaymentState(String key, Instant start, Instant lastDay, BigDecimal gross, Instant disposition,
            BigDecimal afterTax, BigDecimal sentForPayment, BigDecimal paid, String unit, String offsetText,
            String paidText, String kle, List<Relation> relations) {
    }

    /** The grant: its UUID (the benefit id) and its versions, oldest first (at least one). */
    public record Grant(UUID id, List<Version<GrantState>> versions) {
        /** The newest version. */
        public Version<GrantState> latest() {
            return versions.get(versions.size() - 1);
        }
    }

    /** A payment: its UUID (the payment id) and its versions, oldest first (at least one). */
    public record Payment(UUID id, List<Version<PaymentState>> versions) {
        /** The newest version. */
        public Version<PaymentState> latest() {
            return versions.get(versions.size() - 1);
        }
    }

    /**
     * The grant, its payments in the benefit's order, the latest registration ({@code opdater}'s
     * {@code yi:Tidspunkt} and note), and the payments an earlier registration had that the latest no longer has.
     */
    public record Request(Grant grant, List<Payment> payments, Meta latest, List<UUID> withdrawn) {
        /** Copies the lists. */
        public Request {
            payments = List.copyOf(payments);
            withdrawn = List.copyOf(withdrawn);
        }
    }

    /**
     * What bringing the index up to date takes, from what it holds: {@code importer} of the grant (when it may be
     * imported and the index lacks it) and of the payments it lacks, then {@code opdater} of the grant (unless just
     * imported) and of the payments it holds. When the grant may not be imported and the index lacks it, the
     * {@code opdater} is still sent, so that the index's refusal is the answer, and no payment is imported without
     * its grant.
     *
     * @param importGrant whether the grant is imported
     * @param importPayments the payments to import, in the benefit's order
     * @param updateGrant whether the grant is updated
     * @param updatePayments the payments to update, in the benefit's order
     * @param removePayments the withdrawn payments the index still holds, to remove ({@code fjern}) last
     */
    public record Steps(boolean importGrant, List<Payment> importPayments, boolean updateGrant,
            List<Payment> updatePayments, List<UUID> removePayments) {
        /** The steps for {@code request} when the index holds the grant ({@code grantHeld}) and {@code held}. */
        public static Steps of(Request request, boolean mayImportGrant, boolean grantHeld, Set<UUID> held) {
            List<Payment> fresh = new ArrayList<>();
            List<Payment> known = new ArrayList<>();
            for (Payment p : request.payments()) {
                (held.contains(p.id()) ? known : fresh).add(p);
            }
            List<UUID> remove = request.withdrawn().stream().filter(held::contains).toList();
            if (mayImportGrant && !grantHeld) {
                return new Steps(true, List.copyOf(fresh), false, List.copyOf(known), remove);
            }
            return new Steps(false, grantHeld ? List.copyOf(fresh) : List.of(), true, List.copyOf(known), remove);
        }
    }
}
