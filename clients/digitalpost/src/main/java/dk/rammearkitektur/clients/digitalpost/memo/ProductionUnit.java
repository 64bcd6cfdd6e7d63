package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A production unit (produktionsenhed, P-nummer) in namespace {@code grd}.
 *
 * @param productionUnitNumber the P-number, 0 to 9999999999
 * @param productionUnitName the unit's name, or null
 */
public record ProductionUnit(long productionUnitNumber, String productionUnitName) {
    /** Creates the value. */
    public static ProductionUnit of(long productionUnitNumber, String productionUnitName) {
        return new ProductionUnit(productionUnitNumber, productionUnitName);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
