package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;

/**
 * A postal address (adresse). Danish addresses ({@code countryCode} {@code DK}) need a four-digit postal code.
 *
 * @param street street, house number, floor and door in one line, e.g. {@code Rådhuspladsen 1, 2. tv}
 * @param postalCode postal code (postnummer)
 * @param city postal district (postdistrikt)
 * @param countryCode ISO 3166-1 alpha-2 country code, upper case
 */
public record Address(String street, String postalCode, String city, String countryCode) {
    /** Validates every field; throws one {@code ValidationException} with paths under {@code address}. */
    public Address {
        Violations v = Violations.at("address");
        Checks.text(v, "street", street, 200);
        Checks.text(v, "postalCode", postalCode, 20);
        Checks.text(v, "city", city, 100);
        if (Checks.required(v, "countryCode", countryCode)
                && v.require(countryCode.length() == 2 && Checks.allInRange(countryCode, 'A', 'Z'), "countryCode", "must be two capital letters (ISO 3166-1)")
                && countryCode.equals("DK") && postalCode != null) {
            v.require(Checks.digits(postalCode, 4), "postalCode", "must be 4 digits for a Danish address");
        }
        v.throwIfAny();
    }

    /** A Danish address. */
    public static Address danish(String street, String postalCode, String city) {
        return new Address(street, postalCode, city, "DK");
    }
}
