package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * What the simulated Ydelsesindeks 6 (SF1490) holds: grants (Bevilling) and payments (OekonomiskEffektuering) by
 * UUID. An accepted {@code importer} stores every Registrering it carries; an accepted {@code opdater} adds one; each is
 * stamped with the simulator's clock and the earlier ones are kept. The index has no states and no double history
 * (every Virkning runs from the registration's Tidspunkt to infinity), so a registration is the lists as sent. The
 * IT systems relations may name are those of {@link SagDokumentIndeksData#itSystem} (one register for both indexes).
 * Thread-safe; tests read it through {@link ServiceplatformSimulator#ydelsesIndeks()}.
 */
public final class YdelsesIndeksData extends LoraIndexStore<YdelsesIndeksData.IndexObject,
        YdelsesIndeksData.Registration, YdelsesIndeksData.Kind> {
    /** Whether an object is a grant or a payment. */
    public enum Kind {
        /** A grant (Bevilling, BevillingIndeks). */
        BEVILLING,
        /** A payment (OekonomiskEffektuering, OekonomiskEffektueringIndeks). */
        OEKONOMISK_EFFEKTUERING
    }

    /**
     * One registration: a complete picture of a grant or payment.
     *
     * @param registered when the simulator stored it (its clock; answered as StsTidspunkt)
     * @param operation {@code importer} or {@code opdater}
     * @param time the sender's Tidspunkt (Registrering/Tidspunkt, or the opdater's {@code yi:Tidspunkt})
     * @param userRef the sender's BrugerRef (UUID or URN; an opdater keeps the import's)
     * @param note the registration's NoteTekst, or null
     * @param relations the relations of the RelationListe (with Virkning)
     * @param attributes the AttributListe as sent (answered as it came)
     * @param relationList the RelationListe as sent (answered as it came)
     * @param master the Master IT system (a grant: of its first BevilgetYdelse), or null
     * @param benefitIds a grant's BevilgetYdelse Ids (empty for a payment)
     * @param grant a payment's grant (the UUID of its first DelAf BevilgetYdelseRef), or null
     */
    public record Registration(Instant registered, String operation, Instant time, String userRef, String note,
            List<Relation> relations, Element attributes, Element relationList, String master, List<String> benefitIds,
            UUID grant) {
        /** Copies the lists. */
        public Registration {
            relations = List.copyOf(relations);
            benefitIds = List.copyOf(benefitIds);
        }

        /** The relations with role {@code roleName}. */
        public List<Relation> relations(String roleName) {
            return relations.stream().filter(r -> r.roleName().equals(roleName)).toList();
        }
    }

    /**
     * A grant or payment with its registrations, oldest first.
     *
     * @param uuid its UUID
     * @param kind grant or payment
     * @param registrations its registrations, oldest first
     */
    public record IndexObject(UUID uuid, Kind kind, List<Registration> registrations)
            implements LoraIndexStore.Stored<Registration, Kind> {
        /** Copies the list. */
        public IndexObject {
            registrations = List.copyOf(registrations);
        }
    }

    /** The rules that cannot be relaxed: breaking them leaves an element the index cannot read or apply. */
    private static final Set<String> FIXED_RULES = Set.of(YdelsesIndeksRules.RELATION_FIELDS,
            YdelsesIndeksRules.ROLE_UNKNOWN, YdelsesIndeksRules.ROLE_RELATION, YdelsesIndeksRules.TYPE_UNKNOWN,
            YdelsesIndeksRules.VIRKNING, YdelsesIndeksRules.INPUT, YdelsesIndeksRules.NOT_FOUND_RULE,
            YdelsesIndeksRules.EXISTS);

    /** An empty index. */
    public YdelsesIndeksData() {
        super(FIXED_RULES);
    }

    /**
     * Stops enforcing the rules {@code ruleIds} (ids of {@link YdelsesIndeksRules}): they are neither recorded nor
     * refused. The rules whose breach leaves an element unreadable cannot be relaxed (REL-FIELDS, ROLE-UNKNOWN,
     * ROLE-RELATION, TYPE-UNKNOWN, VIRKNING, INPUT, NOT-FOUND, EXISTS). Returns this.
     *
     * @throws IllegalArgumentException for one of those
     */
    public YdelsesIndeksData relax(String... ruleIds) {
        relaxRules(ruleIds);
        return this;
    }

    /** The grant with {@code uuid}. */
    public Optional<IndexObject> grant(UUID uuid) {
        return get(uuid).filter(o -> o.kind() == Kind.BEVILLING);
    }

    /** The payment with {@code uuid}. */
    public Optional<IndexObject> payment(UUID uuid) {
        return get(uuid).filter(o -> o.kind() == Kind.OEKONOMISK_EFFEKTUERING);
    }

    /** The payments whose current registration's BevilgetYdelseRef names the grant {@code grant}. */
    public List<IndexObject> paymentsOf(UUID grant) {
        return all().stream().filter(o -> o.kind() == Kind.OEKONOMISK_EFFEKTUERING
                && grant.equals(o.current().grant())).toList();
    }

    /** Adds registrations to {@code uuid} (creating the object). */
    synchronized void register(UUID uuid, Kind kind, List<Registration> added) {
        List<Registration> list = new ArrayList<>(registrations(uuid));
        list.addAll(added);
        put(uuid, new IndexObject(uuid, kind, list));
    }
}
