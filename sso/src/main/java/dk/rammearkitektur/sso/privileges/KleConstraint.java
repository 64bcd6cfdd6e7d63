package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.sso.internal.SsoTexts;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A KLE constraint: the KLE subjects the role may be used for. Each value is a KLE number ({@code dd}, {@code dd.dd}
 * or {@code dd.dd.dd}), or a prefix {@code dd.*} or {@code dd.dd.*}; {@value #MATCHES_NOTHING} is the sentinel
 * OS2rollekatalog writes for "no subject at all", and matches nothing.
 *
 * <p>The SDK's choice of matching (no source says more): a number matches only the same number; a prefix matches the
 * number it names and every number under it ({@code 32.30.*} matches {@code 32.30} and {@code 32.30.05}). A case's
 * handling facet ({@code G01}) plays no part.
 *
 * @param values the values as written
 */
public record KleConstraint(List<String> values) implements DataConstraint {
    /** The value OS2rollekatalog writes when no KLE subject is granted. */
    public static final String MATCHES_NOTHING = "99.99.99";
    private static final Pattern VALUE = Pattern.compile("\\d{2}(\\.\\d{2}){0,2}|\\d{2}(\\.\\d{2})?\\.\\*");

    /** Validates every value. */
    public KleConstraint {
        values = SsoTexts.requireTokens(values, "value");
        for (int i = 0; i < values.size(); i++) {
            if (!VALUE.matcher(values.get(i)).matches()) {
                throw new ValidationException("value[" + i + "]",
                        "a KLE value must be dd, dd.dd or dd.dd.dd, or a prefix dd.* or dd.dd.*");
            }
        }
    }

    /** A KLE constraint of these values. */
    public static KleConstraint of(String... values) {
        return new KleConstraint(Arrays.asList(values));
    }

    @Override
    public String name() {
        return KLE;
    }

    /** True when the only values are the {@value #MATCHES_NOTHING} sentinel. */
    public boolean matchesNothing() {
        return values.stream().allMatch(MATCHES_NOTHING::equals);
    }

    /** Whether a case classified {@code kle} (facet ignored) is within this constraint. */
    public boolean covers(KleNumber kle) {
        if (kle == null) {
            throw new ValidationException("kle", "is required");
        }
        String number = kle.number();
        for (String v : values) {
            if (MATCHES_NOTHING.equals(v)) {
                continue;
            }
            if (v.endsWith(".*")) {
                String prefix = v.substring(0, v.length() - 2);
                if (number.equals(prefix) || number.startsWith(prefix + ".")) {
                    return true;
                }
            } else if (number.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
