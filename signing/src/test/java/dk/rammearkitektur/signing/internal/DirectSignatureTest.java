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
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * A DigestValue matches exactly when Santuario's MIME Base64 decoding of it gives the computed digest, and a
 * SignatureValue decodes to what that decoding gives.
 */
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

    @Property(tries = 1000)
    void onlyTheEncodersOwnTextIsPlainBase64OfTheBytes(@ForAll @Size(max = 70) byte[] bytes,
            @ForAll @StringLength(max = 100) @CharRange(from = ' ', to = '~') String other) {
        String own = Base64.getEncoder().encodeToString(bytes);
        assertTrue(DirectSignature.isPlainBase64Of(own, bytes), own);
        assertEquals(other.equals(own), DirectSignature.isPlainBase64Of(other, bytes), other);
    }

    @Property(tries = 500)
    void textAfterTheEncodingIsNotPlainBase64OfTheBytes(@ForAll @Size(max = 70) byte[] bytes,
            @ForAll @StringLength(min = 1, max = 8) @CharRange(from = ' ', to = '~') String more) {
        String own = Base64.getEncoder().encodeToString(bytes);
        assertFalse(DirectSignature.isPlainBase64Of(own + more, bytes), own + more);
        assertFalse(DirectSignature.isPlainBase64Of(more + own, bytes), more + own);
    }

    @Property(tries = 1000)
    void aOneCharEditIsNotPlainBase64OfTheBytes(@ForAll @Size(min = 1, max = 70) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 1000) int at, @ForAll @CharRange(from = ' ', to = '~') char c) {
        char[] text = Base64.getEncoder().encodeToString(bytes).toCharArray();
        boolean same = text[at % text.length] == c;
        text[at % text.length] = c;
        assertEquals(same, DirectSignature.isPlainBase64Of(new String(text), bytes));
    }

    @Property(tries = 1000)
    void aSignatureValueDecodesAsTheMimeDecoderDecodesIt(@ForAll @Size(max = 300) byte[] value,
            @ForAll @IntRange(min = 0, max = 1000) int at, @ForAll @CharRange(from = 0, to = 0x7F) char c,
            @ForAll @IntRange(min = 0, max = 3) int edit) {
        StringBuilder text = new StringBuilder(Base64.getEncoder().encodeToString(value));
        int i = text.length() == 0 ? 0 : at % text.length();
        switch (edit) {
            case 1 -> text.insert(i, c);
            case 2 -> {
                if (text.length() > 0) {
                    text.setCharAt(i, c);
                }
            }
            case 3 -> text.insert(i, "\r\n");
            default -> {
            }
        }
        String edited = text.toString();
        byte[] mime;
        try {
            mime = Base64.getMimeDecoder().decode(edited);
        } catch (IllegalArgumentException e) {
            mime = null;
        }
        byte[] ours;
        try {
            ours = DirectSignature.decodeAsSantuario(edited);
        } catch (IllegalArgumentException e) {
            ours = null;
        }
        assertEquals(mime == null ? null : Base64.getEncoder().encodeToString(mime),
                ours == null ? null : Base64.getEncoder().encodeToString(ours), edited);
    }
}
