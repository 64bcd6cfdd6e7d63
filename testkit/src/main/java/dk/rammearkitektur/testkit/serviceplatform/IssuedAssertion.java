package dk.rammearkitektur.testkit.serviceplatform;

import java.time.Instant;
import java.util.Objects;

/**
 * What a simulated STS issued one token for: never the token itself or any key, only who got it for what and how long
 * it is valid ({@link ServiceplatformSimulator#issuedTokens()}).
 *
 * @param issuedAt when it was issued, by the simulator's clock
 * @param issuer the token's Issuer
 * @param entityId the service it was issued for (audience)
 * @param subject the subject: the holder certificate's subject name
 * @param cvr the authority (CVR) it acts for
 * @param notBefore the start of its validity
 * @param notOnOrAfter the end of its validity
 */
public record IssuedAssertion(Instant issuedAt, String issuer, String entityId, String subject, String cvr,
        Instant notBefore, Instant notOnOrAfter) {
    /** Checks the parts. */
    public IssuedAssertion {
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(entityId, "entityId == null");
        Objects.requireNonNull(notBefore, "notBefore == null");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter == null");
    }
}
