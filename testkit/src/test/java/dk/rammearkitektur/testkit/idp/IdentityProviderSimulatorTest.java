package dk.rammearkitektur.testkit.idp;

import static dk.rammearkitektur.testkit.idp.MiniSp.DS;
import static dk.rammearkitektur.testkit.idp.MiniSp.MD;
import static dk.rammearkitektur.testkit.idp.MiniSp.SAML;
import static dk.rammearkitektur.testkit.idp.MiniSp.SAMLP;
import static dk.rammearkitektur.testkit.idp.MiniSp.XENC;
import static dk.rammearkitektur.testkit.idp.MiniSp.children;
import static dk.rammearkitektur.testkit.idp.MiniSp.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.Citizen;
import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.UserIdentity;
import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.KleConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceViolation;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class IdentityProviderSimulatorTest {
    static final String SP_ID = "https://saml.fagsystem.test";
    static final String ROLE = "http://fagsystem.example/roles/usersystemrole/sagsbehandler/1";
    static final PrivilegeList PRIVILEGES = PrivilegeList.of(PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), ROLE,
            KleConstraint.of("32.30.*", "27.24.00")));
    static final TestUser CASEWORKER = TestUser.professional("caseworker").cvr("11111111").orgName("Korsbæk Kommune")
            .name("Karen", "Sagsbehandler").email("karen@korsbaek.test").loa(LevelOfAssurance.SUBSTANTIAL)
            .uuid(UUID.fromString("6f1f2b2e-6d3e-4c1a-9a39-4a0a3c0f5e11")).privileges(PRIVILEGES, BppNamespace.V1_0_1)
            .build();
    static final TestUser CITIZEN = TestUser.citizen("citizen").cpr("1502801234").name("Carl", "Borger")
            .loa(LevelOfAssurance.SUBSTANTIAL).build();

    static IdentityProviderSimulator idp;
    static MiniSp sp;

    @BeforeAll
    static void start() throws Exception {
        idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS).user(CASEWORKER).user(CITIZEN)
                .serviceProvider(placeholder()).start();
        sp = new MiniSp(SP_ID, idp.tlsTrustAnchor());
        idp.register(sp.registration());
    }

    private static RegisteredSp placeholder() throws Exception {
        MiniSp other = new MiniSp("https://saml.other.test", dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls.shared().ca());
        return other.registration();
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

    private static String user(String key) {
        return "user=" + key;
    }

    private static Element decrypted(MiniSp.Login l) throws Exception {
        assertEquals(200, l.httpStatus(), l.html());
        assertNotNull(l.response(), l.html());
        return sp.decrypt(l.response());
    }

    @Test
    void metadataIsSignedAndDescribesTheIdentityProvider() throws Exception {
        HttpResponse<String> r = sp.get(idp.metadataUri());
        assertEquals(200, r.statusCode());
        Document md = SecureXml.parse(r.body());
        Element ed = md.getDocumentElement();
        assertEquals(MD, ed.getNamespaceURI());
        assertTrue(ed.getAttribute("entityID").startsWith("https://saml."));
        assertEquals(idp.entityId(), ed.getAttribute("entityID"));
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(ed, idp.signingCertificate()));
        assertEquals("Signature", ((Element) ed.getFirstChild()).getLocalName());
        Element idpd = first(ed, MD, "IDPSSODescriptor");
        assertEquals("true", idpd.getAttribute("WantAuthnRequestsSigned"));
        Element kd = first(idpd, MD, "KeyDescriptor");
        assertEquals("signing", kd.getAttribute("use"));
        String cert = first(first(first(kd, DS, "KeyInfo"), DS, "X509Data"), DS, "X509Certificate").getTextContent();
        assertEquals(java.util.Base64.getEncoder().encodeToString(idp.signingCertificate().getEncoded()), cert);
        List<Element> sso = children(idpd, MD, "SingleSignOnService");
        assertEquals(1, sso.size());
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", sso.get(0).getAttribute("Binding"));
        assertEquals(idp.ssoUri().toString(), sso.get(0).getAttribute("Location"));
        List<String> sloBindings = children(idpd, MD, "SingleLogoutService").stream().map(e -> e.getAttribute("Binding")).toList();
        assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
                "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"), sloBindings);
        List<String> formats = children(idpd, MD, "NameIDFormat").stream().map(Element::getTextContent).toList();
        assertTrue(formats.contains("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"), formats.toString());
        List<Element> attrs = children(idpd, SAML, "Attribute");
        assertTrue(attrs.size() >= 10);
        for (Element a : attrs) {
            assertEquals("urn:oasis:names:tc:SAML:2.0:attrname-format:uri", a.getAttribute("NameFormat"));
        }
        assertTrue(attrs.stream().anyMatch(a -> Identities.PRIVILEGES.equals(a.getAttribute("Name"))));
        // tampering breaks the signature
        first(idpd, MD, "SingleSignOnService").setAttribute("Location", "https://evil.example/sso");
        assertEquals(MiniSp.SignatureCheck.INVALID, MiniSp.verify(ed, idp.signingCertificate()));
    }

    @Test
    void signedRequestGivesAnEncryptedSignedAssertionForTheProfessional() throws Exception {
        MiniSp.Login l = sp.login(idp, MiniSp.RSA_SHA256, user("caseworker"));
        assertEquals(sp.acs.toString(), l.form().get("@action"));
        assertEquals("relay-1", l.form().get("RelayState"));
        Element r = l.root();
        assertEquals(SAMLP, r.getNamespaceURI());
        assertEquals("Response", r.getLocalName());
        assertEquals(sp.acs.toString(), r.getAttribute("Destination"));
        assertEquals(l.requestId(), r.getAttribute("InResponseTo"));
        assertEquals(idp.entityId(), first(r, SAML, "Issuer").getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", l.status());
        assertNull(first(r, DS, "Signature"), "the Response itself is not signed");
        assertTrue(children(r, SAML, "Assertion").isEmpty());
        List<Element> encrypted = children(r, SAML, "EncryptedAssertion");
        assertEquals(1, encrypted.size());
        Element ed = first(encrypted.get(0), XENC, "EncryptedData");
        assertEquals("http://www.w3.org/2009/xmlenc11#aes256-gcm", first(ed, XENC, "EncryptionMethod").getAttribute("Algorithm"));
        Element ek = first(first(ed, DS, "KeyInfo"), XENC, "EncryptedKey");
        Element km = first(ek, XENC, "EncryptionMethod");
        assertEquals("http://www.w3.org/2009/xmlenc11#rsa-oaep", km.getAttribute("Algorithm"));
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256", first(km, DS, "DigestMethod").getAttribute("Algorithm"));
        assertEquals("http://www.w3.org/2009/xmlenc11#mgf1sha256",
                first(km, "http://www.w3.org/2009/xmlenc11#", "MGF").getAttribute("Algorithm"));

        Element a = sp.decrypt(l.response());
        assertNotNull(a);
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(a, idp.signingCertificate()));
        Element sig = first(a, DS, "Signature");
        assertEquals("Issuer", ((Element) sig.getPreviousSibling()).getLocalName());
        Element si = first(sig, DS, "SignedInfo");
        assertEquals("http://www.w3.org/2001/10/xml-exc-c14n#", first(si, DS, "CanonicalizationMethod").getAttribute("Algorithm"));
        assertEquals(MiniSp.RSA_SHA256, first(si, DS, "SignatureMethod").getAttribute("Algorithm"));
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256",
                first(first(si, DS, "Reference"), DS, "DigestMethod").getAttribute("Algorithm"));

        Element nameId = first(first(a, SAML, "Subject"), SAML, "NameID");
        assertEquals("https://data.gov.dk/model/core/eid/professional/uuid/" + CASEWORKER.uuid(), nameId.getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", nameId.getAttribute("Format"));
        Element sc = first(first(a, SAML, "Subject"), SAML, "SubjectConfirmation");
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:bearer", sc.getAttribute("Method"));
        Element scd = first(sc, SAML, "SubjectConfirmationData");
        assertEquals(sp.acs.toString(), scd.getAttribute("Recipient"));
        assertEquals(l.requestId(), scd.getAttribute("InResponseTo"));
        Instant now = Instant.now();
        assertTrue(Instant.parse(scd.getAttribute("NotOnOrAfter")).isAfter(now));
        Element cond = first(a, SAML, "Conditions");
        assertTrue(Instant.parse(cond.getAttribute("NotBefore")).isBefore(now));
        assertTrue(Instant.parse(cond.getAttribute("NotOnOrAfter")).isAfter(now));
        assertEquals(SP_ID, first(first(cond, SAML, "AudienceRestriction"), SAML, "Audience").getTextContent());
        List<Element> authn = children(a, SAML, "AuthnStatement");
        assertEquals(1, authn.size());
        assertFalse(authn.get(0).getAttribute("SessionIndex").isEmpty());
        assertFalse(authn.get(0).getAttribute("AuthnInstant").isEmpty());
        assertEquals(1, children(a, SAML, "AttributeStatement").size());
        for (Element attr : children(first(a, SAML, "AttributeStatement"), SAML, "Attribute")) {
            assertEquals("urn:oasis:names:tc:SAML:2.0:attrname-format:uri", attr.getAttribute("NameFormat"));
        }
        Map<String, List<String>> attrs = MiniSp.attributes(a);
        assertEquals(List.of("OIO-SAML-3.0"), attrs.get(Identities.SPEC_VERSION));
        assertEquals(List.of("Substantial"), attrs.get(Identities.NSIS_LOA));
        assertEquals(List.of("11111111"), attrs.get(Identities.PROFESSIONAL_CVR));
        assertEquals(List.of("Korsbæk Kommune"), attrs.get(Identities.PROFESSIONAL_ORG_NAME));
        assertEquals(List.of("karen@korsbaek.test"), attrs.get(Identities.EMAIL));
        PrivilegeList back = PrivilegeList.parse(attrs.get(Identities.PRIVILEGES).get(0));
        assertEquals(PRIVILEGES, back);
        assertEquals(BppNamespace.V1_0_1, back.namespace());
        UserIdentity who = Identities.fromAttributes(nameId.getTextContent(), nameId.getAttribute("Format"), attrs);
        Professional p = assertInstance(Professional.class, who);
        assertEquals(CASEWORKER.uuid(), p.uuid());
        assertEquals("11111111", p.cvr());
        assertTrue(p.privileges().forCvr("11111111").hasRole(ROLE));
        assertTrue(idp.violations().isEmpty(), idp.violations().toString());
    }

    static <T> T assertInstance(Class<T> type, Object o) {
        assertTrue(type.isInstance(o), String.valueOf(o));
        return type.cast(o);
    }

    @Test
    void pssSignedRequestIsAcceptedAndPssSigningSimulatorSignsWithMgf1() throws Exception {
        try (IdentityProviderSimulator pss = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
                .user(CASEWORKER).serviceProvider(sp.registration()).rsaPss(true).autoLogin("caseworker").start()) {
            MiniSp.Login l = sp.login(pss, MiniSp.PSS, null);
            Element a = decrypted(l);
            Element sm = first(first(first(a, DS, "Signature"), DS, "SignedInfo"), DS, "SignatureMethod");
            assertEquals(MiniSp.PSS, sm.getAttribute("Algorithm"));
            assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(a, pss.signingCertificate()));
            assertEquals(MiniSp.SignatureCheck.INVALID, MiniSp.verify(a, idp.signingCertificate()));
        }
    }

    @Test
    void unsignedRequestIsRefused() throws Exception {
        MiniSp.Login l = sp.login(idp, null, user("caseworker"));
        assertEquals(403, l.httpStatus());
        assertNull(l.response());
        assertTrue(l.html().contains("UnsignedRequest"));
        assertEquals(List.of("UnsignedRequest"), codes());
    }

    private static List<String> codes() {
        return idp.violations().stream().map(ConformanceViolation::code).toList();
    }

    @Test
    void requestSignedByAnotherKeyIsRefused() throws Exception {
        String xml = sp.authnRequest(MiniSp.newId(), idp.ssoUri(), Instant.now(), null, null, false);
        URI u = MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null, MiniSp.RSA_SHA256, sp.encryption.privateKey(), user("caseworker"));
        assertEquals(403, sp.get(u).statusCode());
        assertEquals(List.of("InvalidSignature"), codes());
    }

    @Test
    void unknownServiceProviderAndUnregisteredAcsAndSha1AreRefused() throws Exception {
        MiniSp stranger = new MiniSp("https://saml.stranger.test", idp.tlsTrustAnchor());
        MiniSp.Login l = stranger.login(idp, MiniSp.RSA_SHA256, user("caseworker"));
        assertEquals(403, l.httpStatus());
        String xml = sp.authnRequest(MiniSp.newId(), idp.ssoUri(), Instant.now(), "https://evil.example/acs", null, false);
        assertEquals(403, sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null, MiniSp.RSA_SHA256,
                sp.signing.privateKey(), user("caseworker"))).statusCode());
        xml = sp.authnRequest(MiniSp.newId(), idp.ssoUri(), Instant.now(), null, null, false);
        assertEquals(403, sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null,
                "http://www.w3.org/2000/09/xmldsig#rsa-sha1", sp.signing.privateKey(), user("caseworker"))).statusCode());
        assertEquals(List.of("UnknownServiceProvider", "UnregisteredAcs", "UnsupportedSignatureAlgorithm"), codes());
    }

    @Test
    void malformedRequestGetsBadRequestNotAServerError() throws Exception {
        HttpResponse<String> r = sp.get(URI.create(idp.ssoUri() + "?SAMLRequest=bm90LWRlZmxhdGU%3D"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("SAMLRequest"), r.body());
        assertEquals(400, sp.get(idp.ssoUri()).statusCode());
    }

    @Test
    void strictModeAnswersAWrongDestinationWithRequestDenied() throws Exception {
        String id = MiniSp.newId();
        String xml = sp.authnRequest(id, URI.create("https://127.0.0.1:1/other"), Instant.now(), null, null, false);
        MiniSp.Login l = MiniSp.Login.of(id, sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null,
                MiniSp.RSA_SHA256, sp.signing.privateKey(), user("caseworker"))));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Requester", l.status());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:RequestDenied", l.subStatus());
        assertTrue(children(l.root(), SAML, "EncryptedAssertion").isEmpty());
        assertEquals(id, l.root().getAttribute("InResponseTo"));
        assertEquals(List.of("Destination"), codes());
    }

    @Test
    void lenientModeRecordsStaleAndReusedRequestsButAnswers() throws Exception {
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        try (IdentityProviderSimulator lenient = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
                .user(CASEWORKER).serviceProvider(sp.registration()).strict(false).clock(later).autoLogin("caseworker")
                .start()) {
            String id = MiniSp.newId();
            String xml = sp.authnRequest(id, lenient.ssoUri(), Instant.now(), null, null, false);
            URI u = MiniSp.redirect(lenient.ssoUri(), "SAMLRequest", xml, null, MiniSp.RSA_SHA256, sp.signing.privateKey(), null);
            MiniSp.Login first = MiniSp.Login.of(id, sp.get(u));
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", first.status());
            Element a = sp.decrypt(first.response());
            // the injected clock dates the assertion
            Instant issued = Instant.parse(a.getAttribute("IssueInstant"));
            assertTrue(issued.isAfter(Instant.now().plus(Duration.ofMinutes(55))), issued.toString());
            MiniSp.Login again = MiniSp.Login.of(id, sp.get(u));
            assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success", again.status());
            assertEquals(List.of("IssueInstant", "ID", "IssueInstant"),
                    lenient.violations().stream().map(ConformanceViolation::code).toList());
        }
    }

    @Test
    void loginPageListsUsersWithMaskedCprAndLogsInTheChosenOne() throws Exception {
        String id = MiniSp.newId();
        String xml = sp.authnRequest(id, idp.ssoUri(), Instant.now(), null, null, false);
        HttpResponse<String> page = sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, "rs", MiniSp.RSA_SHA256,
                sp.signing.privateKey(), null));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("value=\"caseworker\""), html);
        assertTrue(html.contains("value=\"citizen\""), html);
        assertFalse(html.contains("1502801234"), "CPR shown unmasked");
        assertTrue(html.contains("150280-****"), html);
        Map<String, String> form = MiniSp.formFields(html);
        assertEquals(IdentityProviderSimulator.LOGIN_PATH, form.get("@action"));
        URI login = idp.baseUri().resolve(form.get("@action").substring(1));
        MiniSp.Login l = MiniSp.Login.of(id, sp.post(login, Map.of("request", form.get("request"), "user", "caseworker",
                "action", "login")));
        assertEquals("rs", l.form().get("RelayState"));
        Element a = decrypted(l);
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(a, idp.signingCertificate()));
        // the pending request is used up
        assertEquals(400, sp.post(login, Map.of("request", form.get("request"), "user", "caseworker")).statusCode());
    }

    @Test
    void cancelOnTheLoginPageAnswersAuthnFailed() throws Exception {
        String id = MiniSp.newId();
        String xml = sp.authnRequest(id, idp.ssoUri(), Instant.now(), null, null, false);
        Map<String, String> form = MiniSp.formFields(sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null,
                MiniSp.RSA_SHA256, sp.signing.privateKey(), null)).body());
        MiniSp.Login l = MiniSp.Login.of(id, sp.post(idp.baseUri().resolve("idp/login"),
                Map.of("request", form.get("request"), "action", "cancel")));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Responder", l.status());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:AuthnFailed", l.subStatus());
    }

    @Test
    void passiveRequestWithoutUserAndTooHighLoaAreAnsweredWithErrors() throws Exception {
        String id = MiniSp.newId();
        String xml = sp.authnRequest(id, idp.ssoUri(), Instant.now(), null, null, true);
        MiniSp.Login l = MiniSp.Login.of(id, sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null,
                MiniSp.RSA_SHA256, sp.signing.privateKey(), null)));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:NoPassive", l.subStatus());
        id = MiniSp.newId();
        xml = sp.authnRequest(id, idp.ssoUri(), Instant.now(), null, "High", false);
        l = MiniSp.Login.of(id, sp.get(MiniSp.redirect(idp.ssoUri(), "SAMLRequest", xml, null,
                MiniSp.RSA_SHA256, sp.signing.privateKey(), user("caseworker"))));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:AuthnFailed", l.subStatus());
        assertNull(first(l.root(), SAML, "EncryptedAssertion"));
    }

    private static Element faulted(IdpFault fault) throws Exception {
        idp.injectNext(fault);
        return decrypted(sp.login(idp, MiniSp.RSA_SHA256, user("caseworker")));
    }

    @Test
    void expiredAssertionFault() throws Exception {
        Element a = faulted(IdpFault.EXPIRED_ASSERTION);
        Instant now = Instant.now();
        assertFalse(Instant.parse(first(a, SAML, "Conditions").getAttribute("NotOnOrAfter")).isAfter(now));
        Element scd = first(first(first(a, SAML, "Subject"), SAML, "SubjectConfirmation"), SAML, "SubjectConfirmationData");
        assertFalse(Instant.parse(scd.getAttribute("NotOnOrAfter")).isAfter(now));
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(a, idp.signingCertificate()));
        // armed for one login only
        Element next = decrypted(sp.login(idp, MiniSp.RSA_SHA256, user("caseworker")));
        assertTrue(Instant.parse(first(next, SAML, "Conditions").getAttribute("NotOnOrAfter")).isAfter(now));
    }

    @Test
    void wrongAudienceAndWrongRecipientFaults() throws Exception {
        Element a = faulted(IdpFault.WRONG_AUDIENCE);
        assertNotEquals(SP_ID, first(first(first(a, SAML, "Conditions"), SAML, "AudienceRestriction"), SAML, "Audience").getTextContent());
        Element b = faulted(IdpFault.WRONG_RECIPIENT);
        Element scd = first(first(first(b, SAML, "Subject"), SAML, "SubjectConfirmation"), SAML, "SubjectConfirmationData");
        assertNotEquals(sp.acs.toString(), scd.getAttribute("Recipient"));
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(b, idp.signingCertificate()));
    }

    @Test
    void replayFaultSendsThePreviousAssertionAgain() throws Exception {
        MiniSp.Login firstLogin = sp.login(idp, MiniSp.RSA_SHA256, user("caseworker"));
        Element a = decrypted(firstLogin);
        idp.injectNext(IdpFault.REPLAY);
        MiniSp.Login second = sp.login(idp, MiniSp.RSA_SHA256, user("caseworker"));
        assertEquals(second.requestId(), second.root().getAttribute("InResponseTo"));
        Element b = decrypted(second);
        assertEquals(a.getAttribute("ID"), b.getAttribute("ID"));
        Element scd = first(first(first(b, SAML, "Subject"), SAML, "SubjectConfirmation"), SAML, "SubjectConfirmationData");
        assertEquals(firstLogin.requestId(), scd.getAttribute("InResponseTo"));
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(b, idp.signingCertificate()));
    }

    @Test
    void wrongKeyFaultFailsTheSignatureCheckAgainstMetadata() throws Exception {
        Element a = faulted(IdpFault.WRONG_SIGNING_KEY);
        assertEquals(MiniSp.SignatureCheck.INVALID, MiniSp.verify(a, idp.signingCertificate()));
    }

    @Test
    void unencryptedAssertionFault() throws Exception {
        idp.injectNext(IdpFault.UNENCRYPTED_ASSERTION);
        MiniSp.Login l = sp.login(idp, MiniSp.RSA_SHA256, user("caseworker"));
        assertTrue(children(l.root(), SAML, "EncryptedAssertion").isEmpty());
        Element a = first(l.root(), SAML, "Assertion");
        assertNotNull(a);
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(a, idp.signingCertificate()));
    }

    @Test
    void wrappedAssertionFaultFoolsANaiveCheckButNotAStrictOne() throws Exception {
        Element a = faulted(IdpFault.WRAPPED_ASSERTION);
        assertEquals(MiniSp.SignatureCheck.REFERENCE_NOT_ROOT, MiniSp.verify(a, idp.signingCertificate()));
        assertTrue(MiniSp.naiveVerify(a, idp.signingCertificate()), "the genuine signature still verifies somewhere");
        Element genuine = first(first(a, SAML, "Advice"), SAML, "Assertion");
        assertNotNull(genuine);
        String forgedName = first(first(a, SAML, "Subject"), SAML, "NameID").getTextContent();
        String genuineName = first(first(genuine, SAML, "Subject"), SAML, "NameID").getTextContent();
        assertNotEquals(genuineName, forgedName);
        assertTrue(genuineName.endsWith(CASEWORKER.uuid().toString()));
    }

    @Test
    void loaTooLowMissingCvrAndMalformedPrivilegeFaults() throws Exception {
        Element low = faulted(IdpFault.LOA_TOO_LOW);
        assertEquals(List.of("Low"), MiniSp.attributes(low).get(Identities.NSIS_LOA));
        Element noCvr = faulted(IdpFault.MISSING_CVR);
        Map<String, List<String>> attrs = MiniSp.attributes(noCvr);
        assertNull(attrs.get(Identities.PROFESSIONAL_CVR));
        Element nid = first(first(noCvr, SAML, "Subject"), SAML, "NameID");
        ValidationException e = assertThrows(ValidationException.class,
                () -> Identities.fromAttributes(nid.getTextContent(), nid.getAttribute("Format"), attrs));
        assertTrue(e.getMessage().contains(Identities.PROFESSIONAL_CVR), e.getMessage());
        Element bad = faulted(IdpFault.MALFORMED_PRIVILEGES);
        String b64 = MiniSp.attributes(bad).get(Identities.PRIVILEGES).get(0);
        assertThrows(RammearkitekturException.class, () -> PrivilegeList.parse(b64));
    }

    @Test
    void authnFailedAndNoPassiveOnRequest() throws Exception {
        idp.injectNext(IdpFault.AUTHN_FAILED);
        MiniSp.Login l = sp.login(idp, MiniSp.RSA_SHA256, user("caseworker"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Responder", l.status());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:AuthnFailed", l.subStatus());
        assertNull(first(l.root(), SAML, "EncryptedAssertion"));
        idp.injectNext(IdpFault.NO_PASSIVE);
        l = sp.login(idp, MiniSp.RSA_SHA256, user("caseworker"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:NoPassive", l.subStatus());
    }

    static String logoutRequest(String nameId, String sessionIndex, URI destination) {
        return "<samlp:LogoutRequest xmlns:samlp=\"" + SAMLP + "\" xmlns:saml=\"" + SAML + "\" ID=\"" + MiniSp.newId()
                + "\" Version=\"2.0\" IssueInstant=\"" + MiniSp.now(Instant.now()) + "\" Destination=\"" + destination
                + "\"><saml:Issuer>" + SP_ID + "</saml:Issuer><saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">"
                + nameId + "</saml:NameID><samlp:SessionIndex>" + sessionIndex + "</samlp:SessionIndex></samlp:LogoutRequest>";
    }

    @Test
    void spInitiatedLogoutIsAnsweredByRedirectOrByPostWhenArmed() throws Exception {
        Element a = decrypted(sp.login(idp, MiniSp.RSA_SHA256, user("caseworker")));
        String nameId = first(first(a, SAML, "Subject"), SAML, "NameID").getTextContent();
        String session = first(a, SAML, "AuthnStatement").getAttribute("SessionIndex");
        String xml = logoutRequest(nameId, session, idp.sloUri());
        HttpResponse<String> r = sp.get(MiniSp.redirect(idp.sloUri(), "SAMLRequest", xml, "bye", MiniSp.RSA_SHA256,
                sp.signing.privateKey(), null));
        assertEquals(302, r.statusCode());
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(sp.slo + "?SAMLResponse="), location.toString());
        assertTrue(MiniSp.verifyQuery(location, "SAMLResponse", idp.signingCertificate()));
        String answer = MiniSp.inflate(java.net.URLDecoder.decode(MiniSp.rawQuery(location).get("SAMLResponse"),
                java.nio.charset.StandardCharsets.UTF_8));
        Element lr = SecureXml.parse(answer).getDocumentElement();
        assertEquals("LogoutResponse", lr.getLocalName());
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success",
                first(first(lr, SAMLP, "Status"), SAMLP, "StatusCode").getAttribute("Value"));
        // the session is gone: IdP-initiated logout has nothing to end
        assertThrows(ValidationException.class, () -> idp.idpInitiatedLogout(SP_ID, "caseworker"));

        idp.injectNext(IdpFault.LOGOUT_ANSWER_BY_POST);
        r = sp.get(MiniSp.redirect(idp.sloUri(), "SAMLRequest", logoutRequest(nameId, session, idp.sloUri()), null,
                MiniSp.RSA_SHA256, sp.signing.privateKey(), null));
        assertEquals(200, r.statusCode());
        Map<String, String> form = MiniSp.formFields(r.body());
        assertEquals(sp.slo.toString(), form.get("@action"));
        Document posted = SecureXml.parse(new String(java.util.Base64.getDecoder().decode(form.get("SAMLResponse")),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("LogoutResponse", posted.getDocumentElement().getLocalName());
        assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(posted.getDocumentElement(), idp.signingCertificate()),
                "the POST binding has no query signature, so the LogoutResponse itself is signed");

        HttpResponse<String> unsigned = sp.get(MiniSp.redirect(idp.sloUri(), "SAMLRequest",
                logoutRequest(nameId, session, idp.sloUri()), null, null, null, null));
        assertEquals(403, unsigned.statusCode());
        assertTrue(codes().contains("UnsignedRequest"), codes().toString());
    }

    @Test
    void idpInitiatedLogoutCarriesNameIdAndSessionIndexSigned() throws Exception {
        Element a = decrypted(sp.login(idp, MiniSp.RSA_SHA256, user("caseworker")));
        URI u = idp.idpInitiatedLogout(SP_ID, "caseworker");
        assertTrue(u.toString().startsWith(sp.slo + "?SAMLRequest="));
        assertTrue(MiniSp.verifyQuery(u, "SAMLRequest", idp.signingCertificate()));
        Element lr = SecureXml.parse(MiniSp.inflate(java.net.URLDecoder.decode(MiniSp.rawQuery(u).get("SAMLRequest"),
                java.nio.charset.StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("LogoutRequest", lr.getLocalName());
        Element nid = first(lr, SAML, "NameID");
        assertEquals(first(first(a, SAML, "Subject"), SAML, "NameID").getTextContent(), nid.getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", nid.getAttribute("Format"));
        assertEquals(first(a, SAML, "AuthnStatement").getAttribute("SessionIndex"), first(lr, SAMLP, "SessionIndex").getTextContent());
        assertThrows(ValidationException.class, () -> idp.idpInitiatedLogout(SP_ID, "nobody"));
        // the SP's signed answer is accepted, an unsigned one refused
        String answer = "<samlp:LogoutResponse xmlns:samlp=\"" + SAMLP + "\" xmlns:saml=\"" + SAML + "\" ID=\""
                + MiniSp.newId() + "\" Version=\"2.0\" IssueInstant=\"" + MiniSp.now(Instant.now()) + "\" Destination=\""
                + idp.sloUri() + "\" InResponseTo=\"" + lr.getAttribute("ID") + "\"><saml:Issuer>" + SP_ID
                + "</saml:Issuer><samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/>"
                + "</samlp:Status></samlp:LogoutResponse>";
        assertEquals(200, sp.get(MiniSp.redirect(idp.sloUri(), "SAMLResponse", answer, null, MiniSp.RSA_SHA256,
                sp.signing.privateKey(), null)).statusCode());
        assertEquals(403, sp.get(MiniSp.redirect(idp.sloUri(), "SAMLResponse", answer, null, null, null, null))
                .statusCode());
        assertEquals(List.of("UnsignedRequest"), codes());
    }

    @Test
    void oiosaml2ProfileUsesX509SubjectNameAndLegacyAttributes() throws Exception {
        try (IdentityProviderSimulator old = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_OIOSAML2)
                .user(CASEWORKER).serviceProviderMetadata(sp.metadataXml()).autoLogin("caseworker").start()) {
            Element a = decrypted(sp.login(old, MiniSp.RSA_SHA256, null));
            assertEquals(MiniSp.SignatureCheck.VALID, MiniSp.verify(a, old.signingCertificate()));
            Element nid = first(first(a, SAML, "Subject"), SAML, "NameID");
            assertEquals("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName", nid.getAttribute("Format"));
            assertEquals("C=DK,O=11111111,CN=Karen Sagsbehandler,Serial=" + CASEWORKER.uuid(), nid.getTextContent());
            Map<String, List<String>> attrs = MiniSp.attributes(a);
            assertEquals(List.of("3"), attrs.get(Identities.LEGACY_ASSURANCE_LEVEL));
            assertEquals(List.of("11111111"), attrs.get(Identities.LEGACY_CVR));
            assertTrue(attrs.containsKey(Identities.LEGACY_SPEC_VERSION));
            assertTrue(attrs.containsKey("dk:gov:saml:attribute:KombitSpecVer"));
            assertEquals(PRIVILEGES, PrivilegeList.parse(attrs.get(Identities.LEGACY_PRIVILEGES).get(0)));
            Professional p = assertInstance(Professional.class,
                    Identities.fromAttributes(nid.getTextContent(), nid.getAttribute("Format"), attrs));
            assertEquals(CASEWORKER.uuid(), p.uuid());
        }
    }

    @Test
    void nemLoginCitizenHasPersonNameIdAndCpr() throws Exception {
        try (IdentityProviderSimulator nl = IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN)
                .user(CITIZEN).serviceProvider(sp.registration()).autoLogin("citizen").start()) {
            assertTrue(nl.entityId().startsWith("https://saml."));
            Element a = decrypted(sp.login(nl, MiniSp.RSA_SHA256, null));
            Element nid = first(first(a, SAML, "Subject"), SAML, "NameID");
            assertEquals("https://data.gov.dk/model/core/eid/person/uuid/" + CITIZEN.uuid(), nid.getTextContent());
            Map<String, List<String>> attrs = MiniSp.attributes(a);
            assertEquals(List.of("1502801234"), attrs.get(Identities.CPR_NUMBER));
            assertNull(attrs.get(Identities.PRIVILEGES));
            Citizen c = assertInstance(Citizen.class,
                    Identities.fromAttributes(nid.getTextContent(), nid.getAttribute("Format"), attrs));
            assertEquals("1502801234", c.cpr().orElseThrow().value());
            assertFalse(CITIZEN.toString().contains("1502801234"), CITIZEN.toString());
        }
    }

    @Test
    void builderRefusesBadConfiguration() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN).entityId("https://nemlog-in.test"));
        assertTrue(e.getMessage().contains("entityId"), e.getMessage());
        e = assertThrows(ValidationException.class,
                () -> IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN).user(CITIZEN).autoLogin("nobody").start());
        assertTrue(e.getMessage().contains("autoLogin"), e.getMessage());
        e = assertThrows(ValidationException.class,
                () -> IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN).user(CITIZEN).user(CITIZEN));
        assertTrue(e.getMessage().contains("user"), e.getMessage());
        assertPath("profile", () -> IdentityProviderSimulator.builder(null));
        assertPath("user", () -> IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN).user(null));
        assertPath("serviceProvider", () -> IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN).serviceProvider(null));
        assertPath("clock", () -> IdentityProviderSimulator.builder(IdpProfile.NEMLOGIN).clock(null));
        assertPath("fault", () -> idp.injectNext(null));
        assertPath("metadata", () -> RegisteredSp.fromMetadata(null));
    }

    private static void assertPath(String path, org.junit.jupiter.api.function.Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(path, e.violations().get(0).path(), e.getMessage());
    }
}
