package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import java.util.UUID;

/** Strict UUID parsing shared by the id types. */
final class Uuids {

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
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
