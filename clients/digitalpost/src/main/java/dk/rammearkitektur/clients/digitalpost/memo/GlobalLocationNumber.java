package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A GS1 global location number (GLN, lokationsnummer).
 *
 * @param globalLocationNumber the number, 0 to 9999999999999
 * @param location the location's name, or null
 */
public record GlobalLocationNumber(long globalLocationNumber, String location) {
    /** Creates the value. */
    public static GlobalLocationNumber of(long globalLocationNumber, String location) {
        return new GlobalLocationNumber(globalLocationNumber, location);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
