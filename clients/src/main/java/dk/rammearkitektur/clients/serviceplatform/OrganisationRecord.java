package dk.rammearkitektur.clients.serviceplatform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality's organisation (organisation) as SF1500 returns it: its units as a tree (by parent reference) and
 * its users.
 *
 * @param organisationUuid the organisation's UUID, or null
 * @param name the organisation's name, or null
 * @param units every organisation unit (organisationsenhed)
 * @param users every user (bruger)
 */
public record OrganisationRecord(UUID organisationUuid, String name, List<Unit> units, List<User> users) {

    /** Copies the lists. */
    public OrganisationRecord {
        units = List.copyOf(Objects.requireNonNull(units, "units == null"));
        users = List.copyOf(Objects.requireNonNull(users, "users == null"));
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
     * An organisation unit (organisationsenhed).
     *
     * @param uuid its UUID
     * @param key its user-facing key (brugervendt nøgle), or null
     * @param name its name
     * @param parent the UUID of its parent unit, or null for a root
     */
    public record Unit(UUID uuid, String key, String name, UUID parent) {
        /** Requires the UUID and name. */
        public Unit {
            Objects.requireNonNull(uuid, "uuid == null");
            Objects.requireNonNull(name, "name == null");
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
     * @param userName the user name (brugernavn)
     * @param name the person's name, or null
     * @param units the UUIDs of the units the user is attached to
     */
    public record User(UUID uuid, String userName, String name, List<UUID> units) {
        /** Requires the UUID and user name; copies the list. */
        public User {
            Objects.requireNonNull(uuid, "uuid == null");
            Objects.requireNonNull(userName, "userName == null");
            units = List.copyOf(units == null ? List.of() : units);
        }
    }
}
