package dk.rammearkitektur.testkit.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.sp.IdpMetadataSource;
import dk.rammearkitektur.sso.sp.LoginOptions;
import dk.rammearkitektur.sso.sp.LoginRedirect;
import dk.rammearkitektur.sso.sp.LogoutInstruction;
import dk.rammearkitektur.sso.sp.LogoutRedirect;
import dk.rammearkitektur.sso.sp.LogoutResult;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.sp.SsoLogin;
import dk.rammearkitektur.sso.sp.SsoProfile;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's {@link ServiceProvider} against the real {@link IdentityProviderSimulator} over loopback HTTPS: metadata
 * fetched and signature-checked by {@link IdpMetadataSource}, login, SP-initiated logout answered by Redirect and (the
 * Context Handler's habit) by POST, and IdP-initiated logout answered by a signed Redirect LogoutResponse.
 */
class ServiceProviderLogoutInteropTest {
    private static final String SP_ID = "https://saml.fagsystem-logout.test";

    private static IdentityProviderSimulator idp;
    private static ServiceProvider sp;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS).user(IdentityProviderSimulatorTest.CASEWORKER)
                .autoLogin("caseworker").start();
        SSLContext tls = WebTestSupport.trusting(idp.tlsTrustAnchor());
        http = WebTestSupport.browser(idp.tlsTrustAnchor());
        TestPki pki = TestPki.generateFast(2021);
        IdpMetadataSource metadata = IdpMetadataSource.builder(idp.metadataUri())
                .trust(SignatureTrust.pinned(idp.signingCertificate())).sslContext(tls).build();
        sp = ServiceProvider.builder().entityId(SP_ID).assertionConsumerService("https://127.0.0.1:9/fagsystem/saml/acs")
                .singleLogoutService("https://127.0.0.1:9/fagsystem/saml/slo")
                .signingCredential(pki.oces3Organisation().credential())
                .decryptionCredential(pki.oces3OtherOrganisation().credential())
                .idp(metadata).profile(SsoProfile.contextHandlerNsisTest()).build();
        idp.register(RegisteredSp.fromMetadata(sp.metadata()));
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @BeforeEach
    void reset() {
        idp.clearFaults();
        idp.clearViolations();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return WebTestSupport.get(http, URI.create(url));
    }

    private static SsoLogin login() throws Exception {
        LoginRedirect r = sp.authnRequest(LoginOptions.defaults());
        HttpResponse<String> page = get(r.url());
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> form = MiniSp.formFields(page.body());
        return sp.consume(form.get("SAMLResponse"), form.get("RelayState"));
    }

    @Test
    void spInitiatedLogoutAnsweredByRedirect() throws Exception {
        SsoLogin login = login();
        assertTrue(login.identity() instanceof Professional);
        LogoutRedirect r = sp.logoutRequest(login, "/goodbye");
        assertTrue(r.url().startsWith(idp.sloUri() + "?SAMLRequest="), r.url());
        HttpResponse<String> answer = get(r.url());
        assertEquals(302, answer.statusCode(), answer.body());
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        LogoutResult result = sp.consumeLogoutResponse(location.getRawQuery());
        assertEquals("/goodbye", result.request().returnUrl());
        assertFalse(result.partial());
        assertTrue(idp.violations().isEmpty(), idp.violations().toString());
        // the simulator ended the session: it has nothing left to log out
        assertThrows(ValidationException.class, () -> idp.idpInitiatedLogout(SP_ID, "caseworker"));
        // the same answer again is refused: the logout request was used up
        assertEquals(SsoRefusedException.IN_RESPONSE_TO, assertThrows(SsoRefusedException.class,
                () -> sp.consumeLogoutResponse(location.getRawQuery())).reason());
    }

    @Test
    void spInitiatedLogoutAnsweredByPostAsTheContextHandlerMayDo() throws Exception {
        SsoLogin login = login();
        idp.injectNext(IdpFault.LOGOUT_ANSWER_BY_POST);
        LogoutRedirect r = sp.logoutRequest(login, null);
        HttpResponse<String> page = get(r.url());
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> form = MiniSp.formFields(page.body());
        assertEquals("https://127.0.0.1:9/fagsystem/saml/slo", form.get("@action"));
        LogoutResult result = sp.consumeLogoutResponse(form.get("SAMLResponse"), form.get("RelayState"));
        assertEquals(r.pending().id(), result.request().id());
        assertTrue(idp.violations().isEmpty(), idp.violations().toString());
    }

    @Test
    void idpInitiatedLogoutIsVerifiedAndAnsweredSigned() throws Exception {
        SsoLogin login = login();
        URI request = idp.idpInitiatedLogout(SP_ID, "caseworker");
        LogoutInstruction instruction = sp.consumeLogoutRequest(request.getRawQuery());
        assertEquals(login.nameId(), instruction.nameId());
        assertEquals(login.nameIdFormat(), instruction.nameIdFormat());
        assertTrue(instruction.covers(login.sessionIndex()));
        assertEquals(1, instruction.sessionIndexes().size());
        String answer = sp.logoutResponse(instruction);
        assertTrue(answer.startsWith(idp.sloUri() + "?SAMLResponse="), answer);
        HttpResponse<String> page = get(answer);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(idp.violations().isEmpty(), idp.violations().toString());
        // the same LogoutRequest again is a replay
        assertEquals(SsoRefusedException.REPLAY, assertThrows(SsoRefusedException.class,
                () -> sp.consumeLogoutRequest(request.getRawQuery())).reason());
    }

    @Test
    void aForgedLogoutAnswerIsRefusedByTheSimulator() throws Exception {
        SsoLogin login = login();
        LogoutInstruction instruction = sp.consumeLogoutRequest(idp.idpInitiatedLogout(SP_ID, "caseworker").getRawQuery());
        assertEquals(login.nameId(), instruction.nameId());
        String answer = sp.logoutResponse(instruction);
        String unsigned = answer.substring(0, answer.indexOf("&SigAlg="));
        assertEquals(403, get(unsigned).statusCode());
    }
}
