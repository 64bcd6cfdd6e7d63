package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a Benefit (Ydelse): a UUID typed so that it cannot be mixed up with the ids of other object types.
 *
 * @param value the UUID
 */
public record BenefitId(UUID value) {
    /** Checks the value is present. */
    public BenefitId {
        Objects.requireNonNull(value, "value == null");
    }

    /** Wraps a UUID. */
    public static BenefitId of(UUID value) {
        return new BenefitId(value);
    }

    /** A new random (version 4) id. */
    public static BenefitId random() {
        return new BenefitId(UUID.randomUUID());
    }

    /**
     * Parses the canonical 36-character UUID form.
     *
     * @param text the UUID
     * @return the id
     * @throws ValidationException at path {@code id} unless it is a canonical UUID
     */
    public static BenefitId parse(String text) {
        return new BenefitId(Uuids.parse(text, "id"));
    }

    /** The canonical UUID form. */
    @Override
    public String toString() {
        return value.toString();
    }
}
