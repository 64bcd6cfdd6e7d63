package dk.rammearkitektur.signing.wss;

import static dk.rammearkitektur.signing.wss.WsSecurityTest.AT_T0;
import static dk.rammearkitektur.signing.wss.WsSecurityTest.AUDIENCE;
import static dk.rammearkitektur.signing.wss.WsSecurityTest.CLIENT;
import static dk.rammearkitektur.signing.wss.WsSecurityTest.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import dk.rammearkitektur.signing.xml.XmlSignatureVerifier;
import dk.rammearkitektur.signing.xml.XmlSigner;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * ProtectTokens: the STR-Transform reference to the SAML token, and the signed Liberty {@code sbf:Framework} header.
 */
class WsSecurityTokenProtectionTest {
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    private static Element strReference(Document doc) {
        NodeList refs = doc.getElementsByTagNameNS(DS, "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            Element r = (Element) refs.item(i);
            NodeList ts = r.getElementsByTagNameNS(DS, "Transform");
            if (ts.getLength() == 1 && AlgorithmPolicy.STR_TRANSFORM.equals(((Element) ts.item(0)).getAttribute("Algorithm"))) {
                return r;
            }
        }
        throw new AssertionError("no STR-Transform reference");
    }

    @Test
    void theStrReferenceDigestsTheExclusiveCanonicalAssertion() throws Exception {
        assertStrDigestsTheAssertion(WsSecurityTest.signedWithSaml(SoapVersion.SOAP_12));
    }

    @Test
    void ecdsaSignaturesTakeSantuariosPathAndProtectTheTokenToo() throws Exception {
        dk.rammearkitektur.testkit.pki.TestIdentity ec = WsSecurityTest.PKI.oces3OrganisationEc();
        SamlAssertion token = SamlAssertion.builder().issuer("https://sts.test")
                .subject(ec.certificate().getSubjectX500Principal().getName()).holderOfKey(ec.certificate())
                .audience(AUDIENCE).validity(T0, T0.plus(java.time.Duration.ofHours(8)))
                .sign(XmlSigner.builder(WsSecurityTest.STS.credential()).build());
        Document doc = SecureXml.parse(WsSecurityTest.envelope(SoapVersion.SOAP_11));
        WsSecuritySigner.builder(ec.credential()).samlAssertion(token).clock(AT_T0).build().sign(doc);
        assertStrDigestsTheAssertion(WsSecurityTest.reparse(doc));
    }

    private static void assertStrDigestsTheAssertion(Document doc) throws Exception {
        Element ref = strReference(doc);
        Element transform = (Element) ref.getElementsByTagNameNS(DS, "Transform").item(0);
        Element c14n = (Element) transform.getElementsByTagNameNS(DS, "CanonicalizationMethod").item(0);
        assertEquals("TransformationParameters", ((Element) c14n.getParentNode()).getLocalName());
        assertEquals(AlgorithmPolicy.EXC_C14N, c14n.getAttribute("Algorithm"));
        Element str = IdRegistry.register(doc).get(ref.getAttribute("URI").substring(1));
        assertEquals("SecurityTokenReference", str.getLocalName());
        assertEquals("Security", ((Element) str.getParentNode()).getLocalName(), "in the security header, after the token");
        Element assertion = (Element) doc.getElementsByTagNameNS(SAML, "Assertion").item(0);
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(assertion, canonical);
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
        assertEquals(expected, ref.getElementsByTagNameNS(DS, "DigestValue").item(0).getTextContent().trim(),
                "digest over the assertion, computed independently");
        VerifiedMessage m = WsSecurityTest.verifier(T0.plusSeconds(30)).requireTokenProtection().build().verify(doc);
        assertTrue(m.signature().protectsToken(m.assertion().orElseThrow().element()));
    }

    @Test
    void theReferenceCoversTheToken() throws Exception {
        Document doc = SecureXml.parse("<r xmlns:wsse='" + WSSE + "' xmlns:wsu='http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-utility-1.0.xsd'><a:Assertion xmlns:a='" + SAML + "' ID='_t1'>"
                + "<a:Issuer>x</a:Issuer></a:Assertion><wsse:SecurityTokenReference wsu:Id='STR-1'>"
                + "<wsse:KeyIdentifier ValueType='http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID'>"
                + "_t1</wsse:KeyIdentifier></wsse:SecurityTokenReference><b wsu:Id='B'/></r>");
        Element str = (Element) doc.getElementsByTagNameNS(WSSE, "SecurityTokenReference").item(0);
        Element b = (Element) doc.getElementsByTagName("b").item(0);
        XmlSigner.builder(CLIENT.credential()).build().signDetached(doc.getDocumentElement(), null, List.of(b), null, List.of(str));
        Document wire = WsSecurityTest.reparse(doc);
        XmlSignatureVerifier verifier = XmlSignatureVerifier.builder(SignatureTrust.pinned(CLIENT.certificate())).build();
        Element sig = (Element) wire.getElementsByTagNameNS(DS, "Signature").item(0);
        VerifiedSignature v = verifier.verify(sig);
        assertTrue(v.protectsToken((Element) wire.getElementsByTagNameNS(SAML, "Assertion").item(0)));
        wire.getElementsByTagNameNS(SAML, "Issuer").item(0).setTextContent("y");
        assertEquals(SignatureException.INVALID, assertThrows(SignatureException.class, () -> verifier.verify(sig)).reason(),
                "a changed token breaks the reference");
        Document other = WsSecurityTest.reparse(doc);
        other.getElementsByTagNameNS(WSSE, "KeyIdentifier").item(0).setTextContent("_nothing");
        assertThrows(SignatureException.class, () -> verifier.verify(
                (Element) other.getElementsByTagNameNS(DS, "Signature").item(0)), "an STR naming no token fails");
    }

    @Test
    void anUnprotectedTokenIsRefusedWhenProtectionIsRequired() {
        Document doc = SecureXml.parse(WsSecurityTest.envelope(SoapVersion.SOAP_11));
        WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(WsSecurityTest.token(T0, AUDIENCE)).clock(AT_T0).build()
                .sign(doc);
        // make it what a sender without ProtectTokens sends: the same signature minus the STR-Transform reference
        IdRegistry ids = IdRegistry.register(doc);
        Element strRef = strReference(doc);
        Element sig = (Element) strRef.getParentNode().getParentNode(); // the message's, not the assertion's
        List<Element> targets = new java.util.ArrayList<>();
        NodeList refs = sig.getElementsByTagNameNS(DS, "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            if (refs.item(i) != strRef) {
                targets.add(ids.get(((Element) refs.item(i)).getAttribute("URI").substring(1)));
            }
        }
        Element keyInfoStr = (Element) ((Element) sig.getElementsByTagNameNS(DS, "KeyInfo").item(0))
                .getElementsByTagNameNS(WSSE, "SecurityTokenReference").item(0).cloneNode(true);
        Element protector = ids.get(strRef.getAttribute("URI").substring(1));
        Element security = (Element) sig.getParentNode();
        security.removeChild(protector);
        security.removeChild(sig);
        XmlSigner.builder(CLIENT.credential()).keyInfo(XmlSigner.KeyInfoContent.NONE).build()
                .signDetached(security, null, targets, keyInfoStr);
        Document wire = WsSecurityTest.reparse(doc);
        VerifiedMessage m = WsSecurityTest.verifier(T0.plusSeconds(30)).build().verify(wire);
        assertTrue(!m.signature().protectsToken(m.assertion().orElseThrow().element()), "accepted, not protected");
        SecurityCheckException e = assertThrows(SecurityCheckException.class,
                () -> WsSecurityTest.verifier(T0.plusSeconds(30)).requireTokenProtection().build().verify(wire));
        assertEquals(WsSecurityException.MISSING_REFERENCE, e.reason());
        assertTrue(e.getMessage().contains("STR-Transform"), e.getMessage());
    }

    @Test
    void aFrameworkHeaderIsSignedAndMustBe() {
        Document doc = SecureXml.parse(WsSecurityTest.envelope(SoapVersion.SOAP_12));
        Element header = (Element) doc.getElementsByTagNameNS(SoapVersion.SOAP_12.namespace(), "Header").item(0);
        Element fw = doc.createElementNS("urn:liberty:sb:2006-08", "sbf:Framework");
        fw.setAttributeNS(null, "version", "2.0");
        header.appendChild(fw);
        WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(WsSecurityTest.token(T0, AUDIENCE)).clock(AT_T0).build()
                .sign(doc);
        Document wire = WsSecurityTest.reparse(doc);
        VerifiedMessage m = WsSecurityTest.verifier(T0.plusSeconds(30)).requireTokenProtection().build().verify(wire);
        Element signedFw = (Element) wire.getElementsByTagNameNS("urn:liberty:sb:2006-08", "Framework").item(0);
        assertTrue(m.signature().isSigned(signedFw));
        Document added = WsSecurityTest.signedWithSaml(SoapVersion.SOAP_12);
        Element h = (Element) added.getElementsByTagNameNS(SoapVersion.SOAP_12.namespace(), "Header").item(0);
        h.appendChild(added.createElementNS("urn:liberty:sb:2006-08", "sbf:Framework"));
        SecurityCheckException e = assertThrows(SecurityCheckException.class,
                () -> WsSecurityTest.verifier(T0.plusSeconds(30)).build().verify(added));
        assertEquals(WsSecurityException.MISSING_REFERENCE, e.reason());
    }
}
