package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The company the content is about (CVR-data), namespace {@code grd}.
 *
 * @param cvrNumber the CVR number, 8 digits
 * @param companyName the company's name, or null
 */
public record CvrData(String cvrNumber, String companyName) {
    /** Creates the value. */
    public static CvrData of(String cvrNumber, String companyName) {
        return new CvrData(cvrNumber, companyName);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
