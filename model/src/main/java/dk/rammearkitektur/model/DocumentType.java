package dk.rammearkitektur.model;

/** Kind of document (dokumenttype). */
public enum DocumentType {
    /** Brev. */
    LETTER,
    /** Ansøgning. */
    APPLICATION,
    /** Afgørelse. */
    DECISION,
    /** Notat. */
    NOTE,
    /** E-mail. */
    EMAIL,
    /** Anden. */
    OTHER
}
