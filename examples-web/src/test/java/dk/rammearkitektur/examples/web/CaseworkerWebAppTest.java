package dk.rammearkitektur.examples.web;

import static dk.rammearkitektur.sso.testsupport.WebTestSupport.browser;
import static dk.rammearkitektur.sso.testsupport.WebTestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example's {@code main} as docs/caseworker-login.md runs it: it starts, prints where it is, logs the caseworker in
 * at the HTTP level (following the simulator's {@code user=} shortcut and its auto-submitting form with a
 * cookie-keeping client) and stops when standard input gets a line.
 */
@Timeout(180)
class CaseworkerWebAppTest {
    @Test
    void mainStartsLogsTheCaseworkerInAndStopsOnEnter() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        AtomicReference<CaseworkerWebApp> running = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread main = new Thread(() -> {
            try {
                CaseworkerWebApp.run(new String[] {"0"}, stdin, out, running::set);
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "example-main");
        main.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!printed.toString(StandardCharsets.UTF_8).contains("Press Enter to stop.") && main.isAlive()
                && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertNull(failed.get());
        CaseworkerWebApp app = running.get();
        assertNotNull(app, printed.toString(StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Case system at " + app.uri()));

        HttpClient browser = browser(app.tlsCertificate(), app.idp().tlsTrustAnchor());
        HttpResponse<String> home = get(browser, app.uri());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Not logged in."), home.body());

        HttpResponse<String> toIdp = get(browser, app.uri().resolve("my-rights"));
        assertEquals(302, toIdp.statusCode());
        String sso = toIdp.headers().firstValue("Location").orElseThrow();
        assertTrue(sso.startsWith(app.idp().ssoUri() + "?SAMLRequest="), sso);
        HttpResponse<String> form = get(browser, URI.create(sso + "&user=" + CaseworkerWebApp.CASEWORKER.key()));
        assertEquals(200, form.statusCode(), form.body());
        WebTestSupport.AutoPostForm autoPost = WebTestSupport.autoPostForm(form.body());
        assertEquals(app.uri().resolve("saml/acs"), autoPost.action());
        HttpResponse<String> acs = autoPost.submit(browser);
        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals("/my-rights", acs.headers().firstValue("Location").orElse(""));

        HttpResponse<String> rights = get(browser, app.uri().resolve("my-rights"));
        assertEquals(200, rights.statusCode());
        assertTrue(rights.body().contains("<dd id=\"cvr\">11111111</dd>"), rights.body());
        assertTrue(rights.body().contains("<li class=\"privilege\">" + CaseworkerWebApp.ROLE_READER + "</li>"), rights.body());
        HttpResponse<String> refused = get(browser, app.uri().resolve("access?role="
                + URLEncoder.encode(CaseworkerWebApp.ROLE_CASEWORKER, StandardCharsets.UTF_8) + "&kle=32.18.00&unit="
                + CaseworkerWebApp.UNIT + "&sensitivity=2"));
        assertTrue(refused.body().contains("<p id=\"decision\">refused</p>"), refused.body());
        assertEquals(400, get(browser, app.uri().resolve("access?role=x&unit=not-a-uuid")).statusCode());

        keyboard.write('\n');
        keyboard.flush();
        main.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(!main.isAlive(), "main stops on Enter");
        assertNull(failed.get());
        assertTrue(printed.toString(StandardCharsets.UTF_8).endsWith("stopped" + System.lineSeparator()));
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", app.uri().getPort()).close(), "the port is closed");
    }
}
