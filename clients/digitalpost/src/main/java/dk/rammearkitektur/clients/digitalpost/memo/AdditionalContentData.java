package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A free name/value pair describing the content (yderligere indholdsdata); at most ten per message.
 *
 * @param contentDataType the kind of value, or null
 * @param contentDataName the name
 * @param contentDataValue the value
 */
public record AdditionalContentData(String contentDataType, String contentDataName, String contentDataValue) {
    /** Creates the value. */
    public static AdditionalContentData of(String contentDataType, String contentDataName, String contentDataValue) {
        return new AdditionalContentData(contentDataType, contentDataName, contentDataValue);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
