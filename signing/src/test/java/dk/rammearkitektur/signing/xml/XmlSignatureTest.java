package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.UntrustedCertificateException;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlSignatureTest {
    static final TestPki PKI = TestPki.generateFast(1);
    static final Clock NOW = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);

    static XmlSignatureVerifier pinnedVerifier(TestIdentity id) {
        return XmlSignatureVerifier.builder(SignatureTrust.pinned(id.certificate())).build();
    }

    static CertificateValidator validator() {
        CertificateValidator.Builder b = CertificateValidator.builder().trustAnchors(PKI.trustAnchors()).clock(NOW).ocsp(false)
                .intermediate(PKI.oces3IssuingCa()).intermediate(PKI.oces2IssuingCa());
        for (X509CRL crl : PKI.crls()) {
            b.crl(crl);
        }
        return b.build();
    }

    @Test
    void envelopedRsaSha256RoundTrip() {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(PKI.oces3Organisation().credential()).build().signEnveloped(XmlFixtures.data(doc));
        Document received = XmlFixtures.reparse(doc);
        VerifiedSignature v = pinnedVerifier(PKI.oces3Organisation()).verifyAll(received).get(0);
        assertEquals(List.of("d1"), v.signedIds());
        assertSame(XmlFixtures.data(received), v.signedElement(XmlFixtures.NS, "Data"));
        assertEquals(PKI.oces3Organisation().certificate(), v.certificate());
        assertEquals(SignatureAlgorithm.RSA_SHA256.uri(), v.signatureMethod());
        Element other = (Element) received.getElementsByTagNameNS(XmlFixtures.NS, "Other").item(0);
        assertFalse(v.isSigned(other));
        assertFalse(v.covers(other));
        assertTrue(v.covers(XmlFixtures.data(received).getFirstChild()));
        assertEquals("signature.wrapping", assertThrows(SignatureException.class, () -> v.requireSigned(other)).reason());
    }

    @Test
    void rsaSha512AndEcdsa() {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(PKI.oces3Organisation().credential()).algorithm(SignatureAlgorithm.RSA_SHA512).build()
                .signEnveloped(XmlFixtures.data(doc));
        assertEquals(SignatureAlgorithm.RSA_SHA512.uri(),
                pinnedVerifier(PKI.oces3Organisation()).verifyAll(XmlFixtures.reparse(doc)).get(0).signatureMethod());

        Document ec = XmlFixtures.payment();
        XmlSigner.builder(PKI.oces3OrganisationEc().credential()).build().signEnveloped(XmlFixtures.data(ec));
        VerifiedSignature v = pinnedVerifier(PKI.oces3OrganisationEc()).verifyAll(XmlFixtures.reparse(ec)).get(0);
        assertEquals(SignatureAlgorithm.ECDSA_SHA256.uri(), v.signatureMethod());
    }

    @Test
    void detachedOverSeveralElementsWithChainValidation() {
        Document doc = XmlFixtures.payment();
        Element data = XmlFixtures.data(doc);
        Element other = (Element) doc.getElementsByTagNameNS(XmlFixtures.NS, "Other").item(0);
        XmlSigner.builder(PKI.oces3Organisation().credential()).keyInfo(XmlSigner.KeyInfoContent.CHAIN).build()
                .signDetached(doc.getDocumentElement(), null, List.of(data, other));
        Document received = XmlFixtures.reparse(doc);
        VerifiedSignature v = XmlSignatureVerifier.builder(SignatureTrust.validatedBy(validator())).build()
                .verifyAll(received).get(0);
        assertEquals(List.of("d1", "o1"), v.signedIds());
    }

    @Test
    void aCertificateDecodedBeforeIsJudgedAgainByEachTrustAtEachUse() {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(PKI.oces3Organisation().credential()).build().signEnveloped(XmlFixtures.data(doc));
        Document received = XmlFixtures.reparse(doc);
        assertEquals(PKI.oces3Organisation().certificate(), XmlSignatureVerifier.builder(
                SignatureTrust.validatedBy(validator())).build().verifyAll(received).get(0).certificate());
        // the same KeyInfo text again: the certificate comes from memory, the verdict from the trust at hand
        assertEquals(SignatureException.UNTRUSTED_KEY, assertThrows(SignatureException.class,
                () -> pinnedVerifier(PKI.oces3OtherOrganisation()).verifyAll(XmlFixtures.reparse(doc))).reason());
        Instant expired = PKI.oces3Organisation().certificate().getNotAfter().toInstant().plusSeconds(86_400);
        CertificateValidator later = CertificateValidator.builder().trustAnchors(PKI.trustAnchors())
                .clock(Clock.fixed(expired, ZoneOffset.UTC)).ocsp(false).intermediate(PKI.oces3IssuingCa()).build();
        assertEquals(UntrustedCertificateException.EXPIRED, assertThrows(UntrustedCertificateException.class,
                () -> XmlSignatureVerifier.builder(SignatureTrust.validatedBy(later)).build()
                        .verifyAll(XmlFixtures.reparse(doc))).reason());
    }

    @Test
    void pinnedWithoutKeyInfo() {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(PKI.oces2System().credential()).keyInfo(XmlSigner.KeyInfoContent.NONE).build()
                .signEnveloped(XmlFixtures.data(doc));
        assertEquals(0, doc.getElementsByTagNameNS(XmlSignatureVerifier.DSIG, "KeyInfo").getLength());
        assertEquals(PKI.oces2System().certificate(),
                pinnedVerifier(PKI.oces2System()).verifyAll(XmlFixtures.reparse(doc)).get(0).certificate());
    }

    @Test
    void elementWithoutIdCannotBeSigned() {
        Document doc = SecureXml.parse("<a><b>x</b></a>");
        SignatureException e = assertThrows(SignatureException.class, () -> XmlSigner.builder(PKI.oces3Organisation()
                .credential()).build().signEnveloped((Element) doc.getDocumentElement().getFirstChild()));
        assertEquals("signature.reference", e.reason());
    }

    @Test
    void signerRefusesSha1UnlessAllowed() {
        assertThrows(SignatureException.class, () -> XmlSigner.builder(PKI.oces3Organisation().credential())
                .algorithm(SignatureAlgorithm.RSA_SHA1).build());
        assertThrows(SignatureException.class, () -> XmlSigner.builder(PKI.oces3Organisation().credential())
                .algorithm(SignatureAlgorithm.ECDSA_SHA256).build());
        XmlSigner.builder(PKI.oces3Organisation().credential()).algorithm(SignatureAlgorithm.RSA_SHA1)
                .policy(AlgorithmPolicy.builder().allowSha1().build()).build();
    }

    @Test
    void sha1AcceptedOnlyByOptIn() {
        Document doc = XmlFixtures.payment();
        AlgorithmPolicy legacy = AlgorithmPolicy.builder().allowSha1().build();
        XmlSigner.builder(PKI.oces3Organisation().credential()).algorithm(SignatureAlgorithm.RSA_SHA1).policy(legacy)
                .build().signEnveloped(XmlFixtures.data(doc));
        XmlSignatureVerifier legacyVerifier = XmlSignatureVerifier.builder(
                SignatureTrust.pinned(PKI.oces3Organisation().certificate())).policy(legacy).build();
        assertEquals(List.of("d1"), legacyVerifier.verifyAll(XmlFixtures.reparse(doc)).get(0).signedIds());
        SignatureException e = assertThrows(SignatureException.class,
                () -> pinnedVerifier(PKI.oces3Organisation()).verifyAll(XmlFixtures.reparse(doc)));
        assertEquals("signature.algorithm-refused", e.reason());
    }
}
