package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A fixed set of Klassifikation keys (roles and object types of an index's relations) and the Klasse UUID of each:
 * the one implementation behind the public presets {@code IndexClasses} (SF1470) and {@code BenefitIndexClasses}
 * (SF1490), which differ only in their keys.
 */
public final class ClassVocabulary {
    private final Map<String, UUID> byKey;
    private final Map<UUID, String> byUuid;

    private ClassVocabulary(Map<String, UUID> byKey) {
        this.byKey = Map.copyOf(byKey);
        Map<UUID, String> reverse = new LinkedHashMap<>();
        byKey.forEach((k, u) -> reverse.putIfAbsent(u, k));
        this.byUuid = Map.copyOf(reverse);
    }

    /**
     * The classes from configuration: every one of {@code keys} to its Klasse UUID.
     *
     * @throws ValidationException at {@code classes.<key>} for each key missing
     */
    public static ClassVocabulary of(Set<String> keys, Map<String, UUID> classes) {
        Violations v = Violations.at("classes");
        if (v.require(classes != null, "", "must be set")) {
            for (String key : keys) {
                v.require(classes.get(key) != null, key, "must map to a Klasse UUID");
            }
        }
        v.throwIfAny();
        Map<String, UUID> needed = new LinkedHashMap<>();
        for (String key : keys) {
            needed.put(key, classes.get(key));
        }
        return new ClassVocabulary(needed);
    }

    /**
     * Looks every key up in Klassifikation: one {@code soeg} by key each, then one {@code list} of every UUID found,
     * keeping the class whose key matches exactly. A key two classes have is not guessed at: KOMBIT's sample names
     * two different classes "Primær klasse", so configure the UUIDs then.
     *
     * @throws ValidationException at {@code classes.<key>} for each key Klassifikation has no class for, or more
     *     than one
     */
    public static ClassVocabulary resolve(Set<String> keys, KlassifikationClient klassifikation) {
        Set<UUID> candidates = new LinkedHashSet<>();
        for (String key : keys) {
            candidates.addAll(klassifikation.search(key, null));
        }
        Map<String, UUID> found = new LinkedHashMap<>();
        Map<String, Set<UUID>> all = new LinkedHashMap<>();
        if (!candidates.isEmpty()) {
            List<UUID> ids = List.copyOf(candidates);
            for (int from = 0; from < ids.size(); from += KlassifikationClient.MAX_LIST) {
                for (Classification c : klassifikation.list(ids.subList(from,
                        Math.min(ids.size(), from + KlassifikationClient.MAX_LIST)))) {
                    found.putIfAbsent(c.key(), c.uuid());
                    all.computeIfAbsent(c.key(), k -> new LinkedHashSet<>()).add(c.uuid());
                }
            }
        }
        Violations v = Violations.at("classes");
        for (String key : keys) {
            if (v.require(found.containsKey(key), key, "Klassifikation has no class with this key")) {
                v.require(all.get(key).size() == 1, key, "Klassifikation has " + all.get(key).size()
                        + " classes with this key " + all.get(key) + "; configure the one to use");
            }
        }
        v.throwIfAny();
        found.keySet().retainAll(keys);
        return new ClassVocabulary(found);
    }

    /** The roles then the object types, each key once. */
    public static Set<String> keys(List<String> roles, List<String> objectTypes) {
        Set<String> all = new LinkedHashSet<>(roles);
        all.addAll(objectTypes);
        return all;
    }

    /** The Klasse UUID of {@code key}; an {@link IllegalArgumentException} for a key not in the set. */
    public UUID uuid(String key) {
        UUID u = byKey.get(key);
        if (u == null) {
            throw new IllegalArgumentException("no class for key " + key);
        }
        return u;
    }

    /** The key of a Klasse UUID, if it is one of these classes. */
    public Optional<String> key(UUID uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** Every key and its UUID. */
    public Map<String, UUID> asMap() {
        return byKey;
    }
}
