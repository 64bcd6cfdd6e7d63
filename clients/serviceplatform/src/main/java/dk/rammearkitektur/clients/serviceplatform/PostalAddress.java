package dk.rammearkitektur.clients.serviceplatform;

/**
 * A Danish postal address (adresse) as the base registers give it. Any part may be null when the register has none.
 *
 * @param streetName street (vejnavn)
 * @param houseNumber house number (husnummer)
 * @param floor floor (etage)
 * @param door door (sidedør)
 * @param careOf c/o name (conavn)
 * @param postalCode postal code (postnummer)
 * @param city postal district (postdistrikt)
 * @param municipalityCode municipality code (kommunekode), or null
 */
public record PostalAddress(String streetName, String houseNumber, String floor, String door, String careOf,
        String postalCode, String city, Integer municipalityCode) {

    /** The street part on one line: {@code Vej 1, 2. tv}. */
    public String streetLine() {
        StringBuilder b = new StringBuilder();
        append(b, streetName, "");
        append(b, houseNumber, " ");
        if (floor != null || door != null) {
            b.append(',');
            append(b, floor == null ? null : floor + ".", " ");
            append(b, door, " ");
        }
        return b.toString().trim();
    }

    /**
     * As the domain model's Danish {@link dk.rammearkitektur.model.Address}, or empty when the street, postal code or
     * city is missing.
     */
    public java.util.Optional<dk.rammearkitektur.model.Address> toModel() {
        String street = streetLine();
        if (street.isEmpty() || postalCode == null || postalCode.isBlank() || city == null || city.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(dk.rammearkitektur.model.Address.danish(street, postalCode.trim(), city.trim()));
    }

    /** The address on one line, as on an envelope: {@code Vej 1, 2. tv, 8000 Aarhus C}. */
    public String oneLine() {
        StringBuilder b = new StringBuilder();
        append(b, streetName, "");
        append(b, houseNumber, " ");
        if (floor != null || door != null) {
            b.append(',');
            append(b, floor == null ? null : floor + ".", " ");
            append(b, door, " ");
        }
        if (postalCode != null || city != null) {
            b.append(b.length() == 0 ? "" : ",");
            append(b, postalCode, " ");
            append(b, city, " ");
        }
        return b.toString().trim();
    }

    private static void append(StringBuilder b, String part, String sep) {
        if (part != null && !part.isBlank()) {
            b.append(b.length() == 0 ? "" : sep).append(part.trim());
        }
    }
}
