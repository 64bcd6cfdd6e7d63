package dk.rammearkitektur.examples;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.signing.wss.ReplayCache;
import dk.rammearkitektur.signing.wss.VerifiedMessage;
import dk.rammearkitektur.signing.wss.WsSecurityVerifier;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A service that receives calls the way Serviceplatformen delivers them with the STS token model: a SOAP request
 * with a SAML 2.0 holder-of-key token (sikkerhedsbillet) issued by the STS, signed by the caller with the key the
 * token names. The service checks the token (its Issuer is the configured STS and the signature was made with that
 * STS's pinned certificate, validity, audience = its own entity id, holder-of-key), that the request's WS-Security
 * signature was made with the token's key and covers Body, Timestamp and addressing headers, that the Timestamp is
 * fresh (created at most 5 minutes ago, valid for at most 5 minutes), that the same signed request was not accepted
 * before (replay protection, its memory bounded), and that the token carries the authority's CVR number.
 */
public final class VerifyIncomingTokenExample {
    private final WsSecurityVerifier verifier;

    /**
     * A caller the service has authenticated.
     *
     * @param cvr the authority (myndighed) the token was issued for
     * @param certificate the caller's certificate, the token's holder-of-key
     * @param assertion the verified token
     * @param payload the first element of the signed Body
     */
    public record Caller(String cvr, X509Certificate certificate, SamlAssertion assertion, Element payload) {
    }

    /** How many accepted requests the replay cache remembers (about 200 bytes each, so about 20 MB at most). */
    public static final int REPLAY_CACHE_ENTRIES = 100_000;

    /**
     * A service trusting tokens issued by {@code stsIssuer} with one of {@code stsCertificates} for the entity id
     * {@code audience}.
     *
     * @param stsIssuer the STS's issuer name, which tokens must carry
     * @param stsCertificates the STS's signing certificates (pinned)
     * @param audience this service's entity id, which tokens must name
     * @param clock the clock for token and timestamp validity
     * @param skew the tolerated clock skew
     */
    public VerifyIncomingTokenExample(String stsIssuer, List<X509Certificate> stsCertificates, String audience,
            Clock clock, Duration skew) {
        Objects.requireNonNull(stsIssuer, "stsIssuer == null");
        Objects.requireNonNull(stsCertificates, "stsCertificates == null");
        Objects.requireNonNull(audience, "audience == null");
        this.verifier = WsSecurityVerifier.builder().clock(clock).skew(skew)
                .samlTokens(SamlAssertionVerifier.builder(TrustedIssuer.pinned(stsIssuer, stsCertificates))
                        .audience(audience).clock(clock).skew(skew).build())
                .maxTimestampAge(Duration.ofMinutes(5))          // the defaults, spelled out
                .maxTimestampLifetime(Duration.ofMinutes(5))
                .replayCache(ReplayCache.inMemory(REPLAY_CACHE_ENTRIES))
                .build();
    }

    /**
     * A service configured by {@code service.entity-id} (its own entity id), {@code sts.issuer} (the STS's issuer
     * name) and {@code sts.certificates} (PEM), with a clock skew of 5 minutes.
     *
     * @throws dk.rammearkitektur.core.ValidationException naming a missing or unreadable key
     */
    public static VerifyIncomingTokenExample fromConfig(ExampleConfig config, Clock clock) {
        Objects.requireNonNull(config, "config == null");
        return new VerifyIncomingTokenExample(config.required("sts.issuer"), config.certificates("sts.certificates"),
                config.required("service.entity-id"), clock, Duration.ofMinutes(5));
    }

    /**
     * Verifies an incoming request as read from the wire (parsed with the hardened parser).
     *
     * @param request the SOAP envelope
     * @return the authenticated caller
     * @throws SecurityCheckException with a machine-readable {@code reason()} (for example {@code signature.invalid},
     *     {@code token.audience}, {@code token.issuer}, {@code wss.timestamp.stale}, {@code wss.replay}) when the
     *     request must be refused
     * @throws dk.rammearkitektur.core.XmlParseException when the request is not well-formed XML
     */
    public Caller verify(InputStream request) {
        return verify(SecureXml.parse(request));
    }

    /**
     * Verifies an incoming request already parsed with {@link SecureXml}.
     *
     * @param request the SOAP envelope
     * @return the authenticated caller
     * @throws SecurityCheckException with a machine-readable {@code reason()} when the request must be refused
     */
    public Caller verify(Document request) {
        VerifiedMessage message = verifier.verify(request);
        SamlAssertion token = message.assertion()
                .orElseThrow(() -> new TokenException(TokenException.MALFORMED, "the request carries no SAML token"));
        String cvr = token.attribute(SamlAssertion.CVR_ATTRIBUTE)
                .orElseThrow(() -> new TokenException(TokenException.MALFORMED, "the token names no CVR number"));
        return new Caller(cvr, message.signerCertificate(), token, message.payload());
    }
}
