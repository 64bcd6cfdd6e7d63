package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.model.BenefitId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A grant (Bevilling) as the Ydelsesindeks holds it, read from a {@code fremsoeg} reply: possibly another system's,
 * so only what the index carries, from its latest registration. Dates are the grant's days (Bevillingstartdato,
 * Bevillingslutdato, the last day included); the amount is the first payment plan's (Ydelsesbeloeb), in DKK as the
 * index has no currency.
 *
 * @param id the grant's UUID (the model's benefit id)
 * @param key its key (BrugervendtNoegle), or an empty string
 * @param benefitName the granted benefit's name (BevilgetYdelse Navn), or an empty string
 * @param start the first day of the grant, or null when the index has none
 * @param end the last day, or null when open or absent
 * @param amount the payment plan's amount, or null
 * @param sensitivity the sensitivity (Foelsomhed), or null
 * @param registeredAt when the index's latest registration was made (Registrering Tidspunkt), or null
 * @param relations the relations of the relation list ({@code Bevillingssag}, {@code Bevillingspart},
 *     {@code Bevillingsaktoer}, ...) with their validity
 */
public record IndexedGrant(BenefitId id, String key, String benefitName, LocalDate start, LocalDate end,
        BigDecimal amount, String sensitivity, Instant registeredAt, List<IndexRelation> relations) {
    /** Checks id and texts are set; copies the relations. */
    public IndexedGrant {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(benefitName, "benefitName == null");
        relations = List.copyOf(relations);
    }

    /** The relations with the role {@code roleName} (e.g. {@code Ydelsesmodtager}). */
    public List<IndexRelation> relations(String roleName) {
        return IndexRelation.withRole(relations, roleName);
    }

    /** Another system's free text may hold a CPR number: shown masked, as everywhere in the SDK. */
    @Override
    public String toString() {
        return "IndexedGrant[" + id + ", " + PersonalData.maskCprNumbers(key) + ", "
                + PersonalData.maskCprNumbers(benefitName) + ", " + start + ".." + end + ", " + amount + ", "
                + sensitivity + ", " + registeredAt + ", " + relations + "]";
    }
}
