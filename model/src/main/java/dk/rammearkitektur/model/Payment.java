package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment of a granted benefit (betaling, økonomisk effektuering): the benefit period it covers (ydelsesperiode),
 * the disposition date (dispositionsdato) and the amounts gross (samlet bruttobeløb), after tax and ATP (beløb efter
 * skat/ATP), sent for payment (sendt til udbetaling) and paid (udbetalt).
 *
 * <p>All amounts are in one currency. The gross amount may be negative (a correction). When the amount sent for
 * payment differs from the amount after tax, {@link #offsetReason()} says why (e.g. modregning); when the amount paid
 * differs from the amount sent, {@link #paidReason()} says why. The payee (effektueringsmodtager) defaults to the
 * benefit's recipient.
 */
public final class Payment {
    private final PaymentId id;
    private final String reference;
    private final DatePeriod benefitPeriod;
    private final LocalDate dispositionDate;
    private final Money gross;
    private final Money afterTax;
    private final Money sentForPayment;
    private final Money paid;
    private final String offsetReason;
    private final String paidReason;
    private final PartyId payee;

    private Payment(Builder b) {
        this.id = b.id;
        this.reference = b.reference;
        this.benefitPeriod = b.benefitPeriod;
        this.dispositionDate = b.dispositionDate;
        this.gross = b.gross;
        this.afterTax = b.afterTax;
        this.sentForPayment = b.sentForPayment;
        this.paid = b.paid;
        this.offsetReason = b.offsetReason;
        this.paidReason = b.paidReason;
        this.payee = b.payee;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this payment's values. */
    public Builder toBuilder() {
        return new Builder().id(id).reference(reference).benefitPeriod(benefitPeriod).dispositionDate(dispositionDate)
                .gross(gross).afterTax(afterTax).sentForPayment(sentForPayment).paid(paid).offsetReason(offsetReason)
                .paidReason(paidReason).payee(payee);
    }

    /** The identity. */
    public PaymentId id() {
        return id;
    }

    /** The fagsystem's own reference (brugervendt nøgle), at most 50 characters, if any. */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** The period of the benefit this payment covers (ydelsesperiode). */
    public DatePeriod benefitPeriod() {
        return benefitPeriod;
    }

    /** The disposition date (dispositionsdato): the day the money is at the payee's disposal. */
    public LocalDate dispositionDate() {
        return dispositionDate;
    }

    /** The gross amount (samlet bruttobeløb); negative for a correction. */
    public Money gross() {
        return gross;
    }

    /** The amount after tax and ATP (beløb efter skat/ATP). */
    public Money afterTax() {
        return afterTax;
    }

    /** The amount sent for payment (beløb sendt til udbetaling). */
    public Money sentForPayment() {
        return sentForPayment;
    }

    /** The amount paid (beløb udbetalt), once known. */
    public Optional<Money> paid() {
        return Optional.ofNullable(paid);
    }

    /** Why the amount sent for payment differs from the amount after tax (sendt til udbetaling tekst), if given. */
    public Optional<String> offsetReason() {
        return Optional.ofNullable(offsetReason);
    }

    /** Why the amount paid differs from the amount sent for payment (udbetalt tekst), if given. */
    public Optional<String> paidReason() {
        return Optional.ofNullable(paidReason);
    }

    /** The party paid (effektueringsmodtager), if not the benefit's recipient; a party of the same case. */
    public Optional<PartyId> payee() {
        return Optional.ofNullable(payee);
    }

    /** The currency of all amounts. */
    public Currency currency() {
        return gross.currency();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payment p && id.equals(p.id) && Objects.equals(reference, p.reference)
                && benefitPeriod.equals(p.benefitPeriod) && dispositionDate.equals(p.dispositionDate)
                && gross.equals(p.gross) && afterTax.equals(p.afterTax) && sentForPayment.equals(p.sentForPayment)
                && Objects.equals(paid, p.paid) && Objects.equals(offsetReason, p.offsetReason)
                && Objects.equals(paidReason, p.paidReason) && Objects.equals(payee, p.payee);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, reference, benefitPeriod, dispositionDate, gross, afterTax, sentForPayment, paid,
                offsetReason, paidReason, payee);
    }

    @Override
    public String toString() {
        return "Payment[id=" + id + ", benefitPeriod=" + benefitPeriod + ", dispositionDate=" + dispositionDate
                + ", gross=" + gross + ", afterTax=" + afterTax + ", sentForPayment=" + sentForPayment + ", paid=" + paid
                + ", payee=" + payee + "]";
    }

    /** Builds a {@link Payment}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private PaymentId id;
        private String reference;
        private DatePeriod benefitPeriod;
        private LocalDate dispositionDate;
        private Money gross;
        private Money afterTax;
        private Money sentForPayment;
        private Money paid;
        private String offsetReason;
        private String paidReason;
        private PartyId payee;

        private Builder() {
        }

        /** Sets the id. */
        public Builder id(PaymentId value) {
            this.id = value;
            return this;
        }

        /** Sets the reference ({@code null} for none). */
        public Builder reference(String value) {
            this.reference = value;
            return this;
        }

        /** Sets the benefit period. */
        public Builder benefitPeriod(DatePeriod value) {
            this.benefitPeriod = value;
            return this;
        }

        /** Sets the disposition date. */
        public Builder dispositionDate(LocalDate value) {
            this.dispositionDate = value;
            return this;
        }

        /** Sets the gross amount. */
        public Builder gross(Money value) {
            this.gross = value;
            return this;
        }

        /** Sets the amount after tax and ATP. */
        public Builder afterTax(Money value) {
            this.afterTax = value;
            return this;
        }

        /** Sets the amount sent for payment. */
        public Builder sentForPayment(Money value) {
            this.sentForPayment = value;
            return this;
        }

        /** Sets the amount paid ({@code null} while not known). */
        public Builder paid(Money value) {
            this.paid = value;
            return this;
        }

        /** Sets why the amount sent differs from the amount after tax. */
        public Builder offsetReason(String value) {
            this.offsetReason = value;
            return this;
        }

        /** Sets why the amount paid differs from the amount sent. */
        public Builder paidReason(String value) {
            this.paidReason = value;
            return this;
        }

        /** Sets the payee ({@code null} for the benefit's recipient). */
        public Builder payee(PartyId value) {
            this.payee = value;
            return this;
        }

        /**
         * Builds the payment.
         *
         * @return the payment
         * @throws ValidationException listing every violation under {@code payment}, e.g.
         *     {@code payment.offsetReason: is required when sentForPayment differs from afterTax}
         */
        public Payment build() {
            Violations v = Violations.at("payment");
            Checks.required(v, "id", id);
            Checks.optionalText(v, "reference", reference, 50);
            Checks.required(v, "benefitPeriod", benefitPeriod);
            Checks.date(v, "dispositionDate", dispositionDate);
            Checks.required(v, "gross", gross);
            Checks.required(v, "afterTax", afterTax);
            Checks.required(v, "sentForPayment", sentForPayment);
            if (gross != null) {
                sameCurrency(v, "afterTax", afterTax);
                sameCurrency(v, "sentForPayment", sentForPayment);
                sameCurrency(v, "paid", paid);
            }
            Checks.optionalText(v, "offsetReason", offsetReason, 255);
            Checks.optionalText(v, "paidReason", paidReason, 255);
            if (afterTax != null && sentForPayment != null && !afterTax.sameAs(sentForPayment)) {
                v.require(offsetReason != null, "offsetReason", "is required when sentForPayment differs from afterTax");
            }
            if (paid != null && sentForPayment != null && !paid.sameAs(sentForPayment)) {
                v.require(paidReason != null, "paidReason", "is required when paid differs from sentForPayment");
            }
            v.throwIfAny();
            return new Payment(this);
        }

        private void sameCurrency(Violations v, String field, Money value) {
            if (value != null) {
                v.require(value.currency().equals(gross.currency()), field + ".currency",
                        "must be " + gross.currency().getCurrencyCode() + ", the currency of gross");
            }
        }
    }
}
