package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void asOfAnswersWhatWasKnownWhenAboutWhen() {
        History<String> h = History.start(JAN, "a", null, List.of(Effect.of(Validity.from(JAN), "first")));
        h = h.register(MAR, "b", "correction", List.of(
                Effect.of(Validity.of(JAN, FEB), "first"), Effect.of(Validity.from(FEB), "second")));
        Instant midFeb = Instant.parse("2026-02-15T00:00:00Z");
        assertEquals(Optional.of("first"), h.asOf(midFeb, midFeb), "before the correction, February was 'first'");
        assertEquals(Optional.of("second"), h.asOf(MAR, midFeb), "after it, February is 'second'");
        assertEquals(Optional.of("first"), h.asOf(MAR, JAN));
        assertEquals(Optional.empty(), h.asOf(JAN.minusSeconds(1), midFeb), "nothing was registered yet");
        assertEquals(Optional.empty(), h.asOf(MAR, JAN.minusSeconds(1)), "no value valid before January");
        assertEquals(Optional.of(MAR), h.registrations().get(0).registeredTo());
        assertEquals(Optional.of("correction"), h.latest().orElseThrow().note());
    }

    @Test
    void worksForModelTypes() {
        History<Case> h = Samples.history();
        assertEquals(CaseStatus.IN_PROGRESS, h.asOf(Instant.parse("2026-04-01T00:00:00Z"), MAR).orElseThrow().status());
        assertEquals(CaseStatus.CREATED, h.asOf(FEB, MAR).orElseThrow().status());
    }

    @Test
    void invalidRegistrationsAreRefusedWithPaths() {
        ValidationException e = assertThrows(ValidationException.class, () -> Registration.of(FEB, JAN, " ", null,
                List.of(Effect.of(Validity.from(JAN), "x"), Effect.of(Validity.of(FEB, MAR), "y"))));
        assertEquals("3 violations: registration.registeredTo: must be after registeredFrom; registration.actor: must not be blank; "
                + "registration.effects[1].validity: overlaps effects[0]", e.getMessage());
        Registration<String> open = Registration.of(JAN, null, "a", null, List.of());
        Registration<String> later = Registration.of(FEB, null, "a", null, List.of());
        assertEquals("history.registrations[0].registeredTo",
                assertThrows(ValidationException.class, () -> History.of(List.of(open, later))).violations().get(0).path());
        History<String> h = History.of(List.of(open));
        assertThrows(ValidationException.class, () -> h.register(JAN, "a", null, List.of()));
        assertEquals("validity.to", assertThrows(ValidationException.class, () -> Validity.of(FEB, JAN)).violations().get(0).path());
    }
}
