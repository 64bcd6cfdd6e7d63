package dk.rammearkitektur.clients.serviceplatform;

import java.util.Objects;

/**
 * A production unit (produktionsenhed) as SF1530 returns it.
 *
 * @param pNumber the P-number (produktionsenhedsnummer), ten digits
 * @param name the unit's name
 * @param cvr the CVR number of the company it belongs to
 * @param address its address, or null
 * @param industryCode its main industry code (branchekode, six digits), or null
 */
public record ProductionUnitRecord(String pNumber, String name, String cvr, PostalAddress address, String industryCode) {
    /** Requires the P-number, name and CVR number. */
    public ProductionUnitRecord {
        Objects.requireNonNull(pNumber, "pNumber == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(cvr, "cvr == null");
    }
}
