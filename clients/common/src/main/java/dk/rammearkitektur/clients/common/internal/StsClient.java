package dk.rammearkitektur.clients.common.internal;

/** Asks the security token service for a token; SOAP (WS-Trust 1.3) or REST (JSON). */
public interface StsClient {
    /**
     * Issues a holder-of-key token for the service {@code entityId} on behalf of the authority {@code cvr}.
     *
     * @throws dk.rammearkitektur.core.StsRefusedException when the STS refuses
     */
    IssuedToken issue(String entityId, String cvr, String correlationId);
}
