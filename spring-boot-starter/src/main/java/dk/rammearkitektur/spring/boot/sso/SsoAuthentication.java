package dk.rammearkitektur.spring.boot.sso;

import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.UserIdentity;
import dk.rammearkitektur.sso.sp.SsoLogin;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified SAML login as a Spring Security {@code Authentication}: the principal is the typed identity
 * ({@link Professional} or {@code Citizen}), the name its NameID, no credentials. The authorities are the SDK's
 * mapping: one authority per privilege (role URI, as written) of a professional's privilege groups scoped to the CVR
 * the professional logged in for ({@code Professional.rights().roles()}); a citizen has none. Data constraints are not
 * authorities: ask {@code Professional.rights().check(...)}.
 */
public final class SsoAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final transient SsoLogin login;

    /** The authentication of {@code login}. */
    public SsoAuthentication(SsoLogin login) {
        super(authorities(Objects.requireNonNull(login, "login").identity()));
        this.login = login;
        super.setAuthenticated(true);
    }

    /** The authorities of the SDK's mapping (see the class). */
    static List<GrantedAuthority> authorities(UserIdentity identity) {
        if (identity instanceof Professional p) {
            return p.rights().roles().stream().sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        }
        return List.of();
    }

    /** The login (identity, session index, assertion id). */
    public SsoLogin login() {
        return login;
    }

    @Override
    public UserIdentity getPrincipal() {
        return login.identity();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return login.identity().nameId();
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("an SsoAuthentication is authenticated by construction only");
        }
        super.setAuthenticated(false);
    }

    @Override
    public String toString() {
        return "SsoAuthentication[" + login + ", authorities=" + getAuthorities() + "]";
    }
}
