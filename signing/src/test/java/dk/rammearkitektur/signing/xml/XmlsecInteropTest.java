package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Interoperability with the independent xmlsec1 implementation (Debian package xmlsec1): our signatures verify with
 * {@code xmlsec1 --verify}, and {@code xmlsec1 --sign} signatures verify with ours. Skipped when xmlsec1 is absent.
 */
class XmlsecInteropTest {
    private static final TestIdentity SIGNER = XmlSignatureTest.PKI.oces3Organisation();
    private static String xmlsec1;

    @TempDir
    Path dir;

    @BeforeAll
    static void findXmlsec1() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "xmlsec1");
            if (Files.isExecutable(candidate)) {
                xmlsec1 = candidate.toString();
            }
        }
        assumeTrue(xmlsec1 != null, "xmlsec1 is not on PATH (apt-get install xmlsec1); interoperability not tested");
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(xmlsec1);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("xmlsec1 timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void ourSignatureVerifiesWithXmlsec1() throws Exception {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(SIGNER.credential()).build().signEnveloped(XmlFixtures.data(doc));
        Path signed = write("signed.xml", SecureXml.toString(doc));
        Path cert = write("signer.pem", Pem.encode(SIGNER.certificate()));
        Result ok = run("--verify", "--pubkey-cert-pem", cert.toString(), "--enabled-key-data", "key-name",
                "--id-attr:Id", "Data", signed.toString());
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("OK"), ok.output());

        Path tampered = write("tampered.xml", SecureXml.toString(doc).replace(">Alice<", ">Mallory<"));
        Result bad = run("--verify", "--pubkey-cert-pem", cert.toString(), "--enabled-key-data", "key-name",
                "--id-attr:Id", "Data", tampered.toString());
        assertNotEquals(0, bad.exit(), "xmlsec1 must refuse the tampered document");
    }

    @Test
    void ourSamlAssertionVerifiesWithXmlsec1AgainstTheOces3Chain() throws Exception {
        var pki = XmlSignatureTest.PKI;
        var assertion = dk.rammearkitektur.signing.saml.SamlAssertion.builder().issuer("https://sts.test").subject("CN=x")
                .audience("urn:service").validity(java.time.Instant.parse("2027-01-01T00:00:00Z"),
                        java.time.Instant.parse("2027-01-01T08:00:00Z"))
                .attribute(dk.rammearkitektur.signing.saml.SamlAssertion.CVR_ATTRIBUTE, pki.cvr())
                .sign(XmlSigner.builder(SIGNER.credential()).build());
        Path signed = write("assertion.xml", SecureXml.toString(assertion.element().getOwnerDocument()));
        Path root = write("root.pem", Pem.encode(pki.oces3Root()));
        Path ca = write("ca.pem", Pem.encode(pki.oces3IssuingCa()));
        Result ok = run("--verify", "--trusted-pem", root.toString(), "--untrusted-pem", ca.toString(),
                "--verification-time", "2027-01-01+00:00:00",
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", signed.toString());
        assertEquals(0, ok.exit(), ok.output());
    }

    @Test
    void xmlsec1SignatureVerifiesWithOurs() throws Exception {
        String template = "<t:Envelope xmlns:t=\"" + XmlFixtures.NS + "\"><t:Data Id=\"d1\"><t:Amount>100</t:Amount>"
                + "<t:Payee>Alice</t:Payee>"
                + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<ds:Reference URI=\"#d1\"><ds:Transforms>"
                + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue/></ds:Reference>"
                + "</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>"
                + "</t:Data></t:Envelope>";
        Path tmpl = write("template.xml", template);
        Path key = write("key.pem", Pem.encode(SIGNER.privateKey()) + Pem.encode(SIGNER.certificate()));
        Path out = dir.resolve("out.xml");
        Result signed = run("--sign", "--privkey-pem", key.toString(), "--id-attr:Id", "Data",
                "--output", out.toString(), tmpl.toString());
        assertEquals(0, signed.exit(), signed.output());

        Document received = SecureXml.parse(Files.readString(out));
        VerifiedSignature v = XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(received).get(0);
        assertEquals(List.of("d1"), v.signedIds());
        assertEquals(SIGNER.certificate(), v.certificate());

        Document tampered = SecureXml.parse(Files.readString(out).replace(">Alice<", ">Mallory<"));
        assertEquals("signature.invalid", org.junit.jupiter.api.Assertions.assertThrows(SignatureException.class,
                () -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(tampered)).reason());
    }

    @Test
    void ourDetachedSignatureVerifiesWithXmlsec1() throws Exception {
        // The detached path (used for WS-Security) canonicalises and assembles SignedInfo itself; prove the result is
        // standard XML-DSig with an independent implementation, over namespaces, a default namespace, xml:lang,
        // attribute order and characters that need escaping.
        Document doc = SecureXml.parse("<t:Envelope xmlns:t=\"" + XmlFixtures.NS + "\" xmlns:u=\"urn:u\"><t:Header>"
                + "<u:Stamp z=\"2\" Id=\"s1\" xml:lang=\"da\" u:k=\"tab&#9;nl&#10;q&quot;\">a &amp; b &lt; c &gt; d&#13;</u:Stamp>"
                + "</t:Header><t:Data Id=\"d1\"><Amount xmlns=\"urn:default\" note=\"x\">100</Amount><!-- comment -->"
                + "<t:Payee>Ålice 𝄞</t:Payee><?pi data?></t:Data><t:Sig/></t:Envelope>");
        org.w3c.dom.Element stamp = (org.w3c.dom.Element) doc.getElementsByTagNameNS("urn:u", "Stamp").item(0);
        org.w3c.dom.Element sigParent = (org.w3c.dom.Element) doc.getElementsByTagNameNS(XmlFixtures.NS, "Sig").item(0);
        XmlSigner.builder(SIGNER.credential()).build().signDetached(sigParent, null, List.of(stamp, XmlFixtures.data(doc)));
        Path signed = write("detached.xml", SecureXml.toString(doc));
        Path cert = write("signer.pem", Pem.encode(SIGNER.certificate()));
        Result ok = run("--verify", "--pubkey-cert-pem", cert.toString(), "--enabled-key-data", "key-name",
                "--id-attr:Id", "Data", "--id-attr:Id", "Stamp", signed.toString());
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("OK"), ok.output());

        Path tampered = write("detached-tampered.xml", SecureXml.toString(doc).replace("a &amp; b", "a &amp; B"));
        Result bad = run("--verify", "--pubkey-cert-pem", cert.toString(), "--enabled-key-data", "key-name",
                "--id-attr:Id", "Data", "--id-attr:Id", "Stamp", tampered.toString());
        assertNotEquals(0, bad.exit(), "xmlsec1 must refuse the tampered document");
    }
}
