package dk.rammearkitektur.sso.privileges;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer to an {@link AccessRequest}: granted or refused, and why. When granted, {@link #grantingGroup()} is the
 * index of the first privilege group (in the whole list, counted from 0) that granted it; when refused,
 * {@link #reasons()} says, per group holding the role, which constraint did not hold, or that no group holds the role.
 *
 * @param granted whether the user may act
 * @param grantingGroupIndex the index of the granting group in the privilege list, or -1 when refused
 * @param reasons one line per refusing group (empty when granted)
 * @param explanation one sentence for a log or an audit trail
 */
public record AccessDecision(boolean granted, int grantingGroupIndex, List<String> reasons, String explanation) {
    /** Copies the reasons. */
    public AccessDecision {
        reasons = List.copyOf(reasons);
        if (granted == (grantingGroupIndex < 0)) {
            throw new IllegalArgumentException("a granted decision names its group, a refused one none");
        }
    }

    /** The index of the group that granted access, in the whole privilege list; empty when refused. */
    public OptionalInt grantingGroup() {
        return granted ? OptionalInt.of(grantingGroupIndex) : OptionalInt.empty();
    }

    /** The first reason for a refusal, if refused. */
    public Optional<String> firstReason() {
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons.get(0));
    }

    @Override
    public String toString() {
        return explanation;
    }
}
