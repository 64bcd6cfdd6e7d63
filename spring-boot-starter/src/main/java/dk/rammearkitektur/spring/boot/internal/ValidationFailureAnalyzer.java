package dk.rammearkitektur.spring.boot.internal;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link ValidationException} thrown while a client was built: one line per violation with the
 * {@code rammearkitektur.*} property key (where the SDK's field path maps to one), the SDK's path and the rule.
 */
public final class ValidationFailureAnalyzer extends AbstractFailureAnalyzer<ValidationException> {
    /** Created by Spring Boot from {@code META-INF/spring.factories}. */
    public ValidationFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ValidationException cause) {
        StringBuilder description = new StringBuilder("A rammearkitektur client could not be configured:\n");
        for (Violation v : cause.violations()) {
            String key = PropertyKeys.of(v.path());
            description.append("\n    ");
            if (key == null) {
                description.append(v.path()).append(": ").append(v.rule());
            } else if (key.equals(v.path())) {
                description.append("Property: ").append(key).append("\n    Reason: ").append(v.rule());
            } else {
                description.append("Property: ").append(key).append(" (").append(v.path()).append(")")
                        .append("\n    Reason: ").append(v.rule());
            }
            description.append('\n');
        }
        return new FailureAnalysis(description.toString(),
                "Correct the rammearkitektur.* properties named above (docs/spring-boot.md lists every key).", cause);
    }
}
