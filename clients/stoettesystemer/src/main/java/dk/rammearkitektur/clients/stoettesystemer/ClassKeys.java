package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.stoettesystemer.internal.ClassVocabulary;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The lookups {@link IndexClasses} and {@link BenefitIndexClasses} share: key to Klasse UUID and back. */
abstract class ClassKeys {
    private final ClassVocabulary classes;

    ClassKeys(ClassVocabulary classes) {
        this.classes = classes;
    }

    /**
     * The Klasse UUID of {@code key}.
     *
     * @throws IllegalArgumentException for a key that is not one of these classes
     */
    public UUID uuid(String key) {
        return classes.uuid(key);
    }

    /** The key of a Klasse UUID, if it is one of these classes. */
    public Optional<String> key(UUID uuid) {
        return classes.key(uuid);
    }

    /** Every key and its UUID. */
    public Map<String, UUID> asMap() {
        return classes.asMap();
    }
}
