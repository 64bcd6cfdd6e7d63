package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One registration (registrering) in a bitemporal {@link History}: what the system recorded from
 * {@code registeredFrom} until it was superseded at {@code registeredTo}, by whom and why, as values each with its
 * own validity (virkning). The validities within one registration do not overlap.
 *
 * @param <T> the value type
 */
public final class Registration<T> {
    private final Instant registeredFrom;
    private final Instant registeredTo;
    private final String actor;
    private final String note;
    private final List<Effect<T>> effects;

    private Registration(Instant registeredFrom, Instant registeredTo, String actor, String note, List<Effect<T>> effects) {
        this.registeredFrom = registeredFrom;
        this.registeredTo = registeredTo;
        this.actor = actor;
        this.note = note;
        this.effects = effects;
    }

    /**
     * A registration.
     *
     * @param registeredFrom when it was recorded
     * @param registeredTo when it was superseded, or {@code null} while current
     * @param actor who recorded it (user or system id), not blank
     * @param note why, or {@code null}
     * @param effects the values with their validity; validities must not overlap
     * @param <T> the value type
     * @return the registration
     * @throws dk.rammearkitektur.core.ValidationException listing every violation under {@code registration}
     */
    public static <T> Registration<T> of(Instant registeredFrom, Instant registeredTo, String actor, String note,
            List<Effect<T>> effects) {
        Violations v = Violations.at("registration");
        boolean fromOk = Checks.instant(v, "registeredFrom", registeredFrom);
        if (registeredTo != null && Checks.instant(v, "registeredTo", registeredTo) && fromOk) {
            v.require(registeredTo.isAfter(registeredFrom), "registeredTo", "must be after registeredFrom");
        }
        Checks.text(v, "actor", actor, 200);
        Checks.optionalText(v, "note", note, 2000);
        if (Checks.required(v, "effects", effects)) {
            for (int i = 0; i < effects.size(); i++) {
                Effect<T> e = effects.get(i);
                if (e == null) {
                    v.add("effects[" + i + "]", "must not be null");
                    continue;
                }
                for (int j = 0; j < i; j++) {
                    Effect<T> earlier = effects.get(j);
                    if (earlier != null && earlier.validity().overlaps(e.validity())) {
                        v.add("effects[" + i + "].validity", "overlaps effects[" + j + "]");
                        break;
                    }
                }
            }
        }
        v.throwIfAny();
        return new Registration<>(registeredFrom, registeredTo, actor, note, List.copyOf(effects));
    }

    /** When this was recorded (registreringstid fra). */
    public Instant registeredFrom() {
        return registeredFrom;
    }

    /** When this was superseded, unless it is current. */
    public Optional<Instant> registeredTo() {
        return Optional.ofNullable(registeredTo);
    }

    /** Who recorded it (aktør). */
    public String actor() {
        return actor;
    }

    /** Why it was recorded, if said (notetekst). */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** The values with their validity. */
    public List<Effect<T>> effects() {
        return effects;
    }

    /** Whether this registration was the current one at {@code at}. */
    public boolean isCurrentAt(Instant at) {
        Objects.requireNonNull(at, "at == null");
        return !at.isBefore(registeredFrom) && (registeredTo == null || at.isBefore(registeredTo));
    }

    /** The value valid at {@code validAt} according to this registration. */
    public Optional<T> valueAt(Instant validAt) {
        Objects.requireNonNull(validAt, "validAt == null");
        for (Effect<T> e : effects) {
            if (e.validity().contains(validAt)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** This registration superseded at {@code at}. */
    public Registration<T> closedAt(Instant at) {
        return of(registeredFrom, at, actor, note, effects);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registration<?> r && registeredFrom.equals(r.registeredFrom)
                && Objects.equals(registeredTo, r.registeredTo) && actor.equals(r.actor) && Objects.equals(note, r.note)
                && effects.equals(r.effects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registeredFrom, registeredTo, actor, note, effects);
    }

    @Override
    public String toString() {
        return "Registration[" + registeredFrom + ".." + (registeredTo == null ? "" : registeredTo) + ", actor=" + actor
                + ", effects=" + effects + "]";
    }
}
