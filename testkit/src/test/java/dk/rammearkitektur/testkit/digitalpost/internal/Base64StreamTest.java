package dk.rammearkitektur.testkit.digitalpost.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Base64StreamTest {

    private static Base64Stream decode(String text, int chunk, long keep) {
        Base64Stream s = new Base64Stream(keep);
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i += chunk) {
            s.feed(chars, i, Math.min(chunk, chars.length - i));
        }
        return s;
    }

    @Property(tries = 1000)
    void decodesWhatTheJdkEncodesInAnyChunking(@ForAll @Size(max = 600) byte[] data,
            @ForAll @IntRange(min = 1, max = 77) int chunk, @ForAll boolean mime) throws Exception {
        String text = mime ? Base64.getMimeEncoder().encodeToString(data) : Base64.getEncoder().encodeToString(data);
        Base64Stream s = decode(text, chunk, Long.MAX_VALUE);
        assertNull(s.finish(), text);
        assertEquals(data.length, s.size());
        assertArrayEquals(data, s.bytesIfComplete());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), s.sha256());
    }

    @Property(tries = 300)
    void keepsOnlyUpToTheLimit(@ForAll @Size(min = 1, max = 300) byte[] data, @ForAll @IntRange(min = 0, max = 299) int keep) {
        Base64Stream s = decode(Base64.getEncoder().encodeToString(data), 5, keep);
        assertNull(s.finish());
        assertEquals(data.length, s.size());
        if (data.length <= keep) {
            assertArrayEquals(data, s.bytesIfComplete());
        } else {
            assertNull(s.bytesIfComplete());
        }
    }

    @Property(tries = 500)
    void neverAcceptsWhatTheJdkRefuses(@ForAll @Size(max = 12) String text) {
        boolean jdk;
        try {
            Base64.getMimeDecoder().decode(text);
            jdk = text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '='
                    || c == ' ' || c == '\n' || c == '\r' || c == '\t'));
            jdk = jdk && text.replaceAll("[\\s]", "").length() % 4 == 0;
        } catch (IllegalArgumentException e) {
            jdk = false;
        }
        Base64Stream s = decode(text, 3, 100);
        if (!jdk) {
            assertNotNull(s.finish(), "accepted " + text);
        }
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals("character outside the Base64 alphabet", decode("AB@C", 4, 10).finish());
        assertEquals("data after padding", decode("AB==AAAA", 4, 10).finish());
        assertEquals("misplaced padding", decode("A===", 4, 10).finish());
        assertEquals("length is not a multiple of 4", decode("ABCDE", 4, 10).finish());
    }
}
