package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;

/**
 * A code from a named classification (klassifikation), e.g. a benefit type from the municipality's catalogue.
 *
 * @param scheme the classification the code belongs to, e.g. {@code KL-ydelser}
 * @param code the code within that classification
 */
public record ClassificationCode(String scheme, String code) {
    /** Validates both parts (non-blank, at most 100 characters); paths under {@code classification}. */
    public ClassificationCode {
        Violations v = Violations.at("classification");
        Checks.text(v, "scheme", scheme, 100);
        Checks.text(v, "code", code, 100);
        v.throwIfAny();
    }

    /** Static factory. */
    public static ClassificationCode of(String scheme, String code) {
        return new ClassificationCode(scheme, code);
    }
}
