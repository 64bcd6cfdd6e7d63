package dk.rammearkitektur.model;

/** How often a benefit amount is paid (udbetalingsfrekvens). */
public enum Frequency {
    /** Engangsydelse. */
    ONCE,
    /** Ugentlig. */
    WEEKLY,
    /** Hver 14. dag. */
    FORTNIGHTLY,
    /** Månedlig. */
    MONTHLY,
    /** Kvartalsvis. */
    QUARTERLY,
    /** Årlig. */
    YEARLY
}
