package dk.rammearkitektur.testkit.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Masking, then escaping, of everything the console shows (the escaping itself is core's, tested in XmlTextTest). */
class HtmlTest {
    @Test
    void textMasksCprNumbersBeforeEscaping() {
        assertEquals("CPR 150582-**** &lt;b&gt;", Html.text("CPR 1505821234 <b>"));
        assertEquals("150582-****", Html.text("150582-1234"));
        assertFalse(Html.text("to 1505821234 and 2312054321").contains("1234"));
        assertEquals("11223346", Html.text("11223346"), "a CVR number is not masked");
    }
}
