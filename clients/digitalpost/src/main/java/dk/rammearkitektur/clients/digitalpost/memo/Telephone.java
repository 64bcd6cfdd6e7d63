package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * A telephone number for the attention data (telefon).
 *
 * @param telephoneNumber the number
 * @param relatedAgent who the number belongs to, or null
 */
public record Telephone(String telephoneNumber, String relatedAgent) {
    /** Creates the value. */
    public static Telephone of(String telephoneNumber, String relatedAgent) {
        return new Telephone(telephoneNumber, relatedAgent);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
