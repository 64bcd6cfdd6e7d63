package dk.rammearkitektur.clients.stoettesystemer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One function (OrganisationFunktion) of Organisation (SF1500), such as an engagement or a manager role, as the SDK
 * reads it from a {@code laes} or {@code list} reply of OrganisationFunktionService 6: the user-facing key
 * ({@code BrugervendtNoegleTekst}), the name ({@code FunktionNavn}), the function type ({@code Funktionstype}, a
 * Klasse), the units and users it ties together ({@code TilknyttedeEnheder}, {@code TilknyttedeBrugere}) and the
 * validity of its active state ({@code Gyldighed} {@code Aktiv}).
 *
 * @param uuid the function's UUID
 * @param key the user-facing key, or an empty string when the reply has none
 * @param name the function's name, or an empty string when the reply has none
 * @param typeUuid the function type's Klasse, or null when the reply names none
 * @param unitUuids the attached units, in reply order
 * @param userUuids the attached users, in reply order
 * @param active whether the reply has a {@code Gyldighed} with status {@code Aktiv}
 * @param validFrom the start of the active state's validity, or null when open or not given
 * @param validTo the end of the active state's validity, or null when open or not given
 */
public record FunctionRecord(UUID uuid, String key, String name, UUID typeUuid, List<UUID> unitUuids,
        List<UUID> userUuids, boolean active, Instant validFrom, Instant validTo) {
    /** Checks that uuid, key and name are set and copies the lists. */
    public FunctionRecord {
        Objects.requireNonNull(uuid, "uuid == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(name, "name == null");
        unitUuids = List.copyOf(unitUuids);
        userUuids = List.copyOf(userUuids);
    }

    /** Whether the function is active at {@code at} (an open end counts as unbounded). */
    public boolean activeAt(Instant at) {
        return active && OrganisationQuery.within(at, validFrom, validTo);
    }
}
