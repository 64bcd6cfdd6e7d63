package dk.rammearkitektur.sso.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class LogoutTest {
    private static final String SAML = TestIdp.SAML;
    private static final String SAMLP = TestIdp.SAMLP;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final MovableClock clock = new MovableClock(start);

    static IdpMetadata metadata(TestIdp.Credential... signing) {
        return new IdpMetadata(TestIdp.IDP_ENTITY, Map.of(IdpMetadata.REDIRECT, TestIdp.SSO_URL),
                Map.of(IdpMetadata.REDIRECT, TestLogoutIdp.IDP_SLO, IdpMetadata.POST, TestLogoutIdp.IDP_SLO + "/post"),
                java.util.Arrays.stream(signing).map(TestIdp.Credential::certificate).toList(), List.of(), true);
    }

    ServiceProvider.Builder builder() {
        return ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .singleLogoutService(TestLogoutIdp.SLO)
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(metadata(TestIdp.IDP)).profile(SsoProfile.contextHandlerNsisTest()).clock(clock);
    }

    private final ServiceProvider sp = builder().build();

    // ---- SP-initiated ----

    @Test
    void logoutRequestIsASignedRedirectWithNameIdFormatQualifiersAndSessionIndex() {
        LogoutRedirect r = sp.logoutRequest("nid-1", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                "qualifier", "sp-qualifier", "_s1", "/bye");
        assertTrue(r.url().startsWith(TestLogoutIdp.IDP_SLO + "?SAMLRequest="), r.url());
        TestLogoutIdp.Received got = TestLogoutIdp.readRedirect(r.url(), "SAMLRequest",
                TestIdp.SP.certificate().getPublicKey());
        Element m = got.message();
        assertEquals("LogoutRequest", m.getLocalName());
        assertEquals(SAMLP, m.getNamespaceURI());
        assertEquals(r.pending().id(), m.getAttribute("ID"));
        assertEquals(TestLogoutIdp.IDP_SLO, m.getAttribute("Destination"));
        assertEquals(start.plus(Duration.ofMinutes(10)), Instant.parse(m.getAttribute("NotOnOrAfter")));
        assertEquals(TestIdp.SP_ENTITY, text(m, SAML, "Issuer"));
        Element nameId = (Element) m.getElementsByTagNameNS(SAML, "NameID").item(0);
        assertEquals("nid-1", nameId.getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", nameId.getAttribute("Format"));
        assertEquals("qualifier", nameId.getAttribute("NameQualifier"));
        assertEquals("sp-qualifier", nameId.getAttribute("SPNameQualifier"));
        assertEquals("_s1", text(m, SAMLP, "SessionIndex"));
        assertEquals(r.pending().relayState(), got.decoded().get("RelayState"));
        assertEquals("/bye", r.pending().returnUrl());
    }

    @Test
    void logoutRequestLeavesAbsentQualifiersOut() {
        LogoutRedirect r = sp.logoutRequest("nid-1", "f", null, "", "_s1", null);
        Element nameId = (Element) TestLogoutIdp.readRedirect(r.url(), "SAMLRequest",
                TestIdp.SP.certificate().getPublicKey()).message().getElementsByTagNameNS(SAML, "NameID").item(0);
        assertFalse(nameId.hasAttribute("NameQualifier"));
        assertFalse(nameId.hasAttribute("SPNameQualifier"));
    }

    @Test
    void logoutNeedsASingleLogoutUrlAndASession() {
        ServiceProvider noSlo = builder().singleLogoutService(null).build();
        assertEquals("singleLogoutService", assertThrows(ValidationException.class,
                () -> noSlo.logoutRequest("n", "f", null, null, "_s", null)).violations().get(0).path());
        assertEquals("sessionIndex", assertThrows(ValidationException.class,
                () -> sp.logoutRequest("n", "f", null, null, " ", null)).violations().get(0).path());
    }

    /** A LogoutResponse to a fresh logout request of {@code sp}, shaped by {@code knobs}. */
    TestLogoutIdp answer(ServiceProvider target, Consumer<TestLogoutIdp> knobs) {
        LogoutRedirect r = target.logoutRequest("nid-1", "f", null, null, "_s1", "/bye");
        TestLogoutIdp idp = new TestLogoutIdp(clock.instant());
        idp.inResponseTo = r.pending().id();
        idp.relayState = r.pending().relayState();
        knobs.accept(idp);
        return idp;
    }

    @Test
    void successfulLogoutResponseByRedirect() {
        TestLogoutIdp idp = answer(sp, i -> { });
        LogoutResult result = sp.consumeLogoutResponse(idp.redirect("SAMLResponse", idp.response()));
        assertEquals("/bye", result.request().returnUrl());
        assertFalse(result.partial());
        assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:status:Success"), result.statusCodes());
    }

    @Test
    void postAnswerToARedirectRequestIsAccepted() {
        TestLogoutIdp idp = answer(sp, i -> { });
        LogoutResult result = sp.consumeLogoutResponse(idp.post(idp.response()), idp.relayState);
        assertEquals("/bye", result.request().returnUrl());
    }

    @Test
    void partialLogoutIsReported() {
        TestLogoutIdp idp = answer(sp, i -> i.status.add("urn:oasis:names:tc:SAML:2.0:status:PartialLogout"));
        assertTrue(sp.consumeLogoutResponse(idp.redirect("SAMLResponse", idp.response())).partial());
    }

    @Test
    void failedStatusIsRefusedWithTheCodes() {
        TestLogoutIdp idp = answer(sp, i -> i.status = List.of("urn:oasis:names:tc:SAML:2.0:status:Responder"));
        SsoRefusedException e = assertThrows(SsoRefusedException.class,
                () -> sp.consumeLogoutResponse(idp.redirect("SAMLResponse", idp.response())));
        assertEquals(SsoRefusedException.STATUS, e.reason());
        assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:status:Responder"), e.statusCodes());
    }

    void assertRedirectResponseRefused(String reason, String part, Consumer<TestLogoutIdp> knobs) {
        TestLogoutIdp idp = answer(sp, knobs);
        String query = idp.redirect("SAMLResponse", idp.response());
        SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> sp.consumeLogoutResponse(query));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    void assertPostResponseRefused(String reason, String part, Consumer<TestLogoutIdp> knobs) {
        TestLogoutIdp idp = answer(sp, knobs);
        String form = idp.post(idp.response());
        SsoRefusedException e = assertThrows(SsoRefusedException.class,
                () -> sp.consumeLogoutResponse(form, idp.relayState));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void logoutResponseRefusals() {
        assertRedirectResponseRefused(SsoRefusedException.QUERY_SIGNATURE, "SigAlg and Signature", i -> i.sign = false);
        assertRedirectResponseRefused(SsoRefusedException.QUERY_SIGNATURE, "does not verify",
                i -> i.signer = TestIdp.STRANGER);
        assertRedirectResponseRefused(SsoRefusedException.DESTINATION, "LogoutResponse@Destination",
                i -> i.destination = TestIdp.ACS);
        assertRedirectResponseRefused(SsoRefusedException.ISSUER, "LogoutResponse.Issuer",
                i -> i.issuer = "https://saml.other.example");
        assertRedirectResponseRefused(SsoRefusedException.IN_RESPONSE_TO, "no pending logout request",
                i -> i.inResponseTo = "_unknown");
        assertRedirectResponseRefused(SsoRefusedException.IN_RESPONSE_TO, "RelayState",
                i -> i.relayState = "other");
        assertPostResponseRefused(SsoRefusedException.SIGNATURE, "LogoutResponse.Signature: must occur exactly once",
                i -> i.sign = false);
        assertPostResponseRefused(SsoRefusedException.SIGNATURE, "LogoutResponse.Signature",
                i -> i.signer = TestIdp.STRANGER);
        assertPostResponseRefused(SsoRefusedException.SIGNATURE, "LogoutResponse", i -> i.signOtherElement = true);
        assertPostResponseRefused(SsoRefusedException.DESTINATION, "Destination", i -> i.destination = null);
    }

    @Test
    void aLoginRequestIdDoesNotAnswerALogout() {
        LoginRedirect login = sp.authnRequest(LoginOptions.defaults());
        assertRedirectResponseRefused(SsoRefusedException.IN_RESPONSE_TO, "no pending logout request", i -> {
            i.inResponseTo = login.pending().id();
            i.relayState = login.pending().relayState();
        });
    }

    @Test
    void aLogoutResponseIsUsedOnceAndNotAfterExpiry() {
        TestLogoutIdp idp = answer(sp, i -> { });
        String query = idp.redirect("SAMLResponse", idp.response());
        sp.consumeLogoutResponse(query);
        assertEquals(SsoRefusedException.IN_RESPONSE_TO,
                assertThrows(SsoRefusedException.class, () -> sp.consumeLogoutResponse(query)).reason());
        TestLogoutIdp late = answer(sp, i -> { });
        String lateQuery = late.redirect("SAMLResponse", late.response());
        clock.advance(Duration.ofMinutes(11));
        SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> sp.consumeLogoutResponse(lateQuery));
        assertEquals(SsoRefusedException.IN_RESPONSE_TO, e.reason());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    // ---- IdP-initiated ----

    TestLogoutIdp idpRequest(Consumer<TestLogoutIdp> knobs) {
        TestLogoutIdp idp = new TestLogoutIdp(clock.instant());
        idp.relayState = "rs-1";
        knobs.accept(idp);
        return idp;
    }

    @Test
    void idpInitiatedLogoutByRedirectGivesAnInstructionAndASignedAnswer() {
        TestLogoutIdp idp = idpRequest(i -> {
            i.sessionIndexes = List.of("_s1", "_s2");
            i.nameQualifier = "nq";
        });
        LogoutInstruction in = sp.consumeLogoutRequest(idp.redirect("SAMLRequest", idp.request()));
        assertEquals(idp.id, in.requestId());
        assertEquals(idp.nameId, in.nameId());
        assertEquals(idp.nameIdFormat, in.nameIdFormat());
        assertEquals("nq", in.nameQualifier());
        assertEquals("", in.spNameQualifier());
        assertEquals(List.of("_s1", "_s2"), in.sessionIndexes());
        assertTrue(in.covers("_s2"));
        assertFalse(in.covers("_s3"));
        assertFalse(in.toString().contains(idp.nameId));
        String url = sp.logoutResponse(in);
        TestLogoutIdp.Received got = TestLogoutIdp.readRedirect(url, "SAMLResponse",
                TestIdp.SP.certificate().getPublicKey());
        assertTrue(url.startsWith(TestLogoutIdp.IDP_SLO + "?"), url);
        assertEquals("rs-1", got.decoded().get("RelayState"));
        Element m = got.message();
        assertEquals("LogoutResponse", m.getLocalName());
        assertEquals(idp.id, m.getAttribute("InResponseTo"));
        assertEquals(TestLogoutIdp.IDP_SLO, m.getAttribute("Destination"));
        assertEquals(TestIdp.SP_ENTITY, text(m, SAML, "Issuer"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success",
                ((Element) m.getElementsByTagNameNS(SAMLP, "StatusCode").item(0)).getAttribute("Value"));
    }

    @Test
    void idpInitiatedLogoutByPost() {
        TestLogoutIdp idp = idpRequest(i -> i.sessionIndexes = List.of());
        LogoutInstruction in = sp.consumeLogoutRequest(idp.post(idp.request()), "rs-1");
        assertTrue(in.sessionIndexes().isEmpty());
        assertTrue(in.covers("_anything"));
        assertEquals("rs-1", in.relayState());
    }

    void assertRequestRefused(String reason, String part, boolean post, Consumer<TestLogoutIdp> knobs) {
        TestLogoutIdp idp = idpRequest(knobs);
        SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> {
            if (post) {
                sp.consumeLogoutRequest(idp.post(idp.request()), idp.relayState);
            } else {
                sp.consumeLogoutRequest(idp.redirect("SAMLRequest", idp.request()));
            }
        });
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void logoutRequestRefusals() {
        assertRequestRefused(SsoRefusedException.QUERY_SIGNATURE, "Signature", false, i -> i.sign = false);
        assertRequestRefused(SsoRefusedException.QUERY_SIGNATURE, "does not verify", false,
                i -> i.signer = TestIdp.STRANGER);
        assertRequestRefused(SsoRefusedException.SIGNATURE, "LogoutRequest.Signature: must occur exactly once", true,
                i -> i.sign = false);
        assertRequestRefused(SsoRefusedException.SIGNATURE, "LogoutRequest.Signature", true,
                i -> i.signer = TestIdp.STRANGER);
        assertRequestRefused(SsoRefusedException.SIGNATURE, "LogoutRequest", true, i -> i.signOtherElement = true);
        assertRequestRefused(SsoRefusedException.DESTINATION, "LogoutRequest@Destination", false,
                i -> i.destination = "https://fagsystem.test.example/other");
        assertRequestRefused(SsoRefusedException.ISSUER, "LogoutRequest.Issuer", false,
                i -> i.issuer = "https://saml.other.example");
        assertRequestRefused(SsoRefusedException.MESSAGE_TIME, "LogoutRequest@IssueInstant: is older", false,
                i -> i.issueInstant = start.minus(Duration.ofMinutes(20)));
        assertRequestRefused(SsoRefusedException.MESSAGE_TIME, "LogoutRequest@IssueInstant: lies in the future", false,
                i -> i.issueInstant = start.plus(Duration.ofMinutes(5)));
        assertRequestRefused(SsoRefusedException.MESSAGE_TIME, "LogoutRequest@NotOnOrAfter", false,
                i -> i.notOnOrAfter = start.minus(Duration.ofMinutes(4)));
        assertRequestRefused(SsoRefusedException.MALFORMED, "LogoutRequest.NameID: must not be empty", false,
                i -> i.nameId = "");
    }

    @Test
    void withinTheSkewIsAccepted() {
        TestLogoutIdp idp = idpRequest(i -> {
            i.issueInstant = start.plus(Duration.ofMinutes(2));
            i.notOnOrAfter = start.minus(Duration.ofMinutes(2));
        });
        assertEquals(idp.id, sp.consumeLogoutRequest(idp.redirect("SAMLRequest", idp.request())).requestId());
    }

    @Test
    void aReplayedLogoutRequestIsRefusedOnEitherBinding() {
        TestLogoutIdp idp = idpRequest(i -> { });
        String query = idp.redirect("SAMLRequest", idp.request());
        sp.consumeLogoutRequest(query);
        assertRequestRefused(SsoRefusedException.REPLAY, "LogoutRequest@ID", false, i -> i.id = idp.id);
        assertRequestRefused(SsoRefusedException.REPLAY, "LogoutRequest@ID", true, i -> i.id = idp.id);
    }

    @Test
    void aSignatureFromEitherRolloverKeyVerifies() {
        TestIdp.Credential next = TestIdp.Credential.generate("CN=Test IdP next signing");
        ServiceProvider rolling = builder().idp(metadata(TestIdp.IDP, next)).build();
        for (TestIdp.Credential key : List.of(TestIdp.IDP, next)) {
            TestLogoutIdp idp = idpRequest(i -> i.signer = key);
            assertEquals(idp.id, rolling.consumeLogoutRequest(idp.redirect("SAMLRequest", idp.request())).requestId());
            TestLogoutIdp post = idpRequest(i -> i.signer = key);
            assertEquals(post.id, rolling.consumeLogoutRequest(post.post(post.request()), null).requestId());
        }
    }

    private static String text(Element parent, String ns, String name) {
        return parent.getElementsByTagNameNS(ns, name).item(0).getTextContent();
    }
}
