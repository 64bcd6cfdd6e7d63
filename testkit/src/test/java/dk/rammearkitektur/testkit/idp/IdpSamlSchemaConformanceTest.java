package dk.rammearkitektur.testkit.idp;

import static dk.rammearkitektur.testkit.idp.MiniSp.SAML;
import static dk.rammearkitektur.testkit.idp.MiniSp.SAMLP;
import static dk.rammearkitektur.testkit.idp.MiniSp.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.testsupport.OasisSamlSchemas;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every SAML message the identity provider simulator writes validates against the OASIS SAML 2.0 schemas
 * ({@link OasisSamlSchemas}, from the sso module's test jar): the metadata, the Response with its EncryptedAssertion
 * and the decrypted Assertion of each profile (Context Handler NSIS, Context Handler OIOSAML 2, NemLog-in), an error
 * Response, the IdP-initiated LogoutRequest, and the LogoutResponse by Redirect and by POST.
 */
class IdpSamlSchemaConformanceTest {
    private static final String SP_ID = IdentityProviderSimulatorTest.SP_ID;

    private static Element redirected(URI location, String parameter) throws Exception {
        return SecureXml.parse(MiniSp.inflate(URLDecoder.decode(MiniSp.rawQuery(location).get(parameter),
                StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static Element loginValidated(MiniSp sp, IdentityProviderSimulator idp) throws Exception {
        MiniSp.Login l = sp.login(idp, MiniSp.RSA_SHA256, null);
        assertEquals(200, l.httpStatus(), l.html());
        assertNotNull(l.response(), l.html());
        assertNotNull(first(l.root(), SAML, "EncryptedAssertion"), "the Response carries an EncryptedAssertion");
        OasisSamlSchemas.assertValid(l.root());
        Element assertion = sp.decrypt(l.response());
        assertEquals("Assertion", assertion.getLocalName());
        OasisSamlSchemas.assertValid(assertion);
        return assertion;
    }

    @Test
    void metadataResponseAndAssertionOfEveryProfileValidate() throws Exception {
        MiniSp sp = new MiniSp(SP_ID, ServerTls.shared().ca());
        for (IdpProfile profile : IdpProfile.values()) {
            boolean citizen = profile == IdpProfile.NEMLOGIN;
            try (IdentityProviderSimulator idp = IdentityProviderSimulator.builder(profile)
                    .user(citizen ? IdentityProviderSimulatorTest.CITIZEN : IdentityProviderSimulatorTest.CASEWORKER)
                    .serviceProvider(sp.registration()).autoLogin(citizen ? "citizen" : "caseworker").start()) {
                OasisSamlSchemas.assertValid(idp.metadata());
                loginValidated(sp, idp);
            }
        }
    }

    @Test
    void errorResponseValidates() throws Exception {
        MiniSp sp = new MiniSp(SP_ID, ServerTls.shared().ca());
        try (IdentityProviderSimulator idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
                .user(IdentityProviderSimulatorTest.CASEWORKER).serviceProvider(sp.registration()).start()) {
            String id = MiniSp.newId();
            String xml = sp.authnRequest(id, idp.ssoUri(), Instant.now(), null, null, true);
            MiniSp.Login l = MiniSp.Login.of(id, sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null,
                    MiniSp.RSA_SHA256, sp.signing.privateKey(), null)));
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:NoPassive", l.subStatus());
            OasisSamlSchemas.assertValid(l.root());
        }
    }

    @Test
    void logoutRequestAndLogoutResponsesByRedirectAndPostValidate() throws Exception {
        MiniSp sp = new MiniSp(SP_ID, ServerTls.shared().ca());
        try (IdentityProviderSimulator idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
                .user(IdentityProviderSimulatorTest.CASEWORKER).serviceProvider(sp.registration())
                .autoLogin("caseworker").start()) {
            loginValidated(sp, idp);
            Element idpRequest = redirected(idp.idpInitiatedLogout(SP_ID, "caseworker"), "SAMLRequest");
            assertEquals("LogoutRequest", idpRequest.getLocalName());
            OasisSamlSchemas.assertValid(idpRequest);

            Element a = loginValidated(sp, idp);
            String nameId = first(first(a, SAML, "Subject"), SAML, "NameID").getTextContent();
            String session = first(a, SAML, "AuthnStatement").getAttribute("SessionIndex");
            HttpResponse<String> r = sp.get(MiniSp.redirect(idp.sloUri(), "SAMLRequest",
                    IdentityProviderSimulatorTest.logoutRequest(nameId, session, idp.sloUri()), "bye",
                    MiniSp.RSA_SHA256, sp.signing.privateKey(), null));
            assertEquals(302, r.statusCode(), r.body());
            Element byRedirect = redirected(URI.create(r.headers().firstValue("Location").orElseThrow()), "SAMLResponse");
            assertEquals("LogoutResponse", byRedirect.getLocalName());
            OasisSamlSchemas.assertValid(byRedirect);

            a = loginValidated(sp, idp);
            nameId = first(first(a, SAML, "Subject"), SAML, "NameID").getTextContent();
            session = first(a, SAML, "AuthnStatement").getAttribute("SessionIndex");
            idp.injectNext(IdpFault.LOGOUT_ANSWER_BY_POST);
            r = sp.get(MiniSp.redirect(idp.sloUri(), "SAMLRequest",
                    IdentityProviderSimulatorTest.logoutRequest(nameId, session, idp.sloUri()), null,
                    MiniSp.RSA_SHA256, sp.signing.privateKey(), null));
            assertEquals(200, r.statusCode(), r.body());
            Map<String, String> form = MiniSp.formFields(r.body());
            Element byPost = SecureXml.parse(new String(Base64.getDecoder().decode(form.get("SAMLResponse")),
                    StandardCharsets.UTF_8)).getDocumentElement();
            assertEquals("LogoutResponse", byPost.getLocalName());
            assertNotNull(first(byPost, MiniSp.DS, "Signature"), "signed, as the POST binding needs");
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success",
                    first(first(byPost, SAMLP, "Status"), SAMLP, "StatusCode").getAttribute("Value"));
            OasisSamlSchemas.assertValid(byPost);
        }
    }

    /** The check can fail: the simulator's Response with its Issuer moved after the Status is refused. */
    @Test
    void aResponseBrokenAgainstTheSchemaIsRefused() throws Exception {
        MiniSp sp = new MiniSp(SP_ID, ServerTls.shared().ca());
        try (IdentityProviderSimulator idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
                .user(IdentityProviderSimulatorTest.CASEWORKER).serviceProvider(sp.registration())
                .autoLogin("caseworker").start()) {
            Element response = sp.login(idp, MiniSp.RSA_SHA256, null).root();
            Element issuer = first(response, SAML, "Issuer");
            response.removeChild(issuer);
            response.appendChild(issuer);
            assertThrows(AssertionError.class, () -> OasisSamlSchemas.assertValid(response));
        }
    }
}
