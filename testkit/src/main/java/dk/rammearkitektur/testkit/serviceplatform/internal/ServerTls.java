package dk.rammearkitektur.testkit.serviceplatform.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's own TLS server identity: a small CA ("Rammearkitektur Simulator TLS CA") and a server certificate
 * for {@code localhost} / {@code 127.0.0.1}, and the simulated STS's token-signing certificate (self-signed, to be
 * pinned by clients). Made once per JVM (RSA 2048) and cached.
 *
 * @param ca the CA certificate clients must trust
 * @param serverCertificate the server certificate
 * @param serverKeys the server key pair
 * @param stsCertificate the STS's signing certificate
 * @param stsKeys the STS's signing key pair
 */
public record ServerTls(X509Certificate ca, X509Certificate serverCertificate, KeyPair serverKeys,
        X509Certificate stsCertificate, KeyPair stsKeys) {
    private static volatile ServerTls shared;

    /** The shared server identity, created on first use. */
    public static ServerTls shared() {
        ServerTls s = shared;
        if (s == null) {
            synchronized (ServerTls.class) {
                if (shared == null) {
                    shared = create();
                }
                s = shared;
            }
        }
        return s;
    }

    private static ServerTls create() {
        try {
            KeyPair caKeys = rsaKeyPair();
            KeyPair serverKeys = rsaKeyPair();
            Instant now = Instant.now();
            Date from = Date.from(now.minusSeconds(86_400L * 2));
            Date to = Date.from(now.plusSeconds(86_400L * 3650));
            X500Name caName = new X500Name("CN=Rammearkitektur Simulator TLS CA, O=rammearkitektur-java test, C=DK");
            var caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(now.toEpochMilli()), from, to,
                    caName, caKeys.getPublic());
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate());
            X509Certificate ca = new JcaX509CertificateConverter().getCertificate(caBuilder.build(signer));
            var sb = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(now.toEpochMilli() + 1), from, to,
                    new X500Name("CN=localhost, O=rammearkitektur-java simulator, C=DK"), serverKeys.getPublic());
            sb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            }));
            sb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            sb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate server = new JcaX509CertificateConverter().getCertificate(sb.build(signer));
            KeyPair stsKeys = rsaKeyPair();
            X509Certificate sts = selfSignedSigning(stsKeys, "Rammearkitektur Simulator STS", now.toEpochMilli() + 2,
                    from, to);
            return new ServerTls(ca, server, serverKeys, sts, stsKeys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the simulator's TLS identity", e);
        }
    }

    /** A new RSA 2048 key pair. */
    public static KeyPair rsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new SecureRandom());
        return g.generateKeyPair();
    }

    /**
     * A certificate of {@code keys} for digital signatures only, self-signed (SHA256withRSA) by
     * {@code CN=<commonName>, O=rammearkitektur-java test, C=DK}, with this serial number and validity.
     */
    public static X509Certificate selfSignedSigning(KeyPair keys, String commonName, long serial, Date from, Date to)
            throws GeneralSecurityException, CertIOException, OperatorCreationException {
        X500Name name = new X500Name("CN=" + commonName + ", O=rammearkitektur-java test, C=DK");
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial), from, to, name, keys.getPublic());
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /** A server SSL context presenting the server certificate and trusting {@code clientAnchors} for client auth. */
    public SSLContext sslContext(Collection<X509Certificate> clientAnchors) {
        try {
            char[] pw = "simulator".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKeys.getPrivate(), pw, new X509Certificate[] {serverCertificate, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            int i = 0;
            for (X509Certificate c : clientAnchors) {
                ts.setCertificateEntry("anchor" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the simulator's SSL context", e);
        }
    }
}
