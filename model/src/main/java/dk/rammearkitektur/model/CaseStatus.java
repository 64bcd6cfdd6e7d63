package dk.rammearkitektur.model;

/**
 * Status of a case (sagsstatus). Legal transitions: CREATED to IN_PROGRESS, IN_PROGRESS to DECIDED or CLOSED,
 * DECIDED to CLOSED, CLOSED to ARCHIVED, and back to IN_PROGRESS from DECIDED or CLOSED (reconsideration or
 * reopening, genoptagelse) only with a reason.
 */
public enum CaseStatus {
    /** Oprettet. */
    CREATED,
    /** Under behandling. */
    IN_PROGRESS,
    /** Afgjort: a decision has been made, the case is not yet closed. */
    DECIDED,
    /** Afsluttet. */
    CLOSED,
    /** Arkiveret; final. */
    ARCHIVED;

    /** Whether the case may go from this status to {@code target} (given a reason where one is needed). */
    public boolean canTransitionTo(CaseStatus target) {
        return switch (this) {
            case CREATED -> target == IN_PROGRESS;
            case IN_PROGRESS -> target == DECIDED || target == CLOSED;
            case DECIDED -> target == CLOSED || target == IN_PROGRESS;
            case CLOSED -> target == ARCHIVED || target == IN_PROGRESS;
            case ARCHIVED -> false;
        };
    }

    /** Whether going to {@code target} needs a reason: true only for going back to IN_PROGRESS. */
    public boolean requiresReason(CaseStatus target) {
        return (this == CLOSED || this == DECIDED) && target == IN_PROGRESS;
    }
}
