package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.stoettesystemer.internal.ClassVocabulary;
import dk.rammearkitektur.core.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Klassifikation classes the Ydelsesindeks's (SF1490) relations name as role and object type, as
 * {@link IndexClasses} is for the Sags- og Dokumentindeks: Klasse UUIDs (Vejledning til anvisninger for Indeksene,
 * 6.1.1 and 9.3, written for both indexes) looked up by key. The keys ({@code Bevillingsmodtager}, {@code DelAf},
 * {@code Udbetalende enhed}, ...) are the names the SDK takes from the rules and KOMBIT's Ydelse sample: the SDK's
 * choice, since no published list names them. {@link #resolve(KlassifikationClient)} looks them up; {@link #of(Map)}
 * takes them from configuration.
 */
public final class BenefitIndexClasses extends ClassKeys {
    /** The role keys the SDK's grant and payment mapping uses. */
    public static final List<String> ROLES = List.of("Ejer", "Ansvarlig", "Ydelsesmodtager", "Bevillingsmodtager",
            "Tilknyttet", "Ydelsesklasse", "Primær klasse", "Master", "Afsender", "DelAf", "Udbetalende enhed",
            "Effektueringsmodtager");
    /** The object type keys the SDK's grant and payment mapping uses. */
    public static final List<String> OBJECT_TYPES = List.of("Organisation", "OrgEnhed", "Person", "Virksomhed",
            "Klasse", "IT-system", "Sag", "Økonomisk Ydelseseffektuering");
    private static final Set<String> KEYS = ClassVocabulary.keys(ROLES, OBJECT_TYPES);

    private BenefitIndexClasses(ClassVocabulary classes) {
        super(classes);
    }

    /**
     * The classes from configuration: every key of {@link #ROLES} and {@link #OBJECT_TYPES} to its Klasse UUID.
     *
     * @throws ValidationException at {@code classes.<key>} for each key missing
     */
    public static BenefitIndexClasses of(Map<String, UUID> classes) {
        return new BenefitIndexClasses(ClassVocabulary.of(KEYS, classes));
    }

    /**
     * Looks every key up in Klassifikation: one {@code soeg} by key each, then one {@code list} of every UUID found,
     * keeping the class whose key matches exactly.
     *
     * @throws ValidationException at {@code classes.<key>} for each key Klassifikation has no class for
     */
    public static BenefitIndexClasses resolve(KlassifikationClient klassifikation) {
        return new BenefitIndexClasses(ClassVocabulary.resolve(KEYS, klassifikation));
    }
}
