package dk.rammearkitektur.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of log lines, exception messages and {@code toString()}.
 *
 * <p>A CPR number (personnummer) is shown as its birth date with the four serial digits masked:
 * {@code 010190-****}. {@link #maskCprNumbers(String)} finds CPR-shaped numbers in free text (ten digits, optionally
 * {@code DDMMYY-SSSS}, whose first six digits form a plausible date, including replacement numbers with day + 60)
 * that are not part of a longer run of letters or digits, and masks them. It errs on the side of masking.
 */
public final class PersonalData {
    /** The mask for the serial part. */
    public static final String MASK = "****";

    private static final Pattern CPR_IN_TEXT = Pattern.compile(
            "(?<![\\p{Alnum}_-])((?:[0-2]\\d|3[01]|[6-8]\\d|9[01])(?:0[1-9]|1[0-2])\\d{2})-?(\\d{4})(?![\\p{Alnum}_-]|-\\d)");

    private PersonalData() {
    }

    /**
     * Masks one CPR number given in either form. Anything that is not 10 digits (after removing one hyphen) is
     * masked entirely, so the result never reveals more than the birth date.
     */
    public static String maskCpr(String cpr) {
        if (cpr == null) {
            return "null";
        }
        String digits = cpr.length() == 11 && cpr.charAt(6) == '-' ? cpr.substring(0, 6) + cpr.substring(7) : cpr;
        if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "**********";
        }
        return digits.substring(0, 6) + "-" + MASK;
    }

    /** Returns {@code text} with every CPR-shaped number masked as {@code DDMMYY-****}; null stays null. */
    public static String maskCprNumbers(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        Matcher m = CPR_IN_TEXT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, m.group(1) + "-" + MASK);
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** True when {@code text} holds something {@link #maskCprNumbers(String)} would mask. */
    public static boolean containsCprNumber(String text) {
        return text != null && CPR_IN_TEXT.matcher(text).find();
    }
}
