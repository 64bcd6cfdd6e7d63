package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A benefit (ydelse, bevilling) granted or applied for on a case: type, recipient (ydelsesmodtager), optional grantee
 * (bevillingsmodtager), grant period, amount in a currency (DKK unless set) and frequency, payment plan (forud/bagud,
 * dispositionsdag), status with legal transitions ({@link BenefitStatus}), decision documents, legal basis (hjemmel)
 * and payments (økonomiske effektueringer).
 *
 * <p>Amounts have exactly two decimals ({@code 1234.50}) and are never negative. A granted or ended benefit has a
 * grant period; an ended one has a period with a last day. Only a granted or ended benefit has payments; their ids
 * are unique and their amounts are in the benefit's currency.
 */
public final class Benefit {
    /** The largest amount accepted. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final String MAX_AMOUNT_RULE = "must not exceed " + MAX_AMOUNT.toPlainString();

    private final BenefitId id;
    private final ClassificationCode type;
    private final PartyId recipient;
    private final DatePeriod grantPeriod;
    private final BigDecimal amount;
    private final Frequency frequency;
    private final BenefitStatus status;
    private final List<DocumentId> decisionDocuments;
    private final String legalBasis;
    private final PartyId grantee;
    private final Currency currency;
    private final PaymentTiming paymentTiming;
    private final String dispositionDay;
    private final List<Payment> payments;

    private Benefit(Builder b, BigDecimal amount) {
        this.id = b.id;
        this.type = b.type;
        this.recipient = b.recipient;
        this.grantPeriod = b.grantPeriod;
        this.amount = amount;
        this.frequency = b.frequency;
        this.status = b.status;
        this.decisionDocuments = List.copyOf(b.decisionDocuments);
        this.legalBasis = b.legalBasis;
        this.grantee = b.grantee;
        this.currency = b.currency;
        this.paymentTiming = b.paymentTiming;
        this.dispositionDay = b.dispositionDay;
        this.payments = List.copyOf(b.payments);
    }

    /** A builder; status starts as {@link BenefitStatus#APPLIED}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this benefit's values. */
    public Builder toBuilder() {
        return new Builder().id(id).type(type).recipient(recipient).grantPeriod(grantPeriod).amount(amount)
                .frequency(frequency).status(status).decisionDocuments(decisionDocuments).legalBasis(legalBasis).grantee(grantee).currency(currency)
                .paymentTiming(paymentTiming).dispositionDay(dispositionDay).payments(payments);
    }

    /** The identity. */
    public BenefitId id() {
        return id;
    }

    /** The type of benefit as a classification code. */
    public ClassificationCode type() {
        return type;
    }

    /** The party receiving the benefit; a party of the same case. */
    public PartyId recipient() {
        return recipient;
    }

    /** The grant period (bevillingsperiode), if decided. */
    public Optional<DatePeriod> grantPeriod() {
        return Optional.ofNullable(grantPeriod);
    }

    /** The amount in {@link #currency()} with scale 2, not negative. */
    public BigDecimal amount() {
        return amount;
    }

    /** The amount with its currency. */
    public Money money() {
        return Money.of(amount, currency);
    }

    /** The currency of the amount and of every payment; DKK unless set. */
    public Currency currency() {
        return currency;
    }

    /** The party the benefit is granted to (bevillingsmodtager), if not the recipient; a party of the same case. */
    public Optional<PartyId> grantee() {
        return Optional.ofNullable(grantee);
    }

    /** Whether the benefit is paid before or after the period it covers (forud/bagud), if decided. */
    public Optional<PaymentTiming> paymentTiming() {
        return Optional.ofNullable(paymentTiming);
    }

    /** The disposition day of the payment plan (dispositionsdag), e.g. {@code sidste bankdag}, if decided. */
    public Optional<String> dispositionDay() {
        return Optional.ofNullable(dispositionDay);
    }

    /** The payments (økonomiske effektueringer) made; empty unless granted or ended. */
    public List<Payment> payments() {
        return payments;
    }

    /** How often the amount is paid. */
    public Frequency frequency() {
        return frequency;
    }

    /** The status. */
    public BenefitStatus status() {
        return status;
    }

    /** Documents with the decisions on this benefit; journalised on the same case. */
    public List<DocumentId> decisionDocuments() {
        return decisionDocuments;
    }

    /** The legal basis (hjemmel), e.g. {@code Serviceloven § 41}. */
    public String legalBasis() {
        return legalBasis;
    }

    /**
     * This benefit in status {@code target}.
     *
     * @param target the new status
     * @return the changed benefit
     * @throws ValidationException at {@code benefit.status} for an illegal transition, or when the result would be
     *     invalid (e.g. granted without grant period)
     */
    public Benefit withStatus(BenefitStatus target) {
        Objects.requireNonNull(target, "target == null");
        if (!status.canTransitionTo(target)) {
            throw new ValidationException("benefit.status", "cannot go from " + status + " to " + target);
        }
        return toBuilder().status(target).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Benefit b && id.equals(b.id) && type.equals(b.type) && recipient.equals(b.recipient)
                && Objects.equals(grantPeriod, b.grantPeriod) && amount.equals(b.amount) && frequency == b.frequency
                && status == b.status && decisionDocuments.equals(b.decisionDocuments) && legalBasis.equals(b.legalBasis)
                && Objects.equals(grantee, b.grantee) && currency.equals(b.currency) && paymentTiming == b.paymentTiming
                && Objects.equals(dispositionDay, b.dispositionDay) && payments.equals(b.payments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, recipient, grantPeriod, amount, frequency, status, decisionDocuments, legalBasis,
                grantee, currency, paymentTiming, dispositionDay, payments);
    }

    @Override
    public String toString() {
        return "Benefit[id=" + id + ", type=" + type + ", recipient=" + recipient + ", grantPeriod=" + grantPeriod
                + ", amount=" + amount + " " + currency.getCurrencyCode() + ", frequency=" + frequency + ", status=" + status
                + ", payments=" + payments.size() + "]";
    }

    /** Builds a {@link Benefit}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private BenefitId id;
        private ClassificationCode type;
        private PartyId recipient;
        private DatePeriod grantPeriod;
        private BigDecimal amount;
        private Frequency frequency;
        private BenefitStatus status = BenefitStatus.APPLIED;
        private List<DocumentId> decisionDocuments = new ArrayList<>();
        private String legalBasis;
        private PartyId grantee;
        private Currency currency = Money.DKK;
        private PaymentTiming paymentTiming;
        private String dispositionDay;
        private List<Payment> payments = new ArrayList<>();

        private Builder() {
        }

        /** Sets the id. */
        public Builder id(BenefitId value) {
            this.id = value;
            return this;
        }

        /** Sets the type. */
        public Builder type(ClassificationCode value) {
            this.type = value;
            return this;
        }

        /** Sets the recipient. */
        public Builder recipient(PartyId value) {
            this.recipient = value;
            return this;
        }

        /** Sets the grant period ({@code null} for not yet decided). */
        public Builder grantPeriod(DatePeriod value) {
            this.grantPeriod = value;
            return this;
        }

        /** Sets the amount in the benefit's currency; at most two decimals. */
        public Builder amount(BigDecimal value) {
            this.amount = value;
            return this;
        }

        /** Sets the frequency. */
        public Builder frequency(Frequency value) {
            this.frequency = value;
            return this;
        }

        /** Sets the status (when loading stored data; use {@link Benefit#withStatus} for changes). */
        public Builder status(BenefitStatus value) {
            this.status = value;
            return this;
        }

        /** Replaces the decision documents. */
        public Builder decisionDocuments(List<DocumentId> value) {
            this.decisionDocuments = Checks.copy(value);
            return this;
        }

        /** Adds a decision document. */
        public Builder addDecisionDocument(DocumentId value) {
            if (decisionDocuments == null) {
                decisionDocuments = new ArrayList<>();
            }
            decisionDocuments.add(value);
            return this;
        }

        /** Sets the legal basis. */
        public Builder legalBasis(String value) {
            this.legalBasis = value;
            return this;
        }

        /** Sets the grantee ({@code null} when it is the recipient). */
        public Builder grantee(PartyId value) {
            this.grantee = value;
            return this;
        }

        /** Sets the currency of the amount and the payments; DKK by default. */
        public Builder currency(Currency value) {
            this.currency = value;
            return this;
        }

        /** Sets the payment timing ({@code null} for not decided). */
        public Builder paymentTiming(PaymentTiming value) {
            this.paymentTiming = value;
            return this;
        }

        /** Sets the disposition day, at most 50 characters ({@code null} for not decided). */
        public Builder dispositionDay(String value) {
            this.dispositionDay = value;
            return this;
        }

        /** Replaces the payments. */
        public Builder payments(List<Payment> value) {
            this.payments = Checks.copy(value);
            return this;
        }

        /** Adds a payment. */
        public Builder addPayment(Payment value) {
            if (payments == null) {
                payments = new ArrayList<>();
            }
            payments.add(value);
            return this;
        }

        /**
         * Builds the benefit.
         *
         * @return the benefit
         * @throws ValidationException listing every violation under {@code benefit}
         */
        public Benefit build() {
            Violations v = Violations.at("benefit");
            Checks.required(v, "id", id);
            Checks.required(v, "type", type);
            Checks.required(v, "recipient", recipient);
            BigDecimal normalised = null;
            if (Checks.required(v, "amount", amount)
                    && v.require(amount.signum() >= 0, "amount", "must not be negative")
                    && v.require(amount.scale() <= 2 || amount.stripTrailingZeros().scale() <= 2, "amount", "must have at most 2 decimals")
                    && v.require(amount.compareTo(MAX_AMOUNT) <= 0, "amount", MAX_AMOUNT_RULE)) {
                normalised = amount.scale() == 2 ? amount : amount.setScale(2, RoundingMode.UNNECESSARY);
            }
            Checks.required(v, "frequency", frequency);
            Checks.required(v, "status", status);
            if (status == BenefitStatus.GRANTED || status == BenefitStatus.ENDED) {
                if (grantPeriod == null) {
                    v.add("grantPeriod", "is required when the benefit is " + status);
                } else if (status == BenefitStatus.ENDED) {
                    v.require(grantPeriod.to().isPresent(), "grantPeriod.to", "is required when the benefit is ENDED");
                }
            }
            if (Checks.required(v, "decisionDocuments", decisionDocuments)) {
                Checks.uniqueElements(v, "decisionDocuments", decisionDocuments, d -> d, "document id");
            }
            Checks.text(v, "legalBasis", legalBasis, 500);
            Checks.required(v, "currency", currency);
            Checks.optionalText(v, "dispositionDay", dispositionDay, 50);
            if (Checks.required(v, "payments", payments)) {
                Checks.uniqueElements(v, "payments", payments, Payment::id, "payment id");
                if (!payments.isEmpty() && status != null) {
                    v.require(status == BenefitStatus.GRANTED || status == BenefitStatus.ENDED, "payments",
                            "must be empty unless the benefit is GRANTED or ENDED");
                }
                for (int j = 0; j < payments.size() && currency != null; j++) {
                    Payment p = payments.get(j);
                    if (p != null && !p.currency().equals(currency)) {
                        v.add("payments[" + j + "].currency",
                                "must be " + currency.getCurrencyCode() + ", the currency of the benefit");
                    }
                }
            }
            v.throwIfAny();
            return new Benefit(this, normalised);
        }
    }
}
