package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.sso.internal.SsoTexts;
import java.util.Arrays;
import java.util.List;

/**
 * A sensitivity constraint (følsomhed): the sensitivity levels of the cases the role may be used for.
 *
 * <p>No source found defines the values or an order between them; the one example seen is {@code 3}. The SDK's
 * choice: each value is an opaque token and a case's sensitivity is allowed when it equals one of them exactly
 * (case-sensitive). No ordering is assumed, so {@code 3} does not allow {@code 2}: a fagsystem whose levels are
 * ordered writes every level it grants.
 *
 * @param values the sensitivity levels as written
 */
public record SensitivityConstraint(List<String> values) implements DataConstraint {
    /** Validates the values. */
    public SensitivityConstraint {
        values = SsoTexts.requireTokens(values, "value");
    }

    /** A constraint of these levels. */
    public static SensitivityConstraint of(String... levels) {
        return new SensitivityConstraint(Arrays.asList(levels));
    }

    @Override
    public String name() {
        return SENSITIVITY;
    }

    /** Whether a case of sensitivity {@code level} is allowed. */
    public boolean allows(String level) {
        return values.contains(level);
    }
}
