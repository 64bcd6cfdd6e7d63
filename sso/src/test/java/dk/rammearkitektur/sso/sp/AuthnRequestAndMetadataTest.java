package dk.rammearkitektur.sso.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.LevelOfAssurance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AuthnRequestAndMetadataTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static ServiceProvider.Builder sp() {
        return ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .singleLogoutService("https://fagsystem.test.example/saml/slo")
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(ServiceProviderTest.idpMetadata(TestIdp.IDP)).profile(SsoProfile.contextHandlerNsisTest())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The query parameters, URL-decoded, and the raw signed part, parsed here independently of the SP code. */
    private static Map<String, String> params(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Element inflate(String base64) throws Exception {
        Inflater inf = new Inflater(true);
        inf.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        for (int i = 0; i < 1000 && !inf.finished(); i++) {
            out.write(buf, 0, inf.inflate(buf));
        }
        inf.end();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray())).getDocumentElement();
    }

    @Test
    void authnRequestCarriesEverythingAndItsQuerySignatureVerifies() throws Exception {
        ServiceProvider sp = sp().build();
        LoginRedirect r = sp.authnRequest(LoginOptions.defaults().minimumLevel(LevelOfAssurance.HIGH).forceAuthn(true)
                .passive(true).returnUrl("/back"));
        assertTrue(r.url().startsWith(TestIdp.SSO_URL + "?SAMLRequest="), r.url());
        Map<String, String> p = params(r.url());
        assertEquals(List.of("SAMLRequest", "RelayState", "SigAlg", "Signature"), List.copyOf(p.keySet()));
        assertEquals(SignatureAlgorithm.RSA_SHA256.uri(), p.get("SigAlg"));
        assertTrue(p.get("RelayState").getBytes(StandardCharsets.UTF_8).length <= 80);
        assertFalse(r.url().contains("back"), "the return URL stays server-side");
        Element req = inflate(p.get("SAMLRequest"));
        assertEquals("AuthnRequest", req.getLocalName());
        assertEquals(r.pending().id(), req.getAttribute("ID"));
        assertEquals("2.0", req.getAttribute("Version"));
        assertEquals(NOW, Instant.parse(req.getAttribute("IssueInstant")));
        assertEquals(TestIdp.SSO_URL, req.getAttribute("Destination"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", req.getAttribute("ProtocolBinding"));
        assertEquals(TestIdp.ACS, req.getAttribute("AssertionConsumerServiceURL"));
        assertEquals("true", req.getAttribute("ForceAuthn"));
        assertEquals("true", req.getAttribute("IsPassive"));
        assertEquals(TestIdp.SP_ENTITY, req.getElementsByTagNameNS(TestIdp.SAML, "Issuer").item(0).getTextContent());
        Element policy = (Element) req.getElementsByTagNameNS(TestIdp.SAMLP, "NameIDPolicy").item(0);
        assertEquals(SsoProfile.PERSISTENT, policy.getAttribute("Format"));
        Element ctx = (Element) req.getElementsByTagNameNS(TestIdp.SAMLP, "RequestedAuthnContext").item(0);
        assertEquals("minimum", ctx.getAttribute("Comparison"));
        assertEquals("https://data.gov.dk/concept/core/nsis/loa/High", ctx.getTextContent().strip());
        // the signature over the exact raw bytes, verified with the JDK only
        String raw = r.url().substring(r.url().indexOf('?') + 1);
        String signed = raw.substring(0, raw.indexOf("&Signature="));
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(TestIdp.SP.certificate().getPublicKey());
        v.update(signed.getBytes(StandardCharsets.UTF_8));
        assertTrue(v.verify(Base64.getDecoder().decode(p.get("Signature"))));
        assertEquals(NOW.plusSeconds(600), r.pending().expiresAt());
        assertEquals("/back", r.pending().returnUrl());
        assertNotEquals(r.pending().id(), sp.authnRequest(LoginOptions.defaults()).pending().id());
    }

    @Test
    void changingTheBuilderAfterBuildChangesNothingBuilt() throws Exception {
        ServiceProvider.Builder builder = sp();
        ServiceProvider built = builder.build();
        String metadata = built.metadata();
        builder.entityId("https://saml.other.example").assertionConsumerService("https://other.example/acs")
                .clock(Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        assertEquals(TestIdp.SP_ENTITY, built.entityId());
        assertEquals(metadata, built.metadata());
        Element request = inflate(params(built.authnRequest(LoginOptions.defaults()).url()).get("SAMLRequest"));
        assertEquals(TestIdp.ACS, request.getAttribute("AssertionConsumerServiceURL"));
        assertEquals(NOW.toString(), request.getAttribute("IssueInstant"));
    }

    @Test
    void pssQuerySignature() throws Exception {
        LoginRedirect r = sp().signatureAlgorithm(SignatureAlgorithm.RSA_PSS_SHA256).build()
                .authnRequest(LoginOptions.defaults());
        Map<String, String> p = params(r.url());
        assertEquals("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", p.get("SigAlg"));
        String raw = r.url().substring(r.url().indexOf('?') + 1);
        Signature v = Signature.getInstance("RSASSA-PSS");
        v.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        v.initVerify(TestIdp.SP.certificate().getPublicKey());
        v.update(raw.substring(0, raw.indexOf("&Signature=")).getBytes(StandardCharsets.UTF_8));
        assertTrue(v.verify(Base64.getDecoder().decode(p.get("Signature"))));
        assertThrows(dk.rammearkitektur.core.ValidationException.class,
                () -> sp().signatureAlgorithm(SignatureAlgorithm.ECDSA_SHA256));
    }

    @Test
    void missingConfigurationNamesTheField() {
        var e = assertThrows(dk.rammearkitektur.core.ValidationException.class,
                () -> ServiceProvider.builder().entityId("x").build());
        assertTrue(e.getMessage().contains("assertionConsumerService"), e.getMessage());
        ServiceProvider sp = sp().build();
        assertEquals("options", assertThrows(dk.rammearkitektur.core.ValidationException.class,
                () -> sp.authnRequest(null)).violations().get(0).path());
        assertEquals("level", assertThrows(dk.rammearkitektur.core.ValidationException.class,
                () -> LoginOptions.defaults().minimumLevel(null)).violations().get(0).path());
        assertEquals("clock", assertThrows(dk.rammearkitektur.core.ValidationException.class,
                () -> ServiceProvider.builder().clock(null)).violations().get(0).path());
    }

    @Test
    void spMetadataPublishesTheNextSigningCertificateDuringTheSpsOwnRollover() throws Exception {
        ServiceProvider sp = sp().nextSigningCredential(TestIdp.SP_OLD.toSigning()).build();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(sp.metadata().getBytes(StandardCharsets.UTF_8)));
        var kds = doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor");
        assertEquals(3, kds.getLength());
        assertEquals("signing", ((Element) kds.item(0)).getAttribute("use"));
        assertEquals(Base64.getEncoder().encodeToString(TestIdp.SP.certificate().getEncoded()),
                kds.item(0).getTextContent().strip());
        assertEquals("signing", ((Element) kds.item(1)).getAttribute("use"));
        assertEquals(Base64.getEncoder().encodeToString(TestIdp.SP_OLD.certificate().getEncoded()),
                kds.item(1).getTextContent().strip());
        assertEquals("encryption", ((Element) kds.item(2)).getAttribute("use"));
    }

    @Test
    void spMetadataHasKeysEndpointsAndRequestedAttributes() throws Exception {
        ServiceProvider sp = sp().secondaryDecryptionCredential(TestIdp.SP_OLD.toSigning()).build();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(sp.metadata().getBytes(StandardCharsets.UTF_8)));
        String md = "urn:oasis:names:tc:SAML:2.0:metadata";
        Element root = doc.getDocumentElement();
        assertEquals(TestIdp.SP_ENTITY, root.getAttribute("entityID"));
        Element spsso = (Element) root.getElementsByTagNameNS(md, "SPSSODescriptor").item(0);
        assertEquals("true", spsso.getAttribute("AuthnRequestsSigned"));
        var kds = spsso.getElementsByTagNameNS(md, "KeyDescriptor");
        assertEquals(3, kds.getLength());
        assertEquals("signing", ((Element) kds.item(0)).getAttribute("use"));
        assertEquals("encryption", ((Element) kds.item(1)).getAttribute("use"));
        assertEquals("encryption", ((Element) kds.item(2)).getAttribute("use"));
        assertEquals(Base64.getEncoder().encodeToString(TestIdp.SP_OLD.certificate().getEncoded()),
                kds.item(2).getTextContent().strip());
        Element slo = (Element) spsso.getElementsByTagNameNS(md, "SingleLogoutService").item(0);
        assertEquals(IdpMetadata.REDIRECT, slo.getAttribute("Binding"));
        assertEquals("https://fagsystem.test.example/saml/slo", slo.getAttribute("ResponseLocation"));
        assertEquals(SsoProfile.PERSISTENT, spsso.getElementsByTagNameNS(md, "NameIDFormat").item(0).getTextContent());
        Element acs = (Element) spsso.getElementsByTagNameNS(md, "AssertionConsumerService").item(0);
        assertEquals(IdpMetadata.POST, acs.getAttribute("Binding"));
        assertEquals(TestIdp.ACS, acs.getAttribute("Location"));
        var attrs = spsso.getElementsByTagNameNS(md, "RequestedAttribute");
        assertEquals(SsoProfile.contextHandlerNsisTest().requestedAttributes().size(), attrs.getLength());
        for (int i = 0; i < attrs.getLength(); i++) {
            assertEquals("urn:oasis:names:tc:SAML:2.0:attrname-format:uri", ((Element) attrs.item(i)).getAttribute("NameFormat"));
        }
        assertEquals(Identities.PRIVILEGES, ((Element) attrs.item(attrs.getLength() - 1)).getAttribute("Name"));
    }

    private static String idpMetadataXml(boolean sign, TestIdp.Credential signer) throws Exception {
        String cert = Base64.getEncoder().encodeToString(TestIdp.IDP.certificate().getEncoded());
        String xml = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" ID=\"_md1\" entityID=\"" + TestIdp.IDP_ENTITY + "\">"
                + "<md:IDPSSODescriptor WantAuthnRequestsSigned=\"true\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + cert
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleLogoutService Binding=\"" + IdpMetadata.REDIRECT + "\" Location=\"https://idp.test.example/slo\"/>"
                + "<md:SingleLogoutService Binding=\"" + IdpMetadata.POST + "\" Location=\"https://idp.test.example/slo-post\"/>"
                + "<md:SingleSignOnService Binding=\"" + IdpMetadata.REDIRECT + "\" Location=\"" + TestIdp.SSO_URL + "\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
        if (!sign) {
            return xml;
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        root.setIdAttribute("ID", true);
        XMLSignature sig = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        root.insertBefore(sig.getElement(), root.getFirstChild());
        Transforms t = new Transforms(doc);
        t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        sig.addDocument("#_md1", t, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        sig.addKeyInfo(signer.certificate());
        sig.sign(signer.keys().getPrivate());
        return TestIdp.serialize(doc);
    }

    @Test
    void idpMetadataIsReadAndItsSignatureChecked() throws Exception {
        IdpMetadata m = IdpMetadata.parse(idpMetadataXml(true, TestIdp.IDP),
                SignatureTrust.pinned(TestIdp.IDP.certificate()));
        assertEquals(TestIdp.IDP_ENTITY, m.entityId());
        assertEquals(TestIdp.SSO_URL, m.singleSignOnService(IdpMetadata.REDIRECT).orElseThrow());
        assertTrue(m.singleSignOnService(IdpMetadata.POST).isEmpty());
        assertEquals("https://idp.test.example/slo-post", m.singleLogoutService(IdpMetadata.POST).orElseThrow());
        assertEquals(List.of(TestIdp.IDP.certificate()), m.signingCertificates());
        assertTrue(m.encryptionCertificates().isEmpty());
        assertTrue(m.wantAuthnRequestsSigned());

        SignatureTrust anchor = SignatureTrust.pinned(TestIdp.IDP.certificate());
        String byStranger = idpMetadataXml(true, TestIdp.STRANGER);
        assertEquals(SsoRefusedException.METADATA, assertThrows(SsoRefusedException.class,
                () -> IdpMetadata.parse(byStranger, anchor)).reason());
        String unsigned = idpMetadataXml(false, null);
        assertEquals(SsoRefusedException.METADATA, assertThrows(SsoRefusedException.class,
                () -> IdpMetadata.parse(unsigned, anchor)).reason());
        assertEquals(TestIdp.IDP_ENTITY, IdpMetadata.parseUnsigned(unsigned).entityId());
        String tampered = idpMetadataXml(true, TestIdp.IDP).replace(TestIdp.SSO_URL, "https://evil.example/sso");
        assertEquals(SsoRefusedException.METADATA, assertThrows(SsoRefusedException.class,
                () -> IdpMetadata.parse(tampered, anchor)).reason());
        String doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + unsigned;
        SsoRefusedException e = assertThrows(SsoRefusedException.class, () -> IdpMetadata.parseUnsigned(doctype));
        assertEquals(SsoRefusedException.METADATA, e.reason());
        SsoRefusedException noKey = assertThrows(SsoRefusedException.class,
                () -> IdpMetadata.parseUnsigned(unsigned.replaceAll("<md:KeyDescriptor.*</md:KeyDescriptor>", "")));
        assertTrue(noKey.getMessage().contains("KeyDescriptor"), noKey.getMessage());
    }

    @Test
    void presetsAreFromTheNoteAndOverridable() {
        assertEquals("https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime",
                SsoProfile.contextHandlerNsisTest().idpEntityId());
        assertEquals("https://n2adgangsstyring.stoettesystemerne.dk/runtime/saml2/metadata.idp",
                SsoProfile.contextHandlerNsisProduction().idpMetadataUrl());
        assertEquals(Identities.X509_SUBJECT_NAME, SsoProfile.contextHandlerOiosaml2Test().nameIdFormat());
        assertEquals("https://saml.test-nemlog-in.dk/", SsoProfile.nemLoginTest().idpEntityId());
        assertTrue(SsoProfile.nemLoginProduction().idpEntity().isEmpty());
        assertEquals(LevelOfAssurance.HIGH,
                SsoProfile.nemLoginTest().withDefaultMinimumLevel(LevelOfAssurance.HIGH).defaultMinimumLevel());
        assertEquals("https://saml.other", SsoProfile.nemLoginProduction().withIdp("https://saml.other", null).idpEntityId());
    }
}
