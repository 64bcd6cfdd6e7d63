package dk.rammearkitektur.clients.digitalpost.memo;

/**
 * What an {@link Action} (handling) asks of the recipient, from the Agency for Digital Government's guide to
 * actions and deadlines in MeMo. {@link #AFTALE} goes with a {@link Reservation}; the others link to an entry point.
 */
public enum ActionCode {
    /** An appointment (aftale); carries a {@link Reservation}. */
    AFTALE,
    /** Confirm receipt or content (bekræft). */
    BEKRAEFT,
    /** Pay (betaling). */
    BETALING,
    /** Prepare for something (forberedelse). */
    FORBEREDELSE,
    /** Read more (information). */
    INFORMATION,
    /** Use a self-service solution (selvbetjening). */
    SELVBETJENING,
    /** Sign up (tilmelding). */
    TILMELDING,
    /** Sign a document (underskriv). */
    UNDERSKRIV
}
