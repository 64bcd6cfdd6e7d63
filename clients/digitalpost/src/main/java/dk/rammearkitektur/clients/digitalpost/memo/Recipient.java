package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The citizen or company that receives the message (modtager), identified by CPR or CVR number.
 * {@link #toString()} masks CPR numbers.
 *
 * @param recipientId the CPR number (10 digits) or CVR number (8 digits)
 * @param idType {@value #ID_TYPE_CPR} or {@value #ID_TYPE_CVR}
 * @param idTypeLabel a description of the kind, or null
 * @param label the recipient's name, or null
 * @param attentionData who within the recipient it concerns, or null
 * @param contactPoint the recipient's contact point, or null
 */
public record Recipient(String recipientId, String idType, String idTypeLabel, String label,
        AttentionData attentionData, ContactPoint contactPoint) {

    /** The id type of a citizen's CPR number. */
    public static final String ID_TYPE_CPR = "CPR";
    /** The id type of a company's CVR number. */
    public static final String ID_TYPE_CVR = "CVR";

    /** A builder for a citizen identified by CPR number. */
    public static Builder cpr(String cprNumber) {
        return builder().recipientId(cprNumber).idType(ID_TYPE_CPR);
    }

    /** A builder for a company identified by CVR number. */
    public static Builder cvr(String cvrNumber) {
        return builder().recipientId(cvrNumber).idType(ID_TYPE_CVR);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds a {@link Recipient}. */
    public static final class Builder {
        private String recipientId;
        private String idType;
        private String idTypeLabel;
        private String label;
        private AttentionData attentionData;
        private ContactPoint contactPoint;

        private Builder() {
        }

        /** Sets the CPR or CVR number. */
        public Builder recipientId(String value) {
            this.recipientId = value;
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

        /** Creates the recipient; it is checked when the message is built. */
        public Recipient build() {
            return new Recipient(recipientId, idType, idTypeLabel, label, attentionData, contactPoint);
        }
    }
}
