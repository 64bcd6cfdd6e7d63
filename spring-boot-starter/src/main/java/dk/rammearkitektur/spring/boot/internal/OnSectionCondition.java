package dk.rammearkitektur.spring.boot.internal;

import dk.rammearkitektur.spring.boot.RammearkitekturProperties;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnSection}. */
final class OnSectionCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String section = (String) metadata.getAnnotationAttributes(ConditionalOnSection.class.getName()).get("value");
        String prefix = RammearkitekturProperties.PREFIX + "." + section;
        if ("false".equalsIgnoreCase(context.getEnvironment().getProperty(prefix + ".enabled"))) {
            return ConditionOutcome.noMatch(prefix + ".enabled is false");
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return ConditionOutcome.match("section " + prefix + " is present");
            }
        }
        return ConditionOutcome.noMatch("no property under " + prefix);
    }
}
