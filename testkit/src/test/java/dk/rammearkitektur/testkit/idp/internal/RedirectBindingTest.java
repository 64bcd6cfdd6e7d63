package dk.rammearkitektur.testkit.idp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RedirectBindingTest {
    private static final TestIdentity SIGNER = TestPki.generateFast(2020).oces3Organisation();
    private static final TestIdentity OTHER = TestPki.generateFast(2020).oces3OtherOrganisation();

    @Property(tries = 300)
    void deflateThenInflateGivesTheTextBack(@ForAll @StringLength(max = 2000) String text) {
        byte[] back = RedirectBinding.inflate("SAMLRequest", RedirectBinding.deflate(text));
        assertEquals(text, new String(back, StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void arbitraryBytesInflateOrGiveATypedRefusalNamingTheField(@ForAll @Size(max = 300) byte[] junk) {
        String b64 = Base64.getEncoder().encodeToString(junk);
        try {
            RedirectBinding.inflate("SAMLRequest", b64);
        } catch (ValidationException e) {
            assertEquals("SAMLRequest", e.violations().get(0).path());
        }
    }

    @Property(tries = 300)
    void arbitraryQueriesSplitOrGiveATypedRefusal(@ForAll @StringLength(max = 200) String query) {
        try {
            Map<String, String> raw = RedirectBinding.rawParameters(query);
            for (String v : raw.values()) {
                RedirectBinding.decode(v);
            }
        } catch (ValidationException e) {
            assertTrue(e.getMessage().contains("query"), e.getMessage());
        }
    }

    @Property(tries = 20)
    void signedQueryVerifiesAndAnyChangedRelayStateDoesNot(@ForAll @StringLength(min = 1, max = 80) String relay,
            @ForAll boolean pss) {
        String alg = pss ? Saml.RSA_SHA256_MGF1 : Saml.RSA_SHA256;
        String q = RedirectBinding.signedQuery("SAMLRequest", "<x/>", relay, SIGNER.privateKey(), alg);
        Map<String, String> raw = RedirectBinding.rawParameters(q);
        assertEquals(RedirectBinding.Check.VALID, RedirectBinding.verify(raw, "SAMLRequest", SIGNER.certificate().getPublicKey()));
        assertEquals(RedirectBinding.Check.INVALID, RedirectBinding.verify(raw, "SAMLRequest", OTHER.certificate().getPublicKey()));
        raw.put("RelayState", RedirectBinding.encode(relay + "x"));
        assertEquals(RedirectBinding.Check.INVALID, RedirectBinding.verify(raw, "SAMLRequest", SIGNER.certificate().getPublicKey()));
    }

    @Test
    void unsignedAndSha1AreNotValid() {
        Map<String, String> raw = RedirectBinding.rawParameters("SAMLRequest=abc");
        assertEquals(RedirectBinding.Check.UNSIGNED, RedirectBinding.verify(raw, "SAMLRequest", SIGNER.certificate().getPublicKey()));
        raw = RedirectBinding.rawParameters("SAMLRequest=abc&SigAlg="
                + RedirectBinding.encode("http://www.w3.org/2000/09/xmldsig#rsa-sha1") + "&Signature=AAAA");
        assertEquals(RedirectBinding.Check.UNSUPPORTED_ALGORITHM,
                RedirectBinding.verify(raw, "SAMLRequest", SIGNER.certificate().getPublicKey()));
    }

    @Test
    void repeatedParametersAndBombsAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> RedirectBinding.rawParameters("SAMLRequest=a&SAMLRequest=b"));
        assertTrue(e.getMessage().contains("query.SAMLRequest"), e.getMessage());
        String bomb = RedirectBinding.deflate("a".repeat(RedirectBinding.MAX_INFLATED + 10));
        e = assertThrows(ValidationException.class, () -> RedirectBinding.inflate("SAMLRequest", bomb));
        assertTrue(e.getMessage().contains("inflates to more than"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> RedirectBinding.inflate("SAMLRequest", "%%%"));
        assertTrue(e.getMessage().contains("base64"), e.getMessage());
    }
}
