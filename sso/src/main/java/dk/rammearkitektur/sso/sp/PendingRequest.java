package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.sso.LevelOfAssurance;
import java.time.Instant;
import java.util.Optional;

/**
 * An AuthnRequest (or SP-initiated LogoutRequest) the service provider sent and waits for an answer to: the
 * application keeps it server-side (in a {@link PendingRequests} store) until the Response arrives. The RelayState sent with the request is opaque; the URL
 * to return to after login stays here, never in the browser.
 *
 * @param id the request's ID, which the answer must carry in InResponseTo
 * @param issuedAt when the request was built
 * @param expiresAt after this instant a Response to it is refused
 * @param relayState the opaque RelayState sent (at most 80 bytes)
 * @param returnUrl where the application sends the user after login (may be null)
 * @param minimumLevel the level of assurance asked for (may be null: none asked)
 */
public record PendingRequest(String id, Instant issuedAt, Instant expiresAt, String relayState, String returnUrl,
        LevelOfAssurance minimumLevel) {

    /** Checks the required components. */
    public PendingRequest {
        Checks.required(id, "id");
        Checks.required(issuedAt, "issuedAt");
        Checks.required(expiresAt, "expiresAt");
        Checks.required(relayState, "relayState");
    }

    /** The level of assurance asked for, if any. */
    public Optional<LevelOfAssurance> minimum() {
        return Optional.ofNullable(minimumLevel);
    }
}
