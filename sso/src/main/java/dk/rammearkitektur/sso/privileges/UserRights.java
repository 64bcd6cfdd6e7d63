package dk.rammearkitektur.sso.privileges;

import dk.rammearkitektur.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user's rights for one scope (normally one municipality's CVR number), from {@link PrivilegeList#forCvr(String)}:
 * the privilege groups of that scope, in list order.
 *
 * <p>{@link #check(AccessRequest)} answers the access question with these semantics:
 * <ul>
 *   <li>a group grants when it holds the requested role (compared exactly) and <em>every</em> constraint in it holds
 *   for the request; a dimension the group does not constrain is not restricted;</li>
 *   <li>any one granting group suffices (groups are alternatives: the first in list order is reported);</li>
 *   <li>a constraint on a dimension the request leaves out does not hold (the SDK's choice: unknown is refused);</li>
 *   <li>KLE, organisation unit, sensitivity, IT system and unknown constraints match as their classes describe.</li>
 * </ul>
 */
public final class UserRights {
    private final PrivilegeScope scope;
    private final List<PrivilegeGroup> groups;
    private final int[] indexes;

    UserRights(PrivilegeScope scope, List<PrivilegeGroup> all) {
        this.scope = Objects.requireNonNull(scope, "scope");
        List<PrivilegeGroup> mine = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).scope().equals(scope)) {
                mine.add(all.get(i));
                at.add(i);
            }
        }
        this.groups = List.copyOf(mine);
        this.indexes = at.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The scope these rights hold for. */
    public PrivilegeScope scope() {
        return scope;
    }

    /** The groups of this scope, in list order. */
    public List<PrivilegeGroup> groups() {
        return groups;
    }

    /** Every role held in this scope, constrained or not, in list order. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        groups.forEach(g -> roles.addAll(g.privileges()));
        return Collections.unmodifiableSet(roles);
    }

    /** Whether some group of this scope holds {@code role}, whatever its constraints. */
    public boolean hasRole(String role) {
        return groups.stream().anyMatch(g -> g.privileges().contains(role));
    }

    /** True when the user holds nothing in this scope. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Answers the access question; see the class description for the semantics. */
    public AccessDecision check(AccessRequest request) {
        if (request == null) {
            throw new ValidationException("request", "is required");
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            PrivilegeGroup g = groups.get(i);
            if (!g.privileges().contains(request.role())) {
                continue;
            }
            String where = "privilegeList.privilegeGroup[" + indexes[i] + "]";
            String failure = firstFailure(g, request);
            if (failure == null) {
                String how = g.constraints().isEmpty() ? "without constraints" : "with " + describe(g.constraints());
                return new AccessDecision(true, indexes[i], List.of(),
                        "granted: " + where + " holds " + request.role() + " for " + scope + " " + how);
            }
            reasons.add(where + ": " + failure);
        }
        if (reasons.isEmpty()) {
            String none = "no privilege group for " + scope + " holds " + request.role();
            return new AccessDecision(false, -1, List.of(none), "refused: " + none);
        }
        return new AccessDecision(false, -1, reasons, "refused (" + request + "): " + String.join("; ", reasons));
    }

    private static String firstFailure(PrivilegeGroup g, AccessRequest r) {
        for (DataConstraint c : g.constraints()) {
            String failure = failure(c, r);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static String failure(DataConstraint c, AccessRequest r) {
        if (c instanceof KleConstraint k) {
            if (r.kle().isEmpty()) {
                return "KLE is constrained to " + k.values() + " but the request names no KLE";
            }
            return k.covers(r.kle().get()) ? null
                    : "KLE " + r.kle().get().number() + " is not within " + k.values()
                            + (k.matchesNothing() ? " (the matches-nothing sentinel)" : "");
        }
        if (c instanceof OrgUnitConstraint o) {
            if (r.orgUnit().isEmpty()) {
                return "organisation unit is constrained to " + o.values() + " but the request names no unit";
            }
            return o.covers(r.orgUnit().get()) ? null : "unit " + r.orgUnit().get() + " is not one of " + o.values();
        }
        if (c instanceof SensitivityConstraint s) {
            if (r.sensitivity().isEmpty()) {
                return "sensitivity is constrained to " + s.values() + " but the request names no sensitivity";
            }
            return s.allows(r.sensitivity().get()) ? null
                    : "sensitivity " + r.sensitivity().get() + " is not one of " + s.values();
        }
        if (c instanceof ItSystemConstraint it) {
            if (r.itSystem().isEmpty()) {
                return "IT system is constrained to " + it.values() + " but the request names no IT system";
            }
            return it.allows(r.itSystem().get()) ? null : "IT system " + r.itSystem().get() + " is not one of " + it.values();
        }
        RawConstraint raw = (RawConstraint) c;
        if (r.other(raw.name()).isEmpty()) {
            return "constraint " + raw.name() + " is not known to the SDK and the request gives no value for it";
        }
        String v = r.other(raw.name()).get();
        return raw.allows(v) ? null : raw.name() + " " + v + " is not one of " + raw.values();
    }

    private static String describe(List<DataConstraint> constraints) {
        List<String> parts = new ArrayList<>();
        for (DataConstraint c : constraints) {
            String label = c instanceof KleConstraint ? "KLE"
                    : c instanceof OrgUnitConstraint ? "unit"
                    : c instanceof SensitivityConstraint ? "sensitivity"
                    : c instanceof ItSystemConstraint ? "IT system" : c.name();
            parts.add(label + " " + c.values());
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return "UserRights[" + scope + ", " + groups.size() + " groups]";
    }
}
