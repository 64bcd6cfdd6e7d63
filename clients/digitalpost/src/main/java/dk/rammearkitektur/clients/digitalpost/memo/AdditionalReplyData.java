package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A free label/value pair for a reply (yderligere svardata); at most four per reply data.
 *
 * @param label the name
 * @param value the value
 */
public record AdditionalReplyData(String label, String value) {
    /** Creates the value. */
    public static AdditionalReplyData of(String label, String value) {
        return new AdditionalReplyData(label, value);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
