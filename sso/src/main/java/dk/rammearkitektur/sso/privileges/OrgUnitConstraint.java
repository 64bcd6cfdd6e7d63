package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.internal.SsoTexts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An organisation-unit constraint (orgenhed): the units, by UUID, whose cases the role may be used for. A unit matches
 * only itself; units below it are not included (the SDK's choice: the list carries no hierarchy).
 *
 * @param values the unit UUIDs as written
 */
public record OrgUnitConstraint(List<String> values) implements DataConstraint {
    /** Validates that every value is a UUID. */
    public OrgUnitConstraint {
        values = SsoTexts.requireTokens(values, "value");
        for (int i = 0; i < values.size(); i++) {
            if (!SsoTexts.isUuid(values.get(i))) {
                throw new ValidationException("value[" + i + "]", "an organisation unit must be a UUID (8-4-4-4-12 hex digits)");
            }
        }
    }

    /** A constraint of these units. */
    public static OrgUnitConstraint of(UUID... units) {
        return new OrgUnitConstraint(Arrays.stream(units).map(u -> u == null ? null : u.toString()).toList());
    }

    @Override
    public String name() {
        return ORG_UNIT;
    }

    /** The units. */
    public List<UUID> units() {
        return values.stream().map(UUID::fromString).toList();
    }

    /** Whether {@code unit} is one of the units. */
    public boolean covers(UUID unit) {
        if (unit == null) {
            throw new ValidationException("unit", "is required");
        }
        String wanted = unit.toString();
        return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
