package dk.rammearkitektur.clients.digitalpost.memo.internal;

/**
 * The characters Digital Post refuses in file names: {@code < > : " / \ | ? *}, CR, LF, no-break space, the spaces
 * U+2000 to U+200A, U+2028, U+205F, U+2060 and U+3000.
 */
public final class Filenames {
    private Filenames() {
    }

    /** True when {@code cp} may not appear in a file name. */
    public static boolean isForbidden(int cp) {
        switch (cp) {
            case '<', '>', ':', '"', '/', '\\', '|', '?', '*', '\r', '\n', 0x00A0, 0x2028, 0x205F, 0x2060, 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** True when {@code name} holds a forbidden character. */
    public static boolean hasForbidden(String name) {
        return name.codePoints().anyMatch(Filenames::isForbidden);
    }

    /** Replaces each run of forbidden characters with {@code -}. */
    public static String sanitize(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (isForbidden(cp)) {
                if (!inRun) {
                    sb.append('-');
                }
                inRun = true;
            } else {
                sb.appendCodePoint(cp);
                inRun = false;
            }
        }
        return sb.toString();
    }
}
