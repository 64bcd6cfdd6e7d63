package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import java.net.URI;
import java.time.Instant;

/**
 * Something the recipient is asked to do about a document (handling): an {@link ActionCode} with either a
 * {@link Reservation} (for {@link ActionCode#AFTALE}) or an {@code https://} entry point, and an optional period.
 *
 * @param label the text of the button or link
 * @param actionCode what kind of action
 * @param startDateTime when the action becomes relevant, or null
 * @param endDateTime the deadline, or null; not before the start
 * @param reservation the appointment (only with {@link ActionCode#AFTALE}), or null
 * @param entryPoint an absolute {@code https://} link of at most 256 characters, or null
 */
public record Action(String label, ActionCode actionCode, Instant startDateTime, Instant endDateTime,
        Reservation reservation, URI entryPoint) {

    /** An action that links to {@code url}. */
    public static Action link(String label, ActionCode actionCode, URI url) {
        return new Action(label, actionCode, null, null, null, url);
    }

    /** An {@link ActionCode#AFTALE} action offering an appointment. */
    public static Action appointment(String label, Reservation reservation) {
        return new Action(label, ActionCode.AFTALE, null, null, reservation, null);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds an {@link Action}. */
    public static final class Builder {
        private String label;
        private ActionCode actionCode;
        private Instant startDateTime;
        private Instant endDateTime;
        private Reservation reservation;
        private URI entryPoint;

        private Builder() {
        }

        /** Sets the label. */
        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /** Sets the kind of action. */
        public Builder actionCode(ActionCode value) {
            this.actionCode = value;
            return this;
        }

        /** Sets when the action becomes relevant. */
        public Builder startDateTime(Instant value) {
            this.startDateTime = value;
            return this;
        }

        /** Sets the deadline. */
        public Builder endDateTime(Instant value) {
            this.endDateTime = value;
            return this;
        }

        /** Sets the appointment. */
        public Builder reservation(Reservation value) {
            this.reservation = value;
            return this;
        }

        /** Sets the link. */
        public Builder entryPoint(URI value) {
            this.entryPoint = value;
            return this;
        }

        /** Creates the action; it is checked when the message is built. */
        public Action build() {
            return new Action(label, actionCode, startDateTime, endDateTime, reservation, entryPoint);
        }
    }
}
