package dk.rammearkitektur.model;

/** Status of a benefit (ydelsesstatus). Legal transitions: APPLIED to GRANTED or REFUSED, GRANTED to ENDED. */
public enum BenefitStatus {
    /** Ansøgt. */
    APPLIED,
    /** Bevilget. */
    GRANTED,
    /** Afslået; final. */
    REFUSED,
    /** Ophørt; final. */
    ENDED;

    /** Whether a benefit may go from this status to {@code target}. */
    public boolean canTransitionTo(BenefitStatus target) {
        return switch (this) {
            case APPLIED -> target == GRANTED || target == REFUSED;
            case GRANTED -> target == ENDED;
            case REFUSED, ENDED -> false;
        };
    }
}
