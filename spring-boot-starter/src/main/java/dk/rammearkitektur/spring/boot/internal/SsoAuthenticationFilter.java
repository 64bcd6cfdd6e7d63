package dk.rammearkitektur.spring.boot.internal;

import dk.rammearkitektur.spring.boot.sso.SsoAuthentication;
import dk.rammearkitektur.sso.servlet.SsoSession;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * After {@code SsoFilter}: turns the login it found in the HTTP session into an {@link SsoAuthentication} in the
 * security context of this request (not saved: the session's login, with its end time, stays the one source).
 */
public final class SsoAuthenticationFilter implements Filter {
    private final SecurityContextHolderStrategy holder;

    /** A filter setting the context through {@code holder}. */
    public SsoAuthenticationFilter(SecurityContextHolderStrategy holder) {
        this.holder = holder;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SsoSession.login(request).ifPresent(login -> {
            Authentication current = Optional.ofNullable(holder.getContext()).map(SecurityContext::getAuthentication)
                    .orElse(null);
            if (!(current instanceof SsoAuthentication s) || s.login() != login) {
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(new SsoAuthentication(login));
                holder.setContext(context);
            }
        });
        chain.doFilter(request, response);
    }
}
