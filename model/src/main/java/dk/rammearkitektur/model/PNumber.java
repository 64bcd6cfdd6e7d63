package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;

/**
 * A production unit number (P-nummer) of a company's physical location: ten digits.
 *
 * @param value the ten digits
 */
public record PNumber(String value) {
    /** Validates the number; prefer {@link #parse(String)}. */
    public PNumber {
        if (value == null) {
            throw new ValidationException("pNumber", "is required");
        }
        if (value.length() != 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException("pNumber", "must be 10 digits");
        }
    }

    /**
     * Parses a P-number.
     *
     * @param text ten digits
     * @return the number
     * @throws ValidationException at path {@code pNumber} unless it is ten digits
     */
    public static PNumber parse(String text) {
        return new PNumber(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
