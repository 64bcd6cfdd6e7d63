package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A period of whole days (periode), e.g. a grant period: first day, and last day unless open-ended, both inclusive. */
public final class DatePeriod {
    private final LocalDate from;
    private final LocalDate to;

    private DatePeriod(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    /**
     * A period.
     *
     * @param from first day
     * @param to last day (inclusive), or {@code null} for open-ended
     * @return the period
     * @throws dk.rammearkitektur.core.ValidationException with paths {@code period.from} / {@code period.to}
     */
    public static DatePeriod of(LocalDate from, LocalDate to) {
        Violations v = Violations.at("period");
        boolean ok = Checks.date(v, "from", from);
        if (to != null && Checks.date(v, "to", to) && ok) {
            v.require(!to.isBefore(from), "to", "must not be before from");
        }
        v.throwIfAny();
        return new DatePeriod(from, to);
    }

    /** An open-ended period from {@code from}. */
    public static DatePeriod startingOn(LocalDate from) {
        return of(from, null);
    }

    /** First day. */
    public LocalDate from() {
        return from;
    }

    /** Last day (inclusive), unless open-ended. */
    public Optional<LocalDate> to() {
        return Optional.ofNullable(to);
    }

    /** Whether {@code day} lies within the period. */
    public boolean contains(LocalDate day) {
        Objects.requireNonNull(day, "day == null");
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** The same start with last day {@code newTo}. */
    public DatePeriod endingOn(LocalDate newTo) {
        return of(from, newTo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatePeriod other && from.equals(other.from) && Objects.equals(to, other.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to);
    }

    @Override
    public String toString() {
        return from + ".." + (to == null ? "" : to.toString());
    }
}
