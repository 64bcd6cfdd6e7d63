package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A structured address (adresse), namespace {@code grd}. Every part is optional text.
 *
 * @param id the address's identifier (e.g. a DAR id), or null
 * @param addressLabel the street name or full label, or null
 * @param houseNumber the house number, or null
 * @param door the door, or null
 * @param floor the floor, or null
 * @param co the c/o line, or null
 * @param zipCode the postal code, or null
 * @param city the city, or null
 * @param country the country, or null
 * @param addressPoint the geographic point, or null
 */
public record MemoAddress(String id, String addressLabel, String houseNumber, String door, String floor, String co,
        String zipCode, String city, String country, AddressPoint addressPoint) {

    /** A builder with every part empty. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds an {@link MemoAddress}. */
    public static final class Builder {
        private String id;
        private String addressLabel;
        private String houseNumber;
        private String door;
        private String floor;
        private String co;
        private String zipCode;
        private String city;
        private String country;
        private AddressPoint addressPoint;

        private Builder() {
        }

        /** Sets the identifier. */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Sets the street name or label. */
        public Builder addressLabel(String value) {
            this.addressLabel = value;
            return this;
        }

        /** Sets the house number. */
        public Builder houseNumber(String value) {
            this.houseNumber = value;
            return this;
        }

        /** Sets the door. */
        public Builder door(String value) {
            this.door = value;
            return this;
        }

        /** Sets the floor. */
        public Builder floor(String value) {
            this.floor = value;
            return this;
        }

        /** Sets the c/o line. */
        public Builder co(String value) {
            this.co = value;
            return this;
        }

        /** Sets the postal code. */
        public Builder zipCode(String value) {
            this.zipCode = value;
            return this;
        }

        /** Sets the city. */
        public Builder city(String value) {
            this.city = value;
            return this;
        }

        /** Sets the country. */
        public Builder country(String value) {
            this.country = value;
            return this;
        }

        /** Sets the geographic point. */
        public Builder addressPoint(AddressPoint value) {
            this.addressPoint = value;
            return this;
        }

        /** Creates the address; it is checked when the message is built. */
        public MemoAddress build() {
            return new MemoAddress(id, addressLabel, houseNumber, door, floor, co, zipCode, city, country, addressPoint);
        }
    }
}
