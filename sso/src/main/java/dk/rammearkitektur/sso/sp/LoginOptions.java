package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.sso.LevelOfAssurance;
import java.util.Optional;

/**
 * Options for one login: the minimum level of assurance (sent as RequestedAuthnContext with Comparison
 * {@code minimum} and checked on the answer), ForceAuthn, IsPassive and the URL to return to (kept server-side in the
 * {@link PendingRequest}). Immutable.
 */
public final class LoginOptions {
    private final LevelOfAssurance minimumLevel;
    private final boolean forceAuthn;
    private final boolean passive;
    private final String returnUrl;

    private LoginOptions(LevelOfAssurance minimumLevel, boolean forceAuthn, boolean passive, String returnUrl) {
        this.minimumLevel = minimumLevel;
        this.forceAuthn = forceAuthn;
        this.passive = passive;
        this.returnUrl = returnUrl;
    }

    /** No level asked for (the profile's default applies), no ForceAuthn, not passive, no return URL. */
    public static LoginOptions defaults() {
        return new LoginOptions(null, false, false, null);
    }

    /** These options asking for at least {@code level}. */
    public LoginOptions minimumLevel(LevelOfAssurance level) {
        return new LoginOptions(Checks.required(level, "level"), forceAuthn, passive, returnUrl);
    }

    /** These options with ForceAuthn set. */
    public LoginOptions forceAuthn(boolean force) {
        return new LoginOptions(minimumLevel, force, passive, returnUrl);
    }

    /** These options with IsPassive set. */
    public LoginOptions passive(boolean isPassive) {
        return new LoginOptions(minimumLevel, forceAuthn, isPassive, returnUrl);
    }

    /** These options with the URL to return to after login (stored server-side, never sent). */
    public LoginOptions returnUrl(String url) {
        return new LoginOptions(minimumLevel, forceAuthn, passive, Checks.required(url, "url"));
    }

    /** The minimum level of assurance asked for, if set. */
    public Optional<LevelOfAssurance> minimumLevel() {
        return Optional.ofNullable(minimumLevel);
    }

    /** Whether ForceAuthn is set. */
    public boolean forceAuthn() {
        return forceAuthn;
    }

    /** Whether IsPassive is set. */
    public boolean passive() {
        return passive;
    }

    /** The return URL, if set. */
    public Optional<String> returnUrl() {
        return Optional.ofNullable(returnUrl);
    }
}
