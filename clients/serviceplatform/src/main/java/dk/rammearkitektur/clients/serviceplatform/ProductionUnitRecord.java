package dk.rammearkitektur.clients.serviceplatform;

import java.util.Objects;

/**
 * A production unit (produktionsenhed) as SF1530 returns it.
 *
 * @param pNumber the P-number (produktionsenhedsnummer), ten digits
 * @param name the unit's name
 * @param cvr the CVR number of the company it belongs to ({@code LegalUnitAffiliation}), or null when the reply names none
 * @param address its address, or null
 * @param industryCode its main industry code (branchekode, six digits), or null
 */
public record ProductionUnitRecord(String pNumber, String name, String cvr, PostalAddress address, String industryCode) {
    /** Requires the P-number and name. */
    public ProductionUnitRecord {
        Objects.requireNonNull(pNumber, "pNumber == null");
        Objects.requireNonNull(name, "name == null");
    }

    /**
     * As the domain model's company {@link dk.rammearkitektur.model.Party} for this production unit (CVR and P-number).
     *
     * @throws dk.rammearkitektur.core.ValidationException when the register's values break the model's rules
     */
    public dk.rammearkitektur.model.Company toParty(dk.rammearkitektur.model.PartyId id) {
        Objects.requireNonNull(id, "id == null");
        return dk.rammearkitektur.model.Company.builder().id(id).cvr(dk.rammearkitektur.model.Cvr.parse(cvr))
                .pNumber(dk.rammearkitektur.model.PNumber.parse(pNumber)).name(name)
                .address(address == null ? null : address.toModel().orElse(null)).build();
    }
}
