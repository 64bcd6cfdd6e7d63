package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import dk.rammearkitektur.model.xml.ModelXml;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The benefit's payment plan, grantee, currency and payments, and how a case checks them. */
class BenefitPaymentsTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final PartyId STRANGER = PartyId.of(UUID.fromString("77777777-8888-4999-8aaa-bbbbbbbbbbbb"));

    private static List<Violation> violations(Runnable r) {
        return assertThrows(ValidationException.class, r::run).violations();
    }

    private static Benefit withPayment() {
        return Samples.benefit().toBuilder().grantee(Samples.GUARDIAN_ID).paymentTiming(PaymentTiming.IN_ARREARS)
                .dispositionDay("Sidste bankdag i måneden")
                .addPayment(PaymentTest.valid().reference("B-1").payee(Samples.COMPANY_ID).paid(Money.dkk("700"))
                        .paidReason("Delvist returneret").build())
                .build();
    }

    @Test
    void defaultsAreDkkWithoutPlanOrPayments() {
        Benefit b = Samples.benefit();
        assertEquals(Money.DKK, b.currency());
        assertEquals(Money.dkk("1234.50"), b.money());
        assertEquals(Optional.empty(), b.grantee());
        assertEquals(Optional.empty(), b.paymentTiming());
        assertEquals(Optional.empty(), b.dispositionDay());
        assertEquals(List.of(), b.payments());
    }

    @Test
    void newPartsSurviveToBuilderAndStatusChange() {
        Benefit b = withPayment();
        assertEquals(b, b.toBuilder().build());
        Benefit ended = b.toBuilder().grantPeriod(b.grantPeriod().orElseThrow()).build().withStatus(BenefitStatus.ENDED);
        assertEquals(b.payments(), ended.payments());
        assertEquals(Optional.of(Samples.GUARDIAN_ID), ended.grantee());
        assertFalse(b.equals(b.toBuilder().paymentTiming(PaymentTiming.IN_ADVANCE).build()));
    }

    @Test
    void paymentsOnlyOnAGrantedOrEndedBenefit() {
        Benefit.Builder applied = withPayment().toBuilder().status(BenefitStatus.APPLIED);
        assertEquals(List.of(Violation.of("benefit.payments", "must be empty unless the benefit is GRANTED or ENDED")),
                violations(applied::build));
        Benefit.Builder refused = withPayment().toBuilder().status(BenefitStatus.REFUSED);
        assertEquals(List.of(Violation.of("benefit.payments", "must be empty unless the benefit is GRANTED or ENDED")),
                violations(refused::build));
    }

    @Test
    void paymentIdsAreUniqueAndNotNull() {
        Payment p = PaymentTest.valid().build();
        assertEquals(List.of(Violation.of("benefit.payments[1]", "duplicate payment id"),
                Violation.of("benefit.payments[2]", "must not be null")),
                violations(() -> Samples.benefit().toBuilder().payments(java.util.Arrays.asList(p, p, null)).build()));
    }

    @Test
    void paymentsAreInTheBenefitsCurrency() {
        assertEquals(List.of(Violation.of("benefit.payments[0].currency", "must be EUR, the currency of the benefit")),
                violations(() -> withPayment().toBuilder().currency(EUR).build()));
        Money eur = Money.of(new BigDecimal("10"), EUR);
        Benefit inEur = Samples.benefit().toBuilder().currency(EUR)
                .addPayment(PaymentTest.valid().gross(eur).afterTax(eur).sentForPayment(eur).build()).build();
        assertEquals(EUR, inEur.money().currency());
    }

    @Test
    void currencyIsRequiredAndDispositionDayAtMostFifty() {
        assertEquals(List.of(Violation.of("benefit.currency", "is required")),
                violations(() -> Samples.benefit().toBuilder().currency(null).build()));
        assertEquals(List.of(Violation.of("benefit.dispositionDay", "must be at most 50 characters")),
                violations(() -> Samples.benefit().toBuilder().dispositionDay("d".repeat(51)).build()));
    }

    @Test
    void theCaseRequiresGranteeAndPayeesToBeItsParties() {
        Benefit b = withPayment().toBuilder().grantee(STRANGER)
                .payments(List.of(withPayment().payments().get(0).toBuilder().payee(STRANGER).build())).build();
        assertEquals(List.of(Violation.of("case.benefits[0].grantee", "must be a party of the case"),
                Violation.of("case.benefits[0].payments[0].payee", "must be a party of the case")),
                violations(() -> Samples.aCase().toBuilder().benefits(List.of(b)).build()));
        Case ok = Samples.aCase().toBuilder().benefits(List.of(withPayment())).build();
        assertEquals(withPayment(), ok.benefits().get(0));
    }

    @Test
    void jsonAndXmlCarryTheNewPartsAndOmitThemWhenAbsent() {
        Case c = Samples.aCase().toBuilder().benefits(List.of(withPayment())).build();
        String json = RammearkitekturJson.write(c);
        assertTrue(json.contains("\"payments\""), json);
        assertFalse(json.contains("\"currency\""), json);
        assertEquals(c, RammearkitekturJson.read(json, Case.class));
        assertEquals(c, ModelXml.read(ModelXml.write(c), Case.class));
        Money eur = Money.of(new BigDecimal("-10.5"), EUR);
        Benefit inEur = Samples.benefit().toBuilder().currency(EUR)
                .addPayment(PaymentTest.valid().gross(eur).afterTax(eur).sentForPayment(eur).build()).build();
        String eurJson = RammearkitekturJson.write(inEur);
        assertTrue(eurJson.contains("\"currency\":\"EUR\""), eurJson);
        assertTrue(eurJson.contains("\"gross\":\"-10.50\""), eurJson);
        assertEquals(inEur, RammearkitekturJson.read(eurJson, Benefit.class));
        assertEquals(inEur, ModelXml.read(ModelXml.write(inEur), Benefit.class));
        String plain = RammearkitekturJson.write(Samples.benefit());
        for (String absent : List.of("grantee", "currency", "paymentTiming", "dispositionDay", "payments")) {
            assertFalse(plain.contains("\"" + absent + "\""), plain);
            assertFalse(new String(ModelXml.write(Samples.benefit()), StandardCharsets.UTF_8).contains("<" + absent), absent);
        }
    }

    @Test
    void readingReportsBadNewFieldsWithTheirPaths() {
        String json = RammearkitekturJson.write(withPayment());
        String bad = json.replace("\"paymentTiming\":\"IN_ARREARS\"", "\"paymentTiming\":\"SOON\",\"currency\":\"eur\"")
                .replace("\"gross\":\"1234.50\"", "\"gross\":\"1.234\"");
        List<Violation> v = violations(() -> RammearkitekturJson.read(bad, Benefit.class));
        assertEquals(List.of(Violation.of("benefit.currency", "must be an ISO 4217 code of three capital letters such as EUR"),
                Violation.of("benefit.paymentTiming", "must be one of [IN_ADVANCE, IN_ARREARS]")), v);
        String badAmount = json.replace("\"gross\":\"1234.50\"", "\"gross\":\"1.234\"");
        assertEquals(List.of(Violation.of("benefit.payments[0].gross", "must have at most 2 decimals")),
                violations(() -> RammearkitekturJson.read(badAmount, Benefit.class)));
    }
}
