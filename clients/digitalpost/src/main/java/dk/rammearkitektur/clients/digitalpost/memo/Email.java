package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * An e-mail address for the attention data (e-mail).
 *
 * @param emailAddress the address
 * @param relatedAgent who the address belongs to, or null
 */
public record Email(String emailAddress, String relatedAgent) {
    /** Creates the value. */
    public static Email of(String emailAddress, String relatedAgent) {
        return new Email(emailAddress, relatedAgent);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
