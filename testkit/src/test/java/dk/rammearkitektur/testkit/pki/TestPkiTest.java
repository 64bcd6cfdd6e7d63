package dk.rammearkitektur.testkit.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.OcesIdentity;
import dk.rammearkitektur.signing.SigningCredential;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class TestPkiTest {
    @Test
    void sameSeedSameCertificatesAcrossInstances() throws Exception {
        TestPki a = TestPki.generateFast(7);
        X509Certificate leaf = a.oces3Organisation().certificate();
        // A different key size is a separate cache entry generated from the same seed.
        TestPki b = TestPki.generateFast(8);
        assertNotEquals(a.cvr(), b.cvr());
        assertFalse(java.util.Arrays.equals(leaf.getEncoded(), b.oces3Organisation().certificate().getEncoded()));
        assertArrayEquals(leaf.getEncoded(), TestPki.generateFast(7).oces3Organisation().certificate().getEncoded());
    }

    @Test
    void oces3LayoutAndPss() {
        TestPki pki = TestPki.generateFast(7);
        assertTrue(pki.oces3IssuingCa().getSigAlgName().toUpperCase().contains("PSS")
                || pki.oces3IssuingCa().getSigAlgName().toUpperCase().contains("MGF1"), pki.oces3IssuingCa().getSigAlgName());
        OcesIdentity id = OcesIdentity.of(pki.oces3Employee().certificate());
        assertEquals(OcesIdentity.Kind.EMPLOYEE, id.kind());
        assertEquals(pki.cvr(), id.cvr().orElseThrow());
    }

    @Test
    void pkcs12AndPemRoundTrip() {
        TestIdentity id = TestPki.generateFast(7).oces2System();
        char[] pw = "hemmelig".toCharArray();
        SigningCredential fromP12 = SigningCredential.fromPkcs12(id.pkcs12(pw), pw);
        assertEquals(id.certificate(), fromP12.certificate());
        assertEquals(2, fromP12.chain().size());
        SigningCredential fromPem = SigningCredential.fromPem(id.pem());
        assertEquals(id.certificate(), fromPem.certificate());
    }

    @Test
    void cvrHasValidCheckDigit() {
        String cvr = TestPki.generateFast(7).cvr();
        int[] w = {2, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (cvr.charAt(i) - '0') * w[i];
        }
        assertEquals(0, sum % 11);
    }

    @Test
    void productionKeySizesAndValidChains() {
        TestPki pki = TestPki.generate(3);
        assertEquals(3072, ((java.security.interfaces.RSAPublicKey) pki.oces3Organisation().certificate().getPublicKey())
                .getModulus().bitLength());
        dk.rammearkitektur.signing.certificates.CertificateValidator.Builder b =
                dk.rammearkitektur.signing.certificates.CertificateValidator.builder().trustAnchors(pki.trustAnchors());
        pki.crls().forEach(b::crl);
        var validator = b.ocsp(false).build();
        assertTrue(validator.validate(pki.oces3Organisation().chain()).trusted());
        assertTrue(validator.validate(pki.oces2Employee().chain()).trusted());
        assertEquals("certificate.revoked", validator.validate(pki.revoked().chain()).problems().get(0).reason());
    }

    @Test
    void ocspResponderAnswersForTheValidator() {
        TestPki pki = TestPki.generateFast(7);
        try (OcspResponder r = pki.startOcspResponder()) {
            var validator = dk.rammearkitektur.signing.certificates.CertificateValidator.builder()
                    .trustAnchors(pki.trustAnchors()).ocspResponder(r.url()).build();
            assertTrue(validator.validate(pki.oces2System().chain()).trusted());
            assertEquals("certificate.revoked", validator.validate(pki.revoked().chain()).problems().get(0).reason());
            assertTrue(r.requests() >= 3);
        }
    }

    @Test
    void ocspResponderBindsToLoopback() {
        try (OcspResponder r = TestPki.generateFast(7).startOcspResponder()) {
            assertEquals("127.0.0.1", r.url().getHost());
            assertTrue(r.url().getPort() > 0);
        }
    }
}
