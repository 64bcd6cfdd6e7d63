package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.ValidationException;

/** Argument checks of the service provider's API: a missing value is a {@link ValidationException} naming it. */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code value}, or throws a {@link ValidationException} at {@code path} when it is null. */
    public static <T> T required(T value, String path) {
        if (value == null) {
            throw new ValidationException(path, "is required");
        }
        return value;
    }
}
