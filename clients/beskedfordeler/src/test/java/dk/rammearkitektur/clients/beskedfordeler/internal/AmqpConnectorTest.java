package dk.rammearkitektur.clients.beskedfordeler.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.internal.IssuedToken;
import dk.rammearkitektur.core.Timeouts;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * A broker that takes the TLS connection and the AMQP header but never starts the connection (as RabbitMQ does when
 * the token exceeds its frame limit before connection.tune, closing without a word the client understands): the
 * handshake ends at the connect timeout, and the message says why a large token can cause it.
 */
class AmqpConnectorTest {

    /** A throw-away TLS identity for 127.0.0.1 (with the address as subject alternative name), trusted by itself. */
    private static SSLContext tls() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name,
                keys.getPublic()).addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        char[] pw = "test".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", keys.getPrivate(), pw, new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("self", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return c;
    }

    private static String timeoutMessage(int tokenBytes) throws Exception {
        SSLContext tls = tls();
        try (SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            Thread silent = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    InputStream in = s.getInputStream();
                    in.readNBytes(8);
                    Thread.sleep(5_000);
                } catch (Exception ignored) {
                    // the client gave up: what this broker is for
                }
            });
            silent.setDaemon(true);
            silent.start();
            AmqpConnector c = new AmqpConnector("127.0.0.1", server.getLocalPort(), "BF", tls,
                    Timeouts.of(Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(5)));
            IssuedToken token = new IssuedToken(null, Instant.now().plusSeconds(60),
                    "<t>" + "x".repeat(tokenBytes - 7) + "</t>");
            Exception e = assertThrows(Exception.class, () -> c.open(token, "test"));
            silent.interrupt();
            silent.join(10_000);
            return e instanceof TimeoutException ? e.getMessage() : "not a timeout: " + e;
        }
    }

    @Test
    void aLargeTokenIsNamedAsAPossibleCauseOfAHandshakeTimeout() throws Exception {
        String big = timeoutMessage(6_000);
        assertTrue(big.contains("did not complete within 800 ms") && big.contains("the token (6000 bytes)")
                && big.contains("initial_frame_max"), big);
        String small = timeoutMessage(500);
        assertTrue(small.contains("did not complete within 800 ms"), small);
        assertFalse(small.contains("initial_frame_max"), small);
    }
}
