package dk.rammearkitektur.testkit.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.PartyId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A builder given any combination of broken fields throws one exception that names every broken field's path. */
class InvalidBuilderTest {
    /** One way to break a builder, and the path it must be reported at. */
    record Breaker<B>(String path, BiFunction<B, Integer, B> apply) {
        @Override
        public String toString() {
            return path;
        }
    }

    private static final List<Breaker<Case.Builder>> CASE_BREAKERS = List.of(
            new Breaker<>("case.id", (b, n) -> b.id(null)),
            new Breaker<>("case.caseNumber", (b, n) -> b.caseNumber(null)),
            new Breaker<>("case.title", (b, n) -> b.title(" \t\n")),
            new Breaker<>("case.classification", (b, n) -> b.classification(null)),
            new Breaker<>("case.status", (b, n) -> b.status(null)),
            new Breaker<>("case.statusReason", (b, n) -> b.statusReason("x\u0001")),
            new Breaker<>("case.caseworker", (b, n) -> b.caseworker(null)),
            new Breaker<>("case.owningUnit", (b, n) -> b.owningUnit(null)),
            new Breaker<>("case.confidentiality", (b, n) -> b.confidentiality(null)),
            new Breaker<>("case.parties[#]", (b, n) -> b.addParty(null)),
            new Breaker<>("case.documents[#]", (b, n) -> b.addDocument(null)));

    private static final List<Breaker<Benefit.Builder>> BENEFIT_BREAKERS = List.of(
            new Breaker<>("benefit.id", (b, n) -> b.id(null)),
            new Breaker<>("benefit.type", (b, n) -> b.type(null)),
            new Breaker<>("benefit.recipient", (b, n) -> b.recipient(null)),
            new Breaker<>("benefit.amount", (b, n) -> b.amount(new BigDecimal("-0.01"))),
            new Breaker<>("benefit.frequency", (b, n) -> b.frequency(null)),
            new Breaker<>("benefit.status", (b, n) -> b.status(null)),
            new Breaker<>("benefit.decisionDocuments[#]", (b, n) -> b.addDecisionDocument(null)),
            new Breaker<>("benefit.legalBasis", (b, n) -> b.legalBasis("")),
            new Breaker<>("benefit.currency", (b, n) -> b.currency(null)),
            new Breaker<>("benefit.dispositionDay", (b, n) -> b.dispositionDay("x".repeat(51))));

    private static final List<Breaker<Document.Builder>> DOCUMENT_BREAKERS = List.of(
            new Breaker<>("document.id", (b, n) -> b.id(null)),
            new Breaker<>("document.title", (b, n) -> b.title("a".repeat(501))),
            new Breaker<>("document.letterDate", (b, n) -> b.letterDate(LocalDate.of(10000, 1, 1))),
            new Breaker<>("document.type", (b, n) -> b.type(null)),
            new Breaker<>("document.direction", (b, n) -> b.direction(null)),
            new Breaker<>("document.variants[#]", (b, n) -> b.addVariant(null)));

    @Provide
    Arbitrary<Case> cases() {
        return ModelArbitraries.cases();
    }

    @Provide
    Arbitrary<List<Breaker<Case.Builder>>> caseBreakers() {
        return Arbitraries.of(CASE_BREAKERS).set().ofMinSize(1).map(ArrayList::new);
    }

    @Provide
    Arbitrary<Benefit> benefits() {
        return ModelArbitraries.benefits(List.of(PartyId.random()), List.of());
    }

    @Provide
    Arbitrary<List<Breaker<Benefit.Builder>>> benefitBreakers() {
        return Arbitraries.of(BENEFIT_BREAKERS).set().ofMinSize(1).map(ArrayList::new);
    }

    @Provide
    Arbitrary<Document> documents() {
        return ModelArbitraries.documents();
    }

    @Provide
    Arbitrary<List<Breaker<Document.Builder>>> documentBreakers() {
        return Arbitraries.of(DOCUMENT_BREAKERS).set().ofMinSize(1).map(ArrayList::new);
    }

    @Property(tries = 1000)
    void brokenCaseBuildersListEveryPath(@ForAll("cases") Case valid, @ForAll("caseBreakers") List<Breaker<Case.Builder>> breakers) {
        Case.Builder b = valid.toBuilder();
        List<String> expected = new ArrayList<>();
        for (Breaker<Case.Builder> breaker : breakers) {
            int index = breaker.path().startsWith("case.parties") ? valid.parties().size() : valid.documents().size();
            b = breaker.apply().apply(b, index);
            expected.add(breaker.path().replace("#", String.valueOf(index)));
        }
        Case.Builder broken = b;
        assertReports(assertThrows(ValidationException.class, broken::build), expected);
    }

    @Property(tries = 1000)
    void brokenBenefitBuildersListEveryPath(@ForAll("benefits") Benefit valid,
            @ForAll("benefitBreakers") List<Breaker<Benefit.Builder>> breakers) {
        Benefit.Builder b = valid.toBuilder().id(BenefitId.random());
        List<String> expected = new ArrayList<>();
        for (Breaker<Benefit.Builder> breaker : breakers) {
            b = breaker.apply().apply(b, 0);
            expected.add(breaker.path().replace("#", String.valueOf(valid.decisionDocuments().size())));
        }
        Benefit.Builder broken = b;
        assertReports(assertThrows(ValidationException.class, broken::build), expected);
    }

    @Property(tries = 1000)
    void brokenDocumentBuildersListEveryPath(@ForAll("documents") Document valid,
            @ForAll("documentBreakers") List<Breaker<Document.Builder>> breakers) {
        Document.Builder b = valid.toBuilder();
        List<String> expected = new ArrayList<>();
        for (Breaker<Document.Builder> breaker : breakers) {
            b = breaker.apply().apply(b, 0);
            expected.add(breaker.path().replace("#", String.valueOf(valid.variants().size())));
        }
        Document.Builder broken = b;
        assertReports(assertThrows(ValidationException.class, broken::build), expected);
    }

    private static void assertReports(ValidationException e, List<String> expectedPaths) {
        Set<String> paths = e.violations().stream().map(Violation::path).collect(Collectors.toSet());
        assertTrue(paths.containsAll(expectedPaths), "expected " + expectedPaths + " in " + paths);
        for (String path : expectedPaths) {
            assertTrue(e.getMessage().contains(path + ": "), e.getMessage());
        }
    }
}
