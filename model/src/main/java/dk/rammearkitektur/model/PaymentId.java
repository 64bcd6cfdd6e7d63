package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a Payment (økonomisk effektuering, betaling): a UUID typed so that it cannot be mixed up with the ids of other object types.
 *
 * @param value the UUID
 */
public record PaymentId(UUID value) {
    /** Checks the value is present. */
    public PaymentId {
        Objects.requireNonNull(value, "value == null");
    }

    /** Wraps a UUID. */
    public static PaymentId of(UUID value) {
        return new PaymentId(value);
    }

    /** A new random (version 4) id. */
    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    /**
     * Parses the canonical 36-character UUID form.
     *
     * @param text the UUID
     * @return the id
     * @throws ValidationException at path {@code id} unless it is a canonical UUID
     */
    public static PaymentId parse(String text) {
        return new PaymentId(Uuids.parse(text, "id"));
    }

    /** The canonical UUID form. */
    @Override
    public String toString() {
        return value.toString();
    }
}
