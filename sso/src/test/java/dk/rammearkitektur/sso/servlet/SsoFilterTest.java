package dk.rammearkitektur.sso.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.sp.LogoutInstruction;
import dk.rammearkitektur.sso.sp.PendingRequest;
import dk.rammearkitektur.sso.sp.PendingRequests;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.sp.TestResponses;
import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The filter in a real servlet container (embedded Tomcat on loopback, context path {@code /app}), driven over HTTP
 * by a cookie-keeping client that follows no redirects; the identity provider's answers come from the sso module's
 * test IdP.
 */
@Timeout(120)
class SsoFilterTest {
    private static final String ACS = "http://127.0.0.1/app/saml/acs";
    private static final String SLO = "http://127.0.0.1/app/saml/slo";
    private static final List<LogoutInstruction> HOOK = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final AtomicReference<PendingRequest> LAST = new AtomicReference<>();
    private static WebTestSupport.EmbeddedTomcat tomcat;
    private static URI app;

    @BeforeAll
    static void start() throws Exception {
        PendingRequests store = PendingRequests.inMemory(100);
        PendingRequests recording = new PendingRequests() {
            @Override
            public void put(PendingRequest request) {
                LAST.set(request);
                store.put(request);
            }

            @Override
            public Optional<PendingRequest> take(String id) {
                return store.take(id);
            }
        };
        ServiceProvider sp = TestResponses.serviceProviderWithLogout(ACS, SLO, Clock.systemUTC())
                .pendingRequests(recording).build();
        SsoFilter filter = SsoFilter.builder(sp).protectedPaths("/cases/*", "/me")
                .singleLogout(HOOK::add).build();
        tomcat = WebTestSupport.EmbeddedTomcat.start("/app", 0, filter, new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if (req.getRequestURI().endsWith("/session")) {
                    req.getSession(true);
                }
                resp.setContentType("text/plain;charset=UTF-8");
                resp.getWriter().print(req.getMethod() + " " + req.getRequestURI() + " as "
                        + SsoSession.professional(req).map(p -> p.cvr() + " " + p.rights().roles()).orElse("nobody"));
            }
        });
        app = tomcat.uri();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    private static HttpClient client() throws Exception {
        return WebTestSupport.browser();
    }

    private static HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return WebTestSupport.get(c, app.resolve(path));
    }

    private static HttpResponse<String> post(HttpClient c, String path, Map<String, String> form) throws Exception {
        return WebTestSupport.post(c, app.resolve(path), form);
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("(none)");
    }

    private static String sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("JSESSIONID="))
                .map(s -> s.substring(0, s.indexOf(';'))).findFirst().orElse("(none)");
    }

    /** Starts a login at a protected page and answers it: the ACS's answer. */
    private static HttpResponse<String> login(HttpClient c, String page, String audience) throws Exception {
        HttpResponse<String> redirect = get(c, page);
        assertEquals(302, redirect.statusCode(), redirect.body());
        assertTrue(location(redirect).startsWith("https://idp.test.example/sso?SAMLRequest="), location(redirect));
        PendingRequest pending = LAST.get();
        String answer = TestResponses.answer(pending.id(), ACS, Instant.now(), TestResponses.professional(), audience);
        return post(c, "saml/acs", Map.of("SAMLResponse", answer, "RelayState", pending.relayState()));
    }

    @Test
    void protectedPageLogsInChangesTheSessionIdShowsTheIdentityAndLogsOut() throws Exception {
        HttpClient c = client();
        String before = sessionCookie(get(c, "session"));
        assertTrue(before.startsWith("JSESSIONID="), before);
        HttpResponse<String> acs = login(c, "cases/42?tab=documents", TestResponses.SP_ENTITY);
        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals("/app/cases/42?tab=documents", location(acs));
        assertEquals("/app/cases/42?tab=documents", LAST.get().returnUrl());
        String after = sessionCookie(acs);
        assertTrue(after.startsWith("JSESSIONID="), after);
        assertNotEquals(before, after, "the session id must change at login");
        assertEquals("no-store", acs.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> page = get(c, "cases/42?tab=documents");
        assertEquals(200, page.statusCode());
        assertEquals("GET /app/cases/42 as 11111111 [" + TestResponses.ROLE + "]", page.body());
        assertEquals(200, post(c, "cases/42", Map.of("note", "x")).statusCode());

        HttpResponse<String> logout = post(c, "saml/logout", Map.of());
        assertEquals(303, logout.statusCode());
        assertTrue(location(logout).startsWith(TestResponses.IDP_SLO + "?SAMLRequest="), location(logout));
        Map<String, String> sent = TestResponses.readLogoutRequest(location(logout));
        assertEquals("_session-1", sent.get("SessionIndex"));
        assertEquals(302, get(c, "cases/42").statusCode(), "logged out: the protected page asks the IdP again");
        assertEquals("GET /app/open as nobody", get(c, "open").body());

        HttpResponse<String> back = get(c, "saml/slo?" + TestResponses.logoutResponseQuery(SLO, sent.get("ID"),
                sent.get("RelayState")));
        assertEquals(303, back.statusCode(), back.body());
        assertEquals("/app/", location(back), "the logged-out page");
        HttpResponse<String> twice = get(c, "saml/slo?" + TestResponses.logoutResponseQuery(SLO, sent.get("ID"),
                sent.get("RelayState")));
        assertEquals(403, twice.statusCode());
        assertTrue(twice.body().contains(">sso.in-response-to<"), twice.body());
    }

    @Test
    void aLogoutFormFromAnotherSiteIsRefusedAndTheSessionStays() throws Exception {
        HttpClient c = client();
        assertEquals(303, login(c, "cases/5", TestResponses.SP_ENTITY).statusCode());
        for (Map.Entry<String, String> header : List.of(Map.entry("Origin", "https://evil.example"),
                Map.entry("Sec-Fetch-Site", "cross-site"), Map.entry("Sec-Fetch-Site", "same-site"))) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(app.resolve("saml/logout"))
                    .timeout(Duration.ofSeconds(30)).header(header.getKey(), header.getValue())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), header.toString());
            assertTrue(r.body().contains(">sso.cross-site<"), r.body());
            assertEquals(200, get(c, "cases/5").statusCode(), "still logged in after " + header);
        }
        String own = app.getScheme() + "://" + app.getHost() + ":" + app.getPort();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(app.resolve("saml/logout"))
                .timeout(Duration.ofSeconds(30)).header("Origin", own)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(302, get(c, "cases/5").statusCode());
    }

    @Test
    void anIdpInitiatedLogoutEndsTheMatchingSessionTellsTheHookAndAnswersSigned() throws Exception {
        HttpClient c = client();
        assertEquals(303, login(c, "cases/6", TestResponses.SP_ENTITY).statusCode());
        HOOK.clear();
        HttpResponse<String> other = post(c, "saml/slo", Map.of("SAMLRequest",
                TestResponses.logoutRequest(SLO, "_another-session", true)));
        assertEquals(303, other.statusCode(), other.body());
        assertTrue(location(other).startsWith(TestResponses.IDP_SLO + "?SAMLResponse="), location(other));
        assertEquals(200, get(c, "cases/6").statusCode(), "another SessionIndex: this session stays");
        assertEquals(1, HOOK.size(), "the hook hears of every verified request");

        HttpResponse<String> mine = get(c, "saml/slo?" + TestResponses.logoutRequest(SLO, "_session-1", false));
        assertEquals(303, mine.statusCode(), mine.body());
        assertTrue(location(mine).startsWith(TestResponses.IDP_SLO + "?SAMLResponse="), location(mine));
        assertTrue(location(mine).contains("&Signature="), location(mine));
        assertEquals(302, get(c, "cases/6").statusCode(), "the session has ended");
        assertEquals(List.of("_session-1"), HOOK.get(1).sessionIndexes());

        String unsigned = TestResponses.logoutRequest(SLO, "_session-1", false).replaceAll("&Signature=.*", "");
        HttpResponse<String> forged = get(c, "saml/slo?" + unsigned);
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains(">sso.query-signature<"), forged.body());
        assertEquals(2, HOOK.size(), "a refused request reaches no hook");
        HttpResponse<String> empty = get(c, "saml/slo");
        assertEquals(400, empty.statusCode());
        assertEquals(405, c.send(HttpRequest.newBuilder(app.resolve("saml/slo")).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void theLoginEndsAtTheAssertionsSessionNotOnOrAfter() throws Exception {
        HttpClient c = client();
        assertEquals(302, get(c, "me").statusCode());
        PendingRequest pending = LAST.get();
        Instant end = Instant.now().plusSeconds(2);
        String answer = TestResponses.answer(pending.id(), ACS, Instant.now(), TestResponses.professional(),
                TestResponses.SP_ENTITY, end);
        assertEquals(303, post(c, "saml/acs", Map.of("SAMLResponse", answer, "RelayState", pending.relayState()))
                .statusCode());
        assertEquals("GET /app/me as 11111111 [" + TestResponses.ROLE + "]", get(c, "me").body());
        for (int i = 0; i < 40 && !Instant.now().isAfter(end.plusMillis(50)); i++) {
            Thread.sleep(100);
        }
        HttpResponse<String> after = get(c, "me");
        assertEquals(302, after.statusCode(), after.body());
        assertTrue(location(after).startsWith("https://idp.test.example/sso?SAMLRequest="), location(after));
        assertEquals("GET /app/open as nobody", get(c, "open").body());
    }

    @Test
    void openPagesPassAndShowTheLoginWhenThereIsOne() throws Exception {
        HttpClient c = client();
        assertEquals("GET /app/open as nobody", get(c, "open").body());
        assertEquals(303, login(c, "me", TestResponses.SP_ENTITY).statusCode());
        assertEquals("GET /app/open as 11111111 [" + TestResponses.ROLE + "]", get(c, "open").body());
        assertEquals(200, get(c, "me").statusCode());
        HttpClient anonymous = client();
        assertEquals(302, get(anonymous, "me").statusCode());
        assertEquals(200, get(anonymous, "mex").statusCode(), "/me is exact: /mex is open");
        assertEquals(302, get(anonymous, "cases").statusCode(), "/cases/* covers /cases itself");
        assertEquals(200, get(anonymous, "casesx").statusCode());
    }

    @Test
    void withoutLoginAPostToAProtectedPathIs401AndStartsNoLogin() throws Exception {
        LAST.set(null);
        HttpResponse<String> r = post(client(), "cases/42", Map.of("note", "x"));
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("/app/saml/login"), r.body());
        assertEquals(null, LAST.get());
    }

    @Test
    void aRefusedLoginIsA403PageWithTheReasonCodeOnlyAndNoSession() throws Exception {
        HttpClient c = client();
        HttpResponse<String> r = login(c, "cases/1", "https://saml.another-sp.example");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("<code id=\"reason\">sso.audience</code>"), r.body());
        assertFalse(r.body().contains("Audience"), "no internals: " + r.body());
        assertEquals("text/html;charset=UTF-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("default-src 'none'", r.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals(302, get(c, "cases/1").statusCode(), "not logged in");
    }

    @Test
    void aResponsePostedTwiceIsRefusedTheSecondTime() throws Exception {
        HttpClient c = client();
        assertEquals(302, get(c, "cases/7").statusCode());
        PendingRequest pending = LAST.get();
        Map<String, String> form = Map.of("SAMLResponse", TestResponses.answer(pending.id(), ACS, Instant.now(),
                TestResponses.professional(), TestResponses.SP_ENTITY), "RelayState", pending.relayState());
        HttpResponse<String> first = post(c, "saml/acs", form);
        assertEquals(303, first.statusCode());
        assertTrue(first.headers().allValues("Set-Cookie").stream()
                .anyMatch(v -> v.startsWith(SsoFilter.LOGIN_COOKIE + "=;") && v.contains("Max-Age=0")),
                "the used login is removed from the cookie: " + first.headers().allValues("Set-Cookie"));
        HttpResponse<String> again = post(c, "saml/acs", form);
        assertEquals(403, again.statusCode());
        assertTrue(again.body().contains(">sso.browser<"), again.body());
    }

    @Test
    void aResponseToALoginStartedByAnotherBrowserIsRefusedAndTheStarterStillLogsIn() throws Exception {
        HttpClient a = client();
        HttpResponse<String> start = get(a, "cases/9");
        assertEquals(302, start.statusCode());
        String cookie = start.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith(SsoFilter.LOGIN_COOKIE + "=")).findFirst().orElse("(none)");
        assertTrue(cookie.contains("; Path=/app/;") && cookie.contains("; HttpOnly"), cookie);
        PendingRequest pending = LAST.get();
        assertTrue(cookie.contains("=" + pending.relayState() + ";"), cookie);
        Map<String, String> form = Map.of("SAMLResponse", TestResponses.answer(pending.id(), ACS, Instant.now(),
                TestResponses.professional(), TestResponses.SP_ENTITY), "RelayState", pending.relayState());

        HttpClient b = client();
        assertEquals(302, get(b, "cases/10").statusCode(), "b has started a login of its own");
        HttpResponse<String> stolen = post(b, "saml/acs", form);
        assertEquals(403, stolen.statusCode());
        assertTrue(stolen.body().contains("<code id=\"reason\">sso.browser</code>"), stolen.body());
        assertEquals(302, get(b, "cases/9").statusCode(), "b is not logged in");
        HttpResponse<String> noCookie = post(client(), "saml/acs", form);
        assertEquals(403, noCookie.statusCode());
        assertTrue(noCookie.body().contains(">sso.browser<"), noCookie.body());

        HttpResponse<String> own = post(a, "saml/acs", form);
        assertEquals(303, own.statusCode(), own.body());
        assertEquals("/app/cases/9", location(own));
        assertEquals(200, get(a, "cases/9").statusCode());
    }

    @Test
    void aBrowserMayHaveSeveralLoginsOpenAndTheOldestBeyondFiveAreForgotten() throws Exception {
        HttpClient c = client();
        List<PendingRequest> started = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assertEquals(302, get(c, "cases/" + i).statusCode());
            started.add(LAST.get());
        }
        PendingRequest oldest = started.get(0);
        HttpResponse<String> forgotten = post(c, "saml/acs", Map.of("SAMLResponse", TestResponses.answer(oldest.id(),
                ACS, Instant.now(), TestResponses.professional(), TestResponses.SP_ENTITY),
                "RelayState", oldest.relayState()));
        assertEquals(403, forgotten.statusCode());
        assertTrue(forgotten.body().contains(">sso.browser<"), forgotten.body());
        PendingRequest second = started.get(1);
        HttpResponse<String> kept = post(c, "saml/acs", Map.of("SAMLResponse", TestResponses.answer(second.id(),
                ACS, Instant.now(), TestResponses.professional(), TestResponses.SP_ENTITY),
                "RelayState", second.relayState()));
        assertEquals(303, kept.statusCode(), kept.body());
        assertEquals("/app/cases/1", location(kept));
    }

    @Test
    void aLoginWithoutCvrIsRefusedWithTheIdentityReason() throws Exception {
        HttpClient c = client();
        assertEquals(302, get(c, "cases/8").statusCode());
        PendingRequest pending = LAST.get();
        Map<String, List<String>> attributes = new java.util.LinkedHashMap<>(TestResponses.professional());
        attributes.remove(Identities.PROFESSIONAL_CVR);
        HttpResponse<String> r = post(c, "saml/acs", Map.of("SAMLResponse", TestResponses.answer(pending.id(), ACS,
                Instant.now(), attributes, TestResponses.SP_ENTITY), "RelayState", pending.relayState()));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains(">sso.identity<"), r.body());
    }

    @Test
    void theLoginStartKeepsOnlySameOriginReturnUrls() throws Exception {
        HttpClient c = client();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/app/cases/3?x=1", "/app/cases/3?x=1");
        cases.put("//evil.example/x", "/app/");
        cases.put("/\\evil.example", "/app/");
        cases.put("https://evil.example/", "/app/");
        cases.put("javascript:alert(1)", "/app/");
        cases.put("/\t/evil.example", "/app/");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            HttpResponse<String> r = get(c, "saml/login?returnTo=" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8));
            assertEquals(302, r.statusCode(), e.getKey());
            assertEquals(e.getValue(), LAST.get().returnUrl(), e.getKey());
        }
        assertEquals(302, get(c, "saml/login").statusCode());
        assertEquals("/app/", LAST.get().returnUrl());
    }

    @Test
    void endpointsServeMetadataAndRefuseOtherMethods() throws Exception {
        HttpClient c = client();
        HttpResponse<String> md = get(c, "saml/metadata");
        assertEquals(200, md.statusCode());
        assertEquals("application/samlmetadata+xml;charset=UTF-8", md.headers().firstValue("Content-Type").orElse(""));
        assertTrue(md.body().contains("entityID=\"" + TestResponses.SP_ENTITY + "\""), md.body());
        assertTrue(md.body().contains("Location=\"" + ACS + "\""), md.body());
        HttpResponse<String> acsGet = get(c, "saml/acs");
        assertEquals(405, acsGet.statusCode());
        assertEquals("POST", acsGet.headers().firstValue("Allow").orElse(""));
        assertEquals(405, get(c, "saml/logout").statusCode());
        assertEquals(405, post(c, "saml/login", Map.of()).statusCode());
        assertEquals(405, post(c, "saml/metadata", Map.of()).statusCode());
        HttpResponse<String> empty = post(c, "saml/acs", Map.of("RelayState", "x"));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains(">sso.malformed<"), empty.body());
        HttpResponse<String> unbound = post(c, "saml/acs", Map.of("SAMLResponse", "<<not base64>>", "RelayState", "x"));
        assertEquals(403, unbound.statusCode());
        assertTrue(unbound.body().contains(">sso.browser<"), "checked before parsing: " + unbound.body());
        assertEquals(302, get(c, "saml/login").statusCode());
        HttpResponse<String> junk = post(c, "saml/acs", Map.of("SAMLResponse", "<<not base64>>",
                "RelayState", LAST.get().relayState()));
        assertEquals(403, junk.statusCode());
        assertTrue(junk.body().contains(">sso.malformed<"), junk.body());
    }

    private static HttpServletRequest request(String contextPath, String uri) {
        return (HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(SsoFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getRequestURI" -> uri;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void onlyTheAcsAndTheSloServiceAreIdentityProviderEndpoints() {
        SsoFilter f = SsoFilter.builder(TestResponses.serviceProviderWithLogout(ACS, SLO, Clock.systemUTC()).build())
                .build();
        assertTrue(f.identityProviderEndpoint(request("/app", "/app/saml/acs")));
        assertTrue(f.identityProviderEndpoint(request("/app", "/app/saml/slo")));
        for (String other : List.of("/app/saml/logout", "/app/saml/login", "/app/saml/acs/x", "/app/cases/1", "/saml/acs")) {
            assertFalse(f.identityProviderEndpoint(request("/app", other)), other);
        }
        SsoFilter noSlo = SsoFilter.builder(TestResponses.serviceProvider(ACS, Clock.systemUTC()).build())
                .acsPath("/saml/acs").build();
        assertTrue(noSlo.identityProviderEndpoint(request("/app", "/app/saml/acs")));
        assertFalse(noSlo.identityProviderEndpoint(request("/app", "/app/saml/slo")));
    }

    @Test
    void theBuilderRefusesBadPathsNamingThem() {
        ServiceProvider sp = TestResponses.serviceProvider(ACS, Clock.systemUTC()).build();
        ValidationException bad = assertThrows(ValidationException.class,
                () -> SsoFilter.builder(sp).protectedPaths("/ok/*", "cases"));
        assertEquals("protectedPaths[1]", bad.violations().get(0).path());
        assertEquals("protectedPaths[0]", assertThrows(ValidationException.class,
                () -> SsoFilter.builder(sp).protectedPaths("/a/*/b")).violations().get(0).path());
        assertEquals("loginPath", assertThrows(ValidationException.class,
                () -> SsoFilter.builder(sp).loginPath("//evil")).violations().get(0).path());
        assertEquals("paths", assertThrows(ValidationException.class,
                () -> SsoFilter.builder(sp).logoutPath("/saml/login").build()).violations().get(0).path());
        assertEquals("serviceProvider", assertThrows(ValidationException.class,
                () -> SsoFilter.builder(null)).violations().get(0).path());
        assertEquals("/app/saml/acs", SsoFilter.builder(sp).build().toString().replaceAll(".*acs=([^,]*),.*", "$1"));
    }
}
