package dk.rammearkitektur.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.pki.TestPki;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class AlgorithmPolicyTest {
    private final AlgorithmPolicy defaults = AlgorithmPolicy.defaults();

    @Test
    void defaultsAreTheSha256Family() {
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            assertEquals(a != SignatureAlgorithm.RSA_SHA1, defaults.allowsSignatureMethod(a.uri()), a.name());
        }
        assertTrue(defaults.allowsDigestMethod(DigestAlgorithm.SHA256.uri()));
        assertFalse(defaults.allowsDigestMethod(DigestAlgorithm.SHA1.uri()));
        assertFalse(defaults.allowsDigestMethod("http://www.w3.org/2001/04/xmldsig-more#md5"));
        assertFalse(defaults.allowsSignatureMethod("http://www.w3.org/2000/09/xmldsig#hmac-sha1"));
        assertFalse(defaults.allowsSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"));
        assertTrue(defaults.allowsCanonicalization(AlgorithmPolicy.EXC_C14N));
        assertFalse(defaults.allowsCanonicalization(AlgorithmPolicy.C14N));
        assertTrue(defaults.allowsTransform(AlgorithmPolicy.ENVELOPED));
        assertFalse(defaults.allowsTransform(AlgorithmPolicy.XPATH));
        assertFalse(defaults.allowsTransform("http://www.w3.org/TR/1999/REC-xslt-19991116"));
        assertFalse(defaults.allowsSignatureMethod(null));
    }

    @Test
    void optIns() {
        AlgorithmPolicy legacy = AlgorithmPolicy.builder().allowSha1().allowInclusiveCanonicalization()
                .allowXPathTransforms().build();
        assertTrue(legacy.sha1Allowed());
        assertTrue(legacy.allowsSignatureMethod(SignatureAlgorithm.RSA_SHA1.uri()));
        assertTrue(legacy.allowsCanonicalization(AlgorithmPolicy.C14N));
        assertTrue(legacy.allowsTransform(AlgorithmPolicy.XPATH2));
        assertFalse(legacy.allowsTransform("http://www.w3.org/TR/1999/REC-xslt-19991116"), "XSLT is never allowed");
        assertFalse(defaults.sha1Allowed(), "defaults are not changed by a builder");
    }

    @Test
    void restrictToOneMethod() {
        AlgorithmPolicy only512 = AlgorithmPolicy.builder().signatureMethods(SignatureAlgorithm.RSA_SHA512).build();
        assertFalse(only512.allowsSignatureMethod(SignatureAlgorithm.RSA_SHA256.uri()));
        assertEquals("signature.algorithm-refused", assertThrows(SignatureException.class,
                () -> only512.checkSignatureMethod(SignatureAlgorithm.RSA_SHA256.uri())).reason());
        assertThrows(IllegalArgumentException.class,
                () -> AlgorithmPolicy.builder().signatureMethods(SignatureAlgorithm.RSA_SHA1));
    }

    @Test
    void shortKeysAreRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        var weak = g.generateKeyPair().getPublic();
        assertEquals("signature.algorithm-refused", assertThrows(SignatureException.class, () -> defaults.checkKey(weak)).reason());
        AlgorithmPolicy.builder().minimumRsaKeyBits(1024).build().checkKey(weak);
        defaults.checkKey(TestPki.generateFast(1).oces3Organisation().certificate().getPublicKey());
    }
}
