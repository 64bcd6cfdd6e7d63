package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A thread's verification engine is reused, and each use starts from its own initVerify. */
class EnginesTest {

    @Test
    void aThreadReusesItsVerifierAndAnAbandonedUseLeavesNothingBehind() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair alice = g.generateKeyPair();
        KeyPair bob = g.generateKeyPair();
        byte[] message = "signed info".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(alice.getPrivate());
        signer.update(message);
        byte[] byAlice = signer.sign();

        Signature v = Engines.verifier(SignatureAlgorithm.RSA_SHA256);
        assertSame(v, Engines.verifier(SignatureAlgorithm.RSA_SHA256));
        v.initVerify(bob.getPublic());
        v.update("left half-way".getBytes(StandardCharsets.UTF_8)); // an abandoned verification

        Signature again = Engines.verifier(SignatureAlgorithm.RSA_SHA256);
        again.initVerify(alice.getPublic());
        again.update(message);
        assertTrue(again.verify(byAlice), "the abandoned update is gone after initVerify");
        again.initVerify(bob.getPublic());
        again.update(message);
        assertFalse(again.verify(byAlice), "the key is the one given last");

        Signature other = CompletableFuture.supplyAsync(() -> {
            try {
                return Engines.verifier(SignatureAlgorithm.RSA_SHA256);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        assertNotSame(v, other, "one engine per thread");
    }
}
