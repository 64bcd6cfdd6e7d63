package dk.rammearkitektur.spring.boot.sso;

import static dk.rammearkitektur.sso.testsupport.WebTestSupport.get;
import static dk.rammearkitektur.sso.testsupport.WebTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.spring.boot.RammearkitekturSsoAutoConfiguration;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.KleConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import dk.rammearkitektur.testkit.idp.IdentityProviderSimulator;
import dk.rammearkitektur.testkit.idp.IdpFault;
import dk.rammearkitektur.testkit.idp.IdpProfile;
import dk.rammearkitektur.testkit.idp.RegisteredSp;
import dk.rammearkitektur.testkit.idp.TestUser;
import dk.rammearkitektur.testkit.pki.TestPki;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The auto-configured service provider and {@link SsoSecurity} in a Spring Security filter chain on embedded Tomcat,
 * logging a caseworker in at the identity provider simulator at the HTTP level (a cookie-keeping client that follows
 * redirects by hand and posts the simulator's form).
 */
@Timeout(180)
class SsoSecurityTest {
    private static final String ROLE = "http://sagssystem.example/roles/usersystemrole/sagsbehandler/1";
    private static final TestUser KAREN = TestUser.professional("karen").cvr("11111111").orgName("Korsbæk Kommune")
            .name("Karen", "Sagsbehandler").loa(LevelOfAssurance.SUBSTANTIAL)
            .privileges(PrivilegeList.of(PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), ROLE, KleConstraint.of("32.*")),
                    PrivilegeGroup.of(PrivilegeScope.cvr("22222222"), "urn:other:municipality:role")), BppNamespace.V1_2)
            .build();

    @TempDir
    static Path dir;
    static IdentityProviderSimulator idp;

    @BeforeAll
    static void start() throws Exception {
        idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS).user(KAREN).start();
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            idp.close();
        }
    }

    /** The application: "/" open, everything else needs a login. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class App {
        @Bean
        SecurityFilterChain app(HttpSecurity http, ServiceProvider sp) {
            return http.authorizeHttpRequests(a -> a.requestMatchers("/").permitAll().anyRequest().authenticated())
                    .with(SsoSecurity.sso(sp))
                    .build();
        }
    }

    private static String[] properties(int port) throws Exception {
        Path p12 = dir.resolve("sp.p12");
        Files.write(p12, TestPki.generateFast(21).oces3Organisation().pkcs12("secret".toCharArray()));
        Path metadata = dir.resolve("idp-metadata.xml");
        Files.writeString(metadata, idp.metadata());
        Path signer = dir.resolve("idp-signer.pem");
        Files.writeString(signer, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                idp.signingCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return new String[] {"rammearkitektur.sso.entity-id=https://saml.sagssystem.example",
            "rammearkitektur.sso.assertion-consumer-service=http://127.0.0.1:" + port + "/saml/acs",
            "rammearkitektur.sso.keystore=" + p12, "rammearkitektur.sso.keystore-password=secret",
            "rammearkitektur.sso.idp-metadata=" + metadata.toUri(), "rammearkitektur.sso.idp-metadata-signer="
                + signer.toUri(), "rammearkitektur.sso.profile=context-handler-nsis-test"};
    }

    /** As {@link #properties}, with the metadata fetched from the simulator over HTTPS and single logout. */
    private static String[] refreshingProperties(int port) throws Exception {
        Path tls = dir.resolve("idp-tls.pem");
        Files.writeString(tls, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                idp.tlsTrustAnchor().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        List<String> p = new java.util.ArrayList<>(List.of(properties(port)));
        p.removeIf(s -> s.startsWith("rammearkitektur.sso.idp-metadata="));
        p.add("rammearkitektur.sso.idp-metadata=" + idp.metadataUri());
        p.add("rammearkitektur.sso.idp-metadata-refresh=PT1M");
        p.add("rammearkitektur.sso.idp-metadata-tls-certificate=" + tls.toUri());
        p.add("rammearkitektur.sso.single-logout-service=http://127.0.0.1:" + port + "/saml/slo");
        return p.toArray(String[]::new);
    }

    private static WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RammearkitekturSsoAutoConfiguration.class));
    }

    @Test
    void withoutTheEntityIdNothingIsConfigured() {
        runner().run(ctx -> assertEquals(0, ctx.getBeansOfType(ServiceProvider.class).size()));
    }

    @Test
    void aMissingKeystoreFailsNamingTheProperty() {
        runner().withPropertyValues("rammearkitektur.sso.entity-id=https://saml.x.example",
                "rammearkitektur.sso.assertion-consumer-service=https://x.example/saml/acs").run(ctx -> {
                    Throwable t = ctx.getStartupFailure();
                    while (t != null && !(t instanceof ValidationException)) {
                        t = t.getCause();
                    }
                    assertTrue(t instanceof ValidationException, String.valueOf(ctx.getStartupFailure()));
                    assertEquals("rammearkitektur.sso.keystore", ((ValidationException) t).violations().get(0).path());
                });
    }

    @Test
    void aCaseworkerLogsInAndBecomesAnSsoAuthenticationWithThePrivilegesOfHerCvrAsAuthorities() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String[] props = properties(port);
        runner().withUserConfiguration(App.class).withPropertyValues(props).run(ctx -> {
            assertEquals(null, ctx.getStartupFailure());
            ServiceProvider sp = ctx.getBean(ServiceProvider.class);
            idp.register(RegisteredSp.fromMetadata(sp.metadata()));
            try (WebTestSupport.EmbeddedTomcat tomcat = tomcat(port, ctx.getBean("springSecurityFilterChain",
                    Filter.class))) {
                loginFlow(tomcat.uri());
            }
        });
    }

    @Test
    void withHttpsMetadataTheCaseworkerLogsInAndOutBySamlAndTheLogoutFormNeedsSpringsCsrfToken() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String[] props = refreshingProperties(port);
        runner().withUserConfiguration(App.class).withPropertyValues(props).run(ctx -> {
            assertEquals(null, ctx.getStartupFailure());
            ServiceProvider sp = ctx.getBean(ServiceProvider.class);
            assertTrue(sp.metadata().contains("/saml/slo"), "the SLO URL is in the SP metadata");
            idp.register(RegisteredSp.fromMetadata(sp.metadata()));
            try (WebTestSupport.EmbeddedTomcat tomcat = tomcat(port, ctx.getBean("springSecurityFilterChain",
                    Filter.class))) {
                URI app = tomcat.uri();
                HttpClient c = client();
                assertEquals(303, login(c, app, "cases/7").statusCode());
                assertEquals(200, get(c, app.resolve("cases/7")).statusCode());
                assertEquals(403, post(c, app.resolve("saml/logout"), Map.of()).statusCode(),
                        "the logout form needs Spring's CSRF token");
                assertEquals(200, get(c, app.resolve("cases/7")).statusCode(), "still logged in");
                String token = get(c, app.resolve("csrf")).body();
                HttpResponse<String> logout = post(c, app.resolve("saml/logout"), Map.of("_csrf", token));
                assertEquals(303, logout.statusCode(), logout.body());
                String toIdp = logout.headers().firstValue("Location").orElse("");
                assertTrue(toIdp.startsWith(idp.sloUri() + "?SAMLRequest="), toIdp);
                HttpResponse<String> answer = get(c, URI.create(toIdp));
                URI back = location(app, answer);
                assertEquals("/saml/slo", back.getPath(), back.toString());
                HttpResponse<String> done = get(c, back);
                assertEquals(303, done.statusCode(), done.body());
                assertEquals("/", done.headers().firstValue("Location").orElse(""));
                assertEquals(302, get(c, app.resolve("cases/7")).statusCode(), "logged out");
            }
        });
    }

    private static WebTestSupport.EmbeddedTomcat tomcat(int port, Filter security) throws Exception {
        return WebTestSupport.EmbeddedTomcat.start("", port, security, new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                Authentication a = SecurityContextHolder.getContext().getAuthentication();
                resp.setContentType("text/plain;charset=UTF-8");
                if (req.getRequestURI().equals("/csrf")) {
                    resp.getWriter().print(((org.springframework.security.web.csrf.CsrfToken) req.getAttribute(
                            org.springframework.security.web.csrf.CsrfToken.class.getName())).getToken());
                    return;
                }
                resp.getWriter().print(a == null ? "nobody" : a.getClass().getSimpleName() + " " + a.getName() + " "
                        + a.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList() + " "
                        + a.getPrincipal().getClass().getSimpleName());
            }
        });
    }

    private static HttpClient client() throws Exception {
        return WebTestSupport.browser(idp.tlsTrustAnchor());
    }

    private static URI location(URI base, HttpResponse<?> r) {
        return base.resolve(r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.statusCode()
                + " without Location: " + r.body())));
    }

    /** From a protected page through the simulator (user=karen) to the ACS: the ACS's answer. */
    private static HttpResponse<String> login(HttpClient c, URI app, String page) throws Exception {
        HttpResponse<String> entry = get(c, app.resolve(page));
        assertEquals(302, entry.statusCode(), entry.body());
        URI start = location(app, entry);
        assertEquals("/saml/login", start.getPath());
        HttpResponse<String> toIdp = get(c, start);
        assertEquals(302, toIdp.statusCode(), toIdp.body());
        String sso = toIdp.headers().firstValue("Location").orElseThrow();
        assertTrue(sso.startsWith(idp.ssoUri() + "?SAMLRequest="), sso);
        HttpResponse<String> form = get(c, URI.create(sso + "&user=" + KAREN.key()));
        assertEquals(200, form.statusCode(), form.body());
        return WebTestSupport.autoPostForm(form.body()).submit(c);
    }

    private static void loginFlow(URI app) throws Exception {
        HttpClient c = client();
        assertEquals("nobody", get(c, app).body().replace("AnonymousAuthenticationToken", "nobody").split(" ")[0]);
        HttpResponse<String> acs = login(c, app, "cases/42?tab=1");
        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals("/cases/42?tab=1", acs.headers().firstValue("Location").orElse(""));
        HttpResponse<String> page = get(c, app.resolve("cases/42?tab=1"));
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("SsoAuthentication https://data.gov.dk/model/core/eid/professional/uuid/" + KAREN.uuid() + " ["
                + ROLE + "] Professional", page.body());
        assertEquals(403, post(c, app.resolve("cases/42"), Map.of("x", "y")).statusCode(),
                "CSRF protection stays on for the application's own POSTs");

        HttpClient other = client();
        idp.injectNext(IdpFault.WRONG_AUDIENCE);
        HttpResponse<String> refused = login(other, app, "cases/1");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains(">sso.audience<"), refused.body());
        assertFalse(get(other, app.resolve("cases/1")).statusCode() == 200, "not logged in");
    }
}
