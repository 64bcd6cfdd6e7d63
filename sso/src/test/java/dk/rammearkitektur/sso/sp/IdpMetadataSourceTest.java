package dk.rammearkitektur.sso.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.Professional;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The refreshing metadata source against a loopback HTTPS server, with a clock the test moves. */
class IdpMetadataSourceTest {
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final TestIdp.Credential METADATA_SIGNER = TestIdp.Credential.generate("CN=Test federation metadata");
    private static final TestIdp.Credential NEXT = TestIdp.Credential.generate("CN=Test IdP next signing");
    private static final TestIdp.Credential TLS = TestIdp.Credential.generate("CN=127.0.0.1");
    private static final X509Certificate TLS_CERT = tlsCertificate();

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final LogoutTest.MovableClock clock = new LogoutTest.MovableClock(start);
    private final AtomicInteger hits = new AtomicInteger();
    private volatile byte[] body;
    private volatile int status = 200;
    private HttpsServer server;
    private final List<SsoRefusedException> failures = new ArrayList<>();

    static {
        org.apache.xml.security.Init.init();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls()));
        server.createContext("/metadata", ex -> {
            try (ex) {
                hits.incrementAndGet();
                byte[] b = body;
                ex.sendResponseHeaders(status, b.length);
                ex.getResponseBody().write(b);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/metadata");
    }

    private IdpMetadataSource.Builder source() throws Exception {
        return IdpMetadataSource.builder(url()).trust(SignatureTrust.pinned(METADATA_SIGNER.certificate()))
                .sslContext(clientTls()).refreshInterval(Duration.ofHours(1)).retryInterval(Duration.ofMinutes(5))
                .timeout(Duration.ofSeconds(5)).clock(clock).onFailure(failures::add);
    }

    @Test
    void refreshesAfterTheIntervalAndPicksUpARolledOverKey() throws Exception {
        body = metadata(METADATA_SIGNER, null, null, TestIdp.IDP);
        IdpMetadataSource s = source().build();
        assertEquals(List.of(TestIdp.IDP.certificate()), s.current().signingCertificates());
        clock.advance(Duration.ofMinutes(59));
        body = metadata(METADATA_SIGNER, null, null, TestIdp.IDP, NEXT);
        assertEquals(1, s.current().signingCertificates().size());
        assertEquals(1, hits.get());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(TestIdp.IDP.certificate(), NEXT.certificate()), s.current().signingCertificates());
        assertEquals(2, hits.get());
        assertTrue(s.lastError().isEmpty());
    }

    @Test
    void aShorterCacheDurationWins() throws Exception {
        body = metadata(METADATA_SIGNER, null, "PT10M", TestIdp.IDP);
        IdpMetadataSource s = source().build();
        clock.advance(Duration.ofMinutes(10));
        s.current();
        assertEquals(2, hits.get());
    }

    @Test
    void badMetadataIsRefusedTheLastGoodKeptAndRetriesAreBounded() throws Exception {
        body = metadata(METADATA_SIGNER, null, null, TestIdp.IDP);
        IdpMetadataSource s = source().build();
        List<byte[]> bad = List.of(metadata(null, null, null, NEXT), metadata(TestIdp.STRANGER, null, null, NEXT),
                metadata(METADATA_SIGNER, start.plus(Duration.ofMinutes(30)), null, NEXT),
                "<not-xml".getBytes(StandardCharsets.UTF_8));
        List<String> messages = List.of("Signature: must occur exactly once", "Signature", "validUntil", "EntityDescriptor");
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < bad.size(); i++) {
            body = bad.get(i);
            int before = hits.get();
            for (int call = 0; call < 50; call++) {
                assertEquals(List.of(TestIdp.IDP.certificate()), s.current().signingCertificates());
            }
            assertEquals(before + 1, hits.get(), "one fetch per retry interval, however many calls");
            SsoRefusedException e = s.lastError().orElseThrow();
            assertEquals(SsoRefusedException.METADATA, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains(messages.get(i)), e.getMessage());
            assertEquals(e, failures.get(failures.size() - 1));
            clock.advance(Duration.ofMinutes(5));
        }
        assertEquals(bad.size(), failures.size());
        body = metadata(METADATA_SIGNER, null, null, NEXT);
        assertEquals(List.of(NEXT.certificate()), s.current().signingCertificates());
        assertTrue(s.lastError().isEmpty());
    }

    @Test
    void anHttpErrorKeepsTheLastGood() throws Exception {
        body = metadata(METADATA_SIGNER, null, null, TestIdp.IDP);
        IdpMetadataSource s = source().build();
        status = 500;
        assertTrue(!s.refresh());
        assertTrue(s.lastError().orElseThrow().getMessage().contains("HTTP status 500"));
        assertEquals(TestIdp.IDP.certificate(), s.current().signingCertificates().get(0));
    }

    @Test
    void lastGoodMetadataPastItsValidUntilIsRefused() throws Exception {
        body = metadata(METADATA_SIGNER, start.plus(Duration.ofMinutes(90)), null, TestIdp.IDP);
        IdpMetadataSource s = source().build();
        body = metadata(null, null, null, TestIdp.IDP);
        clock.advance(Duration.ofMinutes(90));
        SsoRefusedException e = assertThrows(SsoRefusedException.class, s::current);
        assertEquals(SsoRefusedException.METADATA, e.reason());
        assertTrue(e.getMessage().contains("validUntil"), e.getMessage());
    }

    @Test
    void theFirstFetchMustSucceedAndConfigurationIsChecked() throws Exception {
        body = metadata(null, null, null, TestIdp.IDP);
        assertEquals(SsoRefusedException.METADATA, assertThrows(SsoRefusedException.class, () -> source().build())
                .reason());
        assertThrows(ValidationException.class, () -> IdpMetadataSource.builder(URI.create("http://127.0.0.1/md")));
        assertThrows(ValidationException.class, () -> IdpMetadataSource.builder(url()).build());
        assertThrows(ValidationException.class, () -> source().retryInterval(Duration.ofHours(2)).build());
        IdpMetadataSource unsigned = IdpMetadataSource.builder(() -> body).withoutSignatureCheck().build();
        assertEquals(TestIdp.IDP_ENTITY, unsigned.current().entityId());
    }

    @Test
    void serviceProviderFollowsAnIdpKeyRolloverAtOnceAndAtMostOncePerRetryInterval() throws Exception {
        body = metadata(METADATA_SIGNER, null, null, TestIdp.IDP);
        IdpMetadataSource s = source().build();
        ServiceProvider sp = ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .singleLogoutService(TestLogoutIdp.SLO).signingCredential(TestIdp.SP.toSigning())
                .decryptionCredential(TestIdp.SP.toSigning()).idp(s).profile(SsoProfile.contextHandlerNsisTest())
                .clock(clock).build();
        clock.advance(Duration.ofMinutes(6));
        body = metadata(METADATA_SIGNER, null, null, TestIdp.IDP, NEXT);
        TestLogoutIdp first = new TestLogoutIdp(clock.instant());
        first.signer = NEXT;
        assertEquals(first.id, sp.consumeLogoutRequest(first.redirect("SAMLRequest", first.request())).requestId());
        assertEquals(2, hits.get());
        // the login path uses the same keys: an assertion signed with the new key
        LoginRedirect r = sp.authnRequest(LoginOptions.defaults());
        TestIdp idp = new TestIdp(r.pending().id(), clock.instant());
        idp.nameId = Identities.PROFESSIONAL_NAME_ID_PREFIX + "1b3f7e2a-55c1-4c8e-9d1b-2f0e4a6b8c91";
        idp.attributes = ServiceProviderTest.nsisProfessional();
        idp.signer = NEXT;
        assertInstanceOf(Professional.class, sp.consume(idp.samlResponse(), r.pending().relayState()).identity());
        // a stranger's signature makes one more fetch, then none within the retry interval
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            TestLogoutIdp forged = new TestLogoutIdp(clock.instant());
            forged.signer = TestIdp.STRANGER;
            String q = forged.redirect("SAMLRequest", forged.request());
            assertEquals(SsoRefusedException.QUERY_SIGNATURE,
                    assertThrows(SsoRefusedException.class, () -> sp.consumeLogoutRequest(q)).reason());
        }
        assertEquals(3, hits.get());
        assertFalse(s.refreshForNewKey());
        assertEquals(3, hits.get());
    }

    // ---- the federation's side: metadata documents, TLS ----

    static byte[] metadata(TestIdp.Credential signer, Instant validUntil, String cacheDuration,
            TestIdp.Credential... keys) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().newDocument();
        Element ed = doc.createElementNS(MD, "md:EntityDescriptor");
        ed.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:md", MD);
        ed.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", "http://www.w3.org/2000/09/xmldsig#");
        ed.setAttribute("entityID", TestIdp.IDP_ENTITY);
        ed.setAttribute("ID", "_md" + System.nanoTime());
        ed.setIdAttribute("ID", true);
        if (validUntil != null) {
            ed.setAttribute("validUntil", validUntil.toString());
        }
        if (cacheDuration != null) {
            ed.setAttribute("cacheDuration", cacheDuration);
        }
        doc.appendChild(ed);
        Element idp = doc.createElementNS(MD, "md:IDPSSODescriptor");
        idp.setAttribute("WantAuthnRequestsSigned", "true");
        idp.setAttribute("protocolSupportEnumeration", TestIdp.SAMLP);
        ed.appendChild(idp);
        for (TestIdp.Credential k : keys) {
            Element kd = doc.createElementNS(MD, "md:KeyDescriptor");
            kd.setAttribute("use", "signing");
            Element ki = doc.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:KeyInfo");
            Element xd = doc.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:X509Data");
            Element xc = doc.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:X509Certificate");
            xc.setTextContent(Base64.getEncoder().encodeToString(k.certificate().getEncoded()));
            xd.appendChild(xc);
            ki.appendChild(xd);
            kd.appendChild(ki);
            idp.appendChild(kd);
        }
        for (String[] e : new String[][] {{"SingleLogoutService", TestLogoutIdp.IDP_SLO}, {"SingleSignOnService", TestIdp.SSO_URL}}) {
            Element sso = doc.createElementNS(MD, "md:" + e[0]);
            sso.setAttribute("Binding", IdpMetadata.REDIRECT);
            sso.setAttribute("Location", e[1]);
            idp.appendChild(sso);
        }
        if (signer != null) {
            XMLSignature sig = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            ed.insertBefore(sig.getElement(), idp);
            Transforms t = new Transforms(doc);
            t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            sig.addDocument("#" + ed.getAttribute("ID"), t, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            sig.addKeyInfo(signer.certificate());
            sig.sign(signer.keys().getPrivate());
        }
        return TestIdp.serialize(doc).getBytes(StandardCharsets.UTF_8);
    }

    private static X509Certificate tlsCertificate() {
        try {
            Instant now = Instant.now();
            var b = new JcaX509v3CertificateBuilder(new X500Name("CN=127.0.0.1"), BigInteger.TWO,
                    Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), new X500Name("CN=127.0.0.1"),
                    TLS.keys().getPublic());
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(TLS.keys().getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext serverTls() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", TLS.keys().getPrivate(), "pw".toCharArray(), new X509Certificate[] {TLS_CERT});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    private static SSLContext clientTls() throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("anchor", TLS_CERT);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, tmf.getTrustManagers(), null);
        return c;
    }
}
