package dk.rammearkitektur.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.io.StringWriter;
import java.security.cert.X509Certificate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

class SigningCredentialTest {
    private static final TestPki PKI = TestPki.generateFast(1);
    private static final TestIdentity ID = PKI.oces3Organisation();

    @Test
    void pkcs12RoundTripAndWrongPassword() {
        char[] pw = "hemmelig".toCharArray();
        byte[] p12 = ID.pkcs12(pw);
        SigningCredential c = SigningCredential.fromPkcs12(p12, pw);
        assertEquals(ID.certificate(), c.certificate());
        assertEquals(ID.chain(), c.chain());
        assertEquals(SignatureAlgorithm.RSA_SHA256, c.defaultAlgorithm());
        ValidationException e = assertThrows(ValidationException.class,
                () -> SigningCredential.fromPkcs12(p12, "forkert".toCharArray()));
        assertEquals("pkcs12", e.violations().get(0).path());
        assertFalse(e.getMessage().contains("forkert"));
        assertThrows(ValidationException.class, () -> SigningCredential.fromPkcs12(new byte[] {1, 2, 3}, pw));
    }

    @Test
    void pemPkcs8AndPkcs1() throws Exception {
        SigningCredential pkcs8 = SigningCredential.fromPem(ID.pem());
        assertEquals(ID.certificate(), pkcs8.certificate());
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(ID.privateKey());
        }
        assertTrue(w.toString().contains("BEGIN RSA PRIVATE KEY"), w.toString());
        // certificates first and in reverse order: the leaf is found by its key
        SigningCredential pkcs1 = SigningCredential.fromPem(w.toString(), Pem.encode(ID.chain().get(1), ID.chain().get(0)));
        assertEquals(ID.certificate(), pkcs1.certificate());
        assertEquals(2, pkcs1.chain().size());
    }

    @Test
    void ecKeys() {
        SigningCredential ec = SigningCredential.fromPem(PKI.oces3OrganisationEc().pem());
        assertEquals(SignatureAlgorithm.ECDSA_SHA256, ec.defaultAlgorithm());
    }

    @Test
    void keyMustBelongToTheCertificate() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> SigningCredential.of(ID.privateKey(), PKI.oces3Employee().chain()));
        assertEquals("credential.privateKey", e.violations().get(0).path());
        assertThrows(ValidationException.class, () -> SigningCredential.of(ID.privateKey(), List.of()));
        assertThrows(ValidationException.class,
                () -> SigningCredential.fromPem(Pem.encode(ID.privateKey()), Pem.encode(PKI.oces3Employee().certificate())));
    }

    @Test
    void badPem() {
        assertEquals("pem", assertThrows(ValidationException.class, () -> Pem.certificates("nothing here"))
                .violations().get(0).path());
        assertThrows(ValidationException.class, () -> Pem.privateKey(Pem.encode(ID.certificate())));
        assertThrows(ValidationException.class,
                () -> Pem.privateKey(Pem.encode(ID.privateKey()) + Pem.encode(PKI.oces3Employee().privateKey())));
        assertThrows(ValidationException.class, () -> Pem.certificates(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    }

    @Test
    void toStringHidesTheKey() {
        String s = ID.credential().toString();
        assertTrue(s.contains("Rammearkitektur Testsystem"), s);
        assertFalse(s.contains("PRIVATE"), s);
    }

    @Property(tries = 20)
    void pemCertificatesRoundTrip(@ForAll @IntRange(min = 1, max = 4) int count) throws Exception {
        List<X509Certificate> all = List.of(PKI.oces3Root(), PKI.oces3IssuingCa(), ID.certificate(), PKI.oces2Root());
        List<X509Certificate> some = all.subList(0, count);
        assertEquals(some, Pem.certificates(Pem.encode(some)));
        assertEquals(some.get(0), Pem.certificates(some.get(0).getEncoded()).get(0));
    }

    @Property(tries = 300)
    void garbageIsRefusedWithOurException(@ForAll byte[] data, @ForAll boolean asPemText) {
        byte[] input = asPemText
                ? ("-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getEncoder().encodeToString(data)
                        + "\n-----END CERTIFICATE-----\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : data;
        assertThrows(ValidationException.class, () -> Pem.certificates(input));
        assertThrows(ValidationException.class, () -> SigningCredential.fromPkcs12(data, "x".toCharArray()));
    }
}
