package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Bitemporal laws, checked against a brute-force reading of the registrations. */
class HistoryPropertiesTest {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    /** One change: seconds after the previous one, and values as (start offset, length, value) laid end to end. */
    record Step(int gap, List<int[]> pieces, boolean openEnd) {
        List<Effect<Integer>> effects() {
            List<Effect<Integer>> out = new ArrayList<>();
            long start = 0;
            for (int i = 0; i < pieces.size(); i++) {
                int[] p = pieces.get(i);
                start += p[0];
                Instant from = T0.plusSeconds(start);
                boolean last = i == pieces.size() - 1;
                out.add(Effect.of(last && openEnd ? Validity.from(from) : Validity.of(from, from.plusSeconds(p[1])), p[2]));
                start += p[1];
            }
            return out;
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<int[]> piece = Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.integers().between(1, 50),
                Arbitraries.integers().between(0, 9)).as((gap, length, value) -> new int[] {gap, length, value});
        return Combinators.combine(Arbitraries.integers().between(1, 100), piece.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(5);
    }

    private static History<Integer> build(List<Step> steps, List<Instant> times) {
        History<Integer> h = History.empty();
        Instant at = T0;
        for (Step s : steps) {
            at = at.plusSeconds(s.gap());
            times.add(at);
            h = h.register(at, "actor", null, s.effects());
        }
        return h;
    }

    /** The naive answer: the step registered last at or before {@code registeredAt}, and its value valid at {@code validAt}. */
    private static Optional<Integer> oracle(List<Step> steps, List<Instant> times, Instant registeredAt, Instant validAt) {
        int current = -1;
        for (int i = 0; i < times.size(); i++) {
            if (!times.get(i).isAfter(registeredAt)) {
                current = i;
            }
        }
        if (current < 0) {
            return Optional.empty();
        }
        for (Effect<Integer> e : steps.get(current).effects()) {
            if (e.validity().contains(validAt)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    @Property(tries = 300)
    void asOfAgreesWithBruteForce(@ForAll("steps") List<Step> steps, @ForAll("offsets") int registeredOffset,
            @ForAll("offsets") int validOffset) {
        List<Instant> times = new ArrayList<>();
        History<Integer> h = build(steps, times);
        Instant registeredAt = T0.plusSeconds(registeredOffset);
        Instant validAt = T0.plusSeconds(validOffset);
        assertEquals(oracle(steps, times, registeredAt, validAt), h.asOf(registeredAt, validAt));
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(-5, 600);
    }

    @Property(tries = 300)
    void theRecordedPastNeverChanges(@ForAll("steps") List<Step> steps, @ForAll("offsets") int registeredOffset,
            @ForAll("offsets") int validOffset) {
        List<Instant> times = new ArrayList<>();
        History<Integer> all = build(steps, times);
        Instant registeredAt = T0.plusSeconds(registeredOffset);
        Instant validAt = T0.plusSeconds(validOffset);
        History<Integer> h = History.empty();
        for (int i = 0; i < steps.size(); i++) {
            h = h.register(times.get(i), "actor", null, steps.get(i).effects());
            if (i + 1 < steps.size() && registeredAt.isBefore(times.get(i + 1))) {
                assertEquals(h.asOf(registeredAt, validAt), all.asOf(registeredAt, validAt),
                        "what was known before registration " + (i + 1) + " must not change");
            }
        }
        assertEquals(h, all);
        assertEquals(History.of(all.registrations()), all);
    }
}
