package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing shared by the id types. */
final class Uuids {
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static UUID parse(String text, String path) {
        if (text == null) {
            throw new ValidationException(path, "is required");
        }
        if (!CANONICAL.matcher(text).matches()) {
            throw new ValidationException(path, "must be a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        }
        return UUID.fromString(text);
    }
}
