package dk.rammearkitektur.model.internal;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.Violations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Shared field rules of the model; internal, not part of the API. */
public final class Checks {
    /** Earliest date and instant the model accepts (both serialisations can carry it). */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** Latest date and instant the model accepts. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private Checks() {
    }

    /** Records a violation unless {@code value} is present, not blank, at most {@code max} chars and XML-safe. */
    public static boolean text(Violations v, String field, String value, int max) {
        if (value == null) {
            v.add(field, "is required");
            return false;
        }
        return optionalText(v, field, value, max);
    }

    /** Like {@link #text} but {@code null} is allowed. */
    public static boolean optionalText(Violations v, String field, String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.isBlank()) {
            v.add(field, "must not be blank");
            return false;
        }
        if (value.length() > max) {
            v.add(field, "must be at most " + max + " characters");
            return false;
        }
        if (!isLegalText(value)) {
            v.add(field, "must not contain control characters other than tab and line breaks");
            return false;
        }
        return true;
    }

    /** True when every character can be carried by XML 1.0 and JSON without change. */
    public static boolean isLegalText(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue;
            }
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            } else if (c >= 0xE000) {
                if (c >= 0xFFFE) {
                    return false;
                }
            } else if (c <= 0xDBFF && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} has only ASCII digits from {@code from} (inclusive) to {@code to} (exclusive). */
    public static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} is exactly {@code length} ASCII digits. */
    public static boolean digits(String s, int length) {
        return s.length() == length && digits(s, 0, length);
    }

    /** The non-negative number written by the ASCII digits of {@code s} from {@code from} to {@code to}. */
    public static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** True when every character is an ASCII letter from {@code first} to {@code last}. */
    public static boolean allInRange(String s, char first, char last) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < first || c > last) {
                return false;
            }
        }
        return true;
    }

    /** Records a violation unless {@code value} is present. */
    public static boolean required(Violations v, String field, Object value) {
        return v.require(value != null, field, "is required");
    }

    /** Records a violation unless the date is present and within years 1 to 9999. */
    public static boolean date(Violations v, String field, LocalDate value) {
        if (!required(v, field, value)) {
            return false;
        }
        return v.require(!value.isBefore(MIN_DATE) && !value.isAfter(MAX_DATE), field, "must be within the years 1 to 9999");
    }

    /** Records a violation unless the instant is present and within years 1 to 9999 (UTC). */
    public static boolean instant(Violations v, String field, Instant value) {
        if (!required(v, field, value)) {
            return false;
        }
        return v.require(!value.isBefore(MIN_INSTANT) && value.isBefore(MAX_INSTANT), field,
                "must be within the years 1 to 9999");
    }

    /**
     * Records a violation for every null element and every element whose key was seen before; returns the keys.
     */
    public static <T, K> Set<K> uniqueElements(Violations v, String field, List<T> list, Function<T, K> key, String what) {
        Set<K> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            T element = list.get(i);
            if (element == null) {
                v.add(field + "[" + i + "]", "must not be null");
            } else if (!seen.add(key.apply(element))) {
                v.add(field + "[" + i + "]", "duplicate " + what);
            }
        }
        return seen;
    }

    /** Null-tolerant list copy that keeps null elements, so that they can be reported by the validation. */
    public static <T> List<T> copy(List<T> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    /** Unmodifiable copy of a list already checked to hold no nulls. */
    public static <T> List<T> freeze(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * The violations of {@code e} with the leading {@code root} segment removed, so that they can be put under another
     * path. A violation at the root itself gets the path {@code $}.
     */
    public static List<Violation> relative(ValidationException e, String root) {
        Objects.requireNonNull(root, "root == null");
        List<Violation> out = new ArrayList<>();
        for (Violation violation : e.violations()) {
            String p = violation.path();
            String rel;
            if (p.equals(root)) {
                rel = "$";
            } else if (p.startsWith(root + ".")) {
                rel = p.substring(root.length() + 1);
            } else if (p.startsWith(root + "[")) {
                rel = p.substring(root.length());
            } else {
                rel = p;
            }
            out.add(Violation.of(rel, violation.rule()));
        }
        return out;
    }
}
