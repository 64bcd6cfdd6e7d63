package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CprTest {
    /**
     * The century rule written out as a table, independently of {@link Cpr#century}: rows are the 7th digit, columns
     * ranges of the two-digit year, cells the century.
     */
    private static int tableCentury(int seventh, int yy) {
        int[][] table = {
            // yy 00-36, 37-57, 58-99
            {1900, 1900, 1900}, // 0
            {1900, 1900, 1900}, // 1
            {1900, 1900, 1900}, // 2
            {1900, 1900, 1900}, // 3
            {2000, 1900, 1900}, // 4
            {2000, 2000, 1800}, // 5
            {2000, 2000, 1800}, // 6
            {2000, 2000, 1800}, // 7
            {2000, 2000, 1800}, // 8
            {2000, 1900, 1900}, // 9
        };
        int column = yy <= 36 ? 0 : yy <= 57 ? 1 : 2;
        return table[seventh][column];
    }

    @Property(tries = 1000)
    void centuryRuleEqualsTable(@ForAll @IntRange(min = 0, max = 9) int seventh, @ForAll @IntRange(min = 0, max = 99) int yy,
            @ForAll @IntRange(min = 0, max = 999) int rest) {
        String text = String.format("0101%02d%d%03d", yy, seventh, rest);
        Cpr cpr = Cpr.parse(text);
        assertEquals(LocalDate.of(tableCentury(seventh, yy) + yy, 1, 1), cpr.birthDate());
    }

    @Property(tries = 1000)
    void derivesDateSexAndReplacement(@ForAll("dates") LocalDate date, @ForAll @IntRange(min = 0, max = 9999) int serial,
            @ForAll boolean replacement) {
        int seventh = serial / 1000;
        int yy = date.getYear() % 100;
        LocalDate expected = LocalDate.of(tableCentury(seventh, yy) + yy, date.getMonth(), 1).withDayOfMonth(1);
        if (date.getDayOfMonth() > expected.lengthOfMonth()) {
            return; // 29 February does not exist in the century the serial implies
        }
        expected = expected.withDayOfMonth(date.getDayOfMonth());
        int day = date.getDayOfMonth() + (replacement ? 60 : 0);
        String digits = String.format("%02d%02d%02d%04d", day, date.getMonthValue(), yy, serial);
        Cpr cpr = Cpr.parse(digits);
        Cpr hyphen = Cpr.parse(digits.substring(0, 6) + "-" + digits.substring(6));
        assertEquals(cpr, hyphen);
        assertEquals(expected, cpr.birthDate());
        assertEquals(serial % 2 == 1 ? Sex.MALE : Sex.FEMALE, cpr.sex());
        assertEquals(replacement, cpr.isReplacementNumber());
        assertEquals(digits, cpr.value());
        assertEquals(digits.substring(0, 6) + "-****", cpr.toString());
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Combinators.combine(Arbitraries.integers().between(1900, 1999), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 31)).filter((y, m, d) -> d <= LocalDate.of(y, m, 1).lengthOfMonth())
                .as((y, m, d) -> LocalDate.of(y, m, d));
    }

    @Property(tries = 500)
    void anyNonDigitIsRefused(@ForAll @IntRange(min = 0, max = 9) int position, @ForAll("nonDigits") char c) {
        String text = "0101901234";
        String bad = text.substring(0, position) + c + text.substring(position + 1);
        ValidationException e = assertThrows(ValidationException.class, () -> Cpr.parse(bad));
        assertEquals("cpr", e.violations().get(0).path());
    }

    @Provide
    Arbitrary<Character> nonDigits() {
        return Arbitraries.chars().filter(c -> c < '0' || c > '9');
    }

    @Test
    void modulus11IsReportedNotRequired() {
        assertTrue(Cpr.parse("0707614285").passesModulus11());
        assertFalse(Cpr.parse("0707614286").passesModulus11());
    }

    @ParameterizedTest
    @CsvSource({
        "0101001234, 1900-01-01", "0101363999, 1936-01-01", "0101364999, 2036-01-01", "0101374999, 1937-01-01",
        "0101575999, 2057-01-01", "0101585999, 1858-01-01", "0101999999, 1999-01-01", "6101901234, 1990-01-01",
        "2902004000, 2000-02-29",
    })
    void knownBirthDates(String cpr, LocalDate expected) {
        assertEquals(expected, Cpr.parse(cpr).birthDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "010190123", "01019012345", "010190_1234", "0101-901234", "3202901234", "0013901234",
        "2902011234", "9201901234", "6001901234", "abcdefghij", "010190-12345"})
    void refusesMalformed(String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> Cpr.parse(text));
        assertEquals("cpr", e.violations().get(0).path());
        assertFalse(e.getMessage().contains("1234"), "message must not echo serial digits");
    }

    @Test
    void nullIsRefusedWithPath() {
        assertEquals("cpr: is required", assertThrows(ValidationException.class, () -> Cpr.parse(null)).getMessage());
    }
}
