package dk.rammearkitektur.model;

/** Whether a document came in, went out or stayed inside the authority (dokumentretning). */
public enum DocumentDirection {
    /** Indgående. */
    INCOMING,
    /** Udgående. */
    OUTGOING,
    /** Internt. */
    INTERNAL
}
