package dk.rammearkitektur.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The demo's PDF writer: the cross-reference table points at every object, whatever the text. */
class DecisionPdfTest {
    private static final Pattern XREF_ENTRY = Pattern.compile("(\\d{10}) 00000 n ");

    @Property(tries = 200)
    void everyXrefOffsetPointsAtItsObject(@ForAll @StringLength(max = 40) String title,
            @ForAll @Size(max = 8) List<@StringLength(max = 60) String> lines) {
        byte[] pdf = DecisionPdf.letter(title, lines);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1.4\n"));
        assertTrue(text.endsWith("%%EOF\n"));
        int startxref = Integer.parseInt(text.substring(text.lastIndexOf("startxref\n") + 10, text.lastIndexOf("\n%%EOF")));
        assertTrue(text.startsWith("xref\n", startxref), "startxref points at the table");
        Matcher m = XREF_ENTRY.matcher(text.substring(startxref));
        int object = 0;
        while (m.find()) {
            object++;
            int offset = Integer.parseInt(m.group(1));
            assertTrue(text.startsWith(object + " 0 obj\n", offset), "object " + object + " at " + offset);
        }
        assertEquals(6, object);
        int length = Integer.parseInt(text.replaceAll("(?s).*?<< /Length (\\d+) >>.*", "$1"));
        int streamStart = text.indexOf("stream\n") + 7;
        assertTrue(text.startsWith("endstream", streamStart + length), "the stream length is exact");
    }

    @Test
    void parenthesesAndBackslashesAreEscapedAndDanishLettersKept() {
        String text = new String(DecisionPdf.letter("Afgørelse (kopi)", List.of("a\\b", "Ældre")),
                StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("(Afgørelse \\(kopi\\)) Tj"), text);
        assertTrue(text.contains("(a\\\\b) Tj"), text);
        assertTrue(text.contains("(Ældre) Tj"), text);
    }
}
