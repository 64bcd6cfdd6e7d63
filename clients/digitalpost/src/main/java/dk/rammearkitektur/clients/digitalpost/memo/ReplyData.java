package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Ties a message to the conversation it answers (svardata); a header may carry several.
 *
 * @param messageId the earlier message's own id, or null
 * @param messageUuid the earlier message's UUID (version 4)
 * @param replyUuid the UUID of this reply, or null
 * @param senderId the earlier sender, or null
 * @param recipientId the earlier recipient, or null
 * @param caseId the case, or null
 * @param contactPointId the contact point, or null
 * @param generatingSystemId the generating system, or null
 * @param comment a comment of at most 512 characters, or null
 * @param additionalReplyData at most four free label/value pairs
 */
public record ReplyData(String messageId, UUID messageUuid, UUID replyUuid, String senderId, String recipientId,
        String caseId, String contactPointId, String generatingSystemId, String comment,
        List<AdditionalReplyData> additionalReplyData) {

    /** Copies the list. */
    public ReplyData {
        additionalReplyData = Lists.copy(additionalReplyData);
    }

    /** A builder for reply data about the message with {@code messageUuid}. */
    public static Builder builder(UUID messageUuid) {
        return new Builder().messageUuid(messageUuid);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds {@link ReplyData}. */
    public static final class Builder {
        private String messageId;
        private UUID messageUuid;
        private UUID replyUuid;
        private String senderId;
        private String recipientId;
        private String caseId;
        private String contactPointId;
        private String generatingSystemId;
        private String comment;
        private final List<AdditionalReplyData> additional = new ArrayList<>();

        private Builder() {
        }

        /** Sets the earlier message's own id. */
        public Builder messageId(String value) {
            this.messageId = value;
            return this;
        }

        /** Sets the earlier message's UUID. */
        public Builder messageUuid(UUID value) {
            this.messageUuid = value;
            return this;
        }

        /** Sets this reply's UUID. */
        public Builder replyUuid(UUID value) {
            this.replyUuid = value;
            return this;
        }

        /** Sets the earlier sender. */
        public Builder senderId(String value) {
            this.senderId = value;
            return this;
        }

        /** Sets the earlier recipient. */
        public Builder recipientId(String value) {
            this.recipientId = value;
            return this;
        }

        /** Sets the case. */
        public Builder caseId(String value) {
            this.caseId = value;
            return this;
        }

        /** Sets the contact point. */
        public Builder contactPointId(String value) {
            this.contactPointId = value;
            return this;
        }

        /** Sets the generating system. */
        public Builder generatingSystemId(String value) {
            this.generatingSystemId = value;
            return this;
        }

        /** Sets the comment. */
        public Builder comment(String value) {
            this.comment = value;
            return this;
        }

        /** Adds a free label/value pair. */
        public Builder addAdditionalReplyData(AdditionalReplyData value) {
            additional.add(value);
            return this;
        }

        /** Creates the reply data; it is checked when the message is built. */
        public ReplyData build() {
            return new ReplyData(messageId, messageUuid, replyUuid, senderId, recipientId, caseId, contactPointId,
                    generatingSystemId, comment, additional);
        }
    }
}
