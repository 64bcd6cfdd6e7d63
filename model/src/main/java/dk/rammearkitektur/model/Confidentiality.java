package dk.rammearkitektur.model;

/** How confidential a case is (fortrolighed). */
public enum Confidentiality {
    /** Ikke fortrolig. */
    NOT_CONFIDENTIAL,
    /** Fortrolig: personal data, access restricted to the caseworker's unit. */
    CONFIDENTIAL,
    /** Særligt fortrolig: sensitive personal data, access by named users only. */
    STRICTLY_CONFIDENTIAL
}
