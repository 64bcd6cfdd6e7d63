package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * An EAN/EID number (EID) in namespace {@code grd}.
 *
 * @param eid the number
 * @param label a description, or null
 */
public record Eid(String eid, String label) {
    /** Creates the value. */
    public static Eid of(String eid, String label) {
        return new Eid(eid, label);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
