package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The simulator's tokens against the real exttest STS assertion in the published conformance data
 * ({@code samples/sts-assertion-exttest-2022.xml}, pretty-printed so its signature no longer verifies): the client
 * reads the real sample's shape, and the simulator issues the same shape.
 */
class StsTokenShapeTest {
    private static final String SAMPLE = "samples/sts-assertion-exttest-2022.xml";
    private static final String ENTITY_ID = "http://cvr.serviceplatformen.dk/service/online/2";

    private static Element sample() {
        return PublishedContracts.parse(PublishedContracts.read(SAMPLE).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getDocumentElement();
    }

    /** The CVR scope of the first PrivilegeGroup of a Base64 OIO basic privilege list. */
    private static String privilegeScope(String base64) {
        Document d = SecureXml.parse(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64.trim())));
        assertEquals("http://itst.dk/oiosaml/basic_privilege_profile", d.getDocumentElement().getNamespaceURI());
        assertEquals("PrivilegeList", d.getDocumentElement().getLocalName());
        Element group = Xml.kids(d.getDocumentElement()).get(0);
        assertEquals("PrivilegeGroup", group.getLocalName());
        assertTrue(!Xml.kids(group).isEmpty() && "Privilege".equals(Xml.kids(group).get(0).getLocalName()));
        return group.getAttribute("Scope");
    }

    private static List<String> attributeNames(Element assertion) {
        List<String> out = new ArrayList<>();
        for (Element st : Xml.kids(assertion)) {
            if ("AttributeStatement".equals(st.getLocalName())) {
                for (Element at : Xml.kids(st)) {
                    out.add(at.getAttribute("Name") + " " + at.getAttribute("NameFormat"));
                }
            }
        }
        return out;
    }

    @Test
    void theClientReadsTheRealSampleParseOnly() {
        SamlAssertion a = SamlAssertion.parse(sample());
        assertEquals("https://saml.adgangsstyring.eksterntest-stoettesystemerne.dk", a.issuer());
        assertEquals(List.of("http://entityid.kombit.dk/service/demoservicerest/1"), a.audiences());
        assertEquals("http://entityid.kombit.dk/service/demoservicerest/1", a.recipient().orElseThrow());
        assertEquals(SamlAssertion.NAMEID_X509, a.nameIdFormat());
        assertTrue(a.holderOfKeyCertificate().isPresent(), "holder-of-key certificate");
        assertEquals("29189846", a.attribute(SamlAssertion.CVR_ATTRIBUTE).orElseThrow());
        assertEquals("3", a.attribute("dk:gov:saml:attribute:AssuranceLevel").orElseThrow());
        assertEquals("DK-SAML-2.0", a.attribute(SamlAssertion.SPEC_VER_ATTRIBUTE).orElseThrow());
        assertEquals("1.0", a.attribute("dk:gov:saml:attribute:KombitSpecVer").orElseThrow());
        assertEquals("urn:dk:gov:saml:cvrNumberIdentifier:29189846",
                privilegeScope(a.attribute(SamlAssertion.PRIVILEGES_ATTRIBUTE).orElseThrow()));
        assertEquals(Instant.parse("2022-01-18T15:58:59.019Z"), a.notOnOrAfter());
    }

    @Test
    void theRealSamplesSignatureNoLongerVerifiesAndIsRefused() throws Exception {
        Element sample = sample();
        java.security.cert.X509Certificate signer = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(
                        sample.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").item(0)
                                .getTextContent())));
        SamlAssertionVerifier verifier = SamlAssertionVerifier.builder(
                        TrustedIssuer.pinned("https://saml.adgangsstyring.eksterntest-stoettesystemerne.dk", signer))
                .audience("http://entityid.kombit.dk/service/demoservicerest/1")
                .clock(Clock.fixed(Instant.parse("2022-01-18T10:00:00Z"), ZoneOffset.UTC)).build();
        assertThrows(SecurityCheckException.class, () -> verifier.verify(sample));
    }

    @Test
    void theSimulatorIssuesTheRealShape() {
        try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder()
                .stsIssuer("https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk").build()) {
            Sts sts = new Sts(sim.pki(), java.util.List.of(), java.util.Set.of(ENTITY_ID), java.time.Duration.ofMinutes(5),
                    java.time.Duration.ofHours(8), sim.stsIssuer());
            sts.authorise(sim.municipalityCvr(), sim.systemIdentity().certificate());
            SamlAssertion token = sts.issue(List.of(sim.systemIdentity().certificate()), sim.municipalityCvr(), ENTITY_ID,
                    Clock.systemUTC(), false);
            Element issued = token.element();
            assertEquals("https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk", token.issuer());
            assertEquals(Xml.kids(sample()).get(0).getAttribute("Format"), Xml.kids(issued).get(0).getAttribute("Format"),
                    "Issuer Format");
            assertEquals(attributeNames(sample()), attributeNames(issued), "the same attributes, in the same order");
            assertEquals(ENTITY_ID, token.recipient().orElseThrow());
            assertEquals(List.of(ENTITY_ID), token.audiences());
            assertEquals("3", token.attribute("dk:gov:saml:attribute:AssuranceLevel").orElseThrow());
            assertEquals("DK-SAML-2.0", token.attribute(SamlAssertion.SPEC_VER_ATTRIBUTE).orElseThrow());
            assertEquals("1.0", token.attribute("dk:gov:saml:attribute:KombitSpecVer").orElseThrow());
            assertEquals(sim.municipalityCvr(), token.attribute(SamlAssertion.CVR_ATTRIBUTE).orElseThrow());
            assertEquals("urn:dk:gov:saml:cvrNumberIdentifier:" + sim.municipalityCvr(),
                    privilegeScope(token.attribute(SamlAssertion.PRIVILEGES_ATTRIBUTE).orElseThrow()));
            assertEquals(java.time.Duration.ofHours(8).plusSeconds(60),
                    java.time.Duration.between(token.notBefore().orElseThrow(), token.notOnOrAfter()));
        }
    }
}
