package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.internal.SsoTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One {@code PrivilegeGroup}: the roles (privileges, e.g. {@code http://<domain>/roles/usersystemrole/<name>/1}) a user
 * holds for one scope, with the data constraints that limit all of them. {@code toString()} masks a CPR scope.
 *
 * @param scope the organisation (or person) the rights hold for
 * @param privileges the role URIs, at least one, as written
 * @param constraints the data constraints, possibly none; every one limits every role of the group
 */
public record PrivilegeGroup(PrivilegeScope scope, List<String> privileges, List<DataConstraint> constraints) {
    /** Validates the group: a scope, at least one privilege, no null constraint. */
    public PrivilegeGroup {
        if (scope == null) {
            throw new ValidationException("scope", "is required");
        }
        if (privileges == null || privileges.isEmpty()) {
            throw new ValidationException("privilege", "a privilege group must hold at least one Privilege");
        }
        List<String> p = new ArrayList<>(privileges.size());
        for (int i = 0; i < privileges.size(); i++) {
            p.add(SsoTexts.requireToken(privileges.get(i), "privilege[" + i + "]", true));
        }
        privileges = List.copyOf(p);
        if (constraints == null) {
            constraints = List.of();
        }
        for (int i = 0; i < constraints.size(); i++) {
            if (constraints.get(i) == null) {
                throw new ValidationException("constraint[" + i + "]", "must not be null");
            }
        }
        constraints = List.copyOf(constraints);
    }

    /** A group of one role with these constraints. */
    public static PrivilegeGroup of(PrivilegeScope scope, String privilege, DataConstraint... constraints) {
        return new PrivilegeGroup(scope, Collections.singletonList(privilege), Arrays.asList(constraints));
    }
}
