package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import java.time.Instant;
import java.util.UUID;

/**
 * Marks the message as a forward of an earlier one (videresendelse).
 *
 * @param messageUuid the original message's UUID (version 4)
 * @param originalMessageDateTime when the original was sent
 * @param originalSender who sent the original
 * @param originalContentResponsible who was responsible for the original's content, or null
 * @param originalRepresentative who sent the original on the sender's behalf (MeMo 1.2 only), or null
 * @param contactPointId the contact point the forward concerns, or null
 * @param comment a comment of at most 512 characters, or null
 */
public record ForwardData(UUID messageUuid, Instant originalMessageDateTime, String originalSender,
        String originalContentResponsible, String originalRepresentative, String contactPointId, String comment) {

    /** A builder with the three required parts. */
    public static Builder builder(UUID messageUuid, Instant originalMessageDateTime, String originalSender) {
        return new Builder().messageUuid(messageUuid).originalMessageDateTime(originalMessageDateTime)
                .originalSender(originalSender);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds {@link ForwardData}. */
    public static final class Builder {
        private UUID messageUuid;
        private Instant originalMessageDateTime;
        private String originalSender;
        private String originalContentResponsible;
        private String originalRepresentative;
        private String contactPointId;
        private String comment;

        private Builder() {
        }

        /** Sets the original message's UUID. */
        public Builder messageUuid(UUID value) {
            this.messageUuid = value;
            return this;
        }

        /** Sets when the original was sent. */
        public Builder originalMessageDateTime(Instant value) {
            this.originalMessageDateTime = value;
            return this;
        }

        /** Sets the original sender. */
        public Builder originalSender(String value) {
            this.originalSender = value;
            return this;
        }

        /** Sets who was responsible for the original's content. */
        public Builder originalContentResponsible(String value) {
            this.originalContentResponsible = value;
            return this;
        }

        /** Sets the original's representative (MeMo 1.2 only). */
        public Builder originalRepresentative(String value) {
            this.originalRepresentative = value;
            return this;
        }

        /** Sets the contact point. */
        public Builder contactPointId(String value) {
            this.contactPointId = value;
            return this;
        }

        /** Sets the comment. */
        public Builder comment(String value) {
            this.comment = value;
            return this;
        }

        /** Creates the forward data; it is checked when the message is built. */
        public ForwardData build() {
            return new ForwardData(messageUuid, originalMessageDateTime, originalSender, originalContentResponsible,
                    originalRepresentative, contactPointId, comment);
        }
    }
}
