package dk.rammearkitektur.sso.servlet;

import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.UserIdentity;
import dk.rammearkitektur.sso.sp.SsoLogin;
import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * The login of the current request, as {@link SsoFilter} found it in the HTTP session (and still valid): read it in a
 * servlet, controller or JSP behind the filter.
 *
 * <pre>{@code
 * Professional p = SsoSession.professional(request).orElseThrow();
 * if (p.rights().check(AccessRequest.role(ROLE).kle("32.18.00")).granted()) { ... }
 * }</pre>
 */
public final class SsoSession {
    /** The request attribute holding the {@link SsoLogin} (set by the filter on every request of a logged-in user). */
    public static final String LOGIN_ATTRIBUTE = "dk.rammearkitektur.sso.login";

    private SsoSession() {
    }

    /** The login of this request, if the user is logged in. */
    public static Optional<SsoLogin> login(ServletRequest request) {
        return request.getAttribute(LOGIN_ATTRIBUTE) instanceof SsoLogin l ? Optional.of(l) : Optional.empty();
    }

    /** The identity ({@code Professional} or {@code Citizen}) of this request, if the user is logged in. */
    public static Optional<UserIdentity> identity(ServletRequest request) {
        return login(request).map(SsoLogin::identity);
    }

    /** The professional (caseworker or business user) of this request, if one is logged in. */
    public static Optional<Professional> professional(ServletRequest request) {
        return identity(request).filter(Professional.class::isInstance).map(Professional.class::cast);
    }
}
