package dk.rammearkitektur.spring.boot.sso;

import dk.rammearkitektur.spring.boot.internal.SsoAuthenticationFilter;
import dk.rammearkitektur.sso.servlet.SsoFilter;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Installs SAML login in a Spring Security filter chain: the sso module's {@link SsoFilter} (login start
 * {@code GET /saml/login?returnTo=}, the ACS at the path of the service provider's ACS URL, {@code GET /saml/metadata},
 * SAML logout {@code POST /saml/logout} and the single logout service at the path of the service provider's SLO URL)
 * after the CSRF filter, with only the ACS and the SLO service exempt from CSRF (the identity provider's signed
 * messages carry no CSRF token; the logout form must send Spring's {@code _csrf}), an {@link SsoAuthentication} for
 * every request of a logged-in user, and an entry point that sends an unauthenticated GET or HEAD to the login start
 * and answers other methods 401. Protect paths with {@code authorizeHttpRequests}.
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain app(HttpSecurity http, ServiceProvider sp) throws Exception {
 *     return http.authorizeHttpRequests(a -> a.requestMatchers("/").permitAll().anyRequest().authenticated())
 *             .with(SsoSecurity.sso(sp))
 *             .build();
 * }
 * }</pre>
 */
public final class SsoSecurity extends AbstractHttpConfigurer<SsoSecurity, HttpSecurity> {
    private static final String LOGIN_PATH = "/saml/login";
    private final SsoFilter filter;

    private SsoSecurity(ServiceProvider serviceProvider) {
        this.filter = SsoFilter.builder(serviceProvider).loginPath(LOGIN_PATH).build();
    }

    /** The configurer for {@code serviceProvider}. */
    public static SsoSecurity sso(ServiceProvider serviceProvider) {
        if (serviceProvider == null) {
            throw new dk.rammearkitektur.core.ValidationException("serviceProvider", "is required");
        }
        return new SsoSecurity(serviceProvider);
    }

    @Override
    public void init(HttpSecurity http) {
        CsrfConfigurer<?> csrf = http.getConfigurer(CsrfConfigurer.class);
        if (csrf != null) {
            csrf.ignoringRequestMatchers(filter::identityProviderEndpoint);
        }
        http.exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
            String method = request.getMethod();
            if ("GET".equals(method) || "HEAD".equals(method)) {
                String query = request.getQueryString();
                String here = request.getRequestURI() + (query == null ? "" : "?" + query);
                // SsoFilter checks the return URL again (same-origin paths only)
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?returnTo="
                        + URLEncoder.encode(here, StandardCharsets.UTF_8));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
        }));
    }

    @Override
    public void configure(HttpSecurity http) {
        // after CsrfFilter, in this order (filters at the same position keep the order they were added in)
        http.addFilterAfter(filter, CsrfFilter.class);
        http.addFilterAfter(new SsoAuthenticationFilter(getSecurityContextHolderStrategy()), CsrfFilter.class);
    }
}
