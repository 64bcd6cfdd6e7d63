package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * One way to reach a contact point (kontaktinformation), e.g. label "Telefon", value "33 33 33 33".
 *
 * @param label what kind of information
 * @param value the information
 */
public record ContactInfo(String label, String value) {
    /** Creates the value. */
    public static ContactInfo of(String label, String value) {
        return new ContactInfo(label, value);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
