package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.stoettesystemer.internal.ClassVocabulary;
import dk.rammearkitektur.core.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Klassifikation classes the Sags- og Dokumentindeks's relations name as role and object type. KOMBIT's rules
 * (Vejledning til anvisninger for Indeksene, 6.1.1 and 9.3) say both are UUIDs of classes in STS Klassifikation; the
 * rules do not publish those UUIDs or their keys, so this SDK looks each one up by its key, which it takes to be the
 * name the rules use ({@code Ejer}, {@code Primær part}, {@code OrgEnhed}, ...): that reading is the SDK's choice.
 * {@link #resolve(KlassifikationClient)} looks them up; {@link #of(Map)} takes them from configuration.
 */
public final class IndexClasses extends ClassKeys {
    /** The role keys the SDK's case mapping uses. */
    public static final List<String> ROLES = List.of("Ejer", "Ansvarlig", "Primær behandler", "Primær part",
            "Sekundær part", "Primær klasse", "Handlingsklasse", "Tilakteret", "Vedlagt", "Master", "Afsender");
    /** The object type keys the SDK's case mapping uses. */
    public static final List<String> OBJECT_TYPES = List.of("Organisation", "OrgEnhed", "Bruger", "Person",
            "Virksomhed", "Klasse", "Dokument", "IT-system");
    private static final Set<String> KEYS = ClassVocabulary.keys(ROLES, OBJECT_TYPES);

    private IndexClasses(ClassVocabulary classes) {
        super(classes);
    }

    /**
     * The classes from configuration: every key of {@link #ROLES} and {@link #OBJECT_TYPES} to its Klasse UUID.
     *
     * @throws ValidationException at {@code classes.<key>} for each key missing
     */
    public static IndexClasses of(Map<String, UUID> classes) {
        return new IndexClasses(ClassVocabulary.of(KEYS, classes));
    }

    /**
     * Looks every key up in Klassifikation: one {@code soeg} by key each, then one {@code list} of every UUID found,
     * keeping the class whose key matches exactly.
     *
     * @throws ValidationException at {@code classes.<key>} for each key Klassifikation has no class for
     */
    public static IndexClasses resolve(KlassifikationClient klassifikation) {
        return new IndexClasses(ClassVocabulary.resolve(KEYS, klassifikation));
    }
}
