package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.sso.internal.LogoutXml;
import java.util.List;

/**
 * The identity provider's verified answer to an SP-initiated logout whose top-level status is Success. A second-level
 * {@code PartialLogout} (some other session participant was not logged out) is reported by {@link #partial()}, not
 * hidden; any other top-level status is refused with {@link SsoRefusedException#STATUS}.
 *
 * @param request the logout request this answers (its return URL)
 * @param statusCodes the status codes, top level first
 */
public record LogoutResult(PendingRequest request, List<String> statusCodes) {
    /** Checks and copies the components. */
    public LogoutResult {
        Checks.required(request, "request");
        statusCodes = List.copyOf(Checks.required(statusCodes, "statusCodes"));
    }

    /** True when the IdP reports a partial logout (second-level status {@code PartialLogout}). */
    public boolean partial() {
        return statusCodes.contains(LogoutXml.PARTIAL_LOGOUT);
    }
}
