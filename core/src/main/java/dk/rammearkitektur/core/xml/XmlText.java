package dk.rammearkitektur.core.xml;

/**
 * Text for XML and HTML written by hand: {@link #escape} makes any string safe as element content and as a single- or
 * double-quoted attribute value. The SDK's own pages, simulators and small XML writers use this one escaper.
 */
public final class XmlText {
    private XmlText() {
    }

    /**
     * {@code s} with {@code & < > " '} replaced by their character references; {@code null} gives the empty string.
     * Characters XML 1.0 does not allow at all (most C0 controls) are not the escaper's business: the parsers that read
     * the SDK's own output refuse them, so callers keep them out.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        int first = firstSpecial(s);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static int firstSpecial(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '&', '<', '>', '"', '\'' -> {
                    return i;
                }
                default -> {
                }
            }
        }
        return -1;
    }
}
