package dk.rammearkitektur.testkit.serviceplatform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * What the simulated Sags- og Dokumentindeks (SF1470) holds: cases (Sag) and documents (Dokument) by UUID, stored
 * bitemporally. Every accepted {@code importer} or {@code opdater} adds a {@link Registration} stamped with the
 * simulator's clock and keeps the earlier ones; relations and states keep their own {@link Virkning}. Also the
 * IT systems (Fælleskommunalt Administrationsmodul) that IT-system relations may name ({@link #SEEDED_MASTER_SYSTEM},
 * {@link #SEEDED_SENDER_SYSTEM}; add more with {@link #addItSystem}). Thread-safe; tests read it through
 * {@link ServiceplatformSimulator#sagDokumentIndeks()}.
 */
public final class SagDokumentIndeksData extends LoraIndexStore<SagDokumentIndeksData.IndexObject,
        SagDokumentIndeksData.Registration, SagDokumentIndeksData.Kind> {
    /** A seeded IT system (name "Simuleret fagsystem") for the Master role. */
    public static final UUID SEEDED_MASTER_SYSTEM = UUID.fromString("5d1b7c2a-4e3f-4a6b-9c8d-0e1f2a3b4c01");
    /** A seeded IT system (name "Simuleret afsendersystem") for the Afsender role. */
    public static final UUID SEEDED_SENDER_SYSTEM = UUID.fromString("5d1b7c2a-4e3f-4a6b-9c8d-0e1f2a3b4c02");

    /** Whether an object is a case or a document. */
    public enum Kind {
        /** A case (SagIndeks). */
        SAG,
        /** A document (DokumentIndeks). */
        DOKUMENT
    }

    /**
     * A validity interval.
     *
     * @param from the start (inclusive)
     * @param to the end (exclusive), or null for infinite (GraenseIndikator)
     */
    public record Virkning(Instant from, Instant to) {
        /** True when the interval has no end. */
        public boolean open() {
            return to == null;
        }

        /** True when {@code t} lies in the interval. */
        public boolean contains(Instant t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    /**
     * A state (Fremdrift) with its validity.
     *
     * @param code the FremdriftStatusKode, e.g. {@code Opstaaet}
     * @param virkning its validity
     */
    public record State(String code, Virkning virkning) {
    }

    /**
     * One relation as stored: its relation type (the XSD element, e.g. {@code Sagsaktoer}, {@code Sagspart},
     * {@code SagsitsystemRelation}), role and object type (Klasse UUIDs and their keys), Indeks, ReferenceID (a UUID
     * or URN as text) and validity.
     *
     * @param relationType the element name of the relation
     * @param role the Rolle class UUID
     * @param roleName the role class's key, e.g. {@code Ejer}
     * @param objectType the Type class UUID
     * @param objectTypeName the type class's key, e.g. {@code Organisation}
     * @param indeks the Indeks, or null
     * @param reference the ReferenceID (UUID or URN)
     * @param virkning its validity
     * @param xml the relation element as sent (in the simulator's own document; its extensions such as SystemNavn
     *     are answered from it, its Virkning from {@code virkning})
     */
    public record Relation(String relationType, UUID role, String roleName, UUID objectType, String objectTypeName,
            String indeks, String reference, Virkning virkning, Element xml) {
        /** The relation's key, relationstype-rolle-indeks (indeks empty when absent). */
        public String key() {
            return relationType + "-" + roleName + "-" + (indeks == null ? "" : indeks);
        }

        /** A copy with another validity. */
        public Relation withVirkning(Virkning v) {
            return new Relation(relationType, role, roleName, objectType, objectTypeName, indeks, reference, v, xml);
        }
    }

    /**
     * One registration: a complete snapshot of an object at {@code registered}.
     *
     * @param registered when the simulator stored it (its clock; answered as StsTidspunkt)
     * @param operation {@code importer} or {@code opdater}
     * @param time the sender's Tidspunkt (Registrering/Tidspunkt, or the opdater's Tidspunkt), or null
     * @param userRef the sender's BrugerRef (UUID or URN; an opdater keeps the import's), or null
     * @param note the registration's NoteTekst, or null
     * @param states the states (Fremdrift) with their validity
     * @param relations all relations, ended ones included
     * @param attributes the AttributListe as sent (answered as it came), or null
     */
    public record Registration(Instant registered, String operation, Instant time, String userRef, String note,
            List<State> states,
            List<Relation> relations, Element attributes) {
        /** Copies the lists. */
        public Registration {
            states = List.copyOf(states);
            relations = List.copyOf(relations);
        }

        /** The relations with role {@code roleName} that are valid at {@code at}. */
        public List<Relation> relations(String roleName, Instant at) {
            List<Relation> out = new ArrayList<>();
            for (Relation r : relations) {
                if (r.roleName().equals(roleName) && r.virkning().contains(at)) {
                    out.add(r);
                }
            }
            return out;
        }

        /** The state valid at {@code at}, if any. */
        public Optional<String> state(Instant at) {
            return states.stream().filter(s -> s.virkning().contains(at)).map(State::code).findFirst();
        }
    }

    /**
     * A case or document with its registrations, oldest first.
     *
     * @param uuid its UUID
     * @param kind case or document
     * @param registrations its registrations, oldest first
     */
    public record IndexObject(UUID uuid, Kind kind, List<Registration> registrations)
            implements LoraIndexStore.Stored<Registration, Kind> {
        /** Copies the list. */
        public IndexObject {
            registrations = List.copyOf(registrations);
        }
    }

    /**
     * An IT system the index knows.
     *
     * @param uuid its UUID (in Fælleskommunalt Administrationsmodul)
     * @param name its name
     */
    public record ItSystem(UUID uuid, String name) {
    }

    /** The rules that cannot be relaxed: breaking them leaves an element the index cannot read or apply. */
    private static final java.util.Set<String> FIXED_RULES = java.util.Set.of(SagDokumentIndeksRules.RELATION_FIELDS,
            SagDokumentIndeksRules.ROLE_UNKNOWN, SagDokumentIndeksRules.ROLE_RELATION,
            SagDokumentIndeksRules.TYPE_UNKNOWN, SagDokumentIndeksRules.VIRKNING, SagDokumentIndeksRules.INPUT,
            SagDokumentIndeksRules.NOT_FOUND_RULE);

    private final Map<UUID, ItSystem> itSystems = new LinkedHashMap<>();

    /** An empty index with the two seeded IT systems. */
    public SagDokumentIndeksData() {
        super(FIXED_RULES);
        addItSystem(new ItSystem(SEEDED_MASTER_SYSTEM, "Simuleret fagsystem"));
        addItSystem(new ItSystem(SEEDED_SENDER_SYSTEM, "Simuleret afsendersystem"));
    }

    /**
     * Stops enforcing the rules {@code ruleIds} (e.g. {@code SDI-OB1-HANDLINGSKLASSE}, which KOMBIT's guide says many
     * senders do not meet, and the real index does not enforce): they are neither recorded nor refused. The rules
     * whose breach leaves an element unreadable cannot be relaxed ({@link SagDokumentIndeksRules#RELATION_FIELDS},
     * {@code ROLE_UNKNOWN}, {@code ROLE_RELATION}, {@code TYPE_UNKNOWN}, {@code VIRKNING}, {@code INPUT},
     * {@code NOT_FOUND_RULE}). Returns this.
     *
     * @throws IllegalArgumentException for one of those
     */
    public SagDokumentIndeksData relax(String... ruleIds) {
        relaxRules(ruleIds);
        return this;
    }

    /** Adds (or replaces) an IT system; returns this. */
    public synchronized SagDokumentIndeksData addItSystem(ItSystem system) {
        itSystems.put(system.uuid(), Objects.requireNonNull(system, "system == null"));
        return this;
    }

    /** The IT system with {@code uuid}. */
    public synchronized Optional<ItSystem> itSystem(UUID uuid) {
        return Optional.ofNullable(itSystems.get(uuid));
    }

    /** The case with {@code uuid}. */
    public Optional<IndexObject> sag(UUID uuid) {
        return get(uuid).filter(o -> o.kind() == Kind.SAG);
    }

    /** The document with {@code uuid}. */
    public Optional<IndexObject> dokument(UUID uuid) {
        return get(uuid).filter(o -> o.kind() == Kind.DOKUMENT);
    }

    /** Forgets every case and document (the IT systems stay). */
    @Override
    public synchronized void clear() {
        super.clear();
    }

    /** Adds a registration to {@code uuid} (creating the object). */
    synchronized void register(UUID uuid, Kind kind, Registration registration) {
        List<Registration> list = new ArrayList<>(registrations(uuid));
        list.add(registration);
        put(uuid, new IndexObject(uuid, kind, list));
    }
}
