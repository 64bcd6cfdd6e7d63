package dk.rammearkitektur.testkit.idp.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.XmlText;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PagesTest {
    @Property(tries = 200)
    void postFormCarriesTheFieldsEscaped(@ForAll String relayState) {
        String html = Pages.postForm("https://127.0.0.1/acs?a=1&b=2", Map.of("RelayState", relayState));
        assertTrue(html.contains("action=\"https://127.0.0.1/acs?a=1&amp;b=2\""), html);
        assertTrue(html.contains("value=\"" + XmlText.escape(relayState) + "\""), html);
        assertTrue(html.contains("document.forms[0].submit()"));
    }
}
