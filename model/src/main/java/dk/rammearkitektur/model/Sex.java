package dk.rammearkitektur.model;

/** Legal sex (køn) as encoded in the last digit of a CPR number: odd is male, even is female. */
public enum Sex {
    /** Mand: the last CPR digit is odd. */
    MALE,
    /** Kvinde: the last CPR digit is even. */
    FEMALE
}
