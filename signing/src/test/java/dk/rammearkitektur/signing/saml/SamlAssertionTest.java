package dk.rammearkitektur.signing.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SamlAssertionTest {
    static final TestPki PKI = TestPki.generateFast(1);
    static final TestIdentity STS = PKI.oces3Organisation();
    static final TestIdentity CLIENT = PKI.oces3Employee();
    static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    static final String AUDIENCE = "http://entityid.kombit.dk/service/sagdokumentindeks/6";
    static final String ISSUER = "https://sts.test.rammearkitektur.dk";
    static final TrustedIssuer STS_ISSUER = TrustedIssuer.pinned(ISSUER, STS.certificate());

    static SamlAssertion.Builder token() {
        return SamlAssertion.builder().issuer("https://sts.test.rammearkitektur.dk").subject("C=DK,CN=Testsystem")
                .holderOfKey(CLIENT.certificate()).audience(AUDIENCE).issueInstant(T0)
                .validity(T0, T0.plus(Duration.ofHours(8)))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, PKI.cvr()).attribute(SamlAssertion.SPEC_VER_ATTRIBUTE, "D0.1")
                .attribute(SamlAssertion.PRIVILEGES_ATTRIBUTE, "PHByaXZpbGVnZXM+PC9wcml2aWxlZ2VzPg==");
    }

    static SamlAssertion signed() {
        return token().sign(XmlSigner.builder(STS.credential()).build());
    }

    static SamlAssertionVerifier.Builder verifier(Instant now) {
        return SamlAssertionVerifier.builder(STS_ISSUER).audience(AUDIENCE)
                .clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Serialises and parses again, as a receiver would. */
    static Element received(SamlAssertion a) {
        return SecureXml.parse(SecureXml.toString(a.element().getOwnerDocument())).getDocumentElement();
    }

    private static String reason(Executable e) {
        return assertThrows(SecurityCheckException.class, e).reason();
    }

    @Test
    void buildSignVerify() {
        SamlAssertion a = verifier(T0.plusSeconds(60)).build().verify(received(signed()));
        assertEquals("https://sts.test.rammearkitektur.dk", a.issuer());
        assertEquals("C=DK,CN=Testsystem", a.subject());
        assertEquals(List.of(AUDIENCE), a.audiences());
        assertEquals(PKI.cvr(), a.attribute(SamlAssertion.CVR_ATTRIBUTE).orElseThrow());
        assertEquals(CLIENT.certificate(), a.holderOfKeyCertificate().orElseThrow());
        assertEquals(STS.certificate(), a.signerCertificate().orElseThrow());
        assertEquals(T0.plus(Duration.ofHours(8)), a.notOnOrAfter());
        a.requireHolderOfKeyProof(CLIENT.certificate().getPublicKey());
    }

    @Test
    void signatureSitsRightAfterIssuer() {
        Element a = signed().element();
        Element issuer = SamlAssertion.children(a, "Issuer").get(0);
        Element next = (Element) issuer.getNextSibling();
        assertEquals("Signature", next.getLocalName());
        assertEquals("#" + a.getAttribute("ID"),
                ((Element) next.getElementsByTagNameNS(SamlAssertion.DSIG, "Reference").item(0)).getAttribute("URI"));
    }

    @Test
    void builderNamesMissingFields() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SamlAssertion.builder().toElement(SecureXml.documentBuilder().newDocument()));
        assertEquals(3, e.violations().size());
        assertTrue(e.getMessage().contains("assertion.issuer: must be set"), e.getMessage());
    }

    @Test
    void parseNamesTheBrokenField() {
        Element a = received(signed());
        Element cond = SamlAssertion.children(a, "Conditions").get(0);
        cond.setAttribute("NotOnOrAfter", "tomorrow");
        TokenException e = assertThrows(TokenException.class, () -> SamlAssertion.parse(a));
        assertEquals("token.malformed", e.reason());
        assertTrue(e.getMessage().startsWith("Assertion.Conditions@NotOnOrAfter"), e.getMessage());
    }

    @Test
    void expiredAndNotYetValid() {
        Element a = received(signed());
        assertEquals("token.expired", reason(() -> verifier(T0.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(5)))
                .build().verify(a)));
        assertEquals("token.not-yet-valid", reason(() -> verifier(T0.minus(Duration.ofMinutes(6))).build().verify(a)));
        verifier(T0.minus(Duration.ofMinutes(4))).build().verify(a);
    }

    @Property(tries = 50)
    void skewBoundaryIsExact(@ForAll @LongRange(min = 0, max = 600) long skewSeconds,
            @ForAll @LongRange(min = -900, max = 900) long offset) {
        Element a = received(SIGNED_ONCE);
        Instant end = T0.plus(Duration.ofHours(8));
        Instant now = end.plusSeconds(offset);
        SamlAssertionVerifier v = verifier(now).skew(Duration.ofSeconds(skewSeconds)).build();
        boolean shouldPass = now.minusSeconds(skewSeconds).isBefore(end);
        if (shouldPass) {
            v.verify(a);
        } else {
            assertEquals("token.expired", reason(() -> v.verify(a)));
        }
    }

    private static final SamlAssertion SIGNED_ONCE = signed();

    @Test
    void wrongAudience() {
        assertEquals("token.audience", reason(() -> SamlAssertionVerifier.builder(STS_ISSUER)
                .audience("http://entityid.kombit.dk/service/other/1").clock(Clock.fixed(T0, ZoneOffset.UTC)).build()
                .verify(received(signed()))));
    }

    @Test
    void unexpectedIssuer() {
        assertEquals("token.issuer", reason(() -> SamlAssertionVerifier.builder(TrustedIssuer.pinned("https://other-sts",
                STS.certificate())).audience(AUDIENCE).clock(Clock.fixed(T0, ZoneOffset.UTC)).build().verify(received(signed()))));
    }

    @Test
    void untrustedSigner() {
        SamlAssertion forged = token().sign(XmlSigner.builder(TestPki.generateFast(99).oces3Organisation().credential()).build());
        assertEquals("signature.untrusted-key", reason(() -> verifier(T0).build().verify(received(forged))));
    }

    @Test
    void unsignedAndStripped() {
        Document doc = SecureXml.documentBuilder().newDocument();
        doc.appendChild(token().toElement(doc));
        assertEquals("token.unsigned", reason(() -> verifier(T0).build().verify(doc.getDocumentElement())));
    }

    @Test
    void tamperedAttribute() {
        Element a = received(signed());
        a.getElementsByTagNameNS(SamlAssertion.NS, "AttributeValue").item(0).setTextContent("11111111");
        assertEquals("signature.invalid", reason(() -> verifier(T0).build().verify(a)));
    }

    @Test
    void signatureOverAnotherElementIsWrapping() {
        // The assertion's signature is moved to reference a different (signed) assertion embedded elsewhere.
        SamlAssertion real = signed();
        Document doc = SecureXml.parse("<w:Wrapper xmlns:w=\"urn:w\"/>");
        Element genuine = (Element) doc.importNode(received(real), true);
        doc.getDocumentElement().appendChild(genuine);
        Element evil = (Element) genuine.cloneNode(true);
        evil.setAttribute("ID", "_evil");
        Element sig = SamlAssertion.childrenNs(evil, SamlAssertion.DSIG, "Signature").get(0);
        evil.removeChild(sig);
        SamlAssertion.children(evil, "Conditions").get(0).setAttribute("NotOnOrAfter", "2099-01-01T00:00:00Z");
        // the genuine signature (still referencing the genuine ID) is put into the evil assertion
        Element genuineSig = SamlAssertion.childrenNs(genuine, SamlAssertion.DSIG, "Signature").get(0);
        evil.insertBefore(genuineSig, SamlAssertion.children(evil, "Subject").get(0));
        doc.getDocumentElement().insertBefore(evil, genuine);
        assertEquals("signature.wrapping", reason(() -> verifier(T0).build().verify(evil)));
    }

    @Test
    void holderOfKeyProofWithAnotherKey() {
        SamlAssertion a = verifier(T0).build().verify(received(signed()));
        assertEquals("token.holder-of-key",
                reason(() -> a.requireHolderOfKeyProof(PKI.oces3OtherOrganisation().certificate().getPublicKey())));
    }

    @Test
    void holderOfKeyRequiredByDefault() {
        SamlAssertion bearer = SamlAssertion.builder().issuer(ISSUER).subject("x").audience(AUDIENCE)
                .validity(T0, T0.plusSeconds(3600)).sign(XmlSigner.builder(STS.credential()).build());
        assertEquals("token.holder-of-key", reason(() -> verifier(T0).build().verify(received(bearer))));
        assertFalse(verifier(T0).requireHolderOfKey(false).build().verify(received(bearer)).holderOfKeyCertificate().isPresent());
    }

    @Test
    void verifiedElementIsTheNodeGiven() {
        Element e = received(signed());
        assertSame(e, verifier(T0).build().verify(e).element());
    }

    @Test
    void toStringMasksCpr() {
        SamlAssertion a = SamlAssertion.builder().issuer("sts").subject("CPR 0101901234").audience(AUDIENCE)
                .validity(T0, T0.plusSeconds(60)).sign(XmlSigner.builder(STS.credential()).build());
        assertFalse(a.toString().contains("0101901234"), a.toString());
    }
}
