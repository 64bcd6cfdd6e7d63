package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.sso.internal.SsoTexts;
import java.util.Arrays;
import java.util.List;

/**
 * An IT-system constraint: the IT systems the role may be used in. The SDK's choice: each value is an opaque
 * identifier, matched exactly.
 *
 * @param values the IT-system identifiers as written
 */
public record ItSystemConstraint(List<String> values) implements DataConstraint {
    /** Validates the values. */
    public ItSystemConstraint {
        values = SsoTexts.requireTokens(values, "value");
    }

    /** A constraint of these systems. */
    public static ItSystemConstraint of(String... systems) {
        return new ItSystemConstraint(Arrays.asList(systems));
    }

    @Override
    public String name() {
        return IT_SYSTEM;
    }

    /** Whether {@code system} is one of the systems. */
    public boolean allows(String system) {
        return values.contains(system);
    }
}
