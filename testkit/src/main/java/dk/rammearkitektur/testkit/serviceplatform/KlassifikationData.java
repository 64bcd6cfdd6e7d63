package dk.rammearkitektur.testkit.serviceplatform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes (Klasser) the simulated Klassifikation (SF1510 KlasseService 7) serves; add classes per test with
 * {@link #add}. The seed ({@link #seeded()}) holds a handful of KLE subjects and action facets. Taken from a
 * published source (KOMBIT's sample {@code kombit/kosdy_infrastructureSamples-java}, {@code client.properties}): the
 * keys {@code 32.03.04} (title "Folkepension"), {@code 27.35.04} and {@code G01}, and the facet names "KLE Emneplan"
 * and "KLE - handlingsfacet". The other keys ({@code 32.18.00}, {@code 32.18.02}, {@code K07}) have KLE's form, and
 * they and every other title are the simulator's seed, not checked against KLE; every UUID is the simulator's own
 * (name-based), not Klassifikation's. The seed also holds the Sags- og Dokumentindeks vocabulary: one class per
 * relation role ({@link #ROLES}, facet {@link #ROLE_FACET}) and per object type ({@link #OBJECT_TYPES}, facet
 * {@link #OBJECT_TYPE_FACET}), keyed by the name as KOMBIT's anvisninger write it (the SDK's agreement; the real
 * classes' keys are not published), and the Ydelsesindeks (SF1490) roles and object type of the same agreement.
 */
public final class KlassifikationData {
    /** The simulator's UUID of the facet "KLE Emneplan" (subjects). */
    public static final UUID SUBJECT_FACET = uuid("facet-kle-emneplan");
    /** The simulator's UUID of the facet "KLE - handlingsfacet" (action facets). */
    public static final UUID ACTION_FACET = uuid("facet-kle-handlingsfacet");
    /**
     * The simulator's UUID of the facet "Relationsrolle": the role classes of the Sags- og Dokumentindeks relations
     * (key = the role name as KOMBIT's anvisninger write it, e.g. "Ejer", "Primær klasse"; see {@link #roleUuid}).
     */
    public static final UUID ROLE_FACET = uuid("facet-relationsrolle");
    /**
     * The simulator's UUID of the facet "Objekttype": the object-type classes of the index relations (key = the type
     * as the anvisninger write it, e.g. "Organisation", "OrgEnhed", "IT-system"; see {@link #objectTypeUuid}).
     */
    public static final UUID OBJECT_TYPE_FACET = uuid("facet-objekttype");
    /**
     * The role names seeded in {@link #ROLE_FACET}: the Sag and Dokument relation roles of the anvisninger, then the
     * Ydelsesindeks roles of the SDK's vocabulary agreement ({@code Tilknyttet}, {@code Bevillingsmodtager},
     * {@code DelAf}, {@code Udbetalende enhed}, {@code Effektueringsmodtager}).
     */
    public static final List<String> ROLES = List.of("Ejer", "Ansvarlig", "Primær behandler", "Andre behandlere",
            "Udlånt til", "Bopælskommune", "Primær part", "Sekundær part", "Ydelsesmodtager", "Primær klasse",
            "Opgaveklasse", "Handlingsklasse", "Kontoklasse", "Sikkerhedsklasse", "Følsomhedsklasse", "Indsatsklasse",
            "Ydelsesklasse", "Kontroltemaklasse", "Visningsklasse", "Afgørelsesklasse", "Oversag", "Præcedens",
            "Andre sager", "Afgiftsobjekt", "Ejendomsskat", "Byggeri", "Fredning", "Tilakteret", "Vedlagt",
            "Journalnotat", "Master", "Afsender", "Besvarelser", "Udgangspunkter", "NyRevision", "Kommentarer", "Bilag",
            "Andre dokumenter", "Fordelt til", "Parter", "Kopiparter", "Andre klasser", "Adgang",
            // the Ydelsesindeks (SF1490) roles of the SDK's vocabulary agreement (grants and payments)
            "Tilknyttet", "Bevillingsmodtager", "DelAf", "Udbetalende enhed", "Effektueringsmodtager");
    /**
     * The object types seeded in {@link #OBJECT_TYPE_FACET} (the last, {@code Økonomisk Ydelseseffektuering}, for
     * SF1490).
     */
    public static final List<String> OBJECT_TYPES = List.of("Organisation", "OrgEnhed", "Bruger", "Person",
            "Virksomhed", "Klasse", "Dokument", "IT-system", "Sag", "Køretøj", "Ejendom", "Bygning", "Enhed", "Matrikel",
            "Teknisk anlæg", "Sted", "Adresse", "Navngiven vej", "Stednavn", "Jordstykke", "Geokode",
            "Økonomisk Ydelseseffektuering");
    /** The start of the seeded classes' published validity. */
    public static final Instant SINCE = Instant.parse("2015-01-01T00:00:00Z");

    /**
     * One class as the simulator serves it.
     *
     * @param uuid the class's UUID
     * @param key the user-facing key (BrugervendtNoegle)
     * @param title the title
     * @param facet the UUID of the facet it belongs to
     * @param validFrom the start of its published validity
     * @param validTo the end of its published validity, or null when open
     */
    public record Klasse(UUID uuid, String key, String title, UUID facet, Instant validFrom, Instant validTo) {
        /** Checks that all but validTo are set. */
        public Klasse {
            Objects.requireNonNull(uuid, "uuid == null");
            Objects.requireNonNull(key, "key == null");
            Objects.requireNonNull(title, "title == null");
            Objects.requireNonNull(facet, "facet == null");
            Objects.requireNonNull(validFrom, "validFrom == null");
        }
    }

    private final Map<UUID, Klasse> classes = new ConcurrentHashMap<>();

    /** An empty register. */
    public KlassifikationData() {
    }

    /** The seeded register (see the class comment for what is sourced). */
    public static KlassifikationData seeded() {
        KlassifikationData d = new KlassifikationData();
        d.subject("32.03.04", "Folkepension");
        d.subject("27.35.04", "Forebyggende hjemmebesøg");
        d.subject("32.18.00", "Sygedagpenge i almindelighed");
        d.subject("32.18.02", "Sygedagpenge, lønmodtagere");
        d.actionFacet("G01", "Generelle sager");
        d.actionFacet("K07", "Klager");
        for (String role : ROLES) {
            d.add(new Klasse(roleUuid(role), role, role, ROLE_FACET, SINCE, null));
        }
        for (String type : OBJECT_TYPES) {
            d.add(new Klasse(objectTypeUuid(type), type, type, OBJECT_TYPE_FACET, SINCE, null));
        }
        return d;
    }

    /** Adds a KLE subject with a name-based UUID; returns the class. */
    public Klasse subject(String key, String title) {
        return add(new Klasse(subjectUuid(key), key, title, SUBJECT_FACET, SINCE, null));
    }

    /** Adds an action facet with a name-based UUID; returns the class. */
    public Klasse actionFacet(String key, String title) {
        return add(new Klasse(actionFacetUuid(key), key, title, ACTION_FACET, SINCE, null));
    }

    /** Adds (or replaces, by UUID) a class; returns it. */
    public Klasse add(Klasse klasse) {
        classes.put(klasse.uuid(), Objects.requireNonNull(klasse, "klasse == null"));
        return klasse;
    }

    /** Removes a class. */
    public void remove(UUID uuid) {
        classes.remove(uuid);
    }

    /** The class with {@code uuid}. */
    public Optional<Klasse> get(UUID uuid) {
        return Optional.ofNullable(classes.get(uuid));
    }

    /** The classes whose key is {@code key} (and whose facet is {@code facet} when not null), by key then UUID. */
    public List<Klasse> find(String key, UUID facet) {
        List<Klasse> out = new ArrayList<>();
        for (Klasse k : classes.values()) {
            if (k.key().equals(key) && (facet == null || facet.equals(k.facet()))) {
                out.add(k);
            }
        }
        out.sort(java.util.Comparator.comparing(Klasse::uuid));
        return out;
    }

    /** The UUID of the seeded role class {@code role} (facet {@link #ROLE_FACET}), e.g. {@code roleUuid("Ejer")}. */
    public static UUID roleUuid(String role) {
        return uuid("relationsrolle-" + role);
    }

    /** The UUID of the seeded object-type class {@code type} (facet {@link #OBJECT_TYPE_FACET}). */
    public static UUID objectTypeUuid(String type) {
        return uuid("objekttype-" + type);
    }

    /** The UUID of the seeded KLE subject {@code key} (e.g. {@code 32.18.02}), as {@link #subject} names it. */
    public static UUID subjectUuid(String key) {
        return uuid("kle-" + key);
    }

    /** The UUID of the seeded action facet {@code key} (e.g. {@code G01}), as {@link #actionFacet} names it. */
    public static UUID actionFacetUuid(String key) {
        return uuid("handlingsfacet-" + key);
    }

    /** The simulator's name-based UUID for {@code name}. */
    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("klassifikation-" + name).getBytes(StandardCharsets.UTF_8));
    }
}
