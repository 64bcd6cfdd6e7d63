package dk.rammearkitektur.sso.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Element;

/** Logout messages through both bindings: what goes in comes out, and garbage is refused typed. */
class LogoutPropertiesTest {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final ServiceProvider sp = ServiceProvider.builder().entityId(TestIdp.SP_ENTITY)
            .assertionConsumerService(TestIdp.ACS).singleLogoutService(TestLogoutIdp.SLO)
            .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
            .idp(LogoutTest.metadata(TestIdp.IDP)).profile(SsoProfile.contextHandlerNsisTest())
            .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).build();

    /** Texts that survive XML as element text or attribute values: no control characters, no edge white space. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange('!', '~').withChars('æ', 'ø', 'å', ' ', '&', '<', '>', '"', '\'')
                .ofMinLength(1).ofMaxLength(60).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Property(tries = 60)
    void spInitiatedRequestCarriesTheSessionAsGiven(@ForAll("texts") String nameId, @ForAll("texts") String format,
            @ForAll("texts") String qualifier, @ForAll("texts") String sessionIndex) {
        LogoutRedirect r = sp.logoutRequest(nameId, format, qualifier, null, sessionIndex, null);
        Element m = TestLogoutIdp.readRedirect(r.url(), "SAMLRequest", TestIdp.SP.certificate().getPublicKey()).message();
        Element n = (Element) m.getElementsByTagNameNS(TestIdp.SAML, "NameID").item(0);
        assertEquals(nameId, n.getTextContent());
        assertEquals(format, n.getAttribute("Format"));
        assertEquals(qualifier, n.getAttribute("NameQualifier"));
        assertEquals(sessionIndex, m.getElementsByTagNameNS(TestIdp.SAMLP, "SessionIndex").item(0).getTextContent());
    }

    @Property(tries = 60)
    void idpInitiatedRequestGivesBackWhatTheIdpSent(@ForAll("texts") String nameId,
            @ForAll("sessions") List<String> sessions, @ForAll("texts") String relayState, @ForAll boolean post) {
        TestLogoutIdp idp = new TestLogoutIdp(now);
        idp.nameId = nameId;
        idp.sessionIndexes = sessions;
        idp.relayState = relayState;
        LogoutInstruction in = post ? sp.consumeLogoutRequest(idp.post(idp.request()), relayState)
                : sp.consumeLogoutRequest(idp.redirect("SAMLRequest", idp.request()));
        assertEquals(nameId, in.nameId());
        assertEquals(sessions, in.sessionIndexes());
        assertEquals(relayState, in.relayState());
        Element answer = TestLogoutIdp.readRedirect(sp.logoutResponse(in), "SAMLResponse",
                TestIdp.SP.certificate().getPublicKey()).message();
        assertEquals(idp.id, answer.getAttribute("InResponseTo"));
    }

    @Provide
    Arbitrary<List<String>> sessions() {
        return texts().list().ofMaxSize(4);
    }

    @Property(tries = 200)
    void garbageIsRefusedTyped(@ForAll("texts") String junk, @ForAll boolean post, @ForAll boolean request) {
        String b64 = Base64.getEncoder().encodeToString(junk.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> {
            if (post && request) {
                sp.consumeLogoutRequest(b64, null);
            } else if (post) {
                sp.consumeLogoutResponse(b64, null);
            } else if (request) {
                sp.consumeLogoutRequest("SAMLRequest=" + TestLogoutIdp.enc(junk) + "&SigAlg=x&Signature=" + junk);
            } else {
                sp.consumeLogoutResponse(junk);
            }
        });
        assertEquals(true, List.of(SsoRefusedException.MALFORMED, SsoRefusedException.QUERY_SIGNATURE)
                .contains(e.reason()), e.reason() + ": " + e.getMessage());
    }
}
