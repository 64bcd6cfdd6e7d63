package dk.rammearkitektur.spring.boot.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when at least one property under {@code rammearkitektur.<value>} is set (in any relaxed form: yaml,
 * properties, environment variables) and {@code rammearkitektur.<value>.enabled} is not {@code false}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnSectionCondition.class)
public @interface ConditionalOnSection {
    /** The section's name under {@code rammearkitektur}, e.g. {@code klassifikation}. */
    String value();
}
