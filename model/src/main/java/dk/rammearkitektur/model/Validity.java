package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a value holds in the real world (virkning): from an instant (inclusive) to an instant (exclusive), or open-ended.
 */
public final class Validity {
    private final Instant from;
    private final Instant to;

    private Validity(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    /**
     * A validity period.
     *
     * @param from start, inclusive
     * @param to end, exclusive, or {@code null} for open-ended
     * @return the period
     * @throws dk.rammearkitektur.core.ValidationException with paths {@code validity.from} / {@code validity.to}
     */
    public static Validity of(Instant from, Instant to) {
        Violations v = Violations.at("validity");
        boolean ok = Checks.instant(v, "from", from);
        if (to != null && Checks.instant(v, "to", to) && ok) {
            v.require(to.isAfter(from), "to", "must be after from");
        }
        v.throwIfAny();
        return new Validity(from, to);
    }

    /** Open-ended validity from {@code from}. */
    public static Validity from(Instant from) {
        return of(from, null);
    }

    /** Start, inclusive. */
    public Instant start() {
        return from;
    }

    /** End, exclusive, unless open-ended. */
    public Optional<Instant> end() {
        return Optional.ofNullable(to);
    }

    /** Whether {@code at} lies in the period. */
    public boolean contains(Instant at) {
        Objects.requireNonNull(at, "at == null");
        return !at.isBefore(from) && (to == null || at.isBefore(to));
    }

    /** Whether the two periods share an instant. */
    public boolean overlaps(Validity other) {
        boolean thisEndsBefore = to != null && !to.isAfter(other.from);
        boolean otherEndsBefore = other.to != null && !other.to.isAfter(from);
        return !thisEndsBefore && !otherEndsBefore;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Validity other && from.equals(other.from) && Objects.equals(to, other.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + (to == null ? "open" : to.toString()) + ")";
    }
}
