package dk.rammearkitektur.testkit.console.internal;

import dk.rammearkitektur.core.xml.XmlText;
import dk.rammearkitektur.core.PersonalData;

/**
 * HTML text for the console: every value escaped (with core's {@link XmlText#escape}), and CPR numbers in it masked
 * first.
 */
public final class Html {
    private Html() {
    }

    /**
     * {@code value} with its CPR-shaped numbers masked as the SDK masks them elsewhere ({@code DDMMYY-****}), then
     * escaped: what the console shows of any text that may hold personal data.
     *
     * @param value any text
     * @return the masked, escaped text
     */
    public static String text(Object value) {
        return XmlText.escape(PersonalData.maskCprNumbers(value == null ? null : String.valueOf(value)));
    }
}
