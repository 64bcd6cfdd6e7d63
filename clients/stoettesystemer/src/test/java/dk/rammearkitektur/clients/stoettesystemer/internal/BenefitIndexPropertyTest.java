package dk.rammearkitektur.clients.stoettesystemer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.IndexedPayment;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.ClassificationCode;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Confidentiality;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.PaymentTiming;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Validity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.validation.Schema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Generated case histories with a granted benefit and payments: every request agrees with the published
 * {@code YdelseIndeksOperationer.xsd} (when ../shared is present), every Virkning starts at its registration's time,
 * and what {@code importer} carries reads back from a {@code fremsoeg} snapshot as the benefit says.
 */
class BenefitIndexPropertyTest {
    private static final Schema SCHEMA = schema();
    private static final ServiceCall CALL = ServiceCall.read("SF1490-YI", "fremsoeg", "c");
    private static final Instant T0 = Instant.parse("2024-01-02T08:00:00Z");

    @Property(tries = 80)
    void requestsAreValidAndTheMappingHoldsItsPromises(@ForAll("histories") History<Case> history) throws Exception {
        BenefitIndexPlan.Request r = BenefitIndexMapping.map(history, BenefitIndexCases.BENEFIT,
                IndexCases.context());
        if (SCHEMA != null) {
            CaseIndexMappingTest.validate(SCHEMA, b -> BenefitIndexMessages.importer(b, r, true, r.payments(),
                    BenefitIndexMessagesTest.CLASSES::uuid));
            CaseIndexMappingTest.validate(SCHEMA, b -> BenefitIndexMessages.opdater(b, r, true, r.payments(),
                    BenefitIndexMessagesTest.CLASSES::uuid));
        }
        Element importer = BenefitIndexMessagesTest.write(b -> BenefitIndexMessages.importer(b, r, true,
                r.payments(), BenefitIndexMessagesTest.CLASSES::uuid));
        for (String ns : List.of(BenefitIndexMessages.BI, BenefitIndexMessages.OEF)) {
            NodeList regs = importer.getElementsByTagNameNS(ns, "Registrering");
            for (int i = 0; i < regs.getLength(); i++) {
                Element reg = (Element) regs.item(i);
                String at = Dom.childText(reg, LoraWriter.SD, "Tidspunkt");
                NodeList froms = reg.getElementsByTagNameNS(LoraWriter.SD, "FraTidspunkt");
                assertTrue(froms.getLength() > 0);
                for (int j = 0; j < froms.getLength(); j++) {
                    assertEquals(at, froms.item(j).getTextContent(), "every Virkning starts at its Registrering");
                }
            }
        }
        Element opdater = BenefitIndexMessagesTest.write(b -> BenefitIndexMessages.opdater(b, r, true,
                r.payments(), BenefitIndexMessagesTest.CLASSES::uuid));
        String latest = LoraWriter.timestamp(history.latest().orElseThrow().registeredFrom());
        NodeList stamps = opdater.getElementsByTagNameNS(BenefitIndexMessages.YI, "Tidspunkt");
        assertEquals(1 + r.payments().size(), stamps.getLength());
        for (int i = 0; i < stamps.getLength(); i++) {
            assertEquals(latest, stamps.item(i).getTextContent());
        }

        Benefit benefit = history.latest().orElseThrow().effects().get(0).value().benefits().get(0);
        BenefitIndexReplies.Found found = BenefitIndexReplies.readFremsoeg(snapshotOf(importer), CALL,
                u -> BenefitIndexMessagesTest.CLASSES.key(u).orElse(null));
        IndexedGrant g = found.grants().get(0);
        assertEquals(benefit.id(), g.id());
        assertEquals(benefit.grantPeriod().orElseThrow().from(), g.start());
        assertEquals(benefit.grantPeriod().orElseThrow().to().orElse(null), g.end());
        assertEquals(benefit.amount(), g.amount());
        assertEquals(benefit.type().code(), g.benefitName());
        assertEquals(1, g.relations("Ejer").size());
        assertEquals(1, g.relations("Ansvarlig").size());
        assertEquals(1, g.relations("Ydelsesmodtager").size());
        assertEquals(1, g.relations("Tilknyttet").size());
        assertEquals(benefit.payments().size(), found.payments().size());
        for (int i = 0; i < benefit.payments().size(); i++) {
            Payment p = benefit.payments().get(i);
            IndexedPayment back = found.payments().get(i);
            assertEquals(p.id(), back.id());
            assertEquals(benefit.id(), back.grant());
            assertEquals(p.benefitPeriod().from(), back.periodStart());
            assertEquals(p.benefitPeriod().to().orElseThrow(), back.periodEnd());
            assertEquals(p.dispositionDate(), back.dispositionDate());
            assertEquals(p.gross().amount(), back.gross());
            assertEquals(p.sentForPayment().amount(), back.sentForPayment());
            assertEquals(1, back.relations("DelAf").size());
            assertEquals(1, back.relations("Effektueringsmodtager").size());
        }
    }

    /** A fremsoeg reply holding the newest Registrering of each object of an importer request. */
    private static Element snapshotOf(Element importer) {
        Document doc = Dom.newDocument();
        Element out = doc.createElementNS(BenefitIndexMessages.YI, "yi:FremsoegYdelseIndeksOutput");
        doc.appendChild(out);
        Element retur = Dom.add(out, LoraWriter.SD, "sd:StandardRetur", null);
        Dom.add(retur, LoraWriter.SD, "sd:StatusKode", "20");
        for (Element outer : Dom.children(importer)) {
            Element object = Dom.children(outer).get(0);
            boolean grant = BenefitIndexMessages.BI.equals(object.getNamespaceURI());
            String ns = object.getNamespaceURI();
            Element snap = Dom.add(out, BenefitIndexMessages.YI, grant ? "yi:BevillingFiltreretOejebliksbillede"
                    : "yi:OekonomiskEffektueringFiltreretOejebliksbillede", null);
            Element objekt = Dom.add(snap, ns, (grant ? "bi" : "oef") + ":ObjektType", null);
            Dom.add(objekt, LoraWriter.SD, "sd:UUIDIdentifikator", Dom.childText(object, LoraWriter.SD,
                    "UUIDIdentifikator"));
            Node reg = LoraReplies.last(object, ns, "Registrering").cloneNode(true);
            snap.appendChild(doc.adoptNode(reg));
        }
        return out;
    }

    @Provide
    Arbitrary<History<Case>> histories() {
        Arbitrary<Party> recipient = Arbitraries.oneOf(
                Arbitraries.of(true, false).map(hidden -> (Party) Person.builder().id(PartyId.random())
                        .cpr(Cpr.parse("0101801234")).name("Anna Jensen").addressProtected(hidden).build()),
                Arbitraries.just(Company.builder().id(PartyId.random()).cvr(Cvr.parse("29189846"))
                        .name("Aarhus Tømrer ApS").build()));
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(BigDecimal.ZERO,
                new BigDecimal("1000000")).ofScale(2);
        Arbitrary<BigDecimal> signed = Arbitraries.bigDecimals().between(new BigDecimal("-5000"),
                new BigDecimal("50000")).ofScale(2);
        Arbitrary<List<Payment>> payments = Combinators.combine(signed, signed, Arbitraries.of(0, 1, 2),
                Arbitraries.integers().between(0, 11), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(50)
                        .injectNull(0.5))
                .as((gross, less, kind, month, reference) -> {
                    YearMonth m = YearMonth.of(2024, month + 1);
                    Money g = Money.dkk(gross);
                    Payment.Builder b = Payment.builder().id(PaymentId.random()).reference(reference)
                            .benefitPeriod(DatePeriod.of(m.atDay(1), m.atEndOfMonth()))
                            .dispositionDate(m.plusMonths(1).atDay(3)).gross(g).afterTax(g);
                    return switch (kind) {
                        case 0 -> b.sentForPayment(g).build();
                        case 1 -> b.sentForPayment(Money.dkk(less)).offsetReason(less.compareTo(gross) == 0 ? null
                                : "Modregning").build();
                        default -> b.sentForPayment(g).paid(Money.dkk(less)).paidReason(less.compareTo(gross) == 0
                                ? null : "Returneret").build();
                    };
                }).list().ofMaxSize(3);
        return Combinators.combine(recipient, amount, Arbitraries.of(Frequency.class),
                Arbitraries.of(PaymentTiming.class).injectNull(0.3), Arbitraries.of(Confidentiality.class),
                Arbitraries.of(BenefitStatus.GRANTED, BenefitStatus.ENDED), payments,
                Arbitraries.integers().between(1, 3))
                .as((party, sum, frequency, timing, confidentiality, status, paid, registrations) -> {
                    LocalDate start = LocalDate.of(2024, 1, 1).plusDays(party.id().value().hashCode() & 0xff);
                    Benefit.Builder b = Benefit.builder().id(BenefitIndexCases.BENEFIT)
                            .type(ClassificationCode.of("KL-ydelser", "Kontanthjælp")).recipient(party.id())
                            .grantPeriod(status == BenefitStatus.ENDED ? DatePeriod.of(start, start.plusDays(200))
                                    : DatePeriod.startingOn(start)).amount(sum).frequency(frequency).status(status)
                            .legalBasis("Aktivloven § 25").paymentTiming(timing);
                    History<Case> h = null;
                    for (int r = 0; r < registrations; r++) {
                        int upTo = r == registrations - 1 ? paid.size() : Math.min(r, paid.size());
                        Benefit now = b.payments(new ArrayList<>(paid.subList(0, upTo))).build();
                        Case k = IndexCases.base(BenefitIndexCases.CASE).toBuilder().confidentiality(confidentiality)
                                .addParty(party, PartyRole.SECONDARY_PARTY).addBenefit(now).build();
                        List<Effect<Case>> effects = List.of(Effect.of(Validity.from(T0), k));
                        Instant at = T0.plusSeconds(3600L * (r + 1));
                        h = h == null ? History.start(at, "x", null, effects) : h.register(at, "x", "r" + r, effects);
                    }
                    return h;
                });
    }

    private static Schema schema() {
        try {
            return BenefitIndexMessagesTest.publishedIfPresent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
