package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import java.util.UUID;

/** Strict UUID parsing shared by the id types. */
final class Uuids {

    private static final boolean[] HEX = new boolean[128];

    static {
        for (char c : "0123456789abcdefABCDEF".toCharArray()) {
            HEX[c] = true;
        }
    }

    private Uuids() {
    }

    static UUID parse(String text, String path) {
        if (text == null) {
            throw new ValidationException(path, "is required");
        }
        if (!isCanonical(text)) {
            throw new ValidationException(path, "must be a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        }
        return UUID.fromString(text);
    }

    private static boolean isCanonical(String s) {
        if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
            return false;
        }
        return hex(s, 0, 8) && hex(s, 9, 13) && hex(s, 14, 18) && hex(s, 19, 23) && hex(s, 24, 36);
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 128 || !HEX[c]) {
                return false;
            }
        }
        return true;
    }
}
