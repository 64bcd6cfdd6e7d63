package dk.rammearkitektur.testkit.idp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PagesTest {
    @Property(tries = 500)
    void escapedTextHasNoMarkupCharacters(@ForAll String text) {
        String e = Pages.escape(text);
        assertFalse(e.contains("<") || e.contains(">") || e.contains("\"") || e.contains("'"), e);
        String back = e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        assertEquals(text, back);
    }

    @Property(tries = 200)
    void postFormCarriesTheFieldsEscaped(@ForAll String relayState) {
        String html = Pages.postForm("https://127.0.0.1/acs?a=1&b=2", Map.of("RelayState", relayState));
        assertTrue(html.contains("action=\"https://127.0.0.1/acs?a=1&amp;b=2\""), html);
        assertTrue(html.contains("value=\"" + Pages.escape(relayState) + "\""), html);
        assertTrue(html.contains("document.forms[0].submit()"));
    }
}
