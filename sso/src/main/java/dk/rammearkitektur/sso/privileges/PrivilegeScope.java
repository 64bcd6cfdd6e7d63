package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import java.util.Objects;

/**
 * The {@code Scope} of a privilege group: the organisation (or person) the rights hold for, written
 * {@code urn:dk:gov:saml:<kind>:<number>}. {@link #toString()} masks a CPR number; {@link #uri()} gives it in full.
 *
 * <p>Numbers are checked for their length and digits only. A CVR number is not put through the modulus-11 check (the
 * SDK's choice): the test organisations of KOMBIT (11111111) and NemLog-in (93005620) fail it.
 *
 * @param kind what the number identifies
 * @param number the digits
 */
public record PrivilegeScope(Kind kind, String number) {
    /** The URN prefix every scope starts with. */
    public static final String PREFIX = "urn:dk:gov:saml:";

    /** What a scope's number identifies. */
    public enum Kind {
        /** An organisation by its CVR number (8 digits). */
        CVR("cvrNumberIdentifier", 8),
        /** A production unit by its P-number (10 digits). */
        PRODUCTION_UNIT("productionUnitIdentifier", 10),
        /** An SE number (8 digits). */
        SE_NUMBER("seNumberIdentifier", 8),
        /** A person by CPR number (10 digits); personal data, masked in {@code toString()}. */
        CPR("cprNumberIdentifier", 10);

        private final String urnPart;
        private final int digits;

        Kind(String urnPart, int digits) {
            this.urnPart = urnPart;
            this.digits = digits;
        }

        /** The part of the URN naming the kind, e.g. {@code cvrNumberIdentifier}. */
        public String urnPart() {
            return urnPart;
        }

        /** How many digits the number has. */
        public int digits() {
            return digits;
        }
    }

    /** Validates the number against the kind. */
    public PrivilegeScope {
        if (kind == null) {
            throw new ValidationException("scope", "kind is required");
        }
        if (number == null || number.length() != kind.digits || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException("scope", "a " + kind.urnPart + " must be " + kind.digits + " digits");
        }
    }

    /** A CVR scope. */
    public static PrivilegeScope cvr(String cvr) {
        return new PrivilegeScope(Kind.CVR, cvr);
    }

    /**
     * Parses {@code urn:dk:gov:saml:<kind>:<number>}.
     *
     * @throws ValidationException at path {@code scope} naming the rule broken
     */
    public static PrivilegeScope parse(String urn) {
        if (urn == null || urn.isEmpty()) {
            throw new ValidationException("scope", "is required");
        }
        if (!urn.startsWith(PREFIX)) {
            throw new ValidationException("scope", "must start with " + PREFIX);
        }
        String rest = urn.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new ValidationException("scope", "must be " + PREFIX + "<kind>:<number>");
        }
        String kindPart = rest.substring(0, colon);
        for (Kind k : Kind.values()) {
            if (k.urnPart.equals(kindPart)) {
                return new PrivilegeScope(k, rest.substring(colon + 1));
            }
        }
        throw new ValidationException("scope", "kind must be cvrNumberIdentifier, productionUnitIdentifier, "
                + "seNumberIdentifier or cprNumberIdentifier");
    }

    /** The scope as written in the privilege list, number in full. */
    public String uri() {
        return PREFIX + kind.urnPart + ":" + number;
    }

    /** True for a CVR scope with this number. */
    public boolean isCvr(String cvr) {
        return kind == Kind.CVR && Objects.equals(number, cvr);
    }

    /** The URN, with a CPR number masked as {@code DDMMYY-****}. */
    @Override
    public String toString() {
        return kind == Kind.CPR ? PREFIX + kind.urnPart + ":" + PersonalData.maskCpr(number) : uri();
    }
}
