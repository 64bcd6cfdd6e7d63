package dk.rammearkitektur.signing.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.UntrustedCertificateException;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Trust anchors vouch only as CAs, and critical constraints we do not process make a certificate fail closed. */
class CertificateValidatorAnchorTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Date FROM = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final Date TO = Date.from(Instant.parse("2030-01-01T00:00:00Z"));

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate issue(X500Name issuer, PrivateKey issuerKey, String subject, KeyPair subjectKeys,
            boolean ca, Extension extra) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()), FROM, TO,
                new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        if (extra != null) {
            b.addExtension(extra);
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    @Test
    void aPinnedEndEntityAnchorCannotIssueTrustedCertificates() throws Exception {
        TestIdentity partner = TestPki.generateFast(1).oces3Organisation();
        X509Certificate forged = issue(X500Name.getInstance(partner.certificate().getSubjectX500Principal().getEncoded()),
                partner.credential().privateKey(), "CN=someone else,O=victim", keys(), false, null);
        CertificateValidator v = CertificateValidator.builder().trustAnchor(partner.certificate()).clock(NOW)
                .revocationChecking(false).build();

        assertTrue(v.validate(List.of(partner.certificate())).trusted(), "the pinned certificate itself stays trusted");
        CertificateReport r = v.validate(List.of(forged));
        assertFalse(r.trusted());
        assertEquals(UntrustedCertificateException.UNTRUSTED, r.problems().get(0).reason());
    }

    @Test
    void criticalNameConstraintsAreRefusedNotIgnored() throws Exception {
        KeyPair rootKeys = keys();
        X500Name rootName = new X500Name("CN=Constrained Root");
        X509Certificate root = issue(rootName, rootKeys.getPrivate(), "CN=Constrained Root", rootKeys, true, null);
        KeyPair subKeys = keys();
        Extension nameConstraints = new Extension(Extension.nameConstraints, true, new NameConstraints(
                new GeneralSubtree[] {new GeneralSubtree(new GeneralName(new X500Name("O=Allowed")))}, null).getEncoded());
        X509Certificate sub = issue(rootName, rootKeys.getPrivate(), "CN=Sub CA,O=Allowed", subKeys, true, nameConstraints);
        X509Certificate leaf = issue(new X500Name("CN=Sub CA,O=Allowed"), subKeys.getPrivate(), "CN=leaf,O=Elsewhere", keys(),
                false, null);
        CertificateValidator v = CertificateValidator.builder().trustAnchor(root).intermediate(sub).clock(NOW)
                .revocationChecking(false).build();

        assertFalse(v.validate(List.of(leaf)).trusted(), "a name-constrained sub-CA is not processed, so it must fail closed");
    }
}
