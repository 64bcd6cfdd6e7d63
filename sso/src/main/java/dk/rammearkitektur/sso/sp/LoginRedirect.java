package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;

/**
 * A built login: the URL to redirect the browser to (the identity provider's SSO endpoint with the signed
 * {@code SAMLRequest}, {@code RelayState}, {@code SigAlg} and {@code Signature}) and the request now pending, which
 * {@link ServiceProvider#authnRequest} has already put in its {@link PendingRequests} store.
 *
 * @param url the redirect URL
 * @param pending the pending request
 */
public record LoginRedirect(String url, PendingRequest pending) {
    /** Checks the components. */
    public LoginRedirect {
        Checks.required(url, "url");
        Checks.required(pending, "pending");
    }
}
