package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;

/**
 * A built SP-initiated logout: the URL to redirect the browser to (the identity provider's HTTP-Redirect
 * SingleLogoutService with the signed {@code SAMLRequest}, {@code RelayState}, {@code SigAlg} and {@code Signature})
 * and the logout request now pending, which {@link ServiceProvider#logoutRequest} has already stored.
 *
 * @param url the redirect URL
 * @param pending the pending logout request (its {@code minimumLevel} is always null)
 */
public record LogoutRedirect(String url, PendingRequest pending) {
    /** Checks the components. */
    public LogoutRedirect {
        Checks.required(url, "url");
        Checks.required(pending, "pending");
    }
}
