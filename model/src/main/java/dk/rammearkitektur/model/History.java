package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bitemporal history of one object, as in the common municipal object model: a sequence of
 * {@link Registration registrations} (what the system knew, and from when), each holding values with their
 * validity (virkning, when the value holds in the real world). Works for any value type: {@code History<Case>},
 * {@code History<Person>}, {@code History<Benefit>}, {@code History<Document>}.
 *
 * <p>Registrations are ordered by {@code registeredFrom} and do not overlap; only the last may be open.
 * {@link #asOf(Instant, Instant)} answers what the system knew at one time about another.
 *
 * @param <T> the value type
 */
public final class History<T> {
    private static final History<?> EMPTY = new History<>(List.of());

    private final List<Registration<T>> registrations;

    private History(List<Registration<T>> registrations) {
        this.registrations = registrations;
    }

    /** A history with no registrations. */
    @SuppressWarnings("unchecked")
    public static <T> History<T> empty() {
        return (History<T>) EMPTY;
    }

    /**
     * A history from its registrations.
     *
     * @param registrations ordered by {@code registeredFrom}, not overlapping, only the last open
     * @param <T> the value type
     * @return the history
     * @throws ValidationException listing every violation under {@code history}
     */
    public static <T> History<T> of(List<Registration<T>> registrations) {
        Violations v = Violations.at("history");
        if (!v.require(registrations != null, "registrations", "is required")) {
            v.throwIfAny();
        }
        for (int i = 0; i < registrations.size(); i++) {
            Registration<T> r = registrations.get(i);
            if (r == null) {
                v.add("registrations[" + i + "]", "must not be null");
                continue;
            }
            Registration<T> previous = i == 0 ? null : registrations.get(i - 1);
            if (previous == null) {
                continue;
            }
            if (previous.registeredTo().isEmpty()) {
                v.add("registrations[" + (i - 1) + "].registeredTo", "is required unless it is the last registration");
            } else {
                if (r.registeredFrom().isBefore(previous.registeredTo().get())) {
                    v.add("registrations[" + i + "].registeredFrom",
                            "must not be before registrations[" + (i - 1) + "].registeredTo");
                }
            }
        }
        v.throwIfAny();
        return new History<>(List.copyOf(registrations));
    }

    /**
     * A history with one open registration.
     *
     * @param registeredAt when it was recorded
     * @param actor who recorded it
     * @param note why, or {@code null}
     * @param effects the values with their validity
     * @param <T> the value type
     * @return the history
     */
    public static <T> History<T> start(Instant registeredAt, String actor, String note, List<Effect<T>> effects) {
        return of(List.of(Registration.of(registeredAt, null, actor, note, effects)));
    }

    /** The registrations, oldest first. */
    public List<Registration<T>> registrations() {
        return registrations;
    }

    /** Whether there are no registrations. */
    public boolean isEmpty() {
        return registrations.isEmpty();
    }

    /** The latest registration, if any. */
    public Optional<Registration<T>> latest() {
        return registrations.isEmpty() ? Optional.empty() : Optional.of(registrations.get(registrations.size() - 1));
    }

    /** The registration that was current at {@code registeredAt}, if any. */
    public Optional<Registration<T>> registrationAt(Instant registeredAt) {
        Objects.requireNonNull(registeredAt, "registeredAt == null");
        for (Registration<T> r : registrations) {
            if (r.isCurrentAt(registeredAt)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * What the system knew at {@code registeredAt} about the value valid at {@code validAt}.
     *
     * @param registeredAt the registration time to look from
     * @param validAt the real-world time asked about
     * @return the value, or empty when nothing was registered for that pair
     */
    public Optional<T> asOf(Instant registeredAt, Instant validAt) {
        Objects.requireNonNull(validAt, "validAt == null");
        return registrationAt(registeredAt).flatMap(r -> r.valueAt(validAt));
    }

    /**
     * This history with a new registration at {@code at}; the open latest registration is closed at {@code at}.
     *
     * @param at when the change is recorded; not before the latest registration's start
     * @param actor who records it
     * @param note why, or {@code null}
     * @param effects the values with their validity as now known
     * @return the new history
     * @throws ValidationException when {@code at} is not after the latest registration, or the registration is invalid
     */
    public History<T> register(Instant at, String actor, String note, List<Effect<T>> effects) {
        Objects.requireNonNull(at, "at == null");
        List<Registration<T>> next = new ArrayList<>(registrations);
        if (!next.isEmpty()) {
            Registration<T> last = next.get(next.size() - 1);
            if (last.registeredTo().isEmpty()) {
                if (!at.isAfter(last.registeredFrom())) {
                    throw new ValidationException("history.registrations[" + next.size() + "].registeredFrom",
                            "must be after the latest registration's registeredFrom");
                }
                next.set(next.size() - 1, last.closedAt(at));
            }
        }
        next.add(Registration.of(at, null, actor, note, effects));
        return of(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History<?> h && registrations.equals(h.registrations);
    }

    @Override
    public int hashCode() {
        return registrations.hashCode();
    }

    @Override
    public String toString() {
        return "History" + registrations;
    }
}
