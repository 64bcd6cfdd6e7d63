package dk.rammearkitektur.clients.digitalpost.memo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Base64DecodingPropertyTest {

    /** Feeds {@code text} in random pieces, as a streaming parser would report it. */
    static byte[] decode(String text, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Base64Decoding d = new Base64Decoding(out, "p");
        char[] chars = text.toCharArray();
        Random rnd = new Random(seed);
        int i = 0;
        while (i < chars.length) {
            int n = Math.min(chars.length - i, 1 + rnd.nextInt(rnd.nextBoolean() ? 7 : 70_000));
            char[] piece = new char[n + 10];
            System.arraycopy(chars, i, piece, 5, n);
            d.feed(piece, 5, n);
            i += n;
        }
        long decoded = d.finish();
        assertEquals(out.size(), decoded);
        return out.toByteArray();
    }

    @Property(tries = 300)
    void decodesWhateverTheEncoderWroteInAnyPieces(@ForAll @Size(max = 200_000) byte[] bytes, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int style) throws IOException {
        String text = switch (style) {
            case 0 -> Base64.getEncoder().encodeToString(bytes);
            case 1 -> Base64.getMimeEncoder().encodeToString(bytes);
            case 2 -> " \n" + Base64.getMimeEncoder(4, "\t \r\n".getBytes()).encodeToString(bytes) + "\n ";
            default -> Base64.getEncoder().encodeToString(bytes).replaceAll("(.{3})", "$1 ");
        };
        assertArrayEquals(bytes, decode(text, seed));
    }

    @Property(tries = 300)
    void refusesTextThatIsNotBase64(@ForAll @Size(min = 1, max = 2_000) byte[] bytes, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int damage) {
        String good = Base64.getEncoder().encodeToString(bytes);
        Random rnd = new Random(seed);
        int at = rnd.nextInt(good.length());
        String bad = switch (damage) {
            case 0 -> good.substring(0, at) + good.substring(at + 1);
            case 1 -> good.substring(0, at) + "*" + good.substring(at + 1);
            case 2 -> good.substring(0, at) + "\u00e6" + good.substring(at + 1);
            default -> good.endsWith("=") ? good + "QUJD" : good.substring(0, good.length() - 4) + "QQ==QUJD";
        };
        ValidationException e = assertThrows(ValidationException.class, () -> decode(bad, seed), bad);
        assertEquals("p", e.violations().get(0).path());
        assertEquals("must be valid Base64", e.violations().get(0).rule());
    }

    @Example
    void paddingAtAChunkBoundaryEndsTheContent() throws IOException {
        String firstChunk = "QUJD".repeat(64 * 1024 / 4 - 1) + "QQ==";
        assertEquals(3 * (64 * 1024 / 4 - 1) + 1, decode(firstChunk, 1).length);
        for (String tail : List.of("QUJD", "Q", "=")) {
            assertThrows(ValidationException.class, () -> decode(firstChunk + tail, 1), tail);
        }
    }

    @Example
    void emptyContentIsZeroBytes() throws IOException {
        assertEquals(0, decode("", 1).length);
        assertEquals(0, decode(" \n\t", 1).length);
    }
}
