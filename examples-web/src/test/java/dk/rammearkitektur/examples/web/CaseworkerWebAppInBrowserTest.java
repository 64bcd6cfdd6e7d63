package dk.rammearkitektur.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.privileges.DataConstraint;
import dk.rammearkitektur.testkit.browser.internal.HeadlessChromium;
import dk.rammearkitektur.testkit.idp.IdpFault;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example in a real headless Chromium: a protected page leads to the simulator's login page, the caseworker is
 * picked and the browser posts the answer back to the ACS, and "my rights" shows what the SDK read; a login the
 * simulator answers wrongly (wrong audience) ends on the filter's 403 page. Skipped when no Chromium is installed.
 */
@Timeout(300)
class CaseworkerWebAppInBrowserTest {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static CaseworkerWebApp app;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        app = CaseworkerWebApp.start(0);
        // the simulator's server certificate is the testkit's shared loopback certificate
        browser = HeadlessChromium.launch(List.of(app.tlsCertificate(), ServerTls.shared().serverCertificate()), STEP);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        app.idp().clearFaults();
        browser.navigate(app.uri());
        if (browser.evaluate("document.querySelector('#logout') !== null").asBoolean()) {
            browser.click("#logout", true);
        }
        assertEquals("Not logged in. Log in", text("#greeting"));
    }

    private static String text(String selector) {
        return browser.evaluate("document.querySelector(" + quote(selector) + ").textContent").asText();
    }

    private static List<String> texts(String selector) {
        List<String> out = new ArrayList<>();
        JsonNode all = browser.evaluate("Array.from(document.querySelectorAll(" + quote(selector)
                + ")).map(e => e.textContent)");
        all.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** From a protected page through the simulator's login page, choosing the caseworker. */
    private static void logInAtTheIdp(URI page) {
        browser.navigate(page);
        String idpPage = browser.evaluate("location.href").asText();
        assertTrue(idpPage.startsWith(app.idp().ssoUri().toString()), idpPage);
        browser.click("#user-" + CaseworkerWebApp.CASEWORKER.key(), false);
        browser.click("button[value=login]", true);
    }

    @Test
    void theCaseworkerLogsInAndSeesTheRightsTheSdkRead() {
        URI myRights = app.uri().resolve("my-rights");
        logInAtTheIdp(myRights);
        browser.waitUntil("location.href === " + quote(myRights.toString()) + " && document.querySelector('#cvr')");
        assertEquals("Karen Sagsbehandler", text("#name"));
        assertEquals("Korsbæk Kommune", text("#org"));
        assertEquals("11111111", text("#cvr"));
        assertEquals("Substantial", text("#loa"));
        assertEquals(List.of("urn:dk:gov:saml:cvrNumberIdentifier:11111111",
                "urn:dk:gov:saml:cvrNumberIdentifier:11111111"), texts(".scope"));
        assertEquals(List.of(CaseworkerWebApp.ROLE_CASEWORKER, CaseworkerWebApp.ROLE_READER), texts(".privilege"));
        assertEquals(List.of(DataConstraint.KLE + " = 32.18.*, 27.24.00", DataConstraint.ORG_UNIT + " = "
                + CaseworkerWebApp.UNIT, DataConstraint.SENSITIVITY + " = 3"), texts(".constraint"));

        browser.click("#ask", true);
        assertEquals("granted", text("#decision"));
        assertTrue(text("#explanation").contains("privilegeList.privilegeGroup[0]"), text("#explanation"));
        browser.navigate(app.uri().resolve("my-rights"));
        browser.fill("input[name=kle]", "01.02.03");
        browser.click("#ask", true);
        assertEquals("refused", text("#decision"));

        browser.navigate(app.uri());
        assertEquals("Logged in as Karen Sagsbehandler (Korsbæk Kommune).", text("#greeting"));
        browser.click("#logout", true);
        // SAML logout: to the simulator with a signed LogoutRequest, its signed answer to /saml/slo, then home
        browser.waitUntil("location.href === " + quote(app.uri().toString()) + " && document.querySelector('#greeting')");
        assertEquals("Not logged in. Log in", text("#greeting"));
        assertThrows(ValidationException.class, () -> app.idp().idpInitiatedLogout(CaseworkerWebApp.ENTITY_ID,
                CaseworkerWebApp.CASEWORKER.key()), "the simulator ended the caseworker's session at this SP");
        browser.navigate(myRights);
        assertTrue(browser.evaluate("location.href").asText().startsWith(app.idp().ssoUri().toString()),
                "logged out: the protected page goes to the IdP again");
    }

    @Test
    void anIdpInitiatedLogoutEndsTheBrowsersSession() {
        URI myRights = app.uri().resolve("my-rights");
        logInAtTheIdp(myRights);
        browser.waitUntil("location.href === " + quote(myRights.toString()) + " && document.querySelector('#cvr')");
        URI logout = app.idp().idpInitiatedLogout(CaseworkerWebApp.ENTITY_ID, CaseworkerWebApp.CASEWORKER.key());
        assertTrue(logout.toString().startsWith(app.uri().resolve("saml/slo?SAMLRequest=").toString()),
                logout.toString());
        browser.navigate(logout);
        assertTrue(browser.evaluate("location.href").asText().startsWith(app.idp().baseUri().toString()),
                "the SP answers the simulator: " + browser.evaluate("location.href").asText());
        browser.navigate(myRights);
        assertTrue(browser.evaluate("location.href").asText().startsWith(app.idp().ssoUri().toString()),
                "the session has ended: the protected page goes to the IdP again");
        browser.navigate(app.uri());
        assertEquals("Not logged in. Log in", text("#greeting"));
    }

    @Test
    void aLoginWithTheWrongAudienceEndsOnTheRefusalPage() {
        app.idp().injectNext(IdpFault.WRONG_AUDIENCE);
        logInAtTheIdp(app.uri().resolve("my-rights"));
        browser.waitUntil("document.querySelector('#reason') !== null");
        assertEquals("Login refused", browser.evaluate("document.title").asText());
        assertEquals("sso.audience", text("#reason"));
        assertTrue(!browser.evaluate("document.body.innerHTML").asText().contains("Audience"), "no internals");
        browser.navigate(app.uri());
        assertEquals("Not logged in. Log in", text("#greeting"));
    }
}
