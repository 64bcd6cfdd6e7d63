package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;

/**
 * A party's participation in a case (sagspart): the party and its role.
 *
 * @param party the party
 * @param role its role in the case
 */
public record CaseParty(Party party, PartyRole role) {
    /** Checks both are present; paths under {@code caseParty}. */
    public CaseParty {
        Violations v = Violations.at("caseParty");
        Checks.required(v, "party", party);
        Checks.required(v, "role", role);
        v.throwIfAny();
    }

    /** Static factory. */
    public static CaseParty of(Party party, PartyRole role) {
        return new CaseParty(party, role);
    }
}
