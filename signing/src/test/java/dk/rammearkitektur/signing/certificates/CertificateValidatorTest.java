package dk.rammearkitektur.signing.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.UntrustedCertificateException;
import dk.rammearkitektur.signing.certificates.CertificateReport.RevocationStatus;
import dk.rammearkitektur.testkit.pki.OcspResponder;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.net.URI;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateValidatorTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final TestPki pki = TestPki.generateFast(1);

    private CertificateValidator.Builder crlValidator() {
        CertificateValidator.Builder b = CertificateValidator.builder().trustAnchors(pki.trustAnchors()).clock(NOW).ocsp(false);
        for (X509CRL crl : pki.crls()) {
            b.crl(crl);
        }
        return b;
    }

    @Test
    void acceptsOces3ChainWithPssSignaturesAndCrl() {
        CertificateReport r = crlValidator().build().validate(pki.oces3Organisation().chain());
        assertTrue(r.trusted(), r.summary());
        assertEquals(3, r.path().size());
        assertEquals(pki.oces3Root(), r.path().get(2));
        assertEquals(RevocationStatus.GOOD, r.revocation());
    }

    @Test
    void acceptsOces2Chain() {
        assertTrue(crlValidator().build().validate(pki.oces2System().chain()).trusted());
    }

    @Test
    void refusesRevokedByCrl() {
        CertificateReport r = crlValidator().build().validate(pki.revoked().chain());
        assertFalse(r.trusted());
        assertTrue(r.has(UntrustedCertificateException.REVOKED), r.summary());
        assertEquals(RevocationStatus.REVOKED, r.revocation());
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
                () -> crlValidator().build().requireTrusted(pki.revoked().chain()));
        assertEquals("certificate.revoked", e.reason());
        assertTrue(e.report().isPresent());
    }

    @Test
    void refusesExpiredNotYetValidAndWrongKeyUsage() {
        CertificateValidator v = crlValidator().build();
        assertEquals("certificate.expired", reason(v, pki.expired().chain()));
        assertEquals("certificate.not-yet-valid", reason(v, pki.notYetValid().chain()));
        assertEquals("certificate.key-usage", reason(v, pki.wrongKeyUsage().chain()));
    }

    @Test
    void skewIsApplied() {
        Instant justExpired = pki.expired().certificate().getNotAfter().toInstant().plusSeconds(60);
        CertificateValidator lenient = crlValidator().clock(Clock.fixed(justExpired, ZoneOffset.UTC)).build();
        assertFalse(lenient.validate(pki.expired().chain()).has(UntrustedCertificateException.EXPIRED));
        CertificateValidator strict = crlValidator().clock(Clock.fixed(justExpired, ZoneOffset.UTC)).skew(Duration.ZERO).build();
        assertTrue(strict.validate(pki.expired().chain()).has(UntrustedCertificateException.EXPIRED));
    }

    @Test
    void refusesUnknownAnchor() {
        TestPki other = TestPki.generateFast(2);
        CertificateValidator v = CertificateValidator.builder().trustAnchor(other.oces3Root()).clock(NOW)
                .revocationChecking(false).build();
        assertEquals("certificate.untrusted", reason(v, pki.oces3Organisation().chain()));
    }

    @Test
    void hardFailsWithoutRevocationInformationUnlessSoftFail() {
        CertificateValidator.Builder b = CertificateValidator.builder().trustAnchors(pki.trustAnchors()).clock(NOW).ocsp(false);
        assertEquals("certificate.revocation-unknown", reason(b.build(), pki.oces3Organisation().chain()));
        CertificateReport soft = b.softFail(true).build().validate(pki.oces3Organisation().chain());
        assertTrue(soft.trusted(), soft.summary());
        assertEquals(RevocationStatus.UNKNOWN, soft.revocation());
    }

    @Test
    void ocspGoodRevokedAndCached() {
        try (OcspResponder responder = pki.startOcspResponder(NOW)) {
            CertificateValidator v = CertificateValidator.builder().trustAnchors(pki.trustAnchors()).clock(NOW)
                    .ocspResponder(responder.url()).build();
            CertificateReport good = v.validate(pki.oces3Organisation().chain());
            assertTrue(good.trusted(), good.summary());
            assertEquals(RevocationStatus.GOOD, good.revocation());
            int asked = responder.requests();
            assertEquals(2, asked, "leaf and issuing CA");
            v.validate(pki.oces3Organisation().chain());
            assertEquals(asked, responder.requests(), "answers are cached");
            assertEquals("certificate.revoked", reason(v, pki.revoked().chain()));
        }
    }

    @Test
    void ocspUnreachableIsUnknown() {
        URI closed;
        try (OcspResponder responder = pki.startOcspResponder(NOW)) {
            closed = responder.url();
        }
        CertificateValidator v = CertificateValidator.builder().trustAnchors(pki.trustAnchors()).clock(NOW)
                .ocspResponder(closed).build();
        assertEquals("certificate.revocation-unknown", reason(v, pki.oces3Organisation().chain()));
    }

    @Test
    void ocspAnswerFromTheWrongCaIsNotTrusted() {
        TestPki other = TestPki.generateFast(2);
        try (OcspResponder foreign = other.startOcspResponder(NOW)) {
            CertificateValidator v = CertificateValidator.builder().trustAnchors(pki.trustAnchors()).clock(NOW)
                    .ocspResponder(foreign.url()).build();
            assertEquals("certificate.revocation-unknown", reason(v, pki.oces3Organisation().chain()));
        }
    }

    @Test
    void crlDownloadedOnceAndCached() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger();
        byte[] crl = pki.crls().get(0).getEncoded();
        server.createContext("/ca.crl", ex -> {
            downloads.incrementAndGet();
            ex.sendResponseHeaders(200, crl.length);
            try (var out = ex.getResponseBody()) {
                out.write(crl);
            }
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crl");
            CertificateValidator v = CertificateValidator.builder().trustAnchors(pki.trustAnchors()).clock(NOW).ocsp(false)
                    .crl(pki.crls().get(1)).crlDistributionPoint(url).build();
            assertTrue(v.validate(pki.oces3Organisation().chain()).trusted());
            assertEquals("certificate.revoked", reason(v, pki.revoked().chain()));
            assertEquals(1, downloads.get(), "the CRL is cached until its nextUpdate");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void pssWithSha1IsRefusedUnlessAllowed() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair caKeys = g.generateKeyPair();
        java.security.KeyPair leafKeys = g.generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name caName = new org.bouncycastle.asn1.x500.X500Name("CN=PSS CA");
        java.util.Date from = java.util.Date.from(Instant.parse("2026-01-01T00:00:00Z"));
        java.util.Date to = java.util.Date.from(Instant.parse("2030-01-01T00:00:00Z"));
        var caCert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(caName, java.math.BigInteger.ONE, from, to, caName,
                        caKeys.getPublic())
                        .addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                                new org.bouncycastle.asn1.x509.BasicConstraints(true))
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
        var leaf = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(caName, java.math.BigInteger.TWO, from, to,
                        new org.bouncycastle.asn1.x500.X500Name("CN=leaf"), leafKeys.getPublic())
                        .addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                                new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature))
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA1withRSAandMGF1")
                                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(caKeys.getPrivate())));
        CertificateValidator.Builder b = CertificateValidator.builder().trustAnchor(caCert).clock(NOW).revocationChecking(false);
        assertEquals("certificate.algorithm", reason(b.build(), List.of(leaf)));
        assertTrue(b.algorithmPolicy(AlgorithmPolicy.builder().allowSha1().build()).build().validate(leaf).trusted());
    }

    @Test
    void sha1CertificatesNeedOptIn() {
        AlgorithmPolicy p = AlgorithmPolicy.defaults();
        assertFalse(p.allowsCertificateSignature("SHA1withRSA"));
        assertTrue(AlgorithmPolicy.builder().allowSha1().build().allowsCertificateSignature("SHA1withRSA"));
        assertTrue(p.allowsCertificateSignature("RSASSA-PSS"));
    }

    private static String reason(CertificateValidator v, List<java.security.cert.X509Certificate> chain) {
        CertificateReport r = v.validate(chain);
        assertFalse(r.trusted(), "expected a refusal");
        return r.problems().get(0).reason();
    }
}
