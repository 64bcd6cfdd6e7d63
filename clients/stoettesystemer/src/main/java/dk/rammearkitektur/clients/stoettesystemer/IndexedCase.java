package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Effect;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A case (sag) as the Sags- og Dokumentindeks holds it, read from a {@code fremsoeg} reply: possibly another system's
 * case, so only what the index carries. Its progress (Fremdrift) comes back as model statuses with their validity
 * (Opstaaet = CREATED, Oplyst = IN_PROGRESS, Afgjort = DECIDED, Afsluttet = CLOSED), its relations with theirs.
 *
 * @param id the case's UUID
 * @param caseNumber the current case number (Sagsnummer), or an empty string when the index has none
 * @param title the current title, or an empty string
 * @param registeredAt when the index's latest registration was made (Registrering Tidspunkt), or null
 * @param progress the progress history, ordered by start
 * @param relations every relation with its validity
 */
public record IndexedCase(CaseId id, String caseNumber, String title, Instant registeredAt,
        List<Effect<CaseStatus>> progress, List<IndexRelation> relations) {
    /** Copies the lists; checks id and the texts are set. */
    public IndexedCase {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(caseNumber, "caseNumber == null");
        Objects.requireNonNull(title, "title == null");
        progress = List.copyOf(progress);
        relations = List.copyOf(relations);
    }

    /** The status of the open-ended progress state (or the latest), if the index gave any. */
    public Optional<CaseStatus> status() {
        return progress.isEmpty() ? Optional.empty() : Optional.of(progress.get(progress.size() - 1).value());
    }

    /** Another system's free text may hold a CPR number: shown masked, as everywhere in the SDK. */
    @Override
    public String toString() {
        return "IndexedCase[" + id + ", " + dk.rammearkitektur.core.PersonalData.maskCprNumbers(caseNumber) + ", "
                + dk.rammearkitektur.core.PersonalData.maskCprNumbers(title) + ", " + status().orElse(null) + ", "
                + relations + "]";
    }

    /** The relations with the role {@code roleName} (e.g. {@code Primær part}). */
    public List<IndexRelation> relations(String roleName) {
        return IndexRelation.withRole(relations, roleName);
    }
}
