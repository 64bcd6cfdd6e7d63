package dk.rammearkitektur.clients.stoettesystemer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One organisation unit (OrganisationEnhed) of Organisation (SF1500) as the SDK reads it from a {@code laes} or
 * {@code list} reply of OrganisationEnhedService 6: the user-facing key ({@code BrugervendtNoegleTekst}), the name
 * ({@code EnhedNavn}), the parent unit ({@code Overordnet}), the organisation ({@code Tilhoerer}), the unit type
 * ({@code Enhedstype}, a Klasse) and the validity of its active state ({@code Gyldighed} {@code Aktiv}).
 *
 * @param uuid the unit's UUID
 * @param key the user-facing key, or an empty string when the reply has none
 * @param name the unit's name, or an empty string when the reply has none
 * @param parentUuid the parent unit, or null for a root or when the reply names none
 * @param organisationUuid the organisation, or null when the reply names none
 * @param unitTypeUuid the unit type's Klasse, or null when the reply names none
 * @param active whether the reply has a {@code Gyldighed} with status {@code Aktiv}
 * @param validFrom the start of the active state's validity, or null when open or not given
 * @param validTo the end of the active state's validity, or null when open or not given
 */
public record UnitRecord(UUID uuid, String key, String name, UUID parentUuid, UUID organisationUuid,
        UUID unitTypeUuid, boolean active, Instant validFrom, Instant validTo) {
    /** Checks that uuid, key and name are set. */
    public UnitRecord {
        Objects.requireNonNull(uuid, "uuid == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(name, "name == null");
    }

    /** Whether the unit is active at {@code at} (an open end counts as unbounded). */
    public boolean activeAt(Instant at) {
        return active && OrganisationQuery.within(at, validFrom, validTo);
    }
}
