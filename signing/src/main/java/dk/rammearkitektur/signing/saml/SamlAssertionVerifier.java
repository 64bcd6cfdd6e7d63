package dk.rammearkitektur.signing.saml;

import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import dk.rammearkitektur.signing.xml.XmlSignatureVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Verifies a received SAML 2.0 assertion: its own enveloped signature by a trusted issuer key, covering exactly the
 * assertion; optionally the Issuer; the time window (NotBefore / NotOnOrAfter) with an injected clock and skew
 * (default 5 minutes); the expected audience; and a holder-of-key confirmation with a certificate. The presenter's
 * proof of the key is checked with {@link SamlAssertion#requireHolderOfKeyProof(java.security.PublicKey)} (the
 * WS-Security verifier does this). Thread-safe; build once.
 */
public final class SamlAssertionVerifier {
    private final XmlSignatureVerifier signatures;
    private final Clock clock;
    private final Duration skew;
    private final String audience;
    private final String issuer;
    private final boolean requireHolderOfKey;

    private SamlAssertionVerifier(Builder b) {
        this.signatures = XmlSignatureVerifier.builder(b.trust).policy(b.policy).build();
        this.clock = b.clock;
        this.skew = b.skew;
        this.audience = b.audience;
        this.issuer = b.issuer;
        this.requireHolderOfKey = b.requireHolderOfKey;
    }

    /** A builder trusting issuer keys from {@code trust} (typically the pinned STS certificate). */
    public static Builder builder(SignatureTrust trust) {
        return new Builder(trust);
    }

    /** Verifies the assertion element and returns it as a value; throws {@link TokenException} or {@link SignatureException}. */
    public SamlAssertion verify(Element assertion) {
        Objects.requireNonNull(assertion, "assertion == null");
        if (!SamlAssertion.NS.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
            throw SamlAssertion.malformed("Assertion", "must be a saml2:Assertion element");
        }
        List<Element> sigs = SamlAssertion.childrenNs(assertion, SamlAssertion.DSIG, "Signature");
        if (sigs.isEmpty()) {
            throw new TokenException(TokenException.UNSIGNED, "the assertion carries no signature of its own");
        }
        if (sigs.size() > 1) {
            throw new TokenException(TokenException.MALFORMED, "Assertion.Signature: must occur once");
        }
        VerifiedSignature v = signatures.verify(sigs.get(0));
        v.requireSigned(assertion);
        if (v.signedElements().size() != 1) {
            throw new SignatureException(SignatureException.WRAPPING, "the assertion's signature covers other elements too");
        }
        SamlAssertion a = SamlAssertion.parse(assertion, v.certificate());
        if (issuer != null && !issuer.equals(a.issuer())) {
            throw new TokenException(TokenException.ISSUER, "issuer '" + a.issuer() + "' is not the expected '" + issuer + "'");
        }
        Instant now = clock.instant();
        if (a.notBefore().isPresent() && now.plus(skew).isBefore(a.notBefore().get())) {
            throw new TokenException(TokenException.NOT_YET_VALID, "assertion not valid before " + a.notBefore().get());
        }
        if (!now.minus(skew).isBefore(a.notOnOrAfter())) {
            throw new TokenException(TokenException.EXPIRED, "assertion expired at " + a.notOnOrAfter());
        }
        if (audience != null && !inEveryAudienceRestriction(a.element(), audience)) {
            throw new TokenException(TokenException.AUDIENCE, "assertion is for " + a.audiences() + ", not '" + audience + "'");
        }
        if (requireHolderOfKey && a.holderOfKeyCertificate().isEmpty()) {
            throw new TokenException(TokenException.HOLDER_OF_KEY, "assertion has no holder-of-key confirmation");
        }
        return a;
    }

    /**
     * SAML core 2.5.1.4: the relying party must be named in every AudienceRestriction (each is a separate condition),
     * and there must be at least one.
     */
    private static boolean inEveryAudienceRestriction(Element assertion, String audience) {
        boolean any = false;
        for (Element conditions : SamlAssertion.children(assertion, "Conditions")) {
            for (Element restriction : SamlAssertion.children(conditions, "AudienceRestriction")) {
                any = true;
                boolean named = false;
                for (Element au : SamlAssertion.children(restriction, "Audience")) {
                    named |= audience.equals(au.getTextContent().strip());
                }
                if (!named) {
                    return false;
                }
            }
        }
        return any;
    }

    /** Builds a {@link SamlAssertionVerifier}. */
    public static final class Builder {
        private final SignatureTrust trust;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private String audience;
        private String issuer;
        private boolean requireHolderOfKey = true;
        private boolean anyAudience;

        private Builder(SignatureTrust trust) {
            this.trust = Objects.requireNonNull(trust, "trust == null");
        }

        /** The audience (this service's entity ID) that must be in the AudienceRestriction. */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience == null");
            return this;
        }

        /** The Issuer that must be named (optional; the signature key is checked regardless). */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer == null");
            return this;
        }

        /** The clock; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Allowed clock skew; default 5 minutes, at most 1 hour. */
        public Builder skew(Duration skew) {
            Objects.requireNonNull(skew, "skew == null");
            if (skew.isNegative() || skew.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("skew must be between 0 and 1 hour, was " + skew);
            }
            this.skew = skew;
            return this;
        }

        /** The algorithm policy for the assertion's signature. */
        public Builder policy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** Whether a holder-of-key confirmation is required (default true). */
        public Builder requireHolderOfKey(boolean require) {
            this.requireHolderOfKey = require;
            return this;
        }

        /** The verifier. An audience is required unless {@link #anyAudience()} was called. */
        public SamlAssertionVerifier build() {
            if (audience == null && !anyAudience) {
                throw new IllegalStateException("set the expected audience (or call anyAudience())");
            }
            return new SamlAssertionVerifier(this);
        }

        /** Accepts any audience; only for tools that inspect tokens, never for a service. */
        public Builder anyAudience() {
            this.anyAudience = true;
            return this;
        }
    }
}
