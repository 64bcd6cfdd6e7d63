package dk.rammearkitektur.clients.digitalpost.memo.internal;

/** Character rules for text that goes into XML. */
public final class Texts {
    private Texts() {
    }

    /**
     * True when every character of {@code s} may appear in an XML 1.0 document: tab, line feed, carriage return,
     * U+0020 to U+D7FF, U+E000 to U+FFFD and properly paired surrogates.
     */
    public static boolean isXmlSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue;
            }
            if (c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }
}
