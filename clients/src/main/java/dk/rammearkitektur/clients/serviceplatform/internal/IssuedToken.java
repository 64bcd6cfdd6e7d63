package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.signing.saml.SamlAssertion;
import java.time.Instant;

/**
 * A verified token from the STS.
 *
 * @param assertion the SAML 2.0 holder-of-key assertion, signature verified against the pinned STS certificates
 * @param expires when it stops being valid (its NotOnOrAfter)
 */
public record IssuedToken(SamlAssertion assertion, Instant expires) {
}
