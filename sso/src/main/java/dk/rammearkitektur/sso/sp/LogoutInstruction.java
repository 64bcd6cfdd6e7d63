package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import java.util.List;

/**
 * A verified IdP-initiated LogoutRequest: the application ends the sessions of this NameID (all of them when
 * {@link #sessionIndexes()} is empty, else those with these SessionIndex values), then sends the browser to
 * {@link ServiceProvider#logoutResponse(LogoutInstruction)}. {@link #toString()} shows no NameID.
 *
 * @param requestId the LogoutRequest's ID (the answer's InResponseTo)
 * @param nameId the NameID value
 * @param nameIdFormat the NameID Format (empty when absent)
 * @param nameQualifier the NameQualifier (empty when absent)
 * @param spNameQualifier the SPNameQualifier (empty when absent)
 * @param sessionIndexes the SessionIndex values (may be empty)
 * @param relayState the RelayState received, to return with the answer (may be null)
 */
public record LogoutInstruction(String requestId, String nameId, String nameIdFormat, String nameQualifier,
        String spNameQualifier, List<String> sessionIndexes, String relayState) {

    /** Checks and copies the components. */
    public LogoutInstruction {
        Checks.required(requestId, "requestId");
        Checks.required(nameId, "nameId");
        Checks.required(nameIdFormat, "nameIdFormat");
        Checks.required(nameQualifier, "nameQualifier");
        Checks.required(spNameQualifier, "spNameQualifier");
        sessionIndexes = List.copyOf(Checks.required(sessionIndexes, "sessionIndexes"));
    }

    /** True when the request names the session {@code sessionIndex} (or names no session, so all of them). */
    public boolean covers(String sessionIndex) {
        return sessionIndexes.isEmpty() || sessionIndexes.contains(sessionIndex);
    }

    @Override
    public String toString() {
        return "LogoutInstruction[" + requestId + ", sessions=" + sessionIndexes.size() + "]";
    }
}
