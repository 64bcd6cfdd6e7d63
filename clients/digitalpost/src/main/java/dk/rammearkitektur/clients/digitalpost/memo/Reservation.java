package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import java.time.Instant;
import java.util.UUID;

/**
 * A calendar appointment offered with an {@link ActionCode#AFTALE} action (reservation).
 *
 * @param description what the appointment is
 * @param reservationUuid the appointment's UUID (version 4)
 * @param abstractText a short summary (the {@code abstract} element)
 * @param location where it takes place
 * @param startDateTime when it starts
 * @param endDateTime when it ends; not before the start
 * @param organizerMail the organiser's e-mail, or null
 * @param organizerName the organiser's name, or null
 */
public record Reservation(String description, UUID reservationUuid, String abstractText, String location,
        Instant startDateTime, Instant endDateTime, String organizerMail, String organizerName) {

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds a {@link Reservation}. */
    public static final class Builder {
        private String description;
        private UUID reservationUuid;
        private String abstractText;
        private String location;
        private Instant startDateTime;
        private Instant endDateTime;
        private String organizerMail;
        private String organizerName;

        private Builder() {
        }

        /** Sets what the appointment is. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Sets the appointment's UUID. */
        public Builder reservationUuid(UUID value) {
            this.reservationUuid = value;
            return this;
        }

        /** Sets the short summary. */
        public Builder abstractText(String value) {
            this.abstractText = value;
            return this;
        }

        /** Sets where it takes place. */
        public Builder location(String value) {
            this.location = value;
            return this;
        }

        /** Sets when it starts. */
        public Builder startDateTime(Instant value) {
            this.startDateTime = value;
            return this;
        }

        /** Sets when it ends. */
        public Builder endDateTime(Instant value) {
            this.endDateTime = value;
            return this;
        }

        /** Sets the organiser's e-mail. */
        public Builder organizerMail(String value) {
            this.organizerMail = value;
            return this;
        }

        /** Sets the organiser's name. */
        public Builder organizerName(String value) {
            this.organizerName = value;
            return this;
        }

        /** Creates the reservation; it is checked when the message is built. */
        public Reservation build() {
            return new Reservation(description, reservationUuid, abstractText, location, startDateTime, endDateTime,
                    organizerMail, organizerName);
        }
    }
}
