package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.signing.saml.SamlAssertion;
import java.time.Instant;

/**
 * A verified token from the STS.
 *
 * @param assertion the SAML 2.0 holder-of-key assertion, signature verified against the pinned STS certificates
 * @param expires when it stops being valid (its NotOnOrAfter)
 * @param received the assertion exactly as the STS sent it (the REST reply's {@code Assertion} string), or null when
 *     the STS's reply carried it as XML inside a larger document
 */
public record IssuedToken(SamlAssertion assertion, Instant expires, String received) {
    /** A token without its received form. */
    public IssuedToken(SamlAssertion assertion, Instant expires) {
        this(assertion, expires, null);
    }

    /** This token with the assertion as received. */
    public IssuedToken withReceived(String value) {
        return new IssuedToken(assertion, expires, value);
    }

    @Override
    public String toString() {
        return "IssuedToken[expires " + expires + "]";
    }
}
