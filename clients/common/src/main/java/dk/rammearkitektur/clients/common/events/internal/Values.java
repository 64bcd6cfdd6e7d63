package dk.rammearkitektur.clients.common.events.internal;

import dk.rammearkitektur.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The value rules of the Beskedfordeler envelope, shared by the parser and the model's constructors: identifiers
 * ({@code sd:UnikIdType}: a UUID, kept in lower case, or a URN, kept as given) and text (only characters XML 1.0
 * allows). Every failure is a {@link ValidationException} naming the field path and the rule, never the value.
 */
public final class Values {
    /** The rule a {@code sd:UnikIdType} value breaks. */
    public static final String UNIK_ID_RULE = "must be a UUID or a URN (urn:NID:NSS)";

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern URN_TEXT = Pattern.compile(
            "[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[^\\s\\p{Cntrl}\\p{Cs}\\uFFFE\\uFFFF]+");

    private Values() {
    }

    /** True when {@code value} is a UUID in canonical form, in either case. */
    public static boolean isUuid(String value) {
        return value != null && UUID_TEXT.matcher(value).matches();
    }

    /** The UUID in {@code value} (surrounding white space ignored) in lower case. */
    public static String uuid(String value, String path) {
        String s = required(value, path).strip();
        if (!isUuid(s)) {
            throw new ValidationException(path, "must be a UUID");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** The URN in {@code value}, surrounding white space removed. */
    public static String urn(String value, String path) {
        String s = required(value, path).strip();
        if (!URN_TEXT.matcher(s).matches()) {
            throw new ValidationException(path, "must be a URN (urn:NID:NSS)");
        }
        return s;
    }

    /** A {@code sd:UnikIdType} value: a UUID in lower case, or a URN as given. */
    public static String unikId(String value, String path) {
        String s = required(value, path).strip();
        if (isUuid(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (!URN_TEXT.matcher(s).matches()) {
            throw new ValidationException(path, UNIK_ID_RULE);
        }
        return s;
    }

    /** Like {@link #unikId(String, String)}; null stays null. */
    public static String optionalUnikId(String value, String path) {
        return value == null ? null : unikId(value, path);
    }

    /** Every value checked with {@link #unikId(String, String)}, the index in the path. */
    public static List<String> unikIds(List<String> values, String path) {
        List<String> out = new ArrayList<>();
        List<String> in = list(values, path);
        for (int i = 0; i < in.size(); i++) {
            out.add(unikId(in.get(i), path + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /** An immutable copy of {@code values} (null is empty); a null element is refused with its index. */
    public static <T> List<T> list(List<T> values, String path) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ValidationException(path + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** Text that XML can carry; null stays null unless {@code required}, blank is refused when required. */
    public static String text(String value, String path, boolean required) {
        if (value == null) {
            return required ? required(null, path) : null;
        }
        if (required && value.isBlank()) {
            throw new ValidationException(path, "must not be blank");
        }
        if (!value.codePoints().allMatch(Values::isXmlChar)) {
            throw new ValidationException(path, "must hold only characters XML 1.0 allows");
        }
        return value;
    }

    /** {@code value}, or a violation {@code is required} when it is null. */
    public static <T> T required(T value, String path) {
        if (value == null) {
            throw new ValidationException(path, "is required");
        }
        return value;
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
