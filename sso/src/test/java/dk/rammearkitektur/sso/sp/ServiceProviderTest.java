package dk.rammearkitektur.sso.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.sso.Citizen;
import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.KleConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;

class ServiceProviderTest {
    private static final UUID USER = UUID.fromString("1b3f7e2a-55c1-4c8e-9d1b-2f0e4a6b8c91");
    private static final String ROLE = "http://fagsystem.example/roles/usersystemrole/sagsbehandler/1";
    private static final String CPR = "0101901234";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    static IdpMetadata idpMetadata(TestIdp.Credential... signing) {
        return new IdpMetadata(TestIdp.IDP_ENTITY, Map.of(IdpMetadata.REDIRECT, TestIdp.SSO_URL), Map.of(),
                java.util.Arrays.stream(signing).map(TestIdp.Credential::certificate).toList(), List.of(), true);
    }

    ServiceProvider.Builder builder(SsoProfile profile) {
        return ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .singleLogoutService("https://fagsystem.test.example/saml/slo")
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(idpMetadata(TestIdp.IDP)).profile(profile).clock(clock);
    }

    ServiceProvider nsis() {
        return builder(SsoProfile.contextHandlerNsisTest()).build();
    }

    static Map<String, List<String>> nsisProfessional() {
        return new java.util.LinkedHashMap<>(Map.of(
                Identities.SPEC_VERSION, List.of("OIO-SAML-3.0"),
                Identities.NSIS_LOA, List.of("Substantial"),
                Identities.PROFESSIONAL_UUID, List.of("urn:uuid:" + USER),
                Identities.PROFESSIONAL_CVR, List.of("11111111"),
                Identities.PROFESSIONAL_ORG_NAME, List.of("Korsbæk Kommune"),
                Identities.PRIVILEGES, List.of(PrivilegeList.of(PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), ROLE,
                        KleConstraint.of("32.*"))).toBase64(BppNamespace.V1_0_1))));
    }

    /** A Response to a fresh request of {@code sp}, shaped by {@code knobs}. */
    TestIdp answer(ServiceProvider sp, LoginOptions options, Consumer<TestIdp> knobs) {
        LoginRedirect r = sp.authnRequest(options);
        TestIdp idp = new TestIdp(r.pending().id(), now);
        idp.nameId = Identities.PROFESSIONAL_NAME_ID_PREFIX + USER;
        idp.attributes = nsisProfessional();
        lastRelayState = r.pending().relayState();
        knobs.accept(idp);
        return idp;
    }

    private String lastRelayState;

    SsoRefusedException refused(ServiceProvider sp, Consumer<TestIdp> knobs) {
        TestIdp idp = answer(sp, LoginOptions.defaults(), knobs);
        String response = idp.samlResponse();
        return assertThrows(SsoRefusedException.class, () -> sp.consume(response, lastRelayState));
    }

    void assertRefused(String reason, String messagePart, Consumer<TestIdp> knobs) {
        SsoRefusedException e = refused(nsis(), knobs);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertFalse(e.getMessage().contains(CPR), e.getMessage());
    }

    @Test
    void nsisContextHandlerProfessionalWithPrivileges() {
        ServiceProvider sp = nsis();
        TestIdp idp = answer(sp, LoginOptions.defaults().returnUrl("/cases/42"), i -> { });
        SsoLogin login = sp.consume(idp.samlResponse(), lastRelayState);
        Professional p = assertInstanceOf(Professional.class, login.identity());
        assertEquals(USER, p.uuid());
        assertEquals("11111111", p.cvr());
        assertTrue(p.rights().hasRole(ROLE));
        assertEquals("_session-1", login.sessionIndex());
        assertEquals(idp.assertionId, login.assertionId());
        assertEquals(idp.notOnOrAfter, login.notOnOrAfter());
        assertEquals("/cases/42", login.request().returnUrl());
        assertEquals(Identities.PROFESSIONAL_NAME_ID_PREFIX + USER, login.nameId());
    }

    @Test
    void everyEncryptionVariantThatIsAllowedDecrypts() {
        for (String key : List.of(XMLCipher.RSA_OAEP_11, XMLCipher.RSA_OAEP)) {
            for (String data : List.of(XMLCipher.AES_256_GCM, XMLCipher.AES_128_GCM, XMLCipher.AES_256, XMLCipher.AES_128)) {
                for (boolean inline : List.of(true, false)) {
                    ServiceProvider sp = nsis();
                    TestIdp idp = answer(sp, LoginOptions.defaults(), i -> {
                        i.keyTransport = key;
                        i.dataAlgorithm = data;
                        i.keyInline = inline;
                    });
                    assertInstanceOf(Professional.class, sp.consume(idp.samlResponse(), lastRelayState).identity(),
                            key + " " + data + " inline=" + inline);
                }
            }
        }
    }

    @Test
    void rsaPssSignedAssertionVerifies() {
        ServiceProvider sp = nsis();
        TestIdp idp = answer(sp, LoginOptions.defaults(), i -> i.signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256_MGF1);
        assertInstanceOf(Professional.class, sp.consume(idp.samlResponse(), lastRelayState).identity());
    }

    @Test
    void secondaryKeyDecryptsDuringRollover() {
        ServiceProvider sp = builder(SsoProfile.contextHandlerNsisTest())
                .secondaryDecryptionCredential(TestIdp.SP_OLD.toSigning()).build();
        TestIdp idp = answer(sp, LoginOptions.defaults(), i -> i.encryptTo = TestIdp.SP_OLD);
        assertInstanceOf(Professional.class, sp.consume(idp.samlResponse(), lastRelayState).identity());
    }

    @Test
    void oiosaml2ContextHandlerWithX509SubjectName() {
        ServiceProvider sp = builder(SsoProfile.contextHandlerOiosaml2Test()).build();
        TestIdp idp = answer(sp, LoginOptions.defaults(), i -> {
            i.nameIdFormat = Identities.X509_SUBJECT_NAME;
            i.nameId = "C=DK,O=11111111,CN=Hanne Sagsbehandler,Serial=" + USER;
            i.attributes = new java.util.LinkedHashMap<>(Map.of(
                    Identities.LEGACY_SPEC_VERSION, List.of("DK-SAML-2.0"),
                    Identities.LEGACY_ASSURANCE_LEVEL, List.of("3"),
                    Identities.LEGACY_CVR, List.of("11111111"),
                    Identities.LEGACY_PRIVILEGES, List.of(PrivilegeList.of(PrivilegeGroup.of(
                            PrivilegeScope.cvr("11111111"), ROLE)).toBase64(BppNamespace.V1_0_1))));
        });
        SsoLogin login = sp.consume(idp.samlResponse(), lastRelayState);
        Professional p = assertInstanceOf(Professional.class, login.identity());
        assertEquals(USER, p.uuid());
        assertTrue(p.rights().hasRole(ROLE));
        assertEquals(Identities.X509_SUBJECT_NAME, login.nameIdFormat());
    }

    @Test
    void nemLoginCitizenWithMaskedCpr() {
        ServiceProvider sp = ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(idpMetadata(TestIdp.IDP)).profile(SsoProfile.nemLoginTest()).clock(clock).build();
        TestIdp idp = answer(sp, LoginOptions.defaults().minimumLevel(LevelOfAssurance.SUBSTANTIAL), i -> {
            i.nameId = Identities.PERSON_NAME_ID_PREFIX + USER;
            i.attributes = new java.util.LinkedHashMap<>(Map.of(
                    Identities.SPEC_VERSION, List.of("OIO-SAML-3.0"),
                    Identities.NSIS_LOA, List.of("High"),
                    Identities.CPR_NUMBER, List.of(CPR),
                    Identities.FIRST_NAME, List.of("Karl"),
                    Identities.LAST_NAME, List.of("Borger")));
        });
        SsoLogin login = sp.consume(idp.samlResponse(), lastRelayState);
        Citizen c = assertInstanceOf(Citizen.class, login.identity());
        assertEquals(CPR, c.cpr().orElseThrow().value());
        assertEquals(LevelOfAssurance.HIGH, c.levelOfAssurance().orElseThrow());
        assertFalse(login.toString().contains(CPR), login.toString());
    }

    @Test
    void wrappingSignedAssertionMovedIsRefused() {
        assertRefused(SsoRefusedException.SIGNATURE, "signature.wrapping",
                i -> i.layout = TestIdp.Layout.WRAPPED_SIGNATURE_MOVED);
    }

    @Test
    void secondUnsignedAssertionIsRefused() {
        assertRefused(SsoRefusedException.ASSERTION_COUNT, "Response", i -> i.extraPlainAssertion = true);
        assertRefused(SsoRefusedException.ASSERTION_COUNT, "exactly one saml:Assertion",
                i -> i.layout = TestIdp.Layout.TWO_ASSERTIONS);
    }

    @Test
    void unsignedAssertionIsRefused() {
        assertRefused(SsoRefusedException.SIGNATURE, "must occur exactly once (unsigned messages are refused), found 0", i -> i.sign = false);
    }

    @Test
    void aSignedResponseIsAcceptedWhenItsSignatureVerifies() {
        ServiceProvider sp = nsis();
        TestIdp idp = answer(sp, LoginOptions.defaults(), i -> i.responseSigner = TestIdp.IDP);
        assertTrue(idp.xml().contains("Response"));
        SsoLogin login = sp.consume(idp.samlResponse(), lastRelayState);
        assertInstanceOf(Professional.class, login.identity());
    }

    @Test
    void aResponseSignatureThatDoesNotVerifyIsRefusedEvenThoughTheAssertionIsSigned() {
        assertRefused(SsoRefusedException.SIGNATURE, "Response.Signature", i -> i.responseSigner = TestIdp.STRANGER);
        assertRefused(SsoRefusedException.SIGNATURE, "Response.Signature", i -> {
            i.responseSigner = TestIdp.IDP;
            i.tamperSignedResponse = true;
        });
    }

    @Test
    void aForgedSignedResponseDoesNotUseUpThePendingRequest() {
        ServiceProvider sp = nsis();
        TestIdp forged = answer(sp, LoginOptions.defaults(), i -> i.responseSigner = TestIdp.STRANGER);
        String relay = lastRelayState;
        assertThrows(SsoRefusedException.class, () -> sp.consume(forged.samlResponse(), relay));
        forged.responseSigner = null;
        SsoLogin login = sp.consume(forged.samlResponse(), relay);
        assertInstanceOf(Professional.class, login.identity());
    }

    @Test
    void signatureByAnUntrustedKeyIsRefused() {
        SsoRefusedException e = refused(nsis(), i -> i.signer = TestIdp.STRANGER);
        assertEquals(SsoRefusedException.SIGNATURE, e.reason());
        assertTrue(e.getMessage().contains("signature.untrusted-key"), e.getMessage());
    }

    @Test
    void wrongDestinationRecipientAudienceIssuer() {
        assertRefused(SsoRefusedException.DESTINATION, "Response@Destination", i -> i.destination = "https://evil.example/acs");
        assertRefused(SsoRefusedException.DESTINATION, "Response@Destination", i -> i.destination = null);
        assertRefused(SsoRefusedException.SUBJECT_CONFIRMATION, "SubjectConfirmationData@Recipient",
                i -> i.recipient = "https://evil.example/acs");
        assertRefused(SsoRefusedException.AUDIENCE, "Audience", i -> i.audience = "https://saml.other-sp.example");
        assertRefused(SsoRefusedException.ISSUER, "Assertion.Issuer", i -> i.assertionIssuer = "https://saml.evil.example");
        assertRefused(SsoRefusedException.ISSUER, "Response.Issuer", i -> i.responseIssuer = "https://saml.evil.example");
    }

    @Test
    void expiredAndNotYetValid() {
        assertRefused(SsoRefusedException.CONDITIONS, "Conditions@NotOnOrAfter", i -> i.notOnOrAfter = now.minusSeconds(181));
        assertRefused(SsoRefusedException.CONDITIONS, "Conditions@NotBefore", i -> i.notBefore = now.plusSeconds(181));
        assertRefused(SsoRefusedException.SUBJECT_CONFIRMATION, "SubjectConfirmationData@NotOnOrAfter",
                i -> i.confirmationNotOnOrAfter = now.minusSeconds(181));
    }

    @Test
    void withinTheSkewIsAccepted() {
        ServiceProvider sp = nsis();
        TestIdp idp = answer(sp, LoginOptions.defaults(), i -> {
            i.notOnOrAfter = now.minusSeconds(170);
            i.confirmationNotOnOrAfter = now.minusSeconds(170);
            i.notBefore = now.plusSeconds(170);
        });
        assertInstanceOf(Professional.class, sp.consume(idp.samlResponse(), lastRelayState).identity());
    }

    @Test
    void replayIsRefused() {
        ServiceProvider sp = nsis();
        TestIdp first = answer(sp, LoginOptions.defaults(), i -> { });
        sp.consume(first.samlResponse(), lastRelayState);
        // the same assertion id, answering a new request
        String id = first.assertionId;
        SsoRefusedException e = refused(sp, i -> i.assertionId = id);
        assertEquals(SsoRefusedException.REPLAY, e.reason(), e.getMessage());
    }

    @Test
    void inResponseToUnknownExpiredOrOfAnotherRequest() {
        assertRefused(SsoRefusedException.IN_RESPONSE_TO, "Response@InResponseTo", i -> i.inResponseTo = "_unknown");
        assertRefused(SsoRefusedException.IN_RESPONSE_TO, "Response@InResponseTo", i -> i.inResponseTo = null);
        ServiceProvider sp = nsis();
        String other = sp.authnRequest(LoginOptions.defaults()).pending().id();
        SsoRefusedException e = refused(sp, i -> i.confirmationInResponseTo = other);
        assertEquals(SsoRefusedException.SUBJECT_CONFIRMATION, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("SubjectConfirmationData@InResponseTo"), e.getMessage());
        // an answer to the other request, with the RelayState of this one
        SsoRefusedException f = refused(sp, i -> {
            i.inResponseTo = other;
            i.confirmationInResponseTo = other;
        });
        assertEquals(SsoRefusedException.IN_RESPONSE_TO, f.reason());
        assertTrue(f.getMessage().contains("RelayState"), f.getMessage());

        ServiceProvider shortLived = builder(SsoProfile.contextHandlerNsisTest()).requestLifetime(Duration.ofMinutes(1))
                .clock(Clock.offset(clock, Duration.ZERO)).build();
        LoginRedirect r = shortLived.authnRequest(LoginOptions.defaults());
        ServiceProvider later = builder(SsoProfile.contextHandlerNsisTest())
                .pendingRequests(singleStore(r.pending())).clock(Clock.offset(clock, Duration.ofMinutes(2))).build();
        TestIdp idp = new TestIdp(r.pending().id(), now.plusSeconds(120));
        idp.nameId = Identities.PROFESSIONAL_NAME_ID_PREFIX + USER;
        idp.attributes = nsisProfessional();
        SsoRefusedException g = assertThrows(SsoRefusedException.class,
                () -> later.consume(idp.samlResponse(), r.pending().relayState()));
        assertEquals(SsoRefusedException.IN_RESPONSE_TO, g.reason());
        assertTrue(g.getMessage().contains("expired"), g.getMessage());
    }

    private static PendingRequests singleStore(PendingRequest request) {
        PendingRequests store = PendingRequests.inMemory(4);
        store.put(request);
        return store;
    }

    @Test
    void aRequestIsAnsweredOnce() {
        ServiceProvider sp = nsis();
        TestIdp idp = answer(sp, LoginOptions.defaults(), i -> { });
        sp.consume(idp.samlResponse(), lastRelayState);
        idp.assertionId = "_another";
        SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> sp.consume(idp.samlResponse(), lastRelayState));
        assertEquals(SsoRefusedException.IN_RESPONSE_TO, e.reason());
    }

    @Test
    void unencryptedAssertionIsRefusedUnlessAllowed() {
        assertRefused(SsoRefusedException.ASSERTION_COUNT, "unencrypted assertion is refused", i -> i.encrypt = false);
        ServiceProvider old = builder(SsoProfile.contextHandlerNsisTest()).allowUnencryptedAssertion(true).build();
        TestIdp idp = answer(old, LoginOptions.defaults(), i -> i.encrypt = false);
        assertInstanceOf(Professional.class, old.consume(idp.samlResponse(), lastRelayState).identity());
    }

    @Test
    void rsa15KeyTransportIsRefused() {
        assertRefused(SsoRefusedException.ENCRYPTION_ALGORITHM, "EncryptedKey.EncryptionMethod@Algorithm",
                i -> i.keyTransport = XMLCipher.RSA_v1dot5);
    }

    @Test
    void sha1SignatureOnTheAssertionIsADowngradeAndRefused() {
        SsoRefusedException e = refused(nsis(), i -> i.signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1);
        assertEquals(SsoRefusedException.SIGNATURE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("Assertion.Signature"), e.getMessage());
    }

    @Test
    void everyDecryptionFailureLooksTheSame() {
        SsoRefusedException gcm = refused(nsis(), i -> i.tamperCiphertext = true);
        List<SsoRefusedException> all = new java.util.ArrayList<>(List.of(gcm));
        // AES-CBC: a flipped bit in the IV, in a middle block or in the last block (the padding) garbles different
        // parts of the plaintext; whether what is left parses or not, the refusal is the same
        for (int offset : new int[] {0, 5, 16, 40, -20, -1, -17}) {
            all.add(refused(nsis(), i -> {
                i.tamperCiphertext = true;
                i.tamperOffset = offset;
                i.dataAlgorithm = XMLCipher.AES_256;
            }));
        }
        all.add(refused(nsis(), i -> i.encryptTo = TestIdp.STRANGER));
        for (SsoRefusedException e : all) {
            assertEquals(SsoRefusedException.DECRYPTION, e.reason());
            assertEquals(gcm.getMessage(), e.getMessage());
            assertEquals(null, e.getCause(), "the cause would tell the failures apart");
        }
    }

    @Test
    void levelOfAssuranceTooLow() {
        ServiceProvider sp = nsis();
        TestIdp idp = answer(sp, LoginOptions.defaults().minimumLevel(LevelOfAssurance.HIGH), i -> { });
        SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> sp.consume(idp.samlResponse(), lastRelayState));
        assertEquals(SsoRefusedException.LEVEL_OF_ASSURANCE, e.reason());
        assertTrue(e.getMessage().contains("Substantial is below the requested High"), e.getMessage());
    }

    @Test
    void statusNotSuccessCarriesTheCodes() {
        SsoRefusedException e = refused(nsis(), i -> i.status = List.of("urn:oasis:names:tc:SAML:2.0:status:Responder",
                "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"));
        assertEquals(SsoRefusedException.STATUS, e.reason());
        assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:status:Responder",
                "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"), e.statusCodes());
    }

    @Test
    void specVersionAndIdentityRefusalsDoNotLeakCpr() {
        assertRefused(SsoRefusedException.SPEC_VERSION, Identities.SPEC_VERSION,
                i -> i.attributes.put(Identities.SPEC_VERSION, List.of("OIO-SAML-2.0")));
        assertRefused(SsoRefusedException.IDENTITY, Identities.PROFESSIONAL_CVR, i -> {
            i.attributes.remove(Identities.PROFESSIONAL_CVR);
            i.attributes.put(Identities.CPR_NUMBER, List.of(CPR));
        });
    }

    @Test
    void doctypeAndGarbageAreRefusedTyped() {
        ServiceProvider sp = nsis();
        String xxe = java.util.Base64.getEncoder().encodeToString(("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>").getBytes());
        for (String bad : List.of(xxe, "not base64 !!", "", java.util.Base64.getEncoder().encodeToString("<a/>".getBytes()))) {
            SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> sp.consume(bad, "x"));
            assertEquals(SsoRefusedException.MALFORMED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().startsWith("SAMLResponse"), e.getMessage());
        }
        assertInstanceOf(SecurityCheckException.class, assertThrows(SsoRefusedException.class, () -> sp.consume(null, null)));
    }
}
