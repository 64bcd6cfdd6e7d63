package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money (beløb) in a currency (valuta): at most two decimals, stored with exactly two, and at most
 * {@link #MAX_ABS} either side of zero. May be negative (a correction, modregning or tilbagebetaling).
 *
 * @param amount the amount, scale 2
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
    /** The largest absolute amount accepted; the same bound as {@link Benefit#MAX_AMOUNT}. */
    public static final BigDecimal MAX_ABS = Benefit.MAX_AMOUNT;
    /** Danish kroner, the default currency of the model. */
    public static final Currency DKK = Currency.getInstance("DKK");

    /**
     * Checks and normalises the amount to two decimals.
     *
     * @throws ValidationException at {@code money.amount} / {@code money.currency}
     */
    public Money {
        Violations v = Violations.at("money");
        v.require(currency != null, "currency", "is required");
        if (v.require(amount != null, "amount", "is required")
                && v.require(amount.scale() <= 2 || amount.stripTrailingZeros().scale() <= 2, "amount",
                        "must have at most 2 decimals")
                && v.require(amount.abs().compareTo(MAX_ABS) <= 0, "amount",
                        "must be between -" + MAX_ABS.toPlainString() + " and " + MAX_ABS.toPlainString())) {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        }
        v.throwIfAny();
    }

    /** An amount in {@code currency}. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** An amount in Danish kroner. */
    public static Money dkk(BigDecimal amount) {
        return new Money(amount, DKK);
    }

    /**
     * An amount in Danish kroner from its decimal text, e.g. {@code "1234.50"} or {@code "-12.5"}.
     *
     * @throws ValidationException at {@code money.amount} unless it is a plain decimal number within the bounds
     */
    public static Money dkk(String amount) {
        Objects.requireNonNull(amount, "amount == null");
        if (!amount.matches("-?[0-9]{1,20}(\\.[0-9]{1,20})?")) {
            throw new ValidationException("money.amount", "must be a decimal number such as 1234.50");
        }
        return dkk(new BigDecimal(amount));
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Whether both have the same currency and numerically the same amount. */
    public boolean sameAs(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /** The amount and currency code, e.g. {@code 1234.50 DKK}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
