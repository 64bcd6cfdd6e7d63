package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {
    static final PaymentId ID = PaymentId.of(UUID.fromString("55555555-6666-4777-8888-999999999999"));
    private static final Currency EUR = Currency.getInstance("EUR");

    static Payment.Builder valid() {
        return Payment.builder().id(ID).benefitPeriod(DatePeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)))
                .dispositionDate(LocalDate.of(2026, 4, 30)).gross(Money.dkk("1234.50")).afterTax(Money.dkk("800.00"))
                .sentForPayment(Money.dkk("800"));
    }

    private static List<Violation> violations(Payment.Builder b) {
        return assertThrows(ValidationException.class, b::build).violations();
    }

    @Test
    void aMinimalPaymentHasNoOptionalParts() {
        Payment p = valid().build();
        assertEquals(ID, p.id());
        assertEquals(Optional.empty(), p.reference());
        assertEquals(Optional.empty(), p.paid());
        assertEquals(Optional.empty(), p.payee());
        assertEquals(Money.DKK, p.currency());
        assertEquals(p, p.toBuilder().build());
        assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
    }

    @Test
    void everyRequiredFieldIsReportedAtOnce() {
        assertEquals(List.of(Violation.of("payment.id", "is required"), Violation.of("payment.benefitPeriod", "is required"),
                Violation.of("payment.dispositionDate", "is required"), Violation.of("payment.gross", "is required"),
                Violation.of("payment.afterTax", "is required"), Violation.of("payment.sentForPayment", "is required")),
                violations(Payment.builder()));
    }

    @Test
    void referenceIsAtMostFiftyCharactersAndNotBlank() {
        assertEquals("x".repeat(50), valid().reference("x".repeat(50)).build().reference().orElseThrow());
        assertEquals(List.of(Violation.of("payment.reference", "must be at most 50 characters")),
                violations(valid().reference("x".repeat(51))));
        assertEquals(List.of(Violation.of("payment.reference", "must not be blank")), violations(valid().reference(" ")));
    }

    @Test
    void dispositionDateIsWithinTheModelsYears() {
        assertEquals(List.of(Violation.of("payment.dispositionDate", "must be within the years 1 to 9999")),
                violations(valid().dispositionDate(LocalDate.of(10000, 1, 1))));
    }

    @Test
    void grossMayBeNegativeForACorrection() {
        Payment correction = valid().gross(Money.dkk("-500.00")).afterTax(Money.dkk("-300")).sentForPayment(Money.dkk("-300"))
                .build();
        assertTrue(correction.gross().isNegative());
    }

    @Test
    void allAmountsAreInTheCurrencyOfGross() {
        Money eur = Money.of(new BigDecimal("800"), EUR);
        assertEquals(List.of(Violation.of("payment.afterTax.currency", "must be DKK, the currency of gross"),
                Violation.of("payment.sentForPayment.currency", "must be DKK, the currency of gross"),
                Violation.of("payment.paid.currency", "must be DKK, the currency of gross")),
                violations(valid().afterTax(eur).sentForPayment(eur).paid(eur)));
        Payment inEur = valid().gross(eur).afterTax(eur).sentForPayment(eur).build();
        assertEquals(EUR, inEur.currency());
    }

    @Test
    void offsetReasonIsRequiredWhenTheAmountSentDiffersFromTheAmountAfterTax() {
        assertEquals(List.of(Violation.of("payment.offsetReason", "is required when sentForPayment differs from afterTax")),
                violations(valid().sentForPayment(Money.dkk("700"))));
        Payment offset = valid().sentForPayment(Money.dkk("700")).offsetReason("Modregning af restance").build();
        assertEquals("Modregning af restance", offset.offsetReason().orElseThrow());
        assertEquals("Forklaring", valid().offsetReason("Forklaring").build().offsetReason().orElseThrow());
    }

    @Test
    void paidReasonIsRequiredWhenTheAmountPaidDiffersFromTheAmountSent() {
        assertEquals(List.of(Violation.of("payment.paidReason", "is required when paid differs from sentForPayment")),
                violations(valid().paid(Money.dkk("0"))));
        assertEquals(Money.dkk("800"), valid().paid(Money.dkk("800.0")).build().paid().orElseThrow());
        assertEquals("Returneret af banken",
                valid().paid(Money.dkk("0")).paidReason("Returneret af banken").build().paidReason().orElseThrow());
    }

    @Test
    void reasonsAreAtMost255Characters() {
        assertEquals(List.of(Violation.of("payment.offsetReason", "must be at most 255 characters"),
                Violation.of("payment.paidReason", "must be at most 255 characters")),
                violations(valid().offsetReason("x".repeat(256)).paidReason("y".repeat(256))));
    }

    @Test
    void toStringShowsTheAmountsButNoReasons() {
        String s = valid().offsetReason("Personlig forklaring").build().toString();
        assertTrue(s.contains("gross=1234.50 DKK"), s);
        assertFalse(s.contains("Personlig"), s);
    }
}
