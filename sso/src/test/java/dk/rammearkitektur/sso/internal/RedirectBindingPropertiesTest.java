package dk.rammearkitektur.sso.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

class RedirectBindingPropertiesTest {
    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER = keys();
    private static final X509Certificate CERT = certificate(KEYS);
    private static final X509Certificate OTHER_CERT = certificate(OTHER);
    private static final SigningCredential CREDENTIAL = SigningCredential.of(KEYS.getPrivate(), List.of(CERT));

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(KeyPair kp) {
        try {
            Instant now = Instant.now();
            var b = new JcaX509v3CertificateBuilder(new X500Name("CN=redirect"), BigInteger.TEN,
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), new X500Name("CN=redirect"),
                    kp.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> relayStates() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('æ', 'ø', 'å', '&', '=', '+', '%', '#')
                .ofMinLength(1).ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(2000).map(s -> "<m>" + s.replace("<", "&lt;")
                .replace("&", "&amp;") + "</m>");
    }

    @Property(tries = 200)
    void deflateRoundTrip(@ForAll("messages") String message) {
        assertEquals(message, RedirectBinding.inflateBase64(RedirectBinding.deflateBase64(message)));
    }

    @Property(tries = 60)
    void signedQueryVerifiesAndAnyChangedRelayStateDoesNot(@ForAll("relayStates") String relayState,
            @ForAll boolean pss) {
        SignatureAlgorithm alg = pss ? SignatureAlgorithm.RSA_PSS_SHA256 : SignatureAlgorithm.RSA_SHA256;
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\"/>";
        String url = RedirectBinding.signedUrl("https://idp.example/sso", "SAMLRequest", xml, relayState, CREDENTIAL, alg);
        String query = url.substring(url.indexOf('?') + 1);
        assertEquals(xml, RedirectBinding.verify(query, "SAMLRequest", List.of(OTHER_CERT, CERT)));
        assertEquals(SsoRefusedException.QUERY_SIGNATURE, assertThrows(SsoRefusedException.class,
                () -> RedirectBinding.verify(query, "SAMLRequest", List.of(OTHER_CERT))).reason());
        String changed = query.replace("RelayState=" + RedirectBinding.urlEncode(relayState),
                "RelayState=" + RedirectBinding.urlEncode(relayState + "x"));
        assertEquals(SsoRefusedException.QUERY_SIGNATURE, assertThrows(SsoRefusedException.class,
                () -> RedirectBinding.verify(changed, "SAMLRequest", List.of(CERT))).reason());
    }

    @Property(tries = 100)
    void garbageIsRefusedTyped(@ForAll("relayStates") String junk) {
        // first byte 0x07: a final block of the reserved type 11, so no junk after it can be a valid raw DEFLATE
        // stream (arbitrary bytes can be one: "KX0\"" inflates without error)
        byte[] bytes = ("\u0007" + junk).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        SsoRefusedException e = assertThrows(SsoRefusedException.class,
                () -> RedirectBinding.inflateBase64(java.util.Base64.getEncoder().encodeToString(bytes)
                        + "\u0000"));
        assertEquals(SsoRefusedException.MALFORMED, e.reason());
    }
}
