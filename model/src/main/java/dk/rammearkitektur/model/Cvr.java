package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;

/**
 * A Danish company registration number (CVR-nummer): eight digits, the first not 0, passing the weighted modulus-11
 * check with weights 2,7,6,5,4,3,2,1. Not personal data; {@link #toString()} gives the number.
 *
 * @param value the eight digits
 */
public record Cvr(String value) {
    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    /** Validates the number; prefer {@link #parse(String)}. */
    public Cvr {
        check(value);
    }

    /**
     * Parses a CVR number.
     *
     * @param text eight digits
     * @return the number
     * @throws ValidationException at path {@code cvr} when the format or the check digit is wrong
     */
    public static Cvr parse(String text) {
        return new Cvr(text);
    }

    private static void check(String text) {
        if (text == null) {
            throw new ValidationException("cvr", "is required");
        }
        if (text.length() != 8) {
            throw new ValidationException("cvr", "must be 8 digits");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new ValidationException("cvr", "must contain only digits");
            }
            sum += WEIGHTS[i] * (c - '0');
        }
        if (text.charAt(0) == '0') {
            throw new ValidationException("cvr", "must not start with 0");
        }
        if (sum % 11 != 0) {
            throw new ValidationException("cvr", "fails the modulus-11 check (weights 2,7,6,5,4,3,2,1)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
