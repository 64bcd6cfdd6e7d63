package dk.rammearkitektur.signing.wss;

import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.internal.DateTimes;
import dk.rammearkitektur.signing.internal.DecodedCertificates;
import dk.rammearkitektur.signing.internal.Doctypes;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.internal.VerificationScope;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import dk.rammearkitektur.signing.xml.XmlSignatureVerifier;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The receiving side of WS-Security (for services and simulators). Checks, in order: one SOAP envelope with one
 * Header and Body; exactly one {@code wsse:Security} header; unique IDs; a fresh {@code wsu:Timestamp} (clock and skew
 * injected; by default created at most 5 minutes ago and valid for at most 5 minutes); one {@code ds:Signature} whose
 * SecurityTokenReference resolves to a token in the same header (a SAML assertion verified by the
 * {@link SamlAssertionVerifier}, whose holder-of-key must be the signing key, or a BinarySecurityToken whose
 * certificate the {@link SignatureTrust} accepts); that the signature verifies under the algorithm policy; that Body,
 * Timestamp and the WS-Addressing To, Action, MessageID and ReplyTo headers are among the signed elements; and that
 * the signed content was not accepted before (a {@link ReplayCache}, on by default). A broken rule surfaces as
 * {@link WsSecurityException}, {@link TokenException} or {@link SignatureException} whose {@code reason()} names it.
 * Thread-safe; build once per endpoint and share its replay cache.
 *
 * <pre>{@code
 * WsSecurityVerifier verifier = WsSecurityVerifier.builder()
 *         .samlTokens(SamlAssertionVerifier.builder(TrustedIssuer.pinned(stsIssuer, stsCertificate)).audience(entityId).build())
 *         .replayCache(ReplayCache.inMemory(100_000))     // the default; shared by every verifier of the service
 *         .build();
 * }</pre>
 */
public final class WsSecurityVerifier {
    private final SignatureTrust certificateTrust;
    private final SamlAssertionVerifier samlVerifier;
    private final XmlSignatureVerifier signatures;
    private final Clock clock;
    private final Duration skew;
    private final Duration maxAge;
    private final Duration maxLifetime;
    private final boolean requireAddressing;
    private final ReplayCache replays;
    private final boolean requireTokenProtection;

    private WsSecurityVerifier(Builder b) {
        this.certificateTrust = b.certificateTrust;
        this.samlVerifier = b.samlVerifier;
        this.signatures = XmlSignatureVerifier.builder(SignatureTrust.nothing()).policy(b.policy).build();
        this.clock = b.clock;
        this.skew = b.skew;
        this.maxAge = b.maxAge;
        this.maxLifetime = b.maxLifetime;
        this.requireAddressing = b.requireAddressing;
        this.replays = b.allowReplays ? null : b.replays != null ? b.replays : ReplayCache.inMemory(ReplayCache.DEFAULT_MAX_ENTRIES);
        this.requireTokenProtection = b.requireTokenProtection;
    }

    /** A builder; configure SAML tokens, BinarySecurityTokens or both. */
    public static Builder builder() {
        return new Builder();
    }

    /** Verifies the message; returns the verified parts or throws naming the rule broken. */
    public VerifiedMessage verify(Document message) {
        Objects.requireNonNull(message, "message == null");
        // The message, its token and the token's cache key share one ID scan and one canonical digest of the token.
        try (VerificationScope scope = VerificationScope.open(message)) {
            return verifyInScope(message);
        }
    }

    private VerifiedMessage verifyInScope(Document message) {
        Doctypes.refuse(message);
        Element env = message.getDocumentElement();
        SoapVersion version = SoapVersion.of(env).orElseThrow(() -> new WsSecurityException(WsSecurityException.ENVELOPE,
                "not a SOAP 1.1 or 1.2 Envelope"));
        Element header = one(Wss.children(env, version.namespace(), "Header"), WsSecurityException.HEADER_MISSING,
                WsSecurityException.ENVELOPE, "soap:Header");
        Element body = one(Wss.children(env, version.namespace(), "Body"), WsSecurityException.ENVELOPE,
                WsSecurityException.ENVELOPE, "soap:Body");
        Element security = one(Wss.children(header, Wss.WSSE, "Security"), WsSecurityException.HEADER_MISSING,
                WsSecurityException.HEADER_DUPLICATE, "wsse:Security");
        IdRegistry.register(message);

        Element ts = one(Wss.children(security, Wss.WSU, "Timestamp"), WsSecurityException.TIMESTAMP_MISSING,
                WsSecurityException.TIMESTAMP_MALFORMED, "wsu:Timestamp");
        Instant created = time(ts, "Created");
        Instant expires = time(ts, "Expires");
        Instant now = clock.instant();
        if (!expires.isAfter(created) || Duration.between(created, expires).compareTo(maxLifetime) > 0) {
            throw new WsSecurityException(WsSecurityException.TIMESTAMP_LIFETIME, "Timestamp valid from " + created
                    + " to " + expires + ": the lifetime must be positive and at most " + maxLifetime);
        }
        if (created.isAfter(now.plus(skew))) {
            throw new WsSecurityException(WsSecurityException.TIMESTAMP_FUTURE, "Timestamp created in the future: " + created);
        }
        if (!now.minus(skew).isBefore(expires)) {
            throw new WsSecurityException(WsSecurityException.TIMESTAMP_STALE, "Timestamp expired at " + expires);
        }
        if (created.isBefore(now.minus(maxAge).minus(skew))) {
            throw new WsSecurityException(WsSecurityException.TIMESTAMP_STALE,
                    "Timestamp created " + created + " is older than " + maxAge);
        }

        Element sigEl = one(Wss.children(security, Wss.DSIG, "Signature"), WsSecurityException.SIGNATURE_MISSING,
                WsSecurityException.SIGNATURE_MISSING, "ds:Signature");
        Element str = tokenReference(sigEl);
        SamlAssertion assertion = null;
        X509Certificate key;
        List<Element> keyIds = Wss.children(str, Wss.WSSE, "KeyIdentifier");
        List<Element> refs = Wss.children(str, Wss.WSSE, "Reference");
        if (keyIds.size() == 1 && Wss.SAML_ID.equals(keyIds.get(0).getAttribute("ValueType"))) {
            if (samlVerifier == null) {
                throw new WsSecurityException(WsSecurityException.TOKEN_UNSUPPORTED, "SAML tokens are not accepted here");
            }
            String id = keyIds.get(0).getTextContent().trim();
            Element token = null;
            for (Element a : Wss.children(security, Wss.SAML, "Assertion")) {
                if (id.equals(a.getAttribute("ID"))) {
                    token = a;
                }
            }
            if (token == null) {
                throw new WsSecurityException(WsSecurityException.TOKEN_MISSING,
                        "no saml2:Assertion with ID " + id + " in the security header");
            }
            assertion = samlVerifier.verify(token);
            key = assertion.holderOfKeyCertificate().orElseThrow(() -> new TokenException(TokenException.HOLDER_OF_KEY,
                    "the assertion confirms no holder-of-key"));
        } else if (refs.size() == 1 && keyIds.isEmpty()) {
            key = binaryToken(security, refs.get(0));
        } else {
            throw new WsSecurityException(WsSecurityException.TOKEN_UNSUPPORTED,
                    "SecurityTokenReference must hold one SAMLID KeyIdentifier or one Reference");
        }

        VerifiedSignature v;
        try {
            v = signatures.verifyWithTrustedCertificate(sigEl, key);
        } catch (SignatureException e) {
            if (assertion != null && SignatureException.KEY_MISMATCH.equals(e.reason())) {
                throw new TokenException(TokenException.HOLDER_OF_KEY,
                        "the message was not signed with the assertion's holder-of-key", e);
            }
            throw e;
        }
        if (assertion != null) {
            assertion.requireHolderOfKeyProof(v.certificate().getPublicKey());
        }
        requireSigned(v, body, "soap:Body");
        requireSigned(v, ts, "wsu:Timestamp");
        for (String name : Wss.ADDRESSING_SIGNED) {
            List<Element> found = Wss.children(header, Wss.WSA, name);
            if (found.size() > 1) {
                throw new WsSecurityException(WsSecurityException.ADDRESSING, "wsa:" + name + " occurs more than once");
            }
            if (found.isEmpty()) {
                if (requireAddressing && !name.equals("ReplyTo")) {
                    throw new WsSecurityException(WsSecurityException.ADDRESSING, "wsa:" + name + " is missing");
                }
                continue;
            }
            requireSigned(v, found.get(0), "wsa:" + name);
        }
        for (Element framework : Wss.children(header, Wss.SBF, "Framework")) {
            requireSigned(v, framework, "sbf:Framework");
        }
        if (requireTokenProtection && assertion != null && !v.protectsToken(assertion.element())) {
            throw new WsSecurityException(WsSecurityException.MISSING_REFERENCE,
                    "the SAML token is not protected by the signature (no STR-Transform reference to it)");
        }
        if (replays != null) {
            Instant acceptedUntil = expires.isBefore(created.plus(maxAge)) ? expires : created.plus(maxAge);
            refuseReplay(sigEl, acceptedUntil.plus(skew), now);
        }
        return new VerifiedMessage(version, header, body, created, expires, v, assertion);
    }

    /**
     * Remembers each accepted message until its Timestamp expires; a second sighting is a replay. The key is the
     * SHA-256 of the exclusive canonical form of ds:SignedInfo, i.e. of what was signed (the digests of Timestamp, Body
     * and addressing headers), never of the SignatureValue text, which an attacker can re-encode (lenient Base64) or
     * re-sign malleably (ECDSA) without changing the signed content.
     */
    private void refuseReplay(Element signature, Instant keepUntil, Instant now) {
        List<Element> signedInfo = Wss.children(signature, Wss.DSIG, "SignedInfo");
        if (signedInfo.size() != 1) {
            throw new WsSecurityException(WsSecurityException.REPLAY, "the signature must have exactly one SignedInfo");
        }
        String key;
        try {
            // The direct verification path has just canonicalised this SignedInfo (VerificationScope). Else
            // ExclusiveC14n writes the same bytes as Santuario's canonicaliser (tested byte for byte), without its
            // per-node overhead; Santuario's serves the trees it does not handle.
            byte[] digest = VerificationScope.canonicalFormSha256(signedInfo.get(0));
            if (digest == null) {
                digest = dk.rammearkitektur.signing.internal.ExclusiveC14n.digest(signedInfo.get(0),
                        dk.rammearkitektur.signing.DigestAlgorithm.SHA256);
            }
            if (digest == null) {
                java.io.ByteArrayOutputStream c14n = new java.io.ByteArrayOutputStream(1024);
                org.apache.xml.security.c14n.Canonicalizer
                        .getInstance(org.apache.xml.security.c14n.Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)
                        .canonicalizeSubtree(signedInfo.get(0), c14n);
                digest = java.security.MessageDigest.getInstance("SHA-256").digest(c14n.toByteArray());
            }
            key = java.util.Base64.getEncoder().encodeToString(digest);
        } catch (org.apache.xml.security.exceptions.XMLSecurityException | java.security.NoSuchAlgorithmException e) {
            throw new WsSecurityException(WsSecurityException.REPLAY, "SignedInfo could not be canonicalised", e);
        }
        switch (replays.sight(key, keepUntil, now)) {
            case REPLAY -> throw new WsSecurityException(WsSecurityException.REPLAY, "this signed message was already accepted");
            case FULL -> throw new WsSecurityException(WsSecurityException.REPLAY_CACHE_FULL,
                    "the replay cache is full of unexpired messages; the message is refused rather than risk a replay");
            default -> {
            }
        }
    }

    private X509Certificate binaryToken(Element security, Element ref) {
        if (certificateTrust == null) {
            throw new WsSecurityException(WsSecurityException.TOKEN_UNSUPPORTED, "BinarySecurityTokens are not accepted here");
        }
        String uri = ref.getAttribute("URI");
        if (!uri.startsWith("#")) {
            throw new WsSecurityException(WsSecurityException.TOKEN_UNSUPPORTED, "token reference must be local (#id)");
        }
        Element bst = null;
        for (Element b : Wss.children(security, Wss.WSSE, "BinarySecurityToken")) {
            if (uri.substring(1).equals(b.getAttributeNS(Wss.WSU, "Id"))) {
                bst = b;
            }
        }
        if (bst == null) {
            throw new WsSecurityException(WsSecurityException.TOKEN_MISSING, "no BinarySecurityToken " + uri + " in the header");
        }
        if (!Wss.X509V3.equals(bst.getAttribute("ValueType"))) {
            throw new WsSecurityException(WsSecurityException.TOKEN_UNSUPPORTED, "BinarySecurityToken must be X509v3");
        }
        X509Certificate cert;
        try {
            cert = DecodedCertificates.decode(bst.getTextContent());
        } catch (CertificateException | IllegalArgumentException e) {
            throw new WsSecurityException(WsSecurityException.TOKEN_UNSUPPORTED, "BinarySecurityToken is not a certificate", e);
        }
        try {
            certificateTrust.trustedCandidates(List.of(cert));
        } catch (dk.rammearkitektur.core.SecurityCheckException e) {
            throw new WsSecurityException(WsSecurityException.TOKEN_UNTRUSTED,
                    "BinarySecurityToken certificate not trusted: " + e.getMessage(), e);
        }
        return cert;
    }

    private static Element tokenReference(Element signature) {
        List<Element> kis = Wss.children(signature, Wss.DSIG, "KeyInfo");
        if (kis.size() != 1) {
            throw new WsSecurityException(WsSecurityException.TOKEN_MISSING, "the signature has no KeyInfo");
        }
        List<Element> strs = Wss.children(kis.get(0), Wss.WSSE, "SecurityTokenReference");
        if (strs.size() != 1) {
            throw new WsSecurityException(WsSecurityException.TOKEN_MISSING,
                    "KeyInfo must hold exactly one wsse:SecurityTokenReference");
        }
        return strs.get(0);
    }

    private static void requireSigned(VerifiedSignature v, Element part, String name) {
        if (!v.isSigned(part)) {
            throw new WsSecurityException(WsSecurityException.MISSING_REFERENCE, name + " is not signed");
        }
    }

    private static Element one(List<Element> found, String missing, String duplicate, String name) {
        if (found.isEmpty()) {
            throw new WsSecurityException(missing, name + " is missing");
        }
        if (found.size() > 1) {
            throw new WsSecurityException(duplicate, name + " occurs more than once");
        }
        return found.get(0);
    }

    private static Instant time(Element ts, String name) {
        List<Element> e = Wss.children(ts, Wss.WSU, name);
        if (e.size() != 1) {
            throw new WsSecurityException(WsSecurityException.TIMESTAMP_MALFORMED, "wsu:Timestamp." + name + " must occur once");
        }
        try {
            return DateTimes.parse(e.get(0).getTextContent().trim());
        } catch (DateTimeParseException ex) {
            throw new WsSecurityException(WsSecurityException.TIMESTAMP_MALFORMED,
                    "wsu:Timestamp." + name + " must be an xs:dateTime with a time zone", ex);
        }
    }

    /** Builds a {@link WsSecurityVerifier}. */
    public static final class Builder {
        private SignatureTrust certificateTrust;
        private SamlAssertionVerifier samlVerifier;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private Duration maxAge = Duration.ofMinutes(5);
        private Duration maxLifetime = Duration.ofMinutes(5);
        private boolean requireAddressing = true;
        private ReplayCache replays;
        private boolean allowReplays;
        private boolean requireTokenProtection;

        private Builder() {
        }

        /**
         * Requires that a SAML token is protected by the message signature (a policy's ProtectTokens): a reference
         * with the STR-Transform to a SecurityTokenReference naming the token; default off.
         */
        public Builder requireTokenProtection() {
            this.requireTokenProtection = true;
            return this;
        }

        /** Accepts SAML holder-of-key tokens verified by this verifier (issuer trust, audience, time). */
        public Builder samlTokens(SamlAssertionVerifier verifier) {
            this.samlVerifier = Objects.requireNonNull(verifier, "verifier == null");
            return this;
        }

        /** Accepts BinarySecurityTokens whose certificate this trust accepts. */
        public Builder binarySecurityTokens(SignatureTrust trust) {
            this.certificateTrust = Objects.requireNonNull(trust, "trust == null");
            return this;
        }

        /** The algorithm policy for the message signature. */
        public Builder policy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
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

        /** Refuses Timestamps created longer ago than this (plus skew), whatever their Expires says; default 5 minutes. */
        public Builder maxTimestampAge(Duration maxAge) {
            this.maxAge = positive(maxAge, "maxAge");
            return this;
        }

        /** Refuses Timestamps whose Expires lies more than this after their Created; default 5 minutes. */
        public Builder maxTimestampLifetime(Duration maxLifetime) {
            this.maxLifetime = positive(maxLifetime, "maxLifetime");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException(name + " must be positive and at most a day, was " + d);
            }
            return d;
        }

        /** Whether wsa:To, Action and MessageID must be present (default true); present ones must always be signed. */
        public Builder requireAddressing(boolean require) {
            this.requireAddressing = require;
            return this;
        }

        /**
         * The cache that refuses a message whose signed content was already accepted while its Timestamp is valid
         * ({@value WsSecurityException#REPLAY}). Default: a cache of this verifier's own holding
         * {@value ReplayCache#DEFAULT_MAX_ENTRIES} entries; pass one cache to every verifier of one service.
         */
        public Builder replayCache(ReplayCache cache) {
            this.replays = Objects.requireNonNull(cache, "cache == null");
            this.allowReplays = false;
            return this;
        }

        /**
         * Switches replay protection off: the same signed message is accepted again and again while its Timestamp is
         * valid. Only for tools and benchmarks that verify one message repeatedly, never for a service.
         */
        public Builder allowReplays() {
            this.allowReplays = true;
            this.replays = null;
            return this;
        }

        /** The verifier; at least one token kind must be configured. */
        public WsSecurityVerifier build() {
            if (samlVerifier == null && certificateTrust == null) {
                throw new IllegalStateException("configure samlTokens(...) and/or binarySecurityTokens(...)");
            }
            return new WsSecurityVerifier(this);
        }
    }
}
