package dk.rammearkitektur.signing.wss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class WsSecurityTest {
    static final TestPki PKI = TestPki.generateFast(1);
    static final TestIdentity STS = PKI.oces3Organisation();
    static final TestIdentity CLIENT = PKI.oces3Employee();
    static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);
    static final String AUDIENCE = "http://entityid.kombit.dk/service/sagdokumentindeks/6";

    static String envelope(SoapVersion v) {
        return "<soap:Envelope xmlns:soap=\"" + v.namespace() + "\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header><wsa:Action>http://serviceplatformen.dk/xml/wsdl/soap11/Sag/1/Soeg</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:0b7a2c1e-0a5b-4c36-9d3b-8a2f4f6f0a11</wsa:MessageID>"
                + "<wsa:To>https://exttest.serviceplatformen.dk/service/Sag/1</wsa:To>"
                + "<wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo>"
                + "</soap:Header><soap:Body><s:Soeg xmlns:s=\"urn:sag\"><s:Titel>Byggesag</s:Titel></s:Soeg></soap:Body>"
                + "</soap:Envelope>";
    }

    static SamlAssertion token(Instant from, String audience) {
        return SamlAssertion.builder().issuer("https://sts.test").subject(CLIENT.certificate().getSubjectX500Principal().getName())
                .holderOfKey(CLIENT.certificate()).audience(audience).validity(from, from.plus(Duration.ofHours(8)))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, PKI.cvr()).sign(XmlSigner.builder(STS.credential()).build());
    }

    static Document signedWithSaml(SoapVersion v) {
        Document doc = SecureXml.parse(envelope(v));
        WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(token(T0, AUDIENCE)).clock(AT_T0).build().sign(doc);
        return reparse(doc);
    }

    static Document reparse(Document d) {
        return SecureXml.parse(SecureXml.toString(d));
    }

    static WsSecurityVerifier.Builder verifier(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return WsSecurityVerifier.builder().clock(clock)
                .samlTokens(SamlAssertionVerifier.builder(TrustedIssuer.pinned("https://sts.test", STS.certificate())).audience(AUDIENCE)
                        .clock(clock).build())
                .binarySecurityTokens(SignatureTrust.pinned(CLIENT.certificate()));
    }

    private static String reason(Executable e) {
        return assertThrows(SecurityCheckException.class, e).reason();
    }

    @Test
    void soap11WithSamlHolderOfKey() {
        Document doc = signedWithSaml(SoapVersion.SOAP_11);
        VerifiedMessage m = verifier(T0.plusSeconds(30)).build().verify(doc);
        assertEquals(SoapVersion.SOAP_11, m.soapVersion());
        assertEquals(CLIENT.certificate(), m.signerCertificate());
        assertEquals(PKI.cvr(), m.assertion().orElseThrow().attribute(SamlAssertion.CVR_ATTRIBUTE).orElseThrow());
        assertEquals("https://exttest.serviceplatformen.dk/service/Sag/1", m.addressing("To").orElseThrow());
        assertEquals("Soeg", m.payload().getLocalName());
        assertSame(doc.getElementsByTagNameNS(SoapVersion.SOAP_11.namespace(), "Body").item(0), m.body());
        assertEquals(7, m.signature().signedElements().size(), "To, Action, MessageID, ReplyTo, Timestamp, token STR, Body");
        assertEquals(T0.plus(Duration.ofMinutes(5)), m.expires());
    }

    @Test
    void assertionTakenFromAnStsResponseKeepsItsNamespaces() {
        // The STS response declares the saml prefix on an ancestor only; the assertion must still verify after import.
        SamlAssertion issued = token(T0, AUDIENCE);
        String xml = SecureXml.toString(issued.element().getOwnerDocument())
                .replace(" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"", "");
        Document response = SecureXml.parse("<wst:RequestSecurityTokenResponse xmlns:wst=\"http://docs.oasis-open.org/ws-sx/ws-trust/200512\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><wst:RequestedSecurityToken>" + xml
                + "</wst:RequestedSecurityToken></wst:RequestSecurityTokenResponse>");
        Element assertion = (Element) response.getElementsByTagNameNS(SamlAssertion.NS, "Assertion").item(0);
        assertTrue(!assertion.hasAttribute("xmlns:saml"), "the declaration sits on an ancestor");
        SamlAssertion fromResponse = SamlAssertionVerifier.builder(TrustedIssuer.pinned("https://sts.test", STS.certificate())).audience(AUDIENCE)
                .clock(AT_T0).build().verify(assertion);
        Document doc = SecureXml.parse(envelope(SoapVersion.SOAP_11));
        WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(fromResponse).clock(AT_T0).build().sign(doc);
        assertEquals(CLIENT.certificate(), verifier(T0).build().verify(reparse(doc)).signerCertificate());
    }

    @Test
    void headerLayout() {
        Document doc = signedWithSaml(SoapVersion.SOAP_11);
        Element str = (Element) doc.getElementsByTagNameNS(Wss.WSSE, "SecurityTokenReference").item(0);
        assertEquals(Wss.SAML_V2, str.getAttributeNS(Wss.WSSE11, "TokenType"));
        Element ki = (Element) str.getElementsByTagNameNS(Wss.WSSE, "KeyIdentifier").item(0);
        assertEquals(Wss.SAML_ID, ki.getAttribute("ValueType"));
        Element security = (Element) doc.getElementsByTagNameNS(Wss.WSSE, "Security").item(0);
        assertEquals("1", security.getAttributeNS(SoapVersion.SOAP_11.namespace(), "mustUnderstand"));
        List<String> order = new java.util.ArrayList<>();
        for (var n = security.getFirstChild(); n != null; n = n.getNextSibling()) {
            order.add(n.getLocalName());
        }
        assertEquals(List.of("Timestamp", "Assertion", "SecurityTokenReference", "Signature"), order);
    }

    @Test
    void soap12WithBinarySecurityToken() {
        Document doc = SecureXml.parse(envelope(SoapVersion.SOAP_12));
        WsSecuritySigner.builder(CLIENT.credential()).clock(AT_T0).build().sign(doc);
        VerifiedMessage m = verifier(T0).build().verify(reparse(doc));
        assertEquals(SoapVersion.SOAP_12, m.soapVersion());
        assertTrue(m.assertion().isEmpty());
        assertEquals(7, m.signature().signedElements().size(), "and the BinarySecurityToken");
    }

    @Test
    void signerRefusesNonSoap() {
        assertThrows(ValidationException.class, () -> WsSecuritySigner.builder(CLIENT.credential()).build()
                .sign(SecureXml.parse("<a/>")));
    }

    @Test
    void staleAndFutureTimestamps() {
        Document doc = signedWithSaml(SoapVersion.SOAP_11);
        assertEquals("wss.timestamp.stale", reason(() -> verifier(T0.plus(Duration.ofMinutes(11))).build().verify(doc)));
        assertEquals("wss.timestamp.future", reason(() -> verifier(T0.minus(Duration.ofMinutes(6))).build().verify(doc)));
        assertEquals("wss.timestamp.stale", reason(() -> verifier(T0.plus(Duration.ofMinutes(2)))
                .maxTimestampAge(Duration.ofSeconds(60)).skew(Duration.ZERO).build().verify(doc)));
    }

    @Test
    void missingTimestampHeaderAndSignature() {
        Document noTs = signedWithSaml(SoapVersion.SOAP_11);
        Element ts = (Element) noTs.getElementsByTagNameNS(Wss.WSU, "Timestamp").item(0);
        ts.getParentNode().removeChild(ts);
        assertEquals("wss.timestamp.missing", reason(() -> verifier(T0).build().verify(noTs)));

        Document noHeader = signedWithSaml(SoapVersion.SOAP_11);
        Element sec = (Element) noHeader.getElementsByTagNameNS(Wss.WSSE, "Security").item(0);
        sec.getParentNode().removeChild(sec);
        assertEquals("wss.header.missing", reason(() -> verifier(T0).build().verify(noHeader)));

        Document noSig = signedWithSaml(SoapVersion.SOAP_11);
        Element security = (Element) noSig.getElementsByTagNameNS(Wss.WSSE, "Security").item(0);
        security.removeChild(Wss.children(security, Wss.DSIG, "Signature").get(0));
        assertEquals("wss.signature.missing", reason(() -> verifier(T0).build().verify(noSig)));
    }

    @Test
    void bodyReplacedAndOriginalHidden() {
        Document doc = signedWithSaml(SoapVersion.SOAP_11);
        String soap = SoapVersion.SOAP_11.namespace();
        Element body = (Element) doc.getElementsByTagNameNS(soap, "Body").item(0);
        Element header = (Element) doc.getElementsByTagNameNS(soap, "Header").item(0);
        Element evilBody = doc.createElementNS(soap, "soap:Body");
        Element evil = doc.createElementNS("urn:sag", "s:Slet");
        evilBody.appendChild(evil);
        Element wrapper = doc.createElementNS("urn:attacker", "x:Wrapper");
        header.appendChild(wrapper);
        wrapper.appendChild(body);
        doc.getDocumentElement().appendChild(evilBody);
        assertEquals("wss.signature.missing-reference", reason(() -> verifier(T0).build().verify(doc)));
    }

    @Test
    void unsignedAddressingHeaderAndMissingAddressing() {
        Document doc = SecureXml.parse(envelope(SoapVersion.SOAP_11).replaceAll("<wsa:Action>[^<]*</wsa:Action>", ""));
        WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(token(T0, AUDIENCE)).clock(AT_T0).build().sign(doc);
        Document received = reparse(doc);
        assertEquals("wss.addressing.missing", reason(() -> verifier(T0).build().verify(received)));
        Element header = (Element) received.getElementsByTagNameNS(SoapVersion.SOAP_11.namespace(), "Header").item(0);
        Element action = received.createElementNS(Wss.WSA, "wsa:Action");
        action.setTextContent("http://attacker/Delete");
        header.appendChild(action);
        assertEquals("wss.signature.missing-reference", reason(() -> verifier(T0).build().verify(received)));
    }

    @Test
    void holderOfKeyProofWithAnotherKey() {
        // An attacker holding a stolen assertion signs the message with its own key.
        Document doc = SecureXml.parse(envelope(SoapVersion.SOAP_11));
        SamlAssertion stolen = token(T0, AUDIENCE);
        TestIdentity attacker = PKI.oces3OtherOrganisation();
        SamlAssertion reissued = SamlAssertion.parse(stolen.element());
        assertThrows(ValidationException.class, () -> WsSecuritySigner.builder(attacker.credential()).samlAssertion(reissued));
        WsSecuritySigner.builder(attacker.credential()).clock(AT_T0).build().sign(doc);
        // swap the BinarySecurityToken reference for a SAMLID reference to the stolen assertion
        Element security = (Element) doc.getElementsByTagNameNS(Wss.WSSE, "Security").item(0);
        Element imported = (Element) doc.importNode(stolen.element(), true);
        security.insertBefore(imported, Wss.children(security, Wss.DSIG, "Signature").get(0));
        Element str = (Element) doc.getElementsByTagNameNS(Wss.WSSE, "SecurityTokenReference").item(0);
        while (str.getFirstChild() != null) {
            str.removeChild(str.getFirstChild());
        }
        Element ki = doc.createElementNS(Wss.WSSE, "wsse:KeyIdentifier");
        ki.setAttribute("ValueType", Wss.SAML_ID);
        ki.setTextContent(stolen.id());
        str.appendChild(ki);
        assertEquals("token.holder-of-key", reason(() -> verifier(T0).build().verify(reparse(doc))));
    }

    @Test
    void untrustedBinarySecurityToken() {
        Document doc = SecureXml.parse(envelope(SoapVersion.SOAP_11));
        WsSecuritySigner.builder(PKI.oces3OtherOrganisation().credential()).clock(AT_T0).build().sign(doc);
        assertEquals("wss.token.untrusted", reason(() -> verifier(T0).build().verify(reparse(doc))));
    }

    @Test
    void expiredAndWrongAudienceAssertions() {
        Document expired = SecureXml.parse(envelope(SoapVersion.SOAP_11));
        Instant old = T0.minus(Duration.ofHours(9));
        WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(token(old, AUDIENCE)).clock(AT_T0).build().sign(expired);
        assertEquals("token.expired", reason(() -> verifier(T0).build().verify(reparse(expired))));

        Document other = SecureXml.parse(envelope(SoapVersion.SOAP_11));
        WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(token(T0, "urn:other")).clock(AT_T0).build().sign(other);
        assertEquals("token.audience", reason(() -> verifier(T0).build().verify(reparse(other))));
    }

    @Test
    void replayIsRefusedByDefault() {
        Document doc = signedWithSaml(SoapVersion.SOAP_11);
        WsSecurityVerifier once = verifier(T0).build();
        once.verify(doc);
        assertEquals("wss.replay", reason(() -> once.verify(doc)));
        assertEquals("wss.replay", reason(() -> once.verify(reparse(doc))));
        once.verify(signedWithSaml(SoapVersion.SOAP_11));
        WsSecurityVerifier lenient = verifier(T0).allowReplays().build();
        lenient.verify(doc);
        lenient.verify(doc);
    }

    @Test
    void tamperedBody() {
        Document doc = signedWithSaml(SoapVersion.SOAP_12);
        doc.getElementsByTagNameNS("urn:sag", "Titel").item(0).setTextContent("Andet");
        assertEquals("signature.invalid", reason(() -> verifier(T0).build().verify(doc)));
    }

    @Test
    void duplicateIdsInEnvelope() {
        Document doc = signedWithSaml(SoapVersion.SOAP_11);
        Element body = (Element) doc.getElementsByTagNameNS(SoapVersion.SOAP_11.namespace(), "Body").item(0);
        Element header = (Element) doc.getElementsByTagNameNS(SoapVersion.SOAP_11.namespace(), "Header").item(0);
        header.appendChild(body.cloneNode(true));
        assertEquals("signature.duplicate-id", reason(() -> verifier(T0).build().verify(doc)));
    }
}
