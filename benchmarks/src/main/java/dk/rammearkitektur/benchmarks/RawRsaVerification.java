package dk.rammearkitektur.benchmarks;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import org.w3c.dom.Document;

/**
 * The baseline of the verification benchmarks: one raw RSA-2048 PKCS#1 v1.5 SHA-256 verification of
 * {@link SigningFixtures#baselineMessage} with the client's key, on one engine reused for every call.
 */
final class RawRsaVerification {
    private final PublicKey key = SigningFixtures.CLIENT.certificate().getPublicKey();
    private final Signature rsa;
    private final byte[] message;
    private final byte[] signature;

    /** Signs the baseline message of {@code signed} once, to verify over and over. */
    RawRsaVerification(Document signed) throws GeneralSecurityException {
        message = SigningFixtures.baselineMessage(signed);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(SigningFixtures.CLIENT.privateKey());
        s.update(message);
        signature = s.sign();
        rsa = Signature.getInstance("SHA256withRSA");
    }

    /** One verification; throws if the signature does not verify. */
    boolean verify() throws GeneralSecurityException {
        rsa.initVerify(key);
        rsa.update(message);
        if (!rsa.verify(signature)) {
            throw new IllegalStateException("raw signature does not verify");
        }
        return true;
    }
}
