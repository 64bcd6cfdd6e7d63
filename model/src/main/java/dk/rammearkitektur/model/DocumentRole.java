package dk.rammearkitektur.model;

/** The role a journalised document plays in its case (dokumentrolle). */
public enum DocumentRole {
    /** Hoveddokument. */
    MAIN_DOCUMENT,
    /** Bilag. */
    ATTACHMENT,
    /** Afgørelse. */
    DECISION,
    /** Korrespondance. */
    CORRESPONDENCE,
    /** Notat. */
    NOTE
}
