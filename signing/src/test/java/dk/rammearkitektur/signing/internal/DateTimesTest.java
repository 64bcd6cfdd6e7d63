package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast xs:dateTime reader gives exactly what {@code OffsetDateTime.parse(...).toInstant()} gives, or throws as it does. */
class DateTimesTest {

    @Provide
    Arbitrary<String> dateTimes() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_104_060_800L, 253_370_764_799L); // years 2 to 9998
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        Arbitrary<Integer> digits = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> offsetMinutes = Arbitraries.integers().between(-18 * 60, 18 * 60);
        return Combinators.combine(seconds, nanos, digits, offsetMinutes).as((s, n, d, o) -> {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(o * 60);
            OffsetDateTime t = Instant.ofEpochSecond(s, n).atOffset(offset);
            String fraction = d == 0 ? "" : "." + String.format("%09d", t.getNano()).substring(0, d);
            String zone = o == 0 && n % 2 == 0 ? "Z" : offset.getId().equals("Z") ? "+00:00" : offset.getId();
            return String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.getHour(), t.getMinute(), t.getSecond()) + fraction + zone;
        });
    }

    @Property(tries = 2000)
    void readsTokenFormsAsTheJdkDoes(@ForAll("dateTimes") String text) {
        assertNotNull(DateTimes.fast(text), text + " takes the fast path");
        assertEquals(OffsetDateTime.parse(text).toInstant(), DateTimes.parse(text), text);
    }

    @Property(tries = 3000)
    void anyMutationEndsAsTheJdkEnds(@ForAll("dateTimes") String text, @ForAll int position,
            @ForAll("replacements") char replacement) {
        StringBuilder b = new StringBuilder(text);
        int at = Math.floorMod(position, b.length() + 1);
        if (at == b.length() || position % 3 == 0) {
            b.insert(at, replacement);
        } else if (position % 3 == 1) {
            b.setCharAt(at, replacement);
        } else {
            b.deleteCharAt(at);
        }
        String mutated = b.toString();
        Instant expected;
        try {
            expected = OffsetDateTime.parse(mutated).toInstant();
        } catch (DateTimeException e) {
            assertThrows(DateTimeParseException.class, () -> DateTimes.parse(mutated), mutated);
            return;
        }
        assertEquals(expected, DateTimes.parse(mutated), mutated);
    }

    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.of('0', '1', '2', '3', '5', '9', '-', '+', ':', '.', 'T', 't', 'Z', 'z', ' ', 'x', '\u0661');
    }

    @Test
    void invalidCalendarDatesAndLimitsGoToTheJdk() {
        for (String bad : new String[] {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-07T24:00:00Z",
                "2026-12-07T12:60:00Z", "2026-12-07T12:00:60Z", "2026-12-07T12:00:00+19:00",
                "2026-12-07T12:00:00.1234567890Z", "2026-12-07T12:00:00", "2026-12-07 12:00:00Z"}) {
            assertNull(DateTimes.fast(bad), bad);
            assertThrows(DateTimeParseException.class, () -> DateTimes.parse(bad), bad);
        }
        assertNull(DateTimes.fast("2026-12-07T12:00:00.Z"), "an empty fraction is the JDK's to judge");
        assertEquals(OffsetDateTime.parse("2026-12-07T12:00:00.Z").toInstant(), DateTimes.parse("2026-12-07T12:00:00.Z"));
        assertEquals(Instant.parse("2024-02-29T11:00:00Z"), DateTimes.parse("2024-02-29T12:00:00+01:00"));
        assertEquals(Instant.parse("2026-12-07T12:00:00Z"), DateTimes.parse("2026-12-07t12:00:00z"), "the JDK's case rule");
    }
}
