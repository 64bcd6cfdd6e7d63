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

    /** The same numbers wherever they stand, also glued to letters or other digits. */
    private static final Pattern CPR_ANYWHERE = Pattern.compile(
            "((?:[0-2]\\d|3[01]|[6-8]\\d|9[01])(?:0[1-9]|1[0-2])\\d{2})-?(\\d{4})");

    /** How deep a cause chain is looked at and copied (a chain can loop through two exceptions). */
    private static final int MAX_CAUSES = 20;

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
        return mask(CPR_IN_TEXT, text);
    }

    /**
     * Like {@link #maskCprNumbers(String)}, also where the number is glued to letters or digits: for text quoted from
     * a document, such as the element name in a parser's error message, where any name may carry a number.
     */
    public static String maskCprNumbersAnywhere(String text) {
        return mask(CPR_ANYWHERE, text);
    }

    /** {@code text} with every match of {@code cpr} (birth date in group 1) shown as {@code DDMMYY-****}. */
    private static String mask(Pattern cpr, String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        Matcher m = cpr.matcher(text);
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

    /**
     * {@code cause}, or, when a message in its chain holds a CPR-shaped number anywhere, a copy of the chain whose
     * messages are masked (each link names the original class and keeps its stack trace).
     */
    static Throwable withoutCprNumbers(Throwable cause) {
        boolean any = false;
        int depth = 0;
        for (Throwable t = cause; t != null && !any && depth++ <= MAX_CAUSES; t = t.getCause() == t ? null : t.getCause()) {
            any = t.getMessage() != null && CPR_ANYWHERE.matcher(t.getMessage()).find();
        }
        return any ? masked(cause, 0) : cause;
    }

    private static Throwable masked(Throwable t, int depth) {
        if (t == null || depth > MAX_CAUSES) {
            return null;
        }
        Throwable copy = new MaskedCause(t.getClass().getName() + ": " + maskCprNumbersAnywhere(t.getMessage()),
                t.getCause() == t ? null : masked(t.getCause(), depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** A cause whose message had a CPR number in it, masked. */
    private static final class MaskedCause extends Exception {
        private static final long serialVersionUID = 1L;

        MaskedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** True when {@code text} holds something {@link #maskCprNumbers(String)} would mask. */
    public static boolean containsCprNumber(String text) {
        return text != null && CPR_IN_TEXT.matcher(text).find();
    }
}
