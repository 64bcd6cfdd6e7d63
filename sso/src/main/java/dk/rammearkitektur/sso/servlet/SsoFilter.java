package dk.rammearkitektur.sso.servlet;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.sso.internal.WebPages;
import dk.rammearkitektur.sso.internal.WebPaths;
import dk.rammearkitektur.sso.sp.LoginOptions;
import dk.rammearkitektur.sso.sp.LoginRedirect;
import dk.rammearkitektur.sso.sp.LogoutInstruction;
import dk.rammearkitektur.sso.sp.LogoutResult;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.sp.SsoLogin;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jakarta Servlet filter that logs users in with a {@link ServiceProvider}. Map it to {@code /*}; it serves
 *
 * <ul>
 *   <li>the login start ({@code GET /saml/login?returnTo=/path}): a redirect to the identity provider with a fresh,
 *       signed AuthnRequest; the return URL stays server-side and is used only when it is a same-origin path;</li>
 *   <li>the assertion consumer service (POST to the path of the service provider's ACS URL): the
 *       Response is accepted only from the browser that started its login (the login's RelayState is kept in an
 *       HttpOnly cookie; a Response whose RelayState this browser did not receive is refused
 *       with {@link SsoRefusedException#BROWSER}, against login CSRF), then consumed, the session id changed (session fixation), the login stored in the HTTP session and
 *       the browser sent to the return URL; a refusal is a 403 page showing the reason code only;</li>
 *   <li>the SP metadata ({@code GET /saml/metadata});</li>
 *   <li>the logout ({@code POST /saml/logout}; refused with 403 {@code sso.cross-site} when the browser says the
 *       form came from another site, by {@code Sec-Fetch-Site} or else {@code Origin}): the HTTP session is
 *       invalidated and, when the service provider has a SingleLogoutService, the browser is sent to the identity
 *       provider with a signed LogoutRequest for the login; otherwise to the logged-out page;</li>
 *   <li>the single logout service (GET or POST to the path of the service provider's SingleLogoutService URL): the
 *       identity provider's LogoutResponse sends the browser to the logged-out page; an IdP-initiated LogoutRequest
 *       ends this browser's session when its NameID and SessionIndex match, then the {@link SingleLogoutHook} (for
 *       sessions the application keeps elsewhere) and answers with a signed LogoutResponse redirect; a refusal is a 403
 *       page with the reason code.</li>
 * </ul>
 *
 * <p>and lets every other request through, with the login (while its SessionNotOnOrAfter has not passed) as the
 * request attribute {@link SsoSession#LOGIN_ATTRIBUTE}. On a protected path a request without login is sent to the
 * identity provider when it is a GET or HEAD, and answered 401 otherwise.
 *
 * <pre>{@code
 * SsoFilter filter = SsoFilter.builder(serviceProvider).protectedPaths("/sager/*", "/mine-rettigheder").build();
 * servletContext.addFilter("sso", filter).addMappingForUrlPatterns(null, false, "/*");
 * }</pre>
 */
public final class SsoFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(SsoFilter.class);
    /** The HTTP session attribute the login is kept under. */
    static final String SESSION_ATTRIBUTE = "dk.rammearkitektur.sso.session-login";
    /** The cookie holding the RelayStates of the logins this browser started (the newest last). */
    static final String LOGIN_COOKIE = "rammearkitektur-sso-login";
    /** The reason code of a logout form posted from another site. */
    static final String CROSS_SITE = "sso.cross-site";
    /** How many logins started in parallel (tabs) one browser may have open. */
    private static final int MAX_PENDING_LOGINS = 5;

    private final ServiceProvider sp;
    private final List<String> protectedPaths;
    private final String loginPath;
    /** The ACS path within the application when configured, else null. */
    private final String acsPath;
    /** The ACS path of the metadata's ACS URL (with the context path), used when {@link #acsPath} is null. */
    private final String acsUriPath;
    private final String metadataPath;
    private final String logoutPath;
    private final String landingPath;
    private final LoginOptions options;
    private final SingleLogoutHook singleLogout;
    /** The SLO path of the metadata's SingleLogoutService URL (with the context path), or null without one. */
    private final String sloUriPath;
    private final String loggedOutPath;
    private final Clock clock;

    private SsoFilter(Builder b) {
        this.sp = b.sp;
        this.protectedPaths = List.copyOf(b.protectedPaths);
        this.loginPath = b.loginPath;
        this.acsPath = b.acsPath;
        this.acsUriPath = b.acsPath != null ? null : WebPaths.acsPath(b.sp.metadata());
        this.metadataPath = b.metadataPath;
        this.logoutPath = b.logoutPath;
        this.landingPath = b.landingPath;
        this.options = b.options;
        this.singleLogout = b.singleLogout;
        this.sloUriPath = WebPaths.sloPath(b.sp.metadata()).orElse(null);
        this.loggedOutPath = b.loggedOutPath != null ? b.loggedOutPath : b.landingPath;
        this.clock = b.clock;
    }

    /** A builder for a filter in front of {@code serviceProvider}. */
    public static Builder builder(ServiceProvider serviceProvider) {
        return new Builder(Checks.required(serviceProvider, "serviceProvider"));
    }

    /**
     * Told of every verified IdP-initiated LogoutRequest, for applications that keep sessions the filter cannot see
     * (a server-side session store, other browsers' sessions): the browser that brings the request may not carry the
     * session cookie (a cross-site POST does not carry a SameSite=Lax cookie), so the filter can only end the session
     * of the browser in front of it.
     */
    @FunctionalInterface
    public interface SingleLogoutHook {
        /**
         * Ends the sessions of {@code instruction}'s NameID that {@link LogoutInstruction#covers(String)} names.
         * Called after the filter has ended this browser's matching session and before the LogoutResponse; an
         * exception fails the request (no Success is answered).
         *
         * @param instruction the verified request
         */
        void endSessions(LogoutInstruction instruction);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (path.equals(loginPath)) {
            if (read) {
                startLogin(request, response, WebPaths.sameOriginPath(request.getParameter("returnTo"))
                        .orElse(request.getContextPath() + landingPath));
            } else {
                methodNotAllowed(response, "GET");
            }
        } else if (acsPath != null ? path.equals(acsPath) : request.getRequestURI().equals(acsUriPath)) {
            if ("POST".equals(method)) {
                acs(request, response);
            } else {
                methodNotAllowed(response, "POST");
            }
        } else if (path.equals(metadataPath)) {
            if (read) {
                noStore(response);
                response.setContentType("application/samlmetadata+xml;charset=UTF-8");
                byte[] md = sp.metadata().getBytes(StandardCharsets.UTF_8);
                response.setContentLength(md.length);
                response.getOutputStream().write(md);
            } else {
                methodNotAllowed(response, "GET");
            }
        } else if (sloUriPath != null && request.getRequestURI().equals(sloUriPath)) {
            if (read || "POST".equals(method)) {
                singleLogoutService(request, response, read);
            } else {
                methodNotAllowed(response, "GET, POST");
            }
        } else if (path.equals(logoutPath)) {
            if ("POST".equals(method)) {
                logout(request, response);
            } else {
                methodNotAllowed(response, "POST");
            }
        } else {
            Optional<SsoLogin> login = current(request);
            login.ifPresent(l -> request.setAttribute(SsoSession.LOGIN_ATTRIBUTE, l));
            if (login.isPresent() || protectedPaths.stream().noneMatch(p -> WebPaths.matches(p, path))) {
                chain.doFilter(request, response);
            } else if (read) {
                String query = request.getQueryString();
                String here = request.getRequestURI() + (query == null ? "" : "?" + query);
                startLogin(request, response, WebPaths.sameOriginPath(here)
                        .orElse(request.getContextPath() + landingPath));
            } else {
                page(response, HttpServletResponse.SC_UNAUTHORIZED, "Login required",
                        "This request needs a logged-in user.", null, request.getContextPath() + loginPath);
            }
        }
    }

    /**
     * True when {@code request} goes to the ACS or the single logout service: the endpoints the identity provider's
     * cross-site messages arrive at, which carry no CSRF token of the application. Exempt exactly these from a
     * framework's CSRF check (the messages are signed), and no other endpoint of the filter.
     */
    public boolean identityProviderEndpoint(HttpServletRequest request) {
        String uri = request.getRequestURI();
        boolean acs = acsPath != null ? uri.equals(request.getContextPath() + acsPath) : uri.equals(acsUriPath);
        return acs || (sloUriPath != null && uri.equals(sloUriPath));
    }

    /** The session's login, if any and still inside its SessionNotOnOrAfter; an ended one is removed. */
    private Optional<SsoLogin> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object value;
        try {
            value = session.getAttribute(SESSION_ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (!(value instanceof SsoLogin login)) {
            return Optional.empty();
        }
        if (login.sessionNotOnOrAfter().map(end -> !clock.instant().isBefore(end)).orElse(false)) {
            session.removeAttribute(SESSION_ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(login);
    }

    private void startLogin(HttpServletRequest request, HttpServletResponse response, String returnUrl)
            throws IOException {
        LoginRedirect r = sp.authnRequest(options.returnUrl(returnUrl));
        List<String> started = new ArrayList<>(startedLogins(request));
        started.add(r.pending().relayState());
        while (started.size() > MAX_PENDING_LOGINS) {
            started.remove(0);
        }
        long maxAge = Math.max(1, java.time.Duration.between(clock.instant(), r.pending().expiresAt()).getSeconds());
        setLoginCookie(request, response, String.join(".", started), maxAge);
        noStore(response);
        response.sendRedirect(r.url());
    }

    private void acs(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String samlResponse = request.getParameter("SAMLResponse");
        String login = request.getContextPath() + loginPath;
        if (samlResponse == null || samlResponse.isEmpty()) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, "Login refused",
                    "The identity provider's answer is missing.", SsoRefusedException.MALFORMED, login);
            return;
        }
        String relayState = request.getParameter("RelayState");
        List<String> started = startedLogins(request);
        SsoLogin result;
        try {
            if (relayState == null || !started.contains(relayState)) {
                throw new SsoRefusedException(SsoRefusedException.BROWSER,
                        "RelayState: names no login started by this browser");
            }
            result = sp.consume(samlResponse, relayState);
        } catch (SsoRefusedException e) {
            // the message names the element and rule and never a CPR number (SsoRefusedException's contract)
            LOG.info("login refused: {}: {}{}", e.reason(), e.getMessage(),
                    e.statusCodes().isEmpty() ? "" : " " + e.statusCodes());
            page(response, HttpServletResponse.SC_FORBIDDEN, "Login refused",
                    "The login could not be accepted.", e.reason(), login);
            return;
        } catch (RammearkitekturException e) {
            LOG.info("login refused: {}", e.getClass().getSimpleName());
            page(response, HttpServletResponse.SC_FORBIDDEN, "Login refused",
                    "The login could not be accepted.", "sso.refused", login);
            return;
        }
        List<String> rest = new ArrayList<>(started);
        rest.remove(relayState);
        setLoginCookie(request, response, String.join(".", rest), rest.isEmpty() ? 0 : -1);
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // session fixation: the id the browser had before login is worthless now
        session.setAttribute(SESSION_ATTRIBUTE, result);
        LOG.debug("logged in: {}", result);
        String target = WebPaths.sameOriginPath(result.request().returnUrl())
                .orElse(request.getContextPath() + landingPath);
        noStore(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }

    /** The RelayStates in this browser's login cookie. */
    private static List<String> startedLogins(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        for (jakarta.servlet.http.Cookie c : cookies) {
            if (LOGIN_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() < 1024) {
                return List.of(c.getValue().split("\\.", MAX_PENDING_LOGINS + 1)).stream()
                        .filter(v -> !v.isEmpty()).toList();
            }
        }
        return List.of();
    }

    /**
     * Sets the login cookie; {@code maxAge} 0 removes it, -1 keeps the previous expiry unknown (a session cookie).
     * Over HTTPS it is {@code Secure; SameSite=None}, because the identity provider POSTs the Response from another
     * site and a Lax cookie is not sent on a cross-site POST; over plain HTTP (development only) {@code SameSite=Lax}
     * (the SDK's choice). The value is not secret beyond the login it binds: it is the RelayState the browser carries
     * to the identity provider anyway.
     */
    private void setLoginCookie(HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
        // the application's path, not the ACS's: RFC 2965 clients (java.net.CookieManager) drop a cookie whose Path
        // does not cover the URL that set it
        String path = request.getContextPath() + "/";
        StringBuilder c = new StringBuilder(LOGIN_COOKIE).append('=').append(value).append("; Path=").append(path)
                .append("; HttpOnly");
        if (maxAge >= 0) {
            // Expires as well: RFC 2965 clients (java.net.HttpCookie) take a cookie with Max-Age only for a version 1
            // cookie and send it back quoted
            c.append("; Expires=").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    clock.instant().plusSeconds(maxAge).atZone(java.time.ZoneOffset.UTC)))
                    .append("; Max-Age=").append(maxAge);
        }
        c.append(request.isSecure() ? "; Secure; SameSite=None" : "; SameSite=Lax");
        response.addHeader("Set-Cookie", c.toString());
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (crossSite(request)) {
            page(response, HttpServletResponse.SC_FORBIDDEN, "Logout refused",
                    "The logout form came from another site.", CROSS_SITE, null);
            return;
        }
        HttpSession session = request.getSession(false);
        SsoLogin login = null;
        if (session != null) {
            try {
                login = session.getAttribute(SESSION_ATTRIBUTE) instanceof SsoLogin l ? l : null;
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                login = null;
            }
        }
        String target = request.getContextPath() + loggedOutPath;
        if (login != null && sloUriPath != null) {
            try {
                target = sp.logoutRequest(login, target).url();
            } catch (RammearkitekturException e) {
                // the local session has ended; the identity provider cannot be asked (e.g. no SLO in its metadata)
                LOG.info("single logout not started: {}: {}", e.getClass().getSimpleName(), e.getMessage());
            }
        }
        noStore(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }

    /** The single logout service: a LogoutResponse to our request, or an IdP-initiated LogoutRequest. */
    private void singleLogoutService(HttpServletRequest request, HttpServletResponse response, boolean redirect)
            throws IOException {
        String query = request.getQueryString();
        String samlResponse = redirect ? null : request.getParameter("SAMLResponse");
        String samlRequest = redirect ? null : request.getParameter("SAMLRequest");
        boolean isResponse = redirect ? query != null && query.contains("SAMLResponse=") : samlResponse != null;
        boolean isRequest = redirect ? query != null && query.contains("SAMLRequest=") : samlRequest != null;
        if (isResponse == isRequest) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, "Logout refused",
                    "The identity provider's message is missing.", SsoRefusedException.MALFORMED, null);
            return;
        }
        try {
            if (isResponse) {
                LogoutResult result = redirect ? sp.consumeLogoutResponse(query)
                        : sp.consumeLogoutResponse(samlResponse, request.getParameter("RelayState"));
                endLocalSession(request); // already ended when the logout started; also when the browser came back
                LOG.debug("single logout done{}", result.partial() ? " (partial)" : "");
                noStore(response);
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + loggedOutPath);
            } else {
                LogoutInstruction instruction = redirect ? sp.consumeLogoutRequest(query)
                        : sp.consumeLogoutRequest(samlRequest, request.getParameter("RelayState"));
                Optional<SsoLogin> login = current(request);
                if (login.isPresent() && login.get().nameId().equals(instruction.nameId())
                        && instruction.covers(login.get().sessionIndex())) {
                    endLocalSession(request);
                }
                if (singleLogout != null) {
                    singleLogout.endSessions(instruction);
                }
                noStore(response);
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", sp.logoutResponse(instruction));
            }
        } catch (SsoRefusedException e) {
            LOG.info("logout message refused: {}: {}", e.reason(), e.getMessage());
            page(response, HttpServletResponse.SC_FORBIDDEN, "Logout refused",
                    "The identity provider's logout message could not be accepted.", e.reason(), null);
        } catch (RammearkitekturException e) {
            LOG.info("logout message refused: {}", e.getClass().getSimpleName());
            page(response, HttpServletResponse.SC_FORBIDDEN, "Logout refused",
                    "The identity provider's logout message could not be accepted.", "sso.refused", null);
        }
    }

    private static void endLocalSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing left to end
            }
        }
    }

    /**
     * True when the browser says this request comes from another site: {@code Sec-Fetch-Site} other than same-origin
     * or none, or, without it, an {@code Origin} other than this request's. A request with neither (not a current
     * browser) passes: the SDK's choice, as these headers are what a browser sends and a non-browser cannot be
     * forged into a request.
     */
    private static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !("same-origin".equals(site) || "none".equals(site));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        int port = request.getServerPort();
        String scheme = request.getScheme();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String own = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return !own.equalsIgnoreCase(origin);
    }

    private static void methodNotAllowed(HttpServletResponse response, String allowed) throws IOException {
        response.setHeader("Allow", allowed);
        page(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed",
                "This address takes " + allowed + " only.", null, null);
    }

    private static void page(HttpServletResponse response, int status, String title, String text, String reason,
            String loginHref) throws IOException {
        noStore(response);
        response.setStatus(status);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = WebPages.page(title, text, reason, loginHref).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    public String toString() {
        return "SsoFilter[" + sp.entityId() + ", acs=" + (acsPath != null ? acsPath : acsUriPath) + ", protected="
                + protectedPaths + "]";
    }

    /** Builds an {@link SsoFilter}; only the service provider is required. */
    public static final class Builder {
        private final ServiceProvider sp;
        private final List<String> protectedPaths = new ArrayList<>();
        private String loginPath = "/saml/login";
        private String acsPath;
        private String metadataPath = "/saml/metadata";
        private String logoutPath = "/saml/logout";
        private String landingPath = "/";
        private LoginOptions options = LoginOptions.defaults();
        private SingleLogoutHook singleLogout;
        private String loggedOutPath;
        private Clock clock = Clock.systemUTC();

        private Builder(ServiceProvider sp) {
            this.sp = sp;
        }

        /**
         * Paths (within the application) that need a logged-in user: {@code /a/b} exactly, {@code /a/*} for
         * {@code /a} and everything below, {@code /*} for all. Adds to those given before; default none.
         */
        public Builder protectedPaths(String... patterns) {
            Checks.required(patterns, "protectedPaths");
            for (int i = 0; i < patterns.length; i++) {
                protectedPaths.add(WebPaths.pattern(patterns[i], "protectedPaths[" + i + "]"));
            }
            return this;
        }

        /** The login start; default {@code /saml/login}. */
        public Builder loginPath(String path) {
            this.loginPath = WebPaths.endpoint(path, "loginPath");
            return this;
        }

        /**
         * The assertion consumer service, within the application; default: the request path (context path included)
         * equals the path of the ACS URL in the service provider's metadata.
         */
        public Builder acsPath(String path) {
            this.acsPath = WebPaths.endpoint(path, "acsPath");
            return this;
        }

        /** Where the SP metadata is served; default {@code /saml/metadata}. */
        public Builder metadataPath(String path) {
            this.metadataPath = WebPaths.endpoint(path, "metadataPath");
            return this;
        }

        /** The local logout (POST); default {@code /saml/logout}. */
        public Builder logoutPath(String path) {
            this.logoutPath = WebPaths.endpoint(path, "logoutPath");
            return this;
        }

        /** Where the browser goes after logout, or after login when there is no safe return URL; default {@code /}. */
        public Builder landingPath(String path) {
            this.landingPath = WebPaths.endpoint(path, "landingPath");
            return this;
        }

        /** The options of every login (minimum level, ForceAuthn); the return URL is set by the filter. */
        public Builder loginOptions(LoginOptions loginOptions) {
            this.options = Checks.required(loginOptions, "loginOptions");
            return this;
        }

        /** Where the browser goes when logout has ended; default the landing path. */
        public Builder loggedOutPath(String path) {
            this.loggedOutPath = WebPaths.endpoint(path, "loggedOutPath");
            return this;
        }

        /**
         * Told of IdP-initiated logout, to end sessions the application keeps itself; default none (only the
         * requesting browser's session is ended).
         */
        public Builder singleLogout(SingleLogoutHook hook) {
            this.singleLogout = Checks.required(hook, "singleLogout");
            return this;
        }

        /** The clock SessionNotOnOrAfter is checked against; default the system UTC clock. */
        public Builder clock(Clock c) {
            this.clock = Checks.required(c, "clock");
            return this;
        }

        /**
         * The filter.
         *
         * @throws ValidationException when two endpoints share a path, or the ACS path cannot be read from the metadata
         */
        public SsoFilter build() {
            SsoFilter f = new SsoFilter(this);
            List<String> endpoints = new ArrayList<>(List.of(f.loginPath, f.metadataPath, f.logoutPath));
            if (f.acsPath != null) {
                endpoints.add(f.acsPath);
            }
            if (endpoints.stream().distinct().count() != endpoints.size()) {
                throw new ValidationException("paths", "login, ACS, metadata and logout paths must differ");
            }
            return f;
        }
    }
}
