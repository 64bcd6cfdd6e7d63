package dk.rammearkitektur.testkit.console.internal;

import dk.rammearkitektur.core.xml.XmlText;
import dk.rammearkitektur.core.PersonalData;

/**
 * HTML text for the console: every value escaped, and CPR numbers in it masked first. The conformance reports escape
 * with {@link #escape} too.
 */
public final class Html {
    private Html() {
    }

    /**
     * {@code value} escaped for HTML text and double- or single-quoted attributes: {@code & < > " '} become character
     * references; null becomes the empty string.
     *
     * @param value any text
     * @return the escaped text
     */
    public static String escape(String value) {
        return XmlText.escape(value);
    }

    /**
     * {@code value} with its CPR-shaped numbers masked as the SDK masks them elsewhere ({@code DDMMYY-****}), then
     * escaped: what the console shows of any text that may hold personal data.
     *
     * @param value any text
     * @return the masked, escaped text
     */
    public static String text(Object value) {
        return escape(PersonalData.maskCprNumbers(value == null ? null : String.valueOf(value)));
    }
}
