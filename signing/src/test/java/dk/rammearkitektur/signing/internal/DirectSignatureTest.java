package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A DigestValue matches exactly when Santuario's MIME Base64 decoding of it gives the computed digest. */
class DirectSignatureTest {
    @Property(tries = 500)
    void plainBase64OfTheDigestMatches(@ForAll @Size(max = 70) byte[] digest) {
        assertTrue(DirectSignature.digestMatches(Base64.getEncoder().encodeToString(digest), digest));
    }

    @Property(tries = 500)
    void lineBrokenBase64OfTheDigestMatches(@ForAll @Size(min = 1, max = 70) byte[] digest,
            @ForAll @IntRange(min = 1, max = 20) int every) {
        String plain = Base64.getEncoder().encodeToString(digest);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            b.append(plain.charAt(i));
            if (i % (4 * every) == 4 * every - 1) { // whole quanta per line, as signers break them
                b.append("\r\n");
            }
        }
        assertTrue(DirectSignature.digestMatches(b.toString(), digest));
    }

    @Property(tries = 1000)
    void anEditedTextMatchesExactlyWhenItStillDecodesToTheDigest(@ForAll @Size(min = 1, max = 48) byte[] digest,
            @ForAll @IntRange(min = 0, max = 1000) int at, @ForAll @CharRange(from = ' ', to = '~') char c) {
        char[] text = Base64.getEncoder().encodeToString(digest).toCharArray();
        text[at % text.length] = c;
        String edited = new String(text);
        boolean santuario;
        try {
            santuario = MessageDigest.isEqual(Base64.getMimeDecoder().decode(edited), digest);
        } catch (IllegalArgumentException e) {
            santuario = false;
        }
        boolean matches;
        try {
            matches = DirectSignature.digestMatches(edited, digest);
        } catch (IllegalArgumentException e) {
            matches = false;
        }
        assertEquals(santuario, matches, edited);
    }

    @Test
    void anotherDigestOrPaddingDoesNotMatch() {
        byte[] digest = {1, 2, 3, 4, 5};
        assertFalse(DirectSignature.digestMatches(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 6}), digest));
        assertFalse(DirectSignature.digestMatches(Base64.getEncoder().withoutPadding().encodeToString(new byte[] {1, 2, 3, 4}), digest));
        assertTrue(DirectSignature.digestMatches("AQID BAU=", digest), "MIME decoding skips the space");
    }
}
