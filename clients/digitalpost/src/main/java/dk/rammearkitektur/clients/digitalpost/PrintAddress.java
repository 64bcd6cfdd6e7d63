package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a printed letter goes to (ModtagerAdresse, a KontaktOplysning in the Fjernprint schema): a name, then
 * either the structured form (street, number, floor, door, delivery sublocation, postal code, district, post office
 * box) or up to six free address lines (PostalAddressFirstLineText ... SixthLineText, at most 34 characters each,
 * for example a foreign address) with an optional postal code, then the country. Build the lines form with
 * {@link Builder#lines(List)}.
 *
 * @param personName the recipient's name (itst:PersonName)
 * @param coName a c/o line, or null
 * @param streetName the street (dkcc:StreetName)
 * @param streetBuildingIdentifier the house number (dkcc:StreetBuildingIdentifier)
 * @param floor the floor, or null
 * @param suite the door, or null
 * @param postCode the postal code
 * @param district the district subdivision (bynavn), or null
 * @param countryCode the ISO 3166 alpha-2 country code, e.g. {@code DK}
 * @param mailDeliverySublocation a place name within the postal district (MailDeliverySublocationIdentifier), or null
 * @param postOfficeBox a post office box number, 1 to 9999 (PostOfficeBoxIdentifier), or null
 * @param lines the free address lines, 1 to 6, instead of the structured form; empty for the structured form
 */
public record PrintAddress(String personName, String coName, String streetName, String streetBuildingIdentifier,
        String floor, String suite, String postCode, String district, String countryCode, String mailDeliverySublocation,
        Integer postOfficeBox, List<String> lines) {

    /** The most address lines the schema has. */
    public static final int MAX_LINES = 6;

    /** Copies the lines (null is none). */
    public PrintAddress {
        lines = lines == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** True when the address is given as free lines. */
    public boolean isLines() {
        return !lines.isEmpty();
    }

    /** A builder for a Danish address. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds a {@link PrintAddress}; the country defaults to {@code DK}. */
    public static final class Builder {
        private String personName;
        private String coName;
        private String streetName;
        private String streetBuildingIdentifier;
        private String floor;
        private String suite;
        private String postCode;
        private String district;
        private String countryCode = "DK";
        private String mailDeliverySublocation;
        private Integer postOfficeBox;
        private List<String> lines = List.of();

        private Builder() {
        }

        /** Sets the name. */
        public Builder personName(String value) {
            this.personName = value;
            return this;
        }

        /** Sets the c/o line. */
        public Builder coName(String value) {
            this.coName = value;
            return this;
        }

        /** Sets the street. */
        public Builder streetName(String value) {
            this.streetName = value;
            return this;
        }

        /** Sets the house number. */
        public Builder streetBuildingIdentifier(String value) {
            this.streetBuildingIdentifier = value;
            return this;
        }

        /** Sets the floor. */
        public Builder floor(String value) {
            this.floor = value;
            return this;
        }

        /** Sets the door. */
        public Builder suite(String value) {
            this.suite = value;
            return this;
        }

        /** Sets the postal code. */
        public Builder postCode(String value) {
            this.postCode = value;
            return this;
        }

        /** Sets the district. */
        public Builder district(String value) {
            this.district = value;
            return this;
        }

        /** Sets the country code. */
        public Builder countryCode(String value) {
            this.countryCode = value;
            return this;
        }

        /** Sets the place name within the postal district. */
        public Builder mailDeliverySublocation(String value) {
            this.mailDeliverySublocation = value;
            return this;
        }

        /** Sets the post office box number. */
        public Builder postOfficeBox(Integer value) {
            this.postOfficeBox = value;
            return this;
        }

        /** Gives the address as free lines (1 to 6) instead of street, number and the other structured parts. */
        public Builder lines(List<String> value) {
            this.lines = value == null ? List.of() : value;
            return this;
        }

        /** Creates the address; it is checked when the request is built. */
        public PrintAddress build() {
            return new PrintAddress(personName, coName, streetName, streetBuildingIdentifier, floor, suite, postCode,
                    district, countryCode, mailDeliverySublocation, postOfficeBox, lines);
        }
    }
}
