package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Verifies an issued assertion: the STS's signature (pinned: the assertion came from the STS over mutual TLS and only
 * the STS's own keys may sign it, whatever Issuer name the STS uses), audience, lifetime, and that we hold its key.
 */
final class TokenVerification {
    private final TrustedIssuer sts;
    private final Clock clock;
    private final Duration skew;
    private final X509Certificate ours;

    TokenVerification(List<X509Certificate> stsCertificates, Clock clock, Duration skew, X509Certificate ours) {
        this.sts = TrustedIssuer.pinnedAnyName(stsCertificates);
        this.clock = clock;
        this.skew = skew;
        this.ours = ours;
    }

    IssuedToken verify(Element assertion, String entityId) {
        if (assertion == null) {
            throw new ReplyShapeException("the STS reply holds no assertion", null);
        }
        SamlAssertion a = SamlAssertionVerifier.builder(sts).audience(entityId).clock(clock).skew(skew)
                .requireHolderOfKey(true).noVerifiedTokenCache() // each issued token is verified once
                .build().verify(assertion);
        X509Certificate hok = a.holderOfKeyCertificate().orElseThrow(() ->
                new TokenException(TokenException.HOLDER_OF_KEY, "the token confirms no holder-of-key"));
        if (!hok.equals(ours)) {
            throw new TokenException(TokenException.HOLDER_OF_KEY, "the token is bound to another certificate");
        }
        return new IssuedToken(a, a.notOnOrAfter());
    }
}
