package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.sso.UserIdentity;
import java.time.Instant;
import java.util.Optional;

/**
 * A verified login: the identity read from a decrypted, signature-checked assertion that passed every profile check,
 * with what logout and session handling need. {@link #toString()} shows no personal data beyond the identity's own
 * (masked) {@code toString}.
 *
 * @param identity the typed identity ({@code Professional} or {@code Citizen})
 * @param nameId the Subject's NameID value
 * @param nameIdFormat the NameID Format (may be empty)
 * @param sessionIndex the AuthnStatement's SessionIndex (needed for logout)
 * @param sessionNotOnOrAfter the AuthnStatement's SessionNotOnOrAfter, if given
 * @param assertionId the assertion's ID
 * @param notOnOrAfter the assertion's Conditions NotOnOrAfter
 * @param request the request this login answered (its return URL)
 */
public record SsoLogin(UserIdentity identity, String nameId, String nameIdFormat, String sessionIndex,
        Optional<Instant> sessionNotOnOrAfter, String assertionId, Instant notOnOrAfter, PendingRequest request) {

    /** Checks the components. */
    public SsoLogin {
        Checks.required(identity, "identity");
        Checks.required(nameId, "nameId");
        Checks.required(sessionIndex, "sessionIndex");
        Checks.required(sessionNotOnOrAfter, "sessionNotOnOrAfter");
        Checks.required(assertionId, "assertionId");
        Checks.required(notOnOrAfter, "notOnOrAfter");
        Checks.required(request, "request");
    }

    @Override
    public String toString() {
        return "SsoLogin[" + identity + ", assertion=" + assertionId + ", session=" + sessionIndex + "]";
    }
}
