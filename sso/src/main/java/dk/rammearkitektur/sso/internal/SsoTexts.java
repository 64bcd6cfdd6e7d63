package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks and splits of the text values in a privilege list. Not API. */
public final class SsoTexts {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SsoTexts() {
    }

    /**
     * Splits a constraint's text at commas, trims every part and drops empty ones ({@code "a, b,,c"} gives a, b, c).
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(",", -1)) {
            String t = part.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** True when {@code s} is a UUID written 8-4-4-4-12 in hexadecimal digits. */
    public static boolean isUuid(String s) {
        return s != null && UUID_TEXT.matcher(s).matches();
    }

    /**
     * Requires a text that can be written into XML and read back unchanged: not null, not blank, no leading or
     * trailing white space, only characters XML 1.0 allows and no other control characters, and (when
     * {@code allowComma} is false) no comma.
     */
    public static String requireToken(String value, String path, boolean allowComma) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(path, "must not be blank");
        }
        if (!value.equals(value.strip())) {
            throw new ValidationException(path, "must not start or end with white space");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogate(value, i) || c == '\uFFFE'
                    || c == '\uFFFF') {
                throw new ValidationException(path, "must not contain control or non-XML characters");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
            if (c == ',' && !allowComma) {
                throw new ValidationException(path, "must not contain a comma (commas separate constraint values)");
            }
        }
        return value;
    }

    private static boolean validSurrogate(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** Requires a non-empty list of tokens and returns an unmodifiable copy. */
    public static List<String> requireTokens(List<String> values, String path) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException(path, "must hold at least one value");
        }
        List<String> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            copy.add(requireToken(values.get(i), path + "[" + i + "]", false));
        }
        return List.copyOf(copy);
    }
}
