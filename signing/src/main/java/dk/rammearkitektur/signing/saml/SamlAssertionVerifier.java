package dk.rammearkitektur.signing.saml;

import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.internal.Doctypes;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.internal.VerificationScope;
import dk.rammearkitektur.signing.internal.VerifiedTokenCache;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import dk.rammearkitektur.signing.xml.XmlSignatureVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Verifies a received SAML 2.0 assertion: its own enveloped signature, covering exactly the assertion, made with a
 * key of the {@link TrustedIssuer} its {@code Issuer} names (an issuer's name is never trusted because some other
 * valid certificate signed it); the time window (NotBefore / NotOnOrAfter) with an injected clock and skew
 * (default 5 minutes); the expected audience; and a holder-of-key confirmation with a certificate. The presenter's
 * proof of the key is checked with {@link SamlAssertion#requireHolderOfKeyProof(java.security.PublicKey)} (the
 * WS-Security verifier does this). Thread-safe; build once.
 */
public final class SamlAssertionVerifier {
    private final Map<String, XmlSignatureVerifier> byName = new LinkedHashMap<>();
    private final XmlSignatureVerifier anyName;
    private final Clock clock;
    private final Duration skew;
    private final String audience;
    private final boolean requireHolderOfKey;
    private final VerifiedTokenCache<SamlAssertion> verified;

    private SamlAssertionVerifier(Builder b) {
        XmlSignatureVerifier unnamed = null;
        for (TrustedIssuer i : b.issuers) {
            XmlSignatureVerifier v = XmlSignatureVerifier.builder(i.keys()).policy(b.policy).build();
            if (i.name().isPresent()) {
                byName.put(i.name().get(), v);
            } else {
                unnamed = v;
            }
        }
        this.anyName = unnamed;
        this.clock = b.clock;
        this.skew = b.skew;
        this.audience = b.audience;
        this.requireHolderOfKey = b.requireHolderOfKey;
        this.verified = b.cacheEntries == 0 ? null : new VerifiedTokenCache<>(b.cacheEntries, b.cacheMaxAge);
    }

    /** A builder accepting assertions from these issuers (typically the one STS, by its pinned certificates). */
    public static Builder builder(TrustedIssuer issuer, TrustedIssuer... more) {
        List<TrustedIssuer> all = new ArrayList<>();
        all.add(Objects.requireNonNull(issuer, "issuer == null"));
        for (TrustedIssuer i : more) {
            all.add(Objects.requireNonNull(i, "more[] contains null"));
        }
        return builder(all);
    }

    /**
     * A builder accepting assertions from these issuers; names must be distinct (put every certificate of one issuer
     * in its one {@link TrustedIssuer}), and a {@link TrustedIssuer#pinnedAnyName(List)} issuer must be the only one.
     */
    public static Builder builder(List<TrustedIssuer> issuers) {
        return new Builder(issuers);
    }

    /** Verifies the assertion element and returns it as a value; throws {@link TokenException} or {@link SignatureException}. */
    public SamlAssertion verify(Element assertion) {
        Objects.requireNonNull(assertion, "assertion == null");
        // The cache key's canonical form also gives the signature's enveloped digest (one canonicalisation).
        try (VerificationScope scope = VerificationScope.open(assertion.getOwnerDocument())) {
            return verifyInScope(assertion);
        }
    }

    private SamlAssertion verifyInScope(Element assertion) {
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
        List<Element> issuers = SamlAssertion.children(assertion, "Issuer");
        if (issuers.size() != 1) {
            throw SamlAssertion.malformed("Assertion.Issuer", "must occur once");
        }
        String named = issuers.get(0).getTextContent().trim();
        XmlSignatureVerifier signatures = byName.getOrDefault(named, anyName);
        if (signatures == null) {
            throw new TokenException(TokenException.ISSUER, "issuer '" + printable(named) + "' is not a trusted issuer");
        }
        Instant now = clock.instant();
        VerifiedTokenCache.Lookup<SamlAssertion> found = verified == null ? null : verified.lookup(assertion, now);
        SamlAssertion seen = found == null ? null : found.value();
        VerifiedTokenCache.Key key = found == null ? null : found.key();
        SamlAssertion a;
        if (seen != null) {
            // What the signature verifier refuses about the document around the assertion, it refuses on a hit too.
            Doctypes.refuse(assertion.getOwnerDocument());
            IdRegistry.register(assertion.getOwnerDocument());
            // Equal canonical bytes parse to equal values: exclusive c14n keeps every name's namespace, every
            // attribute and all text, which is all that parse reads.
            a = seen.readFrom(assertion);
        } else {
            VerifiedSignature v = signatures.verify(sigs.get(0));
            v.requireSigned(assertion);
            if (v.signedElements().size() != 1) {
                throw new SignatureException(SignatureException.WRAPPING, "the assertion's signature covers other elements too");
            }
            a = SamlAssertion.parse(assertion, v.certificate());
            if (key != null) {
                verified.put(key, a.readFrom(null), a.notOnOrAfter().plus(skew), now);
            }
        }
        if (signatures != anyName && !named.equals(a.issuer())) {
            throw new TokenException(TokenException.ISSUER, "the signed issuer '" + a.issuer() + "' is not '" + named + "'");
        }
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

    /** Unauthenticated text for a message: control characters replaced, at most 120 characters. */
    private static String printable(String text) {
        String t = text.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }

    /** How many calls were answered from the verified-token cache (for tests and metrics). */
    long cacheHits() {
        return verified == null ? 0 : verified.hits();
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
        private final List<TrustedIssuer> issuers;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private String audience;
        private boolean requireHolderOfKey = true;
        private boolean anyAudience;
        private int cacheEntries = 10_000;
        private Duration cacheMaxAge = Duration.ofMinutes(5);

        private Builder(List<TrustedIssuer> issuers) {
            Objects.requireNonNull(issuers, "issuers == null");
            if (issuers.isEmpty()) {
                throw new IllegalArgumentException("at least one trusted issuer is required");
            }
            List<String> names = new ArrayList<>();
            int unnamed = 0;
            for (TrustedIssuer i : issuers) {
                Objects.requireNonNull(i, "issuers contains null");
                if (i.name().isEmpty()) {
                    unnamed++;
                } else if (names.contains(i.name().get())) {
                    throw new IllegalArgumentException("issuer '" + i.name().get() + "' is configured twice");
                } else {
                    names.add(i.name().get());
                }
            }
            if (unnamed > 1 || (unnamed == 1 && !names.isEmpty())) {
                throw new IllegalArgumentException("an issuer trusted under any name must be the only issuer: next to"
                        + " named issuers its keys could sign with a look-alike of their names");
            }
            this.issuers = List.copyOf(issuers);
        }

        /** The audience (this service's entity ID) that must be in the AudienceRestriction. */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience == null");
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

        /**
         * Remembers up to {@code maxEntries} assertions whose signature verified, keyed by their canonical bytes, so that
         * a token presented again is not verified again; an entry lives until the token expires and at most
         * {@code maxAge}, after which a validated chain is checked again. Time window, audience and holder-of-key are
         * checked on every call. An entry keeps the token's canonical bytes (a hit needs them all equal) and the
         * assertion read from them (about as large again, with its holder-of-key certificate), so a hit reads nothing
         * twice; besides {@code maxEntries}, at most 16 MiB of canonical bytes are kept. Default: 10,000 entries,
         * 5 minutes.
         */
        public Builder verifiedTokenCache(int maxEntries, Duration maxAge) {
            Objects.requireNonNull(maxAge, "maxAge == null");
            if (maxEntries <= 0 || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("maxEntries and maxAge must be positive");
            }
            this.cacheEntries = maxEntries;
            this.cacheMaxAge = maxAge;
            return this;
        }

        /** Verifies every assertion's signature on every call (no {@link #verifiedTokenCache cache}). */
        public Builder noVerifiedTokenCache() {
            this.cacheEntries = 0;
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
