package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private static List<Violation> violations(Runnable r) {
        return assertThrows(ValidationException.class, r::run).violations();
    }

    @Test
    void normalisesToTwoDecimalsAndKeepsTheCurrency() {
        Money m = Money.dkk("12.5");
        assertEquals(new BigDecimal("12.50"), m.amount());
        assertEquals("DKK", m.currency().getCurrencyCode());
        assertEquals("12.50 DKK", m.toString());
        assertEquals(Money.of(new BigDecimal("12.500"), Money.DKK), m);
        assertEquals(EUR, Money.of(BigDecimal.ONE, EUR).currency());
    }

    @Test
    void mayBeNegativeWithinTheBound() {
        Money correction = Money.dkk(Money.MAX_ABS.negate());
        assertTrue(correction.isNegative());
        assertFalse(Money.dkk("0").isNegative());
    }

    @Test
    void refusesMoreThanTwoDecimals() {
        assertEquals(List.of(Violation.of("money.amount", "must have at most 2 decimals")),
                violations(() -> Money.dkk("1.005")));
    }

    @Test
    void refusesAmountsBeyondTheBoundEitherSide() {
        String rule = "must be between -999999999999.99 and 999999999999.99";
        assertEquals(List.of(Violation.of("money.amount", rule)), violations(() -> Money.dkk("1000000000000.00")));
        assertEquals(List.of(Violation.of("money.amount", rule)), violations(() -> Money.dkk("-1000000000000.00")));
    }

    @Test
    void refusesTextThatIsNotAPlainDecimal() {
        for (String text : List.of("", "1e3", "12,50", " 1", "+1", "1.")) {
            assertEquals(List.of(Violation.of("money.amount", "must be a decimal number such as 1234.50")),
                    violations(() -> Money.dkk(text)), text);
        }
    }

    @Test
    void requiresAmountAndCurrency() {
        assertEquals(List.of(Violation.of("money.currency", "is required"), Violation.of("money.amount", "is required")),
                violations(() -> Money.of(null, null)));
    }

    @Test
    void sameAsComparesNumericallyWithinOneCurrency() {
        assertTrue(Money.dkk("5").sameAs(Money.dkk("5.00")));
        assertFalse(Money.dkk("5").sameAs(Money.of(new BigDecimal("5"), EUR)));
        assertFalse(Money.dkk("5").sameAs(Money.dkk("-5")));
    }
}
