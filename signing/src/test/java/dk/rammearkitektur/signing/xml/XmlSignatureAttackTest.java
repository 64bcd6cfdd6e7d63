package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.XmlSecurityException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.UntrustedCertificateException;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Each known XML-signature attack must end in one of our typed exceptions with the right reason. */
class XmlSignatureAttackTest {
    private static final TestPki PKI = XmlSignatureTest.PKI;
    private static final TestIdentity SIGNER = PKI.oces3Organisation();

    private static Document signedPayment() {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(SIGNER.credential()).build().signEnveloped(XmlFixtures.data(doc));
        return XmlFixtures.reparse(doc);
    }

    private static String reason(Executable e) {
        return assertThrows(SecurityCheckException.class, e).reason();
    }

    @Test
    void wrappingSignedElementMovedAndReplaced() {
        Document doc = signedPayment();
        Element original = XmlFixtures.data(doc);
        Element evil = (Element) original.cloneNode(true);
        evil.removeAttribute("Id");
        evil.getElementsByTagNameNS(XmlFixtures.NS, "Payee").item(0).setTextContent("Mallory");
        evil.removeChild(evil.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "Signature").item(0));
        Element other = (Element) doc.getElementsByTagNameNS(XmlFixtures.NS, "Other").item(0);
        doc.getDocumentElement().insertBefore(evil, original);
        other.appendChild(original);
        VerifiedSignature v = XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc).get(0);
        Element naive = XmlFixtures.data(doc);
        assertEquals("Mallory", naive.getTextContent().substring(3));
        assertEquals("signature.wrapping", reason(() -> v.requireSigned(naive)));
        assertEquals("Alice", v.signedElement(XmlFixtures.NS, "Data").getLastChild().getPreviousSibling().getTextContent());
    }

    @Test
    void wrappingCopiedElementWithTheSameId() {
        Document doc = signedPayment();
        Element original = XmlFixtures.data(doc);
        Element copy = (Element) original.cloneNode(true);
        copy.getElementsByTagNameNS(XmlFixtures.NS, "Payee").item(0).setTextContent("Mallory");
        doc.getDocumentElement().insertBefore(copy, original);
        assertEquals("signature.duplicate-id", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc)));
    }

    @Test
    void duplicateIdAcrossIdAttributeKinds() {
        Document doc = signedPayment();
        Element other = (Element) doc.getElementsByTagNameNS(XmlFixtures.NS, "Other").item(0);
        other.setAttributeNS("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
                "wsu:Id", "d1");
        assertEquals("signature.duplicate-id", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc)));
    }

    @Test
    void signatureStripping() {
        Document doc = signedPayment();
        Element sig = (Element) doc.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "Signature").item(0);
        sig.getParentNode().removeChild(sig);
        assertEquals("signature.missing", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc)));
    }

    @Test
    void contentChangedAfterSigning() {
        Document doc = signedPayment();
        doc.getElementsByTagNameNS(XmlFixtures.NS, "Amount").item(0).setTextContent("1000000");
        assertEquals("signature.invalid", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc)));
    }

    @Test
    void xxeInsideSignedContent() {
        String signed = SecureXml.toString(signedPayment());
        String attack = "<!DOCTYPE t:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + signed.replace(">Alice<", ">&xxe;<");
        XmlSecurityException e = assertThrows(XmlSecurityException.class, () -> SecureXml.parse(attack));
        assertEquals("xml.doctype", e.reason());
    }

    @Test
    void billionLaughsInsideSignedContent() {
        String signed = SecureXml.toString(signedPayment());
        StringBuilder dtd = new StringBuilder("<!DOCTYPE t:Envelope [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String attack = dtd.append("]>").toString() + signed.replace(">Alice<", ">&l9;<");
        assertThrows(XmlSecurityException.class, () -> SecureXml.parse(attack));
    }

    @Test
    void domWithDoctypeFromElsewhereIsRefused() throws Exception {
        Document signed = signedPayment();
        var impl = SecureXml.documentBuilder().getDOMImplementation();
        Document withDoctype = impl.createDocument(XmlFixtures.NS, "t:Envelope",
                impl.createDocumentType("t:Envelope", null, "http://attacker.example/evil.dtd"));
        withDoctype.replaceChild(withDoctype.importNode(signed.getDocumentElement(), true), withDoctype.getDocumentElement());
        assertEquals("xml.doctype", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(withDoctype)));
    }

    @Test
    void sha1Downgrade() {
        Document doc = signedPayment();
        Element method = (Element) doc.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "SignatureMethod").item(0);
        method.setAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#rsa-sha1");
        assertEquals("signature.algorithm-refused", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc)));
        Document doc2 = signedPayment();
        ((Element) doc2.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "DigestMethod").item(0))
                .setAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#sha1");
        assertEquals("signature.algorithm-refused", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc2)));
    }

    @Test
    void hmacInclusiveC14nAndXPathAreRefused() {
        Document hmac = signedPayment();
        ((Element) hmac.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "SignatureMethod").item(0))
                .setAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#hmac-sha1");
        assertEquals("signature.algorithm-refused", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(hmac)));

        Document c14n = signedPayment();
        ((Element) c14n.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "CanonicalizationMethod").item(0))
                .setAttribute("Algorithm", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
        assertEquals("signature.algorithm-refused", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(c14n)));

        Document xpath = signedPayment();
        Element transform = (Element) xpath.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "Transform").item(1);
        transform.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
        Element expr = xpath.createElementNS(XmlSignatureVerifier.DSIG, "ds:XPath");
        expr.setTextContent("1");
        transform.appendChild(expr);
        assertEquals("signature.algorithm-refused", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(xpath)));

        Document xslt = signedPayment();
        ((Element) xslt.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "Transform").item(1))
                .setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116");
        assertEquals("signature.algorithm-refused", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(xslt)));
    }

    @Test
    void referencesOutsideTheDocumentAreRefused() {
        for (String uri : new String[] {"", "http://attacker.example/x.xml", "file:///etc/passwd", "#missing"}) {
            Document doc = signedPayment();
            ((Element) doc.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "Reference").item(0)).setAttribute("URI", uri);
            assertEquals("signature.reference", reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(doc)), uri);
        }
    }

    @Test
    void keyInfoSubstitutionWithUntrustedCertificate() {
        Document doc = XmlFixtures.payment();
        XmlFixtures.data(doc).getElementsByTagNameNS(XmlFixtures.NS, "Payee").item(0).setTextContent("Mallory");
        TestIdentity attacker = TestPki.generateFast(99).oces3Organisation();
        XmlSigner.builder(attacker.credential()).build().signEnveloped(XmlFixtures.data(doc));
        Document received = XmlFixtures.reparse(doc);
        assertEquals("signature.untrusted-key",
                reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(received)));
        XmlSignatureVerifier chainTrust = XmlSignatureVerifier.builder(
                SignatureTrust.validatedBy(XmlSignatureTest.validator())).build();
        assertEquals("certificate.untrusted", reason(() -> chainTrust.verifyAll(received)));
    }

    @Test
    void keyInfoKeptButSignedWithAnotherKey() {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(PKI.oces3OtherOrganisation().credential()).build().signEnveloped(XmlFixtures.data(doc));
        Element cert = (Element) doc.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "X509Certificate").item(0);
        cert.setTextContent(java.util.Base64.getEncoder().encodeToString(encoded(SIGNER)));
        assertEquals("signature.key-mismatch",
                reason(() -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(XmlFixtures.reparse(doc))));
    }

    @Test
    void revokedExpiredAndWrongKeyUsageSigners() {
        XmlSignatureVerifier chainTrust = XmlSignatureVerifier.builder(
                SignatureTrust.validatedBy(XmlSignatureTest.validator())).build();
        for (var c : new Object[][] {{PKI.revoked(), UntrustedCertificateException.REVOKED},
                {PKI.expired(), UntrustedCertificateException.EXPIRED},
                {PKI.wrongKeyUsage(), UntrustedCertificateException.KEY_USAGE}}) {
            Document doc = XmlFixtures.payment();
            XmlSigner.builder(((TestIdentity) c[0]).credential()).build().signEnveloped(XmlFixtures.data(doc));
            UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
                    () -> chainTrust.verifyAll(XmlFixtures.reparse(doc)));
            assertEquals(c[1], e.reason());
        }
    }

    private static byte[] encoded(TestIdentity id) {
        try {
            return id.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }

    /** Issue 12, hole 2: a CA certificate that also allows digitalSignature and chains to an anchor is no signer. */
    @Test
    void caCertificateAsSignerIsRefusedUnlessAllowed() {
        TestIdentity ca = PKI.caSigner();
        assertTrue(ca.certificate().getBasicConstraints() >= 0, "the fixture is a CA certificate");
        assertTrue(ca.certificate().getKeyUsage()[0], "the fixture allows digitalSignature");
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(ca.credential()).build().signEnveloped(XmlFixtures.data(doc));
        XmlSignatureVerifier chainTrust = XmlSignatureVerifier.builder(
                SignatureTrust.validatedBy(XmlSignatureTest.validator())).build();
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
                () -> chainTrust.verifyAll(XmlFixtures.reparse(doc)));
        assertEquals(UntrustedCertificateException.CA_AS_SIGNER, e.reason());
        assertTrue(e.getMessage().contains("CA certificate"), e.getMessage());

        CertificateValidator.Builder optIn = CertificateValidator.builder().trustAnchors(PKI.trustAnchors())
                .clock(XmlSignatureTest.NOW).ocsp(false).intermediate(PKI.oces3IssuingCa()).allowCaSigners(true);
        PKI.crls().forEach(optIn::crl);
        VerifiedSignature v = XmlSignatureVerifier.builder(SignatureTrust.validatedBy(optIn.build())).build()
                .verifyAll(XmlFixtures.reparse(doc)).get(0);
        assertEquals(ca.certificate(), v.certificate());
    }
}
