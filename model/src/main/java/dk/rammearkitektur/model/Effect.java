package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;

/**
 * A value with the period in which it holds in the real world (virkning), as recorded by one registration.
 *
 * @param validity when the value holds
 * @param value the value, e.g. a {@link Case} or a {@link Person}
 * @param <T> the value type
 */
public record Effect<T>(Validity validity, T value) {
    /** Checks both are present; paths under {@code effect}. */
    public Effect {
        Violations v = Violations.at("effect");
        Checks.required(v, "validity", validity);
        Checks.required(v, "value", value);
        v.throwIfAny();
    }

    /** Static factory. */
    public static <T> Effect<T> of(Validity validity, T value) {
        return new Effect<>(validity, value);
    }
}
