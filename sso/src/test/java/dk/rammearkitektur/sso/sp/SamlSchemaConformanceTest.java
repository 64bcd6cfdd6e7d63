package dk.rammearkitektur.sso.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.testsupport.OasisSamlSchemas;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every SAML message the service provider writes validates against the OASIS SAML 2.0 schemas
 * ({@link OasisSamlSchemas}): the AuthnRequest (its XML as carried, query-signed, by the Redirect binding; the SP
 * writes no other form) with default and with all options for each profile, the SP-initiated LogoutRequest, the
 * LogoutResponse to an IdP-initiated logout, and the SP metadata of each profile with one and with two signing keys.
 */
class SamlSchemaConformanceTest {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final List<SsoProfile> PROFILES = List.of(SsoProfile.contextHandlerNsisTest(),
            SsoProfile.contextHandlerOiosaml2Test(), SsoProfile.nemLoginTest());

    private ServiceProvider.Builder builder(SsoProfile profile) {
        return ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .singleLogoutService(TestLogoutIdp.SLO).serviceName("Fagsystem")
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(LogoutTest.metadata(TestIdp.IDP)).profile(profile).clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Element redirected(String url, String parameter) {
        return TestLogoutIdp.readRedirect(url, parameter, TestIdp.SP.certificate().getPublicKey()).message();
    }

    @Test
    void authnRequestsValidateForEveryProfileWithDefaultAndAllOptions() {
        for (SsoProfile profile : PROFILES) {
            ServiceProvider sp = builder(profile).build();
            for (LoginOptions options : List.of(LoginOptions.defaults(), LoginOptions.defaults()
                    .minimumLevel(LevelOfAssurance.HIGH).forceAuthn(true).passive(true).returnUrl("/back"))) {
                Element request = redirected(sp.authnRequest(options).url(), "SAMLRequest");
                assertEquals("AuthnRequest", request.getLocalName());
                OasisSamlSchemas.assertValid(request);
            }
        }
    }

    @Test
    void logoutRequestAndLogoutResponseValidate() {
        ServiceProvider sp = builder(SsoProfile.contextHandlerNsisTest()).build();
        Element request = redirected(sp.logoutRequest("nid-1", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                "qualifier", "sp-qualifier", "_s1", "/bye").url(), "SAMLRequest");
        assertEquals("LogoutRequest", request.getLocalName());
        OasisSamlSchemas.assertValid(request);
        Element minimal = redirected(sp.logoutRequest("nid-2", "", null, null, "_s2", null).url(), "SAMLRequest");
        OasisSamlSchemas.assertValid(minimal);

        TestLogoutIdp idp = new TestLogoutIdp(now);
        idp.relayState = "rs-1";
        LogoutInstruction instruction = sp.consumeLogoutRequest(idp.redirect("SAMLRequest", idp.request()));
        Element response = redirected(sp.logoutResponse(instruction), "SAMLResponse");
        assertEquals("LogoutResponse", response.getLocalName());
        OasisSamlSchemas.assertValid(response);
    }

    @Test
    void metadataValidatesForEveryProfileWithOneAndTwoSigningKeys() {
        for (SsoProfile profile : PROFILES) {
            String one = builder(profile).build().metadata();
            OasisSamlSchemas.assertValid(one);
            String two = builder(profile).nextSigningCredential(TestIdp.SP_OLD.toSigning())
                    .secondaryDecryptionCredential(TestIdp.SP_OLD.toSigning()).build().metadata();
            Element root = SecureXml.parse(two).getDocumentElement();
            assertEquals(4, root.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor")
                    .getLength(), "two signing and two encryption keys");
            OasisSamlSchemas.assertValid(root);
        }
    }

    /** The check can fail: a message broken against the schema (elements out of order, a required attribute gone). */
    @Test
    void aMessageThatBreaksTheSchemaIsRefused() {
        ServiceProvider sp = builder(SsoProfile.contextHandlerNsisTest()).build();
        Element request = redirected(sp.authnRequest(LoginOptions.defaults()).url(), "SAMLRequest");
        Element withoutVersion = (Element) request.cloneNode(true);
        withoutVersion.removeAttribute("Version");
        AssertionError e = assertThrows(AssertionError.class, () -> OasisSamlSchemas.assertValid(withoutVersion));
        assertTrue(e.getMessage().contains("Version"), e.getMessage());

        Element reordered = (Element) request.cloneNode(true);
        Element issuer = (Element) reordered.getElementsByTagNameNS(TestIdp.SAML, "Issuer").item(0);
        reordered.removeChild(issuer);
        reordered.appendChild(issuer);
        assertThrows(AssertionError.class, () -> OasisSamlSchemas.assertValid(reordered));

        assertThrows(AssertionError.class, () -> OasisSamlSchemas.assertValid("<samlp:AuthnRequest"
                + " xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"1-not-an-NCName\" Version=\"2.0\""
                + " IssueInstant=\"2026-12-06T12:00:00Z\"/>"), "an ID must be an NCName");
    }
}
