package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClasses;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.ClassificationCode;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.PaymentTiming;
import dk.rammearkitektur.model.Validity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A case with a granted benefit and payments, for the Ydelsesindeks tests. */
final class BenefitIndexCases {
    static final BenefitId BENEFIT = BenefitId.of(UUID.fromString("99999999-9999-4999-8999-999999999999"));
    static final PaymentId MAY = PaymentId.of(UUID.fromString("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"));
    static final PaymentId JUNE = PaymentId.of(UUID.fromString("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"));
    static final CaseId CASE = CaseId.of(UUID.fromString("77777777-7777-4777-8777-777777777777"));
    static final Instant GRANTED_AT = Instant.parse("2024-04-20T10:00:00Z");
    static final Instant PAID_AT = Instant.parse("2024-06-05T10:00:00Z");

    private BenefitIndexCases() {
    }

    static Map<String, UUID> classes() {
        Map<String, UUID> m = new LinkedHashMap<>();
        int i = 0;
        for (String key : BenefitIndexClasses.ROLES) {
            m.put(key, UUID.nameUUIDFromBytes(("role" + i++ + key).getBytes(StandardCharsets.UTF_8)));
        }
        for (String key : BenefitIndexClasses.OBJECT_TYPES) {
            m.put(key, UUID.nameUUIDFromBytes(("type" + i++ + key).getBytes(StandardCharsets.UTF_8)));
        }
        return m;
    }

    static Payment may() {
        return Payment.builder().id(MAY).benefitPeriod(DatePeriod.of(LocalDate.of(2024, 5, 1),
                        LocalDate.of(2024, 5, 31))).dispositionDate(LocalDate.of(2024, 6, 3))
                .gross(Money.dkk("1234.50")).afterTax(Money.dkk("800.00")).sentForPayment(Money.dkk("750.00"))
                .offsetReason("Modregning af skyld").paid(Money.dkk("750.00")).build();
    }

    static Payment june() {
        return Payment.builder().id(JUNE).reference("UDB-2024-06").benefitPeriod(DatePeriod.of(
                        LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30))).dispositionDate(LocalDate.of(2024, 7, 1))
                .gross(Money.dkk("-100.00")).afterTax(Money.dkk("-100.00")).sentForPayment(Money.dkk("-100.00"))
                .build();
    }

    /** Sygedagpenge from 1 May to 31 October 2024, monthly in arrears. */
    static Benefit.Builder benefit() {
        return Benefit.builder().id(BENEFIT).type(ClassificationCode.of("KL-ydelser", "Sygedagpenge"))
                .recipient(IndexCases.CITIZEN.id()).grantPeriod(DatePeriod.of(LocalDate.of(2024, 5, 1),
                        LocalDate.of(2024, 10, 31))).amount(new BigDecimal("1234.50")).frequency(Frequency.MONTHLY)
                .status(BenefitStatus.GRANTED).legalBasis("Sygedagpengeloven § 7")
                .paymentTiming(PaymentTiming.IN_ARREARS).dispositionDay("Sidste bankdag");
    }

    static Case withBenefit(Benefit b) {
        return IndexCases.base(CASE).toBuilder().addBenefit(b).build();
    }

    /**
     * Registered at {@link #GRANTED_AT} with the benefit granted and no payments, then at {@link #PAID_AT} with the
     * May payment, then with both payments a day later.
     */
    static History<Case> history() {
        Instant from = Instant.parse("2024-04-01T08:00:00Z");
        History<Case> h = History.start(GRANTED_AT, "fagsystem", "bevilget",
                List.of(Effect.of(Validity.from(from), withBenefit(benefit().build()))));
        h = h.register(PAID_AT, "fagsystem", "maj udbetalt",
                List.of(Effect.of(Validity.from(from), withBenefit(benefit().addPayment(may()).build()))));
        return h.register(PAID_AT.plusSeconds(86400), "fagsystem", null, List.of(Effect.of(Validity.from(from),
                withBenefit(benefit().addPayment(may()).addPayment(june()).build()))));
    }
}
