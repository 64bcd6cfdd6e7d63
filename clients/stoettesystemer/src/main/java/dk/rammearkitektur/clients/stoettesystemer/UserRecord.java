package dk.rammearkitektur.clients.stoettesystemer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One user (Bruger) of Organisation (SF1500) as the SDK reads it from a {@code laes} or {@code list} reply of
 * BrugerService 6: the user-facing key ({@code BrugervendtNoegleTekst}, usually the login), the name
 * ({@code BrugerNavn}), the organisation it belongs to ({@code Tilhoerer}), the units and functions it is attached to
 * directly ({@code TilknyttedeEnheder}, {@code TilknyttedeFunktioner}) and the validity of its active state
 * ({@code Gyldighed} with {@code GyldighedStatusKode} {@code Aktiv}). Municipal data usually attaches users to units
 * through functions: {@link OrganisationClient#unitsOfUser(UUID)} reads those.
 *
 * @param uuid the user's UUID
 * @param key the user-facing key, or an empty string when the reply has none
 * @param name the user's name, or an empty string when the reply has none
 * @param organisationUuid the organisation ({@code Tilhoerer}), or null when the reply names none
 * @param unitUuids the units attached directly, in reply order
 * @param functionUuids the functions attached directly, in reply order
 * @param active whether the reply has a {@code Gyldighed} with status {@code Aktiv}
 * @param validFrom the start of the active state's validity, or null when open or not given
 * @param validTo the end of the active state's validity, or null when open or not given
 */
public record UserRecord(UUID uuid, String key, String name, UUID organisationUuid,
        List<UUID> unitUuids, List<UUID> functionUuids, boolean active, Instant validFrom,
        Instant validTo) {
    /** Checks that uuid, key and name are set and copies the lists. */
    public UserRecord {
        Objects.requireNonNull(uuid, "uuid == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(name, "name == null");
        unitUuids = List.copyOf(unitUuids);
        functionUuids = List.copyOf(functionUuids);
    }

    /** Whether the user is active at {@code at} (an open end counts as unbounded). */
    public boolean activeAt(Instant at) {
        return active && OrganisationQuery.within(at, validFrom, validTo);
    }
}
