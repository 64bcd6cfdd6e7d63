package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The authority or company that sends the message (afsender), usually identified by CVR number.
 *
 * @param senderId the sender's identifier, e.g. a CVR number
 * @param idType the kind of identifier, e.g. {@code CVR}
 * @param idTypeLabel a description of the kind, or null
 * @param label the sender's name as the recipient sees it
 * @param attentionData who within the sender it concerns, or null
 * @param contactPoint where to reply, or null
 * @param representative who sends on the sender's behalf (MeMo 1.2 only), or null
 */
public record Sender(String senderId, String idType, String idTypeLabel, String label, AttentionData attentionData,
        ContactPoint contactPoint, Representative representative) {

    /** A builder for a sender identified by CVR number. */
    public static Builder cvr(String cvrNumber, String label) {
        return builder().senderId(cvrNumber).idType(Recipient.ID_TYPE_CVR).label(label);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds a {@link Sender}. */
    public static final class Builder {
        private String senderId;
        private String idType;
        private String idTypeLabel;
        private String label;
        private AttentionData attentionData;
        private ContactPoint contactPoint;
        private Representative representative;

        private Builder() {
        }

        /** Sets the identifier. */
        public Builder senderId(String value) {
            this.senderId = value;
            return this;
        }

        /** Sets the kind of identifier. */
        public Builder idType(String value) {
            this.idType = value;
            return this;
        }

        /** Sets the description of the kind of identifier. */
        public Builder idTypeLabel(String value) {
            this.idTypeLabel = value;
            return this;
        }

        /** Sets the name. */
        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /** Sets the attention data. */
        public Builder attentionData(AttentionData value) {
            this.attentionData = value;
            return this;
        }

        /** Sets the contact point. */
        public Builder contactPoint(ContactPoint value) {
            this.contactPoint = value;
            return this;
        }

        /** Sets the representative (MeMo 1.2 only). */
        public Builder representative(Representative value) {
            this.representative = value;
            return this;
        }

        /** Creates the sender; it is checked when the message is built. */
        public Sender build() {
            return new Sender(senderId, idType, idTypeLabel, label, attentionData, contactPoint, representative);
        }
    }
}
