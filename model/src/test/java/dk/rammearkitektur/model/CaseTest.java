package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CaseTest {
    private static List<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @Test
    void emptyBuilderListsEveryMissingField() {
        ValidationException e = assertThrows(ValidationException.class, () -> Case.builder().build());
        assertEquals(List.of("case.id", "case.caseNumber", "case.title", "case.classification", "case.caseworker",
                "case.owningUnit"), paths(e));
        assertTrue(e.getMessage().startsWith("6 violations: case.id: is required"), e.getMessage());
    }

    @Test
    void crossReferencesAreChecked() {
        Case valid = Samples.aCase();
        Benefit stranger = Samples.benefit().toBuilder().id(BenefitId.random()).recipient(PartyId.random())
                .decisionDocuments(List.of(DocumentId.random())).build();
        ValidationException e = assertThrows(ValidationException.class, () -> valid.toBuilder()
                .addParty(Samples.person(), PartyRole.PRIMARY_PARTY)
                .addParty(Samples.company().toBuilder().id(PartyId.random()).build(), PartyRole.PRIMARY_PARTY)
                .benefits(List.of(Samples.benefit(), stranger, Samples.benefit()))
                .title(" ").build());
        // parties[3] repeats the person (duplicate id and a second primary party), parties[4] is a third primary
        assertEquals(List.of("case.title", "case.parties[3]", "case.parties[3].role", "case.parties[4].role", "case.benefits[2]",
                "case.benefits[1].recipient", "case.benefits[1].decisionDocuments[0]"), paths(e));
    }

    @Test
    void nullElementsAreReportedNotThrownAsNpe() {
        ValidationException e = assertThrows(ValidationException.class, () -> Samples.aCase().toBuilder()
                .addParty(null).addDocument(null).build());
        assertEquals(List.of("case.parties[3]", "case.documents[1]"), paths(e));
    }

    @Test
    void legalStatusTransitions() {
        Case c = Samples.aCase().toBuilder().status(CaseStatus.CREATED).build();
        Case inProgress = c.withStatus(CaseStatus.IN_PROGRESS);
        Case closed = inProgress.withStatus(CaseStatus.CLOSED);
        assertEquals(CaseStatus.ARCHIVED, closed.withStatus(CaseStatus.ARCHIVED).status());
        Case reopened = closed.reopen("ny oplysning");
        assertEquals(CaseStatus.IN_PROGRESS, reopened.status());
        assertEquals(Optional.of("ny oplysning"), reopened.statusReason());
        assertEquals("case.statusReason",
                assertThrows(ValidationException.class, () -> closed.withStatus(CaseStatus.IN_PROGRESS)).violations().get(0).path());
        assertThrows(ValidationException.class, () -> closed.reopen("  "));
        assertThrows(ValidationException.class, () -> c.withStatus(CaseStatus.CLOSED));
        assertThrows(ValidationException.class, () -> closed.withStatus(CaseStatus.ARCHIVED).withStatus(CaseStatus.IN_PROGRESS, "x"));
        assertThrows(ValidationException.class, () -> inProgress.reopen("x"));
        Case decided = inProgress.withStatus(CaseStatus.DECIDED);
        assertEquals(CaseStatus.CLOSED, decided.withStatus(CaseStatus.CLOSED).status());
        assertEquals(CaseStatus.IN_PROGRESS, decided.reopen("klage").status());
        assertThrows(ValidationException.class, () -> decided.withStatus(CaseStatus.IN_PROGRESS));
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                boolean legal = (from == CaseStatus.CREATED && to == CaseStatus.IN_PROGRESS)
                        || (from == CaseStatus.IN_PROGRESS && (to == CaseStatus.CLOSED || to == CaseStatus.DECIDED))
                        || (from == CaseStatus.DECIDED && (to == CaseStatus.CLOSED || to == CaseStatus.IN_PROGRESS))
                        || (from == CaseStatus.CLOSED && (to == CaseStatus.ARCHIVED || to == CaseStatus.IN_PROGRESS));
                assertEquals(legal, from.canTransitionTo(to), from + "->" + to);
            }
        }
    }

    @Test
    void benefitTransitionsAndAmounts() {
        Benefit applied = Samples.benefit().toBuilder().status(BenefitStatus.APPLIED).grantPeriod(null).build();
        assertEquals(new BigDecimal("1234.50"), applied.amount());
        assertEquals("benefit.grantPeriod",
                assertThrows(ValidationException.class, () -> applied.withStatus(BenefitStatus.GRANTED)).violations().get(0).path());
        Benefit granted = Samples.benefit();
        assertEquals(BenefitStatus.ENDED, granted.withStatus(BenefitStatus.ENDED).status());
        Benefit openGrant = granted.toBuilder().grantPeriod(DatePeriod.startingOn(LocalDate.of(2026, 1, 1))).build();
        assertEquals("benefit.grantPeriod.to",
                assertThrows(ValidationException.class, () -> openGrant.withStatus(BenefitStatus.ENDED)).violations().get(0).path());
        assertThrows(ValidationException.class, () -> granted.withStatus(BenefitStatus.REFUSED));
        assertThrows(ValidationException.class, () -> applied.withStatus(BenefitStatus.REFUSED).withStatus(BenefitStatus.GRANTED));
        for (String bad : new String[] {"-0.01", "1.001", "1000000000000"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> granted.toBuilder().amount(new BigDecimal(bad)).build(), bad);
            assertEquals(List.of("benefit.amount"), paths(e));
        }
        assertEquals(new BigDecimal("1.00"), granted.toBuilder().amount(new BigDecimal("1.000")).build().amount());
    }

    @Test
    void toStringMasksCprAndProtectedAddress() {
        String text = Samples.aCase().toString();
        assertFalse(text.contains("0707614285"), text);
        assertTrue(text.contains("070761-****"), text);
        assertFalse(text.contains("Hemmelig"), text);
        assertFalse(Samples.guardian().toString().contains("1503801236"));
    }

    @Test
    void valueRulesHavePaths() {
        assertEquals(List.of("address.postalCode"), paths(assertThrows(ValidationException.class,
                () -> Address.danish("Vej 1", "123", "By"))));
        assertEquals(List.of("contact.email", "contact.phone"), paths(assertThrows(ValidationException.class,
                () -> ContactDetails.of("no-at-sign", "12"))));
        assertEquals(List.of("part.mediaType", "part.size", "part.sha256"), paths(assertThrows(ValidationException.class,
                () -> DocumentPart.of("a", "PDF", -1, "xyz"))));
        assertEquals(List.of("document.variants[1]"), paths(assertThrows(ValidationException.class,
                () -> Samples.decision().toBuilder().variants(List.of(Samples.decision().variants().get(0),
                        Samples.decision().variants().get(0))).build())));
        assertEquals(List.of("person.name"), paths(assertThrows(ValidationException.class,
                () -> Samples.person().toBuilder().name("tab\u0000").build())));
        assertEquals(List.of("period.to"), paths(assertThrows(ValidationException.class,
                () -> DatePeriod.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)))));
    }
}
