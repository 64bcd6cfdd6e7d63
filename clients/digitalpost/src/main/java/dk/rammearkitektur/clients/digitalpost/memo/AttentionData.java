package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * Who or what within the sender or recipient a message concerns (attentionsdata). Every part is optional.
 *
 * @param attentionPerson a person, or null
 * @param productionUnit a production unit, or null
 * @param globalLocationNumber a GLN location, or null
 * @param email an e-mail address, or null
 * @param seNumber an SE number, or null
 * @param telephone a telephone number, or null
 * @param eid an EAN/EID number, or null
 * @param contentResponsible who is responsible for the content, or null
 * @param generatingSystem the generating system, or null
 * @param sorData a SOR health-care unit, or null
 * @param address a structured address, or null
 * @param unstructuredAddress an address as one line of text, or null
 */
public record AttentionData(AttentionPerson attentionPerson, ProductionUnit productionUnit,
        GlobalLocationNumber globalLocationNumber, Email email, SeNumber seNumber, Telephone telephone, Eid eid,
        ContentResponsible contentResponsible, GeneratingSystem generatingSystem, SorData sorData, MemoAddress address,
        String unstructuredAddress) {

    /** A builder with every part empty. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds {@link AttentionData}. */
    public static final class Builder {
        private AttentionPerson attentionPerson;
        private ProductionUnit productionUnit;
        private GlobalLocationNumber globalLocationNumber;
        private Email email;
        private SeNumber seNumber;
        private Telephone telephone;
        private Eid eid;
        private ContentResponsible contentResponsible;
        private GeneratingSystem generatingSystem;
        private SorData sorData;
        private MemoAddress address;
        private String unstructuredAddress;

        private Builder() {
        }

        /** Sets the person. */
        public Builder attentionPerson(AttentionPerson value) {
            this.attentionPerson = value;
            return this;
        }

        /** Sets the production unit. */
        public Builder productionUnit(ProductionUnit value) {
            this.productionUnit = value;
            return this;
        }

        /** Sets the GLN location. */
        public Builder globalLocationNumber(GlobalLocationNumber value) {
            this.globalLocationNumber = value;
            return this;
        }

        /** Sets the e-mail address. */
        public Builder email(Email value) {
            this.email = value;
            return this;
        }

        /** Sets the SE number. */
        public Builder seNumber(SeNumber value) {
            this.seNumber = value;
            return this;
        }

        /** Sets the telephone number. */
        public Builder telephone(Telephone value) {
            this.telephone = value;
            return this;
        }

        /** Sets the EAN/EID number. */
        public Builder eid(Eid value) {
            this.eid = value;
            return this;
        }

        /** Sets who is responsible for the content. */
        public Builder contentResponsible(ContentResponsible value) {
            this.contentResponsible = value;
            return this;
        }

        /** Sets the generating system. */
        public Builder generatingSystem(GeneratingSystem value) {
            this.generatingSystem = value;
            return this;
        }

        /** Sets the SOR unit. */
        public Builder sorData(SorData value) {
            this.sorData = value;
            return this;
        }

        /** Sets the structured address. */
        public Builder address(MemoAddress value) {
            this.address = value;
            return this;
        }

        /** Sets the one-line address. */
        public Builder unstructuredAddress(String value) {
            this.unstructuredAddress = value;
            return this;
        }

        /** Creates the attention data; it is checked when the message is built. */
        public AttentionData build() {
            return new AttentionData(attentionPerson, productionUnit, globalLocationNumber, email, seNumber, telephone,
                    eid, contentResponsible, generatingSystem, sorData, address, unstructuredAddress);
        }
    }
}
