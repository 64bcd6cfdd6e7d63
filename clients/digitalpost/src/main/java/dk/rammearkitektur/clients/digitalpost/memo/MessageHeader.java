package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The envelope of a MeMo message (meddelelseshoved): kind, identity, title, notification text, flags, sender,
 * recipient and what the message is about. For NemSMS the header is the whole message and the SMS text is the
 * {@link #notification()}.
 *
 * @param messageType {@link MessageType#DIGITALPOST} or {@link MessageType#NEMSMS}
 * @param messageUuid the message's UUID (version 4); the platform deduplicates by it
 * @param messageId the sender's own id, or null
 * @param messageCode a code for the kind of letter, or null
 * @param label the title the recipient sees, at most 256 characters
 * @param notification the notification (or SMS) text, at most 150 characters, or null
 * @param additionalNotification extra notification text, at most 256 characters, or null
 * @param reply whether a reply is possible, or null (means false)
 * @param replyByDateTime the reply deadline, or null
 * @param doNotDeliverUntilDate the first day the message may be delivered, or null
 * @param mandatory whether the message is mandatory post (obligatorisk); required in MeMo 1.1
 * @param legalNotification whether the message is a legal notification (retsvirkning); required in MeMo 1.1
 * @param postType the kind of post, e.g. {@code MYNDIGHEDSPOST}, or null
 * @param sender who sends
 * @param recipient who receives
 * @param contentData what the message is about, or null
 * @param forwardData the forwarded message, or null
 * @param replyData the conversation this answers, possibly none
 */
public record MessageHeader(MessageType messageType, UUID messageUuid, String messageId, String messageCode,
        String label, String notification, String additionalNotification, Boolean reply, Instant replyByDateTime,
        LocalDate doNotDeliverUntilDate, Boolean mandatory, Boolean legalNotification, String postType,
        Sender sender, Recipient recipient, ContentData contentData, ForwardData forwardData,
        List<ReplyData> replyData) {

    /** Copies the list. */
    public MessageHeader {
        replyData = Lists.copy(replyData);
    }

    /** A builder for a header of {@code messageType} with a fresh random (version 4) message UUID. */
    public static Builder builder(MessageType messageType) {
        return new Builder().messageType(messageType).messageUuid(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds a {@link MessageHeader}. */
    public static final class Builder {
        private MessageType messageType;
        private UUID messageUuid;
        private String messageId;
        private String messageCode;
        private String label;
        private String notification;
        private String additionalNotification;
        private Boolean reply;
        private Instant replyByDateTime;
        private LocalDate doNotDeliverUntilDate;
        private Boolean mandatory;
        private Boolean legalNotification;
        private String postType;
        private Sender sender;
        private Recipient recipient;
        private ContentData contentData;
        private ForwardData forwardData;
        private final List<ReplyData> replyData = new ArrayList<>();

        private Builder() {
        }

        /** Sets the kind of message. */
        public Builder messageType(MessageType value) {
            this.messageType = value;
            return this;
        }

        /** Sets the message UUID; keep it when resending the same message. */
        public Builder messageUuid(UUID value) {
            this.messageUuid = value;
            return this;
        }

        /** Sets the sender's own id. */
        public Builder messageId(String value) {
            this.messageId = value;
            return this;
        }

        /** Sets the code for the kind of letter. */
        public Builder messageCode(String value) {
            this.messageCode = value;
            return this;
        }

        /** Sets the title. */
        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /** Sets the notification (or SMS) text. */
        public Builder notification(String value) {
            this.notification = value;
            return this;
        }

        /** Sets the extra notification text. */
        public Builder additionalNotification(String value) {
            this.additionalNotification = value;
            return this;
        }

        /** Sets whether a reply is possible. */
        public Builder reply(Boolean value) {
            this.reply = value;
            return this;
        }

        /** Sets the reply deadline. */
        public Builder replyByDateTime(Instant value) {
            this.replyByDateTime = value;
            return this;
        }

        /** Sets the first day of delivery. */
        public Builder doNotDeliverUntilDate(LocalDate value) {
            this.doNotDeliverUntilDate = value;
            return this;
        }

        /** Sets whether the message is mandatory post. */
        public Builder mandatory(Boolean value) {
            this.mandatory = value;
            return this;
        }

        /** Sets whether the message is a legal notification. */
        public Builder legalNotification(Boolean value) {
            this.legalNotification = value;
            return this;
        }

        /** Sets the kind of post. */
        public Builder postType(String value) {
            this.postType = value;
            return this;
        }

        /** Sets the sender. */
        public Builder sender(Sender value) {
            this.sender = value;
            return this;
        }

        /** Sets the recipient. */
        public Builder recipient(Recipient value) {
            this.recipient = value;
            return this;
        }

        /** Sets what the message is about. */
        public Builder contentData(ContentData value) {
            this.contentData = value;
            return this;
        }

        /** Sets the forwarded message. */
        public Builder forwardData(ForwardData value) {
            this.forwardData = value;
            return this;
        }

        /** Adds reply data. */
        public Builder addReplyData(ReplyData value) {
            replyData.add(value);
            return this;
        }

        /** Creates the header; it is checked when the message is built. */
        public MessageHeader build() {
            return new MessageHeader(messageType, messageUuid, messageId, messageCode, label, notification,
                    additionalNotification, reply, replyByDateTime, doNotDeliverUntilDate, mandatory,
                    legalNotification, postType, sender, recipient, contentData, forwardData, replyData);
        }
    }
}
