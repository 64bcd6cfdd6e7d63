package dk.rammearkitektur.testkit.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Escaping and masking of everything the console shows. */
class HtmlTest {
    @Property
    void escapedTextHasNoMarkupCharactersAndUnescapesToTheInput(@ForAll String value) {
        String escaped = Html.escape(value);
        for (char c : new char[] {'<', '>', '"', '\''}) {
            assertTrue(escaped.indexOf(c) < 0, escaped);
        }
        assertEquals(value, unescape(escaped));
    }

    @Property
    void everyAmpersandStartsACharacterReference(@ForAll String value) {
        String escaped = Html.escape(value);
        for (int i = escaped.indexOf('&'); i >= 0; i = escaped.indexOf('&', i + 1)) {
            String rest = escaped.substring(i);
            assertTrue(rest.startsWith("&amp;") || rest.startsWith("&lt;") || rest.startsWith("&gt;")
                    || rest.startsWith("&quot;") || rest.startsWith("&#39;"), escaped);
        }
    }

    @Test
    void markupIsEscaped() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;&amp;&#39;y&#39;)&lt;/script&gt;",
                Html.escape("<script>alert(\"x\"&'y')</script>"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void textMasksCprNumbersBeforeEscaping() {
        assertEquals("CPR 150582-**** &lt;b&gt;", Html.text("CPR 1505821234 <b>"));
        assertEquals("150582-****", Html.text("150582-1234"));
        assertFalse(Html.text("to 1505821234 and 2312054321").contains("1234"));
        assertEquals("11223346", Html.text("11223346"), "a CVR number is not masked");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
