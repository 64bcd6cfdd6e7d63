package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.UUID;

/**
 * The caseworker (sagsbehandler) responsible for a case: a user of the fagsystem.
 *
 * @param id the user's UUID
 * @param name display name
 */
public record Caseworker(UUID id, String name) {
    /** Validates both fields; paths under {@code caseworker}. */
    public Caseworker {
        Violations v = Violations.at("caseworker");
        Checks.required(v, "id", id);
        Checks.text(v, "name", name, 200);
        v.throwIfAny();
    }

    /** Static factory. */
    public static Caseworker of(UUID id, String name) {
        return new Caseworker(id, name);
    }
}
