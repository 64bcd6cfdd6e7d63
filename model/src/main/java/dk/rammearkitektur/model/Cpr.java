package dk.rammearkitektur.model;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A Danish personal identification number (CPR-nummer / personnummer).
 *
 * <p>{@link #parse(String)} accepts {@code DDMMYYSSSS} and {@code DDMMYY-SSSS}. The birth date comes from the six
 * date digits and the century rule of the seventh digit; the sex from the last digit. Modulus 11 is reported by
 * {@link #passesModulus11()} but not required, since numbers without it have been issued since 2007. Replacement
 * numbers (erstatningspersonnummer, day of month + 60) are accepted and flagged.
 *
 * <p>{@link #toString()} masks the serial digits ({@code 010190-****}); {@link #value()} gives the full number.
 */
public final class Cpr {
    private static final int[] WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

    private final String value;
    private final LocalDate birthDate;
    private final boolean replacement;

    private Cpr(String value, LocalDate birthDate, boolean replacement) {
        this.value = value;
        this.birthDate = birthDate;
        this.replacement = replacement;
    }

    /**
     * Parses a CPR number.
     *
     * @param text ten digits, optionally with a hyphen after the sixth
     * @return the number
     * @throws ValidationException at path {@code cpr} for a wrong length, non-digits or an impossible date
     */
    public static Cpr parse(String text) {
        if (text == null) {
            throw new ValidationException("cpr", "is required");
        }
        String digits = text.length() == 11 && text.charAt(6) == '-' ? text.substring(0, 6) + text.substring(7) : text;
        if (digits.length() != 10) {
            throw new ValidationException("cpr", "must be 10 digits, as DDMMYYSSSS or DDMMYY-SSSS");
        }
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new ValidationException("cpr", "must contain only digits (and one hyphen after the date)");
            }
        }
        int day = Integer.parseInt(digits, 0, 2, 10);
        int month = Integer.parseInt(digits, 2, 4, 10);
        int yy = Integer.parseInt(digits, 4, 6, 10);
        int seventh = digits.charAt(6) - '0';
        boolean replacement = day > 60;
        if (replacement) {
            day -= 60;
        }
        int year = century(seventh, yy) + yy;
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new ValidationException("cpr", "the first six digits must be a real date DDMMYY (day + 60 for replacement numbers)");
        }
        return new Cpr(digits, birth, replacement);
    }

    /** The century (1800, 1900 or 2000) of two-digit year {@code yy} given the seventh digit of the number. */
    static int century(int seventhDigit, int yy) {
        if (seventhDigit <= 3) {
            return 1900;
        }
        if (seventhDigit == 4 || seventhDigit == 9) {
            return yy <= 36 ? 2000 : 1900;
        }
        return yy <= 57 ? 2000 : 1800;
    }

    /** The full ten digits without hyphen. This is personal data: do not log it. */
    public String value() {
        return value;
    }

    /** The number as {@code DDMMYY-SSSS}. This is personal data: do not log it. */
    public String formatted() {
        return value.substring(0, 6) + "-" + value.substring(6);
    }

    /** The birth date encoded in the number (for replacement numbers with the 60 taken off the day). */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** Sex from the last digit: odd is male, even is female. */
    public Sex sex() {
        return (value.charAt(9) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Whether the weighted modulus-11 check (weights 4,3,2,7,6,5,4,3,2,1) holds; informative only. */
    public boolean passesModulus11() {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += WEIGHTS[i] * (value.charAt(i) - '0');
        }
        return sum % 11 == 0;
    }

    /** Whether this is a replacement number (erstatningspersonnummer): day of month plus 60. */
    public boolean isReplacementNumber() {
        return replacement;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cpr other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form {@code DDMMYY-****}; never the serial digits. */
    @Override
    public String toString() {
        return PersonalData.maskCpr(value);
    }
}
