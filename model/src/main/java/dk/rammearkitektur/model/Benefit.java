package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A benefit (ydelse) granted or applied for on a case: type, recipient, grant period, amount in DKK and frequency,
 * status with legal transitions ({@link BenefitStatus}), decision documents and legal basis (hjemmel).
 *
 * <p>Amounts have exactly two decimals ({@code 1234.50}) and are never negative. A granted or ended benefit has a
 * grant period; an ended one has a period with a last day.
 */
public final class Benefit {
    /** The largest amount accepted. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final BenefitId id;
    private final ClassificationCode type;
    private final PartyId recipient;
    private final DatePeriod grantPeriod;
    private final BigDecimal amount;
    private final Frequency frequency;
    private final BenefitStatus status;
    private final List<DocumentId> decisionDocuments;
    private final String legalBasis;

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
    }

    /** A builder; status starts as {@link BenefitStatus#APPLIED}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this benefit's values. */
    public Builder toBuilder() {
        return new Builder().id(id).type(type).recipient(recipient).grantPeriod(grantPeriod).amount(amount)
                .frequency(frequency).status(status).decisionDocuments(decisionDocuments).legalBasis(legalBasis);
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

    /** The amount in DKK with scale 2, not negative. */
    public BigDecimal amount() {
        return amount;
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
                && status == b.status && decisionDocuments.equals(b.decisionDocuments) && legalBasis.equals(b.legalBasis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, recipient, grantPeriod, amount, frequency, status, decisionDocuments, legalBasis);
    }

    @Override
    public String toString() {
        return "Benefit[id=" + id + ", type=" + type + ", recipient=" + recipient + ", grantPeriod=" + grantPeriod
                + ", amount=" + amount + ", frequency=" + frequency + ", status=" + status + "]";
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

        /** Sets the amount in DKK; at most two decimals. */
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
                    && v.require(amount.compareTo(MAX_AMOUNT) <= 0, "amount", "must not exceed " + MAX_AMOUNT.toPlainString())) {
                normalised = amount.scale() == 2 ? amount : amount.setScale(2, RoundingMode.UNNECESSARY);
            }
            Checks.required(v, "frequency", frequency);
            Checks.required(v, "status", status);
            if (status == BenefitStatus.GRANTED || status == BenefitStatus.ENDED) {
                if (v.require(grantPeriod != null, "grantPeriod", "is required when the benefit is " + status)
                        && status == BenefitStatus.ENDED) {
                    v.require(grantPeriod.to().isPresent(), "grantPeriod.to", "is required when the benefit is ENDED");
                }
            }
            if (Checks.required(v, "decisionDocuments", decisionDocuments)) {
                Checks.uniqueElements(v, "decisionDocuments", decisionDocuments, d -> d, "document id");
            }
            Checks.text(v, "legalBasis", legalBasis, 500);
            v.throwIfAny();
            return new Benefit(this, normalised);
        }
    }
}
