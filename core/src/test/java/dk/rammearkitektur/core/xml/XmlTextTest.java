package dk.rammearkitektur.core.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class XmlTextTest {

    @Test
    void replacesTheFiveSpecialCharacters() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", XmlText.escape("a&b<c>d\"e'f"));
        assertEquals("", XmlText.escape(null));
    }

    @Test
    void returnsPlainTextUnchanged() {
        String plain = "Sagsbehandler Ærø 32.18.00 𝄞";
        assertSame(plain, XmlText.escape(plain));
    }

    /** Whatever the text, a parser reads back exactly it, as element content and in both attribute quotings. */
    @Property(tries = 500)
    void roundTripsThroughAParser(@ForAll("xmlChars") String text) throws Exception {
        String e = XmlText.escape(text);
        String xml = "<r a=\"" + e + "\" b='" + e + "'>" + e + "</r>";
        DocumentBuilder db = SecureXml.documentBuilder();
        Element r = db.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        assertEquals(text, r.getTextContent());
        assertEquals(text, r.getAttribute("a"));
        assertEquals(text, r.getAttribute("b"));
        assertFalse(e.contains("<"));
    }

    /** Any string, not only what XML allows: no markup character is left, and it unescapes back to the input. */
    @Property
    void leavesNoMarkupCharacterAndUnescapesToTheInput(@ForAll String value) {
        String escaped = XmlText.escape(value);
        for (char c : new char[] {'<', '>', '"', '\''}) {
            assertTrue(escaped.indexOf(c) < 0, escaped);
        }
        assertEquals(value, escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&"));
    }

    @Property
    void everyAmpersandStartsOneOfTheFiveReferences(@ForAll String value) {
        String escaped = XmlText.escape(value);
        for (int i = escaped.indexOf('&'); i >= 0; i = escaped.indexOf('&', i + 1)) {
            String rest = escaped.substring(i);
            assertTrue(rest.startsWith("&amp;") || rest.startsWith("&lt;") || rest.startsWith("&gt;")
                    || rest.startsWith("&quot;") || rest.startsWith("&#39;"), escaped);
        }
    }

    @Provide
    Arbitrary<String> xmlChars() {
        // characters XML 1.0 allows, with the special ones and non-ASCII over-represented; no CR/TAB/LF, which
        // attribute-value normalisation changes, and no half surrogate pairs (a pair is in the unit test)
        return Arbitraries.strings().withChars("&<>\"'abc ÆØÅæøå€;#x").ofMaxLength(40);
    }
}
