package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A health-care unit from the SOR register (Sundhedsvæsenets Organisationsregister), namespace {@code sor}.
 *
 * @param sorIdentifier the SOR identifier
 * @param entryName the unit's name, or null
 */
public record SorData(String sorIdentifier, String entryName) {
    /** Creates the value. */
    public static SorData of(String sorIdentifier, String entryName) {
        return new SorData(sorIdentifier, entryName);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
