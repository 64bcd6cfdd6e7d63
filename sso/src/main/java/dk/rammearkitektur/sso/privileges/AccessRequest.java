package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.KleNumber;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The question a fagsystem asks: may the user, with this role, act on a case with these properties? Immutable;
 * every {@code with}-style method returns a new request. A property left out is unknown: any group that constrains
 * it does not grant (see {@link UserRights#check(AccessRequest)}).
 *
 * <pre>{@code
 * AccessRequest.role("http://fagsystem.example/roles/usersystemrole/sagsbehandler/1")
 *         .kle("32.18.00").orgUnit(unitUuid).sensitivity("3")
 * }</pre>
 */
public final class AccessRequest {
    private final String role;
    private final KleNumber kle;
    private final UUID orgUnit;
    private final String sensitivity;
    private final String itSystem;
    private final Map<String, String> other;

    private AccessRequest(String role, KleNumber kle, UUID orgUnit, String sensitivity, String itSystem,
            Map<String, String> other) {
        this.role = role;
        this.kle = kle;
        this.orgUnit = orgUnit;
        this.sensitivity = sensitivity;
        this.itSystem = itSystem;
        this.other = other;
    }

    /** A request for {@code role} (a privilege URI, compared exactly) with no case property yet. */
    public static AccessRequest role(String role) {
        if (role == null || role.isBlank()) {
            throw new ValidationException("role", "is required");
        }
        return new AccessRequest(role, null, null, null, null, Map.of());
    }

    /** The case's KLE classification, e.g. {@code 32.18.00} or {@code 32.18.00 G01}. */
    public AccessRequest kle(String kle) {
        KleNumber parsed;
        try {
            parsed = KleNumber.parse(kle);
        } catch (ValidationException e) {
            throw e.under("request");
        }
        return kle(parsed);
    }

    /** The case's KLE classification. */
    public AccessRequest kle(KleNumber kle) {
        if (kle == null) {
            throw new ValidationException("request.kle", "is required");
        }
        return new AccessRequest(role, kle, orgUnit, sensitivity, itSystem, other);
    }

    /** The UUID of the organisation unit that owns the case. */
    public AccessRequest orgUnit(UUID unit) {
        if (unit == null) {
            throw new ValidationException("request.orgUnit", "is required");
        }
        return new AccessRequest(role, kle, unit, sensitivity, itSystem, other);
    }

    /** The case's sensitivity level, in the same tokens the fagsystem registered for the constraint. */
    public AccessRequest sensitivity(String level) {
        if (level == null || level.isBlank()) {
            throw new ValidationException("request.sensitivity", "must not be blank");
        }
        return new AccessRequest(role, kle, orgUnit, level.strip(), itSystem, other);
    }

    /** The IT system the action happens in. */
    public AccessRequest itSystem(String system) {
        if (system == null || system.isBlank()) {
            throw new ValidationException("request.itSystem", "must not be blank");
        }
        return new AccessRequest(role, kle, orgUnit, sensitivity, system.strip(), other);
    }

    /** The value of a dimension the SDK does not know, checked against {@link RawConstraint}s of that name. */
    public AccessRequest other(String constraintName, String value) {
        if (constraintName == null || constraintName.isBlank() || value == null || value.isBlank()) {
            throw new ValidationException("request.other", "needs a constraint name and a value");
        }
        Map<String, String> copy = new TreeMap<>(other);
        copy.put(constraintName, value.strip());
        return new AccessRequest(role, kle, orgUnit, sensitivity, itSystem, Collections.unmodifiableMap(copy));
    }

    /** The role asked for. */
    public String role() {
        return role;
    }

    /** The KLE classification, if given. */
    public Optional<KleNumber> kle() {
        return Optional.ofNullable(kle);
    }

    /** The organisation unit, if given. */
    public Optional<UUID> orgUnit() {
        return Optional.ofNullable(orgUnit);
    }

    /** The sensitivity level, if given. */
    public Optional<String> sensitivity() {
        return Optional.ofNullable(sensitivity);
    }

    /** The IT system, if given. */
    public Optional<String> itSystem() {
        return Optional.ofNullable(itSystem);
    }

    /** The value given for another constraint name, if any. */
    public Optional<String> other(String constraintName) {
        return Optional.ofNullable(other.get(constraintName));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("role ").append(role);
        if (kle != null) {
            b.append(", KLE ").append(kle);
        }
        if (orgUnit != null) {
            b.append(", unit ").append(orgUnit);
        }
        if (sensitivity != null) {
            b.append(", sensitivity ").append(sensitivity);
        }
        if (itSystem != null) {
            b.append(", IT system ").append(itSystem);
        }
        other.forEach((k, v) -> b.append(", ").append(k).append(' ').append(v));
        return b.toString();
    }
}
