package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.PaymentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A payment (økonomisk effektuering) as the Ydelsesindeks holds it, read from a {@code fremsoeg} reply, from its
 * latest registration. Dates are days in Europe/Copenhagen; amounts are DKK (the index has no currency).
 *
 * @param id the payment's UUID (the model's payment id)
 * @param grant the grant its DelAf relation names (BevilgetYdelseRef), or null when it names none
 * @param periodStart the first day of the benefit period (Startdato), or null
 * @param periodEnd the last day of the benefit period (Slutdato), or null
 * @param dispositionDate the disposition date (Dispositionsdato), or null
 * @param gross the gross amount (SamletBruttobeloeb), or null
 * @param sentForPayment the amount sent for payment (BeloebSendtTilUdbetaling), or null
 * @param registeredAt when the index's latest registration was made, or null
 * @param relations the relations of the relation list ({@code OekonomiskYdelseEffektueringRelation},
 *     {@code Aktoer}, {@code ItSystem}, {@code OekonomiskEffektueringPart}) with their validity
 */
public record IndexedPayment(PaymentId id, BenefitId grant, LocalDate periodStart, LocalDate periodEnd,
        LocalDate dispositionDate, BigDecimal gross, BigDecimal sentForPayment, Instant registeredAt,
        List<IndexRelation> relations) {
    /** Checks the id is set; copies the relations. */
    public IndexedPayment {
        Objects.requireNonNull(id, "id == null");
        relations = List.copyOf(relations);
    }

    /** The relations with the role {@code roleName} (e.g. {@code Effektueringsmodtager}). */
    public List<IndexRelation> relations(String roleName) {
        return IndexRelation.withRole(relations, roleName);
    }

    /** A payee's URN may hold a CPR number: shown masked (through {@link IndexRelation#toString()}). */
    @Override
    public String toString() {
        return "IndexedPayment[" + id + ", grant " + grant + ", " + periodStart + ".." + periodEnd + ", "
                + dispositionDate + ", " + gross + ", " + sentForPayment + ", " + registeredAt + ", " + relations
                + "]";
    }
}
