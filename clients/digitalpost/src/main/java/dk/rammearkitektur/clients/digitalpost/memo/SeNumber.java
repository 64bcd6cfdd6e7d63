package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A company's SE number (SE-nummer) in namespace {@code grd}.
 *
 * @param seNumber the SE number
 * @param companyName the company's name, or null
 */
public record SeNumber(String seNumber, String companyName) {
    /** Creates the value. */
    public static SeNumber of(String seNumber, String companyName) {
        return new SeNumber(seNumber, companyName);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
