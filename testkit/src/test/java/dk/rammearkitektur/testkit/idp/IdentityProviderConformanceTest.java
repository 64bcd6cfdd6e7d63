package dk.rammearkitektur.testkit.idp;

import static dk.rammearkitektur.testkit.idp.MiniSp.SAML;
import static dk.rammearkitektur.testkit.idp.MiniSp.SAMLP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceViolation;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The AuthnRequest and logout rules the simulator records as conformance violations, each provoked by a request the
 * test's own mini SP builds by hand (not the SDK's service provider), and the report of them.
 */
class IdentityProviderConformanceTest {
    private static final String SP_ID = "https://saml.conformance.test";
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    private static final String LOA = "https://data.gov.dk/concept/core/nsis/loa/";
    private static final TestUser CASEWORKER = TestUser.professional("caseworker").cvr("11111111")
            .orgName("Korsbæk Kommune").name("Karen", "Sagsbehandler").loa(LevelOfAssurance.SUBSTANTIAL)
            .uuid(UUID.fromString("6f1f2b2e-6d3e-4c1a-9a39-4a0a3c0f5e12")).build();

    static IdentityProviderSimulator idp;
    static MiniSp sp;

    @BeforeAll
    static void start() throws Exception {
        idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS).user(CASEWORKER).start();
        sp = new MiniSp(SP_ID, idp.tlsTrustAnchor());
        idp.register(sp.registration());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @BeforeEach
    void reset() {
        idp.reset();
    }

    /** A signed AuthnRequest whose NameIDPolicy and RequestedAuthnContext are replaced by {@code policyAndContext}. */
    private static MiniSp.Login send(IdentityProviderSimulator to, String policyAndContext) throws Exception {
        String id = MiniSp.newId();
        String xml = sp.authnRequest(id, to.ssoUri(), Instant.now(), null, null, false)
                .replace("<samlp:NameIDPolicy Format=\"" + PERSISTENT + "\"/>", policyAndContext);
        return MiniSp.Login.of(id, sp.get(MiniSp.redirect(to.ssoUri(), "SAMLRequest", xml, null, MiniSp.RSA_SHA256,
                sp.signing.privateKey(), "user=caseworker")));
    }

    private static String policy(String format) {
        return "<samlp:NameIDPolicy Format=\"" + format + "\"/>";
    }

    private static String context(String comparison, String... refs) {
        StringBuilder b = new StringBuilder("<samlp:RequestedAuthnContext")
                .append(comparison == null ? "" : " Comparison=\"" + comparison + "\"").append('>');
        for (String r : refs) {
            b.append("<saml:AuthnContextClassRef>").append(r).append("</saml:AuthnContextClassRef>");
        }
        return b.append("</samlp:RequestedAuthnContext>").toString();
    }

    private static List<String> codes(IdentityProviderSimulator sim) {
        return sim.violations().stream().map(ConformanceViolation::code).toList();
    }

    @Test
    void conformingRequestsRecordNothing() throws Exception {
        MiniSp.Login l = send(idp, policy(PERSISTENT) + context("minimum", LOA + "Substantial",
                "https://data.gov.dk/eid/Professional"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", l.status());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", send(idp, "").status());
        assertEquals(List.of(), idp.violations());
        assertEquals("no violations", idp.conformanceReport());
    }

    @Test
    void nameIdPolicyOtherThanTheProfilesFormatIsRecordedAndDenied() throws Exception {
        MiniSp.Login l = send(idp, policy(TRANSIENT));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Requester", l.status());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:RequestDenied", l.subStatus());
        assertEquals(List.of("NameIDPolicy"), codes(idp));
        ConformanceViolation v = idp.violations().get(0);
        assertEquals("SSO", v.endpoint());
        assertEquals(l.requestId(), v.correlationId());
        assertTrue(v.detail().contains(TRANSIENT) && v.detail().contains(PERSISTENT), v.detail());
    }

    @Test
    void nemLoginAcceptsTransientAndTheOldContextHandlerIsNotChecked() throws Exception {
        try (IdentityProviderSimulator nemLogin = IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN)
                .user(CASEWORKER).serviceProvider(sp.registration()).start();
                IdentityProviderSimulator old = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_OIOSAML2)
                        .user(CASEWORKER).serviceProvider(sp.registration()).start()) {
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", send(nemLogin, policy(TRANSIENT)).status());
            send(nemLogin, policy("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"));
            assertEquals(List.of("NameIDPolicy"), codes(nemLogin));
            // the note gives neither the NameIDPolicy nor the authentication classes SPs send to the old profile
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", send(old, policy(TRANSIENT)
                    + context("exact", "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified")).status());
            assertEquals(List.of(), old.violations());
        }
    }

    @Test
    void requestedAuthnContextMustBeAMinimumOfOneNsisLevel() throws Exception {
        send(idp, context("exact", LOA + "Substantial"));
        send(idp, context(null, LOA + "Substantial"));
        assertEquals(List.of("RequestedAuthnContext", "RequestedAuthnContext"), codes(idp));
        assertTrue(idp.violations().get(1).detail().contains("absent"), idp.violations().get(1).detail());
        idp.reset();
        send(idp, context("minimum", LOA + "Medium"));
        send(idp, context("minimum", LOA + "Low", LOA + "High"));
        send(idp, context("minimum", LOA + "Low", "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"));
        send(idp, context("minimum"));
        assertEquals(List.of("RequestedAuthnContext", "RequestedAuthnContext", "RequestedAuthnContext",
                "RequestedAuthnContext"), codes(idp));
        assertTrue(idp.violations().get(1).detail().contains("found 2"), idp.violations().get(1).detail());
        assertTrue(idp.violations().get(2).detail().contains("ac:classes:Password"), idp.violations().get(2).detail());
    }

    @Test
    void lenientModeRecordsTheNewRulesAndLogsIn() throws Exception {
        try (IdentityProviderSimulator lenient = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
                .user(CASEWORKER).serviceProvider(sp.registration()).strict(false).start()) {
            MiniSp.Login l = send(lenient, policy(TRANSIENT) + context("maximum", LOA + "Low"));
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", l.status());
            assertEquals(List.of("NameIDPolicy", "RequestedAuthnContext"), codes(lenient));
        }
    }

    private static String logoutResponse(String inResponseTo) {
        return "<samlp:LogoutResponse xmlns:samlp=\"" + SAMLP + "\" xmlns:saml=\"" + SAML + "\" ID=\""
                + MiniSp.newId() + "\" Version=\"2.0\" IssueInstant=\"" + MiniSp.now(Instant.now()) + "\" Destination=\""
                + idp.sloUri() + "\"" + (inResponseTo == null ? "" : " InResponseTo=\"" + inResponseTo + "\"")
                + "><saml:Issuer>" + SP_ID + "</saml:Issuer><samlp:Status><samlp:StatusCode "
                + "Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status></samlp:LogoutResponse>";
    }

    private static int answerLogout(String inResponseTo) throws Exception {
        return sp.get(MiniSp.redirect(idp.sloUri(), "SAMLResponse", logoutResponse(inResponseTo), null,
                MiniSp.RSA_SHA256, sp.signing.privateKey(), null)).statusCode();
    }

    @Test
    void logoutResponseMustAnswerALogoutRequestTheSimulatorSent() throws Exception {
        assertEquals(200, send(idp, "").httpStatus());
        URI u = idp.idpInitiatedLogout(SP_ID, "caseworker");
        Element request = SecureXml.parse(MiniSp.inflate(URLDecoder.decode(MiniSp.rawQuery(u).get("SAMLRequest"),
                StandardCharsets.UTF_8))).getDocumentElement();
        String id = request.getAttribute("ID");
        assertEquals(200, answerLogout("_never-sent"));
        assertEquals(200, answerLogout(null));
        assertEquals(List.of("InResponseTo", "InResponseTo"), codes(idp));
        assertEquals("SLO", idp.violations().get(0).endpoint());
        assertTrue(idp.violations().get(0).detail().contains("_never-sent"), idp.violations().get(0).detail());
        assertTrue(idp.violations().get(1).detail().contains("missing"), idp.violations().get(1).detail());
        idp.clearViolations();
        assertEquals(200, answerLogout(id));
        assertEquals(List.of(), idp.violations());
        // a request is answered once
        assertEquals(200, answerLogout(id));
        assertEquals(List.of("InResponseTo"), codes(idp));
    }

    @Test
    void violationsReportAndCountsMaskCprNumbers() throws Exception {
        MiniSp stranger = new MiniSp("https://saml.1502801234.test", idp.tlsTrustAnchor());
        String id = "0101801234"; // not an NCName, but the simulator records what it got
        String xml = stranger.authnRequest(id, idp.ssoUri(), Instant.now(), null, null, false);
        assertEquals(403, stranger.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null, MiniSp.RSA_SHA256,
                stranger.signing.privateKey(), null)).statusCode());
        send(idp, policy(TRANSIENT));
        assertEquals(List.of("UnknownServiceProvider", "NameIDPolicy"), codes(idp));
        ConformanceViolation v = idp.violations().get(0);
        assertFalse(v.toString().contains("1502801234") || v.toString().contains("0101801234"), v.toString());
        assertTrue(v.detail().contains("150280-****"), v.detail());
        assertEquals("010180-****", v.correlationId());
        String report = idp.conformanceReport();
        assertTrue(report.startsWith("2 violation(s)\n"), report);
        assertEquals(3, report.lines().count(), report);
        assertTrue(report.contains("[UnknownServiceProvider]") && report.contains("[NameIDPolicy]"), report);
        assertFalse(report.contains("1502801234") || report.contains("0101801234"), report);
        assertEquals(Map.of("SSO", 2), idp.requestCounts());
        sp.get(idp.metadataUri());
        assertEquals(Map.of("SSO", 2, "Metadata", 1), idp.requestCounts());
        idp.reset();
        assertEquals(Map.of(), idp.requestCounts());
        assertEquals("no violations", idp.conformanceReport());
    }
}
