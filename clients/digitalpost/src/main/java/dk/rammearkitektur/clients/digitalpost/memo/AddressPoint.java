package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The geographic point of an address (adressepunkt); every part is optional text.
 *
 * @param geographicEastingMeasure the easting, or null
 * @param geographicNorthingMeasure the northing, or null
 * @param geographicHeightMeasure the height, or null
 */
public record AddressPoint(String geographicEastingMeasure, String geographicNorthingMeasure, String geographicHeightMeasure) {
    /** Creates the value. */
    public static AddressPoint of(String easting, String northing, String height) {
        return new AddressPoint(easting, northing, height);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
