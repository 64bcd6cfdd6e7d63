package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Klassifikation classes the Sags- og Dokumentindeks's relations name as role and object type. KOMBIT's rules
 * (Vejledning til anvisninger for Indeksene, 6.1.1 and 9.3) say both are UUIDs of classes in STS Klassifikation; the
 * rules do not publish those UUIDs or their keys, so this SDK looks each one up by its key, which it takes to be the
 * name the rules use ({@code Ejer}, {@code Primær part}, {@code OrgEnhed}, ...): that reading is the SDK's choice.
 * {@link #resolve(KlassifikationClient)} looks them up; {@link #of(Map)} takes them from configuration.
 */
public final class IndexClasses {
    /** The role keys the SDK's case mapping uses. */
    public static final List<String> ROLES = List.of("Ejer", "Ansvarlig", "Primær behandler", "Primær part",
            "Sekundær part", "Primær klasse", "Handlingsklasse", "Tilakteret", "Vedlagt", "Master", "Afsender");
    /** The object type keys the SDK's case mapping uses. */
    public static final List<String> OBJECT_TYPES = List.of("Organisation", "OrgEnhed", "Bruger", "Person",
            "Virksomhed", "Klasse", "Dokument", "IT-system");

    private final Map<String, UUID> byKey;
    private final Map<UUID, String> byUuid;

    private IndexClasses(Map<String, UUID> byKey) {
        this.byKey = Map.copyOf(byKey);
        Map<UUID, String> reverse = new LinkedHashMap<>();
        byKey.forEach((k, u) -> reverse.putIfAbsent(u, k));
        this.byUuid = Map.copyOf(reverse);
    }

    /**
     * The classes from configuration: every key of {@link #ROLES} and {@link #OBJECT_TYPES} to its Klasse UUID.
     *
     * @throws ValidationException at {@code classes.<key>} for each key missing
     */
    public static IndexClasses of(Map<String, UUID> classes) {
        Violations v = Violations.at("classes");
        if (v.require(classes != null, "", "must be set")) {
            for (String key : keys()) {
                v.require(classes.get(key) != null, key, "must map to a Klasse UUID");
            }
        }
        v.throwIfAny();
        Map<String, UUID> needed = new LinkedHashMap<>();
        for (String key : keys()) {
            needed.put(key, classes.get(key));
        }
        return new IndexClasses(needed);
    }

    /**
     * Looks every key up in Klassifikation: one {@code soeg} by key each, then one {@code list} of every UUID found,
     * keeping the class whose key matches exactly.
     *
     * @throws ValidationException at {@code classes.<key>} for each key Klassifikation has no class for
     */
    public static IndexClasses resolve(KlassifikationClient klassifikation) {
        java.util.Set<UUID> candidates = new java.util.LinkedHashSet<>();
        for (String key : keys()) {
            candidates.addAll(klassifikation.search(key, null));
        }
        Map<String, UUID> found = new LinkedHashMap<>();
        if (!candidates.isEmpty()) {
            List<UUID> ids = List.copyOf(candidates);
            for (int from = 0; from < ids.size(); from += KlassifikationClient.MAX_LIST) {
                for (Classification c : klassifikation.list(ids.subList(from,
                        Math.min(ids.size(), from + KlassifikationClient.MAX_LIST)))) {
                    found.putIfAbsent(c.key(), c.uuid());
                }
            }
        }
        Violations v = Violations.at("classes");
        for (String key : keys()) {
            v.require(found.containsKey(key), key, "Klassifikation has no class with this key");
        }
        v.throwIfAny();
        found.keySet().retainAll(keys());
        return new IndexClasses(found);
    }

    private static Set<String> keys() {
        Set<String> all = new java.util.LinkedHashSet<>(ROLES);
        all.addAll(OBJECT_TYPES);
        return all;
    }

    /** The Klasse UUID of {@code key}. */
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
