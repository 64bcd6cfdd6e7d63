package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The person the content is about (CPR-data), namespace {@code grd}. {@link #toString()} masks the CPR number.
 *
 * @param cprNumber the CPR number, 10 digits
 * @param name the person's name, or null
 */
public record CprData(String cprNumber, String name) {
    /** Creates the value. */
    public static CprData of(String cprNumber, String name) {
        return new CprData(cprNumber, name);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
