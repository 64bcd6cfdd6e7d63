package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CvrTest {
    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    /** Valid CVR numbers: seven random digits (first not 0) completed with the digit that makes the sum divisible by 11. */
    @Provide
    Arbitrary<String> validCvrs() {
        return Arbitraries.integers().between(1_000_000, 9_999_999).map(String::valueOf).map(seven -> {
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += WEIGHTS[i] * (seven.charAt(i) - '0');
            }
            int check = (11 - sum % 11) % 11;
            return check == 10 ? null : seven + check;
        }).filter(s -> s != null);
    }

    @Property(tries = 1000)
    void validNumbersParse(@ForAll("validCvrs") String text) {
        assertEquals(text, Cvr.parse(text).value());
        assertEquals(text, Cvr.parse(text).toString());
    }

    @Property(tries = 1000)
    void everySingleDigitChangeIsDetected(@ForAll("validCvrs") String text) {
        for (int position = 0; position < 8; position++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == text.charAt(position)) {
                    continue;
                }
                String changed = text.substring(0, position) + d + text.substring(position + 1);
                ValidationException e = assertThrows(ValidationException.class, () -> Cvr.parse(changed), changed);
                assertEquals("cvr", e.violations().get(0).path());
            }
        }
    }

    @Test
    void knownNumber() {
        assertEquals("25313763", Cvr.parse("25313763").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2531376", "253137630", "2531376a", "25313764", "02531376"})
    void refusesMalformed(String text) {
        assertEquals("cvr", assertThrows(ValidationException.class, () -> Cvr.parse(text)).violations().get(0).path());
    }

    @Test
    void pNumberIsTenDigits() {
        assertEquals("1003388394", PNumber.parse("1003388394").value());
        assertEquals("pNumber: must be 10 digits", assertThrows(ValidationException.class, () -> PNumber.parse("100338839")).getMessage());
        assertThrows(ValidationException.class, () -> PNumber.parse("10033883x4"));
    }
}
