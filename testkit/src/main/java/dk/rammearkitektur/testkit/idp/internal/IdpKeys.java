package dk.rammearkitektur.testkit.idp.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-issued signing key and certificate (RSA 2048, ten years) for the simulator's metadata and assertions: the
 * real Context Handler uses OCES3, the simulator makes its own so the SP under test pins whatever the metadata says.
 *
 * @param keys the key pair
 * @param certificate the self-signed certificate
 */
public record IdpKeys(KeyPair keys, X509Certificate certificate) {
    /** Makes a new key and certificate with this common name. */
    public static IdpKeys generate(String commonName) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new SecureRandom());
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=" + commonName + ", O=rammearkitektur-java test, C=DK");
            var b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(86_400L)), Date.from(now.plusSeconds(86_400L * 3650)), name, kp.getPublic());
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            X509Certificate c = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
            return new IdpKeys(kp, c);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the simulator's signing key", e);
        }
    }

    /**
     * Makes sure a provider of {@code SHA256withRSAandMGF1} (the JCE name Santuario maps RSASSA-PSS to) is installed:
     * adds Bouncy Castle at the end of the provider list when no provider has it.
     */
    public static void ensurePssProvider() {
        synchronized (IdpKeys.class) {
            if (Security.getProviders("Signature.SHA256withRSAandMGF1") == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
        }
    }
}
