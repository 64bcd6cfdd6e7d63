package dk.rammearkitektur.signing.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import dk.rammearkitektur.signing.wss.WsSecurityVerifier;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 12, hole 1: an assertion naming the STS as its Issuer but signed by another organisation's valid OCES
 * certificate must be refused under chain-validated trust, directly and inside a WS-Security request. Before the fix,
 * {@code SamlAssertionVerifier.builder(SignatureTrust.validatedBy(validator)).issuer(STS)} accepted it.
 */
class SamlIssuerBindingTest {
    private static final TestPki PKI = TestPki.generateFast(1);
    private static final TestIdentity STS = PKI.oces3Organisation();
    private static final TestIdentity FORGER = PKI.oces3OtherOrganisation();
    private static final TestIdentity CLIENT = PKI.oces3Employee();
    private static final String ISSUER = "https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk";
    private static final String AUDIENCE = "http://entityid.kombit.dk/service/sagdokumentindeks/6";
    private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);

    static CertificateValidator validator() {
        CertificateValidator.Builder b = CertificateValidator.builder().trustAnchors(PKI.trustAnchors()).clock(CLOCK)
                .ocsp(false).intermediate(PKI.oces3IssuingCa());
        for (X509CRL crl : PKI.crls()) {
            b.crl(crl);
        }
        return b.build();
    }

    private static SamlAssertion token(String issuer, TestIdentity signer, TestIdentity holder, String cvr) {
        return SamlAssertion.builder().issuer(issuer).subject(holder.certificate().getSubjectX500Principal().getName())
                .holderOfKey(holder.certificate()).audience(AUDIENCE).validity(T0, T0.plus(Duration.ofHours(8)))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, cvr).sign(XmlSigner.builder(signer.credential()).build());
    }

    private static Element received(SamlAssertion a) {
        return SecureXml.parse(SecureXml.toString(a.element().getOwnerDocument())).getDocumentElement();
    }

    private static SamlAssertionVerifier verifier(TrustedIssuer issuer) {
        return SamlAssertionVerifier.builder(issuer).audience(AUDIENCE).clock(CLOCK).build();
    }

    private static String reason(Executable e) {
        return assertThrows(SecurityCheckException.class, e).reason();
    }

    private static String sha256(TestIdentity id) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(id.certificate().getEncoded()));
    }

    private static List<TrustedIssuer> boundForms() throws Exception {
        return List.of(TrustedIssuer.pinned(ISSUER, STS.certificate()),
                TrustedIssuer.of(ISSUER, SignatureTrust.validatedSubject(validator(), STS.certificate().getSubjectX500Principal())),
                TrustedIssuer.of(ISSUER, SignatureTrust.validatedKey(validator(), STS.certificate().getPublicKey())),
                TrustedIssuer.of(ISSUER, SignatureTrust.validatedFingerprint(validator(), sha256(STS))));
    }

    @Test
    void anyValidCertificateMayNotSignAsAnIssuer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedIssuer.of(ISSUER, SignatureTrust.validatedBy(validator())));
        assertTrue(e.getMessage().contains("anyone with a valid certificate"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.of(ISSUER,
                SignatureTrust.pinnedOrValidatedBy(List.of(STS.certificate()), validator())));
    }

    @Test
    void theGenuineStsIsAcceptedUnderEveryBoundForm() throws Exception {
        for (TrustedIssuer issuer : boundForms()) {
            SamlAssertion a = verifier(issuer).verify(received(token(ISSUER, STS, CLIENT, PKI.cvr())));
            assertEquals(ISSUER, a.issuer(), issuer.toString());
            assertEquals(STS.certificate(), a.signerCertificate().orElseThrow());
        }
    }

    @Test
    void aTokenForgedWithAnotherValidOcesCertificateIsRefusedUnderEveryBoundForm() throws Exception {
        assertTrue(validator().validate(FORGER.chain()).trusted(), "the forger's certificate is itself valid");
        Element forged = received(token(ISSUER, FORGER, FORGER, "12345678"));
        for (TrustedIssuer issuer : boundForms()) {
            assertEquals(SignatureException.UNTRUSTED_KEY, reason(() -> verifier(issuer).verify(forged)), issuer.toString());
        }
    }

    @Test
    void aForgedTokenDoesNotAuthenticateTheForgersRequest() throws Exception {
        Document request = SecureXml.parse("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header><wsa:Action>urn:a</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:7b0e5f3c-1d2a-4c6b-9e8f-0a1b2c3d4e5f</wsa:MessageID><wsa:To>urn:to</wsa:To>"
                + "</soap:Header><soap:Body><s:Soeg xmlns:s=\"urn:sag\"/></soap:Body></soap:Envelope>");
        WsSecuritySigner.builder(FORGER.credential()).samlAssertion(token(ISSUER, FORGER, FORGER, PKI.cvr()))
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build().sign(request);
        Document received = SecureXml.parse(SecureXml.toString(request));
        for (TrustedIssuer issuer : boundForms()) {
            WsSecurityVerifier service = WsSecurityVerifier.builder().samlTokens(verifier(issuer)).clock(CLOCK).build();
            assertEquals(SignatureException.UNTRUSTED_KEY, reason(() -> service.verify(received)), issuer.toString());
        }
    }

    @Test
    void anIssuerNameIsAcceptedOnlyWithThatIssuersKeys() {
        TrustedIssuer sts = TrustedIssuer.pinned(ISSUER, STS.certificate());
        TrustedIssuer other = TrustedIssuer.pinned("https://other-idp.test", FORGER.certificate());
        SamlAssertionVerifier both = SamlAssertionVerifier.builder(sts, other).audience(AUDIENCE).clock(CLOCK).build();
        assertEquals("https://other-idp.test", both.verify(received(token("https://other-idp.test", FORGER, CLIENT,
                PKI.cvr()))).issuer());
        assertEquals(SignatureException.UNTRUSTED_KEY,
                reason(() -> both.verify(received(token(ISSUER, FORGER, CLIENT, PKI.cvr())))));
        assertEquals(TokenException.ISSUER,
                reason(() -> both.verify(received(token("https://unknown.test", STS, CLIENT, PKI.cvr())))));
    }

    @Test
    void pinnedAnyNameTrustsOnlyItsKeys() {
        SamlAssertionVerifier v = verifier(TrustedIssuer.pinnedAnyName(List.of(STS.certificate())));
        assertEquals("whatever", v.verify(received(token("whatever", STS, CLIENT, PKI.cvr()))).issuer());
        assertEquals(SignatureException.UNTRUSTED_KEY,
                reason(() -> v.verify(received(token("whatever", FORGER, CLIENT, PKI.cvr())))));
    }

    @Test
    void issuersMustBeDistinct() {
        TrustedIssuer a = TrustedIssuer.pinned(ISSUER, STS.certificate());
        assertThrows(IllegalArgumentException.class, () -> SamlAssertionVerifier.builder(a, a));
        TrustedIssuer any = TrustedIssuer.pinnedAnyName(List.of(STS.certificate()));
        assertThrows(IllegalArgumentException.class, () -> SamlAssertionVerifier.builder(any, any));
        assertThrows(IllegalArgumentException.class, () -> SamlAssertionVerifier.builder(a, any),
                "an any-name issuer next to a named one could sign as a look-alike of its name");
        assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.pinned(" ", STS.certificate()));
        assertThrows(IllegalArgumentException.class, () -> SignatureTrust.validatedFingerprint(validator(), "abc"));
    }

    @Test
    void anUntrustedIssuerNameIsShortAndPrintableInTheMessage() {
        String name = "https://evil.test/\n" + "x".repeat(500);
        TokenException e = assertThrows(TokenException.class, () -> verifier(TrustedIssuer.pinned(ISSUER,
                STS.certificate())).verify(received(token(name, STS, CLIENT, PKI.cvr()))));
        assertTrue(e.getMessage().length() < 250, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
