package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.Pem;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** sign, verify and cert info end to end, with a small CA made here (the cli must not need testkit's test PKI). */
class SigningCommandsTest {
    private static X509Certificate ca;
    private static X509Certificate leaf;
    private static PrivateKey leafKey;
    private static X509Certificate stranger;

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void pki() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair caKeys = g.generateKeyPair();
        KeyPair leafKeys = g.generateKeyPair();
        X500Name caName = new X500Name("C=DK,O=Rammearkitektur Test,CN=CLI Test Root");
        ca = cert(caName, caName, caKeys, caKeys.getPrivate(), true);
        X500Name leafName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK")
                .addRDN(new ASN1ObjectIdentifier("2.5.4.97"), "NTRDK-12345674").addRDN(BCStyle.O, "Testkommune")
                .addRDN(BCStyle.SERIALNUMBER, "UI:DK-O:G:" + UUID.randomUUID()).addRDN(BCStyle.CN, "CLI Testsystem").build();
        leaf = cert(caName, leafName, leafKeys, caKeys.getPrivate(), false);
        leafKey = leafKeys.getPrivate();
        KeyPair other = g.generateKeyPair();
        stranger = cert(new X500Name("CN=Stranger"), new X500Name("CN=Stranger"), other, other.getPrivate(), true);
    }

    private static X509Certificate cert(X500Name issuer, X500Name subject, KeyPair keys, PrivateKey signer, boolean isCa)
            throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(isCa ? 0 : 1)),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa))
                .addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                        : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static Result run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Path p12() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "hemmeligt".toCharArray();
        ks.setKeyEntry("k", leafKey, pw, new Certificate[] {leaf, ca});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ks.store(bytes, pw);
        Files.writeString(dir.resolve("pw.txt"), "hemmeligt\n");
        return Files.write(dir.resolve("k.p12"), bytes.toByteArray());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void signThenVerify() throws Exception {
        Path in = write("in.xml", "<doc><Data Id=\"d1\"><Amount>100</Amount></Data><Other>x</Other></doc>");
        Result signed = run("sign", "--key", p12().toString(), "--password-file", dir.resolve("pw.txt").toString(),
                "--id", "d1", in.toString());
        assertEquals(0, signed.code(), signed.err());
        assertTrue(signed.out().contains("SignatureValue"), signed.out());
        Path out = write("out.xml", signed.out());
        Path trust = write("ca.pem", Pem.encode(ca));

        Result ok = run("verify", "--trust", trust.toString(), out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("signed: d1"), ok.out());

        Result tampered = run("verify", "--trust", trust.toString(),
                write("bad.xml", signed.out().replace(">100<", ">900<")).toString());
        assertEquals(3, tampered.code());
        assertTrue(tampered.err().contains("refused (signature.invalid)"), tampered.err());

        Result untrusted = run("verify", "--trust", write("stranger.pem", Pem.encode(stranger)).toString(), out.toString());
        assertEquals(3, untrusted.code());
        assertTrue(untrusted.err().contains("certificate.untrusted"), untrusted.err());

        Result unsigned = run("verify", "--trust", trust.toString(), in.toString());
        assertEquals(3, unsigned.code());
        assertTrue(unsigned.err().contains("signature.missing"), unsigned.err());
    }

    @Test
    void signWithPemAndUnknownId() throws Exception {
        Path key = write("k.pem", Pem.encode(leafKey) + Pem.encode(leaf, ca));
        Path in = write("in.xml", "<doc><Data Id=\"d1\">x</Data></doc>");
        Result r = run("sign", "--key", key.toString(), "--id", "nope", in.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("id: no element has the ID 'nope'"), r.err());
        assertEquals(0, run("sign", "--key", key.toString(), "--id", "d1", in.toString()).code());
    }

    @Test
    void wrongPasswordIsInvalidInput() throws Exception {
        Path p12 = p12();
        Path wrong = write("wrong.txt", "forkert");
        Result r = run("sign", "--key", p12.toString(), "--password-file", wrong.toString(), "--id", "d1",
                write("in.xml", "<doc Id=\"d1\"/>").toString());
        assertEquals(2, r.code());
        assertFalse(r.err().contains("forkert"), r.err());
    }

    @Test
    void certInfoPrintsIdentityAndValidation() throws Exception {
        Path p12 = p12();
        Result r = run("cert", "info", "--password-file", dir.resolve("pw.txt").toString(),
                "--trust", write("ca.pem", Pem.encode(ca)).toString(), p12.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("generation:    OCES3"), r.out());
        assertTrue(r.out().contains("cvr:           12345674"), r.out());
        assertTrue(r.out().contains("validation:    trusted"), r.out());

        Result pem = run("cert", "info", write("leaf.pem", Pem.encode(leaf)).toString());
        assertEquals(0, pem.code());
        assertTrue(pem.out().contains("kind:          ORGANISATION"), pem.out());

        Result refused = run("cert", "info", "--trust", write("s.pem", Pem.encode(stranger)).toString(),
                dir.resolve("leaf.pem").toString());
        assertEquals(3, refused.code());
        assertTrue(refused.out().contains("certificate.untrusted"), refused.out());

        Result foreign = run("cert", "info", dir.resolve("s.pem").toString());
        assertTrue(foreign.out().contains("not an OCES2/OCES3 layout"), foreign.out());
    }
}
