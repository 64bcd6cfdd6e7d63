package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.time.LocalDate;

/**
 * A document journalised on a case (journalisering): the document, the journal date and its role in the case.
 *
 * @param document the document
 * @param journalDate the day it was journalised (journaldato)
 * @param role its role in the case
 */
public record JournalEntry(Document document, LocalDate journalDate, DocumentRole role) {
    /** Checks all are present; paths under {@code journalEntry}. */
    public JournalEntry {
        Violations v = Violations.at("journalEntry");
        Checks.required(v, "document", document);
        Checks.date(v, "journalDate", journalDate);
        Checks.required(v, "role", role);
        v.throwIfAny();
    }

    /** Static factory. */
    public static JournalEntry of(Document document, LocalDate journalDate, DocumentRole role) {
        return new JournalEntry(document, journalDate, role);
    }
}
