package dk.rammearkitektur.testkit.idp.internal;

import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import java.security.KeyPair;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

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
            KeyPair kp = ServerTls.rsaKeyPair();
            Instant now = Instant.now();
            X509Certificate c = ServerTls.selfSignedSigning(kp, commonName, now.toEpochMilli(),
                    Date.from(now.minusSeconds(86_400L)), Date.from(now.plusSeconds(86_400L * 3650)));
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
