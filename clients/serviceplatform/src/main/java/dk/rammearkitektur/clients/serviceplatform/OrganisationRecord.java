package dk.rammearkitektur.clients.serviceplatform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality's organisation (organisation) as SF1500 Organisation 6 returns it ({@code FremsoegObjekthierarki}):
 * its units as a tree (by parent reference), its users and its functions (organisationsfunktioner, e.g. the
 * engagements that attach users to units), each with its validity (virkning of its active {@code Gyldighed}).
 *
 * @param organisationUuid the organisation's UUID, or null
 * @param name the organisation's name, or null
 * @param units every organisation unit (organisationsenhed)
 * @param users every user (bruger)
 * @param functions every organisation function (organisationfunktion)
 */
public record OrganisationRecord(UUID organisationUuid, String name, List<Unit> units, List<User> users,
        List<Function> functions) {

    /** Copies the lists. */
    public OrganisationRecord {
        units = List.copyOf(Objects.requireNonNull(units, "units == null"));
        users = List.copyOf(Objects.requireNonNull(users, "users == null"));
        functions = List.copyOf(Objects.requireNonNull(functions, "functions == null"));
    }

    /** An organisation without functions. */
    public OrganisationRecord(UUID organisationUuid, String name, List<Unit> units, List<User> users) {
        this(organisationUuid, name, units, users, List.of());
    }

    /** Every unit as the domain model's {@link dk.rammearkitektur.model.OrganisationUnit}. */
    public List<dk.rammearkitektur.model.OrganisationUnit> unitParties() {
        List<dk.rammearkitektur.model.OrganisationUnit> out = new ArrayList<>();
        for (Unit u : units) {
            out.add(u.toParty());
        }
        return out;
    }

    /** The units without a parent. */
    public List<Unit> roots() {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (u.parent() == null) {
                out.add(u);
            }
        }
        return out;
    }

    /** The direct children of {@code unit}. */
    public List<Unit> children(UUID unit) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (unit.equals(u.parent())) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * When an object is valid (virkning): from (inclusive) to (exclusive); a null end is open (the LoRa
     * {@code GraenseIndikator}).
     *
     * @param from the start, or null for open
     * @param to the end, or null for open
     */
    public record Period(Instant from, Instant to) {
        /** Always valid. */
        public static final Period ALWAYS = new Period(null, null);

        /** Whether {@code instant} lies in the period. */
        public boolean contains(Instant instant) {
            return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
        }
    }

    /**
     * An organisation unit (organisationsenhed).
     *
     * @param uuid its UUID
     * @param key its user-facing key (brugervendt nøgle), or null
     * @param name its name
     * @param parent the UUID of its parent unit, or null for a root
     * @param validity when it is active ({@link Period#ALWAYS} when the reply gives no period)
     */
    public record Unit(UUID uuid, String key, String name, UUID parent, Period validity) {
        /** Requires the UUID and name. */
        public Unit {
            Objects.requireNonNull(uuid, "uuid == null");
            Objects.requireNonNull(name, "name == null");
            validity = validity == null ? Period.ALWAYS : validity;
        }

        /** A unit valid always. */
        public Unit(UUID uuid, String key, String name, UUID parent) {
            this(uuid, key, name, parent, Period.ALWAYS);
        }

        /** As the domain model's {@link dk.rammearkitektur.model.OrganisationUnit}, its UUID as the party id. */
        public dk.rammearkitektur.model.OrganisationUnit toParty() {
            return dk.rammearkitektur.model.OrganisationUnit.of(dk.rammearkitektur.model.PartyId.of(uuid), name);
        }
    }

    /**
     * A user (bruger) of the organisation.
     *
     * @param uuid its UUID
     * @param userName the user id (SF1500: the user's brugervendt nøgle)
     * @param name the user's name (SF1500: {@code BrugerNavn}), or null
     * @param units the UUIDs of the units the user is attached to (directly, or through a function naming both)
     * @param validity when it is active ({@link Period#ALWAYS} when the reply gives no period)
     */
    public record User(UUID uuid, String userName, String name, List<UUID> units, Period validity) {
        /** Requires the UUID and user name; copies the list. */
        public User {
            Objects.requireNonNull(uuid, "uuid == null");
            Objects.requireNonNull(userName, "userName == null");
            units = List.copyOf(units == null ? List.of() : units);
            validity = validity == null ? Period.ALWAYS : validity;
        }

        /** A user valid always. */
        public User(UUID uuid, String userName, String name, List<UUID> units) {
            this(uuid, userName, name, units, Period.ALWAYS);
        }
    }

    /**
     * An organisation function (organisationfunktion), e.g. an engagement tying users to units.
     *
     * @param uuid its UUID
     * @param key its user-facing key, or null
     * @param name its name (FunktionNavn), or null
     * @param type the UUID of its function type (a Klasse), or null
     * @param units the units it names (TilknyttedeEnheder)
     * @param users the users it names (TilknyttedeBrugere)
     * @param validity when it is active ({@link Period#ALWAYS} when the reply gives no period)
     */
    public record Function(UUID uuid, String key, String name, UUID type, List<UUID> units, List<UUID> users,
            Period validity) {
        /** Requires the UUID; copies the lists. */
        public Function {
            Objects.requireNonNull(uuid, "uuid == null");
            units = List.copyOf(units == null ? List.of() : units);
            users = List.copyOf(users == null ? List.of() : users);
            validity = validity == null ? Period.ALWAYS : validity;
        }
    }
}
