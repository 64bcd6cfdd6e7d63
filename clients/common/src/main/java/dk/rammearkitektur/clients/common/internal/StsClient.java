package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.signing.SigningCredential;
import java.net.URI;
import java.time.Clock;

/** Asks the security token service for a token; SOAP (WS-Trust 1.3) or REST (JSON). */
public interface StsClient {
    /**
     * Issues a holder-of-key token for the service {@code entityId} on behalf of the authority {@code cvr}.
     *
     * @throws dk.rammearkitektur.core.StsRefusedException when the STS refuses
     */
    IssuedToken issue(String entityId, String cvr, String correlationId);

    /**
     * The STS client for {@code protocol}: {@link RestStsClient} at {@code rest} over {@code transport}'s HTTP
     * transport, or {@link SoapStsClient} at {@code soap} signing with {@code credential}.
     */
    static StsClient of(StsProtocol protocol, URI soap, URI rest, KeyMaterial keys, SoapTransport transport,
            SigningCredential credential, Clock clock, TokenVerificationSettings settings) {
        return protocol == StsProtocol.REST
                ? new RestStsClient(rest, keys, transport.http(), settings)
                : new SoapStsClient(soap, transport, credential, clock, settings);
    }
}
