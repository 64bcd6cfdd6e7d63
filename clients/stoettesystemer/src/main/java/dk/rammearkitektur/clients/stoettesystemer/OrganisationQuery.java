package dk.rammearkitektur.clients.stoettesystemer;

import java.time.Instant;
import java.util.UUID;

/**
 * What an Organisation (SF1500) {@code soeg} asks for: every criterion set must match (they are sent together in one
 * {@code SoegInput}); criteria left null are not sent, and a query with none asks for every object of the kind the
 * caller's organisation has. Build it from {@link #all()} with the {@code with...} methods; each returns a new query.
 *
 * <p>Which criteria a search takes depends on the object, because the published {@code RelationListeType}s differ:
 * users (Bruger) take key, name and unit ({@code TilknyttedeEnheder}); organisation units (OrganisationEnhed) take
 * key, name and parent ({@code Overordnet}); functions (OrganisationFunktion) take key, name, function type
 * ({@code Funktionstype}), unit ({@code TilknyttedeEnheder}) and user ({@code TilknyttedeBrugere}). How the service
 * matches a key or name (exactly, ignoring case, with wildcards) is the service's rule, not the SDK's.
 *
 * @param key the user-facing key ({@code BrugervendtNoegleTekst}), 1 to 50 characters, or null
 * @param name the name ({@code BrugerNavn}, {@code EnhedNavn} or {@code FunktionNavn}), 1 to 200 characters, or null
 * @param unitUuid the unit the object is attached to ({@code TilknyttedeEnheder}), or null
 * @param userUuid the user the function is attached to ({@code TilknyttedeBrugere}), or null
 * @param functionTypeUuid the function type's Klasse ({@code Funktionstype}), or null
 * @param parentUuid the parent unit ({@code Overordnet}), or null
 */
public record OrganisationQuery(String key, String name, UUID unitUuid, UUID userUuid, UUID functionTypeUuid,
        UUID parentUuid) {
    private static final OrganisationQuery ALL = new OrganisationQuery(null, null, null, null, null, null);

    /** The query without criteria: every object of the kind searched. */
    public static OrganisationQuery all() {
        return ALL;
    }

    /** This query, also requiring the user-facing key {@code key} (BrugervendtNoegleTekst). */
    public OrganisationQuery withKey(String key) {
        return new OrganisationQuery(key, name, unitUuid, userUuid, functionTypeUuid, parentUuid);
    }

    /** This query, also requiring the name {@code name}. */
    public OrganisationQuery withName(String name) {
        return new OrganisationQuery(key, name, unitUuid, userUuid, functionTypeUuid, parentUuid);
    }

    /** This query, also requiring an attachment to the unit {@code unit} (TilknyttedeEnheder). */
    public OrganisationQuery withUnit(UUID unit) {
        return new OrganisationQuery(key, name, unit, userUuid, functionTypeUuid, parentUuid);
    }

    /** This query, also requiring an attachment to the user {@code user} (TilknyttedeBrugere; functions only). */
    public OrganisationQuery withUser(UUID user) {
        return new OrganisationQuery(key, name, unitUuid, user, functionTypeUuid, parentUuid);
    }

    /** This query, also requiring the function type {@code type} (Funktionstype; functions only). */
    public OrganisationQuery withFunctionType(UUID type) {
        return new OrganisationQuery(key, name, unitUuid, userUuid, type, parentUuid);
    }

    /** This query, also requiring the parent unit {@code parent} (Overordnet; units only). */
    public OrganisationQuery withParent(UUID parent) {
        return new OrganisationQuery(key, name, unitUuid, userUuid, functionTypeUuid, parent);
    }

    /** Whether {@code at} lies in [from, to), a null end being open. */
    static boolean within(Instant at, Instant from, Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
