package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;

/**
 * An organisation unit (organisationsenhed) of an authority, e.g. the department that owns a case.
 *
 * @param id the unit's UUID as a party id
 * @param name the unit's name
 * @param contact contact details, {@link ContactDetails#none()} when unknown
 */
public record OrganisationUnit(PartyId id, String name, ContactDetails contact) implements Party {
    /** Validates; paths under {@code organisationUnit}. A {@code null} contact becomes {@link ContactDetails#none()}. */
    public OrganisationUnit {
        contact = contact == null ? ContactDetails.none() : contact;
        Violations v = Violations.at("organisationUnit");
        Checks.required(v, "id", id);
        Checks.text(v, "name", name, 200);
        v.throwIfAny();
    }

    /** A unit without contact details. */
    public static OrganisationUnit of(PartyId id, String name) {
        return new OrganisationUnit(id, name, ContactDetails.none());
    }
}
