package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.internal.SsoTexts;
import java.util.Arrays;
import java.util.List;

/**
 * A constraint whose name the SDK does not know, kept with its values split at commas. The access check treats it as
 * a set of allowed values for a dimension the request names with {@link AccessRequest#other(String, String)}; a
 * request that does not name it is refused (the SDK's choice: a constraint that cannot be checked does not grant).
 *
 * @param name the constraint's {@code Name}
 * @param values the values as written
 */
public record RawConstraint(String name, List<String> values) implements DataConstraint {
    /** Validates the name and values. */
    public RawConstraint {
        SsoTexts.requireToken(name, "name", true);
        if (DataConstraint.KLE.equals(name) || DataConstraint.ORG_UNIT.equals(name)
                || DataConstraint.SENSITIVITY.equals(name) || DataConstraint.IT_SYSTEM.equals(name)) {
            throw new ValidationException("name", "is a known constraint; use its typed class");
        }
        values = SsoTexts.requireTokens(values, "value");
    }

    /** A constraint of this name and these values. */
    public static RawConstraint of(String name, String... values) {
        return new RawConstraint(name, Arrays.asList(values));
    }

    /** Whether {@code value} is one of the values. */
    public boolean allows(String value) {
        return values.contains(value);
    }
}
