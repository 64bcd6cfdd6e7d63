package dk.rammearkitektur.testkit.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Person;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generators cover what the properties rely on: rich graphs, not just empty cases. */
class ModelArbitrariesTest {
    @Test
    void casesAreRichGraphs() {
        List<Case> cases = ModelArbitraries.cases().sampleStream().limit(300).collect(Collectors.toList());
        assertTrue(cases.stream().anyMatch(c -> c.parties().size() >= 2), "several parties");
        assertTrue(cases.stream().anyMatch(c -> c.parties().stream().anyMatch(p -> p.party() instanceof Person)), "persons");
        assertTrue(cases.stream().anyMatch(c -> c.parties().stream().anyMatch(p -> p.party() instanceof Company)), "companies");
        assertTrue(cases.stream().anyMatch(c -> !c.documents().isEmpty()), "documents");
        assertTrue(cases.stream().anyMatch(c -> c.benefits().stream().anyMatch(b -> !b.decisionDocuments().isEmpty())),
                "benefits with decision documents");
    }

    @Test
    void historiesHaveSeveralRegistrationsAndEffects() {
        List<History<Case>> histories = ModelArbitraries.caseHistories().sampleStream().limit(100).collect(Collectors.toList());
        assertTrue(histories.stream().anyMatch(h -> h.registrations().size() >= 3));
        assertTrue(histories.stream().anyMatch(h -> h.registrations().stream().anyMatch(r -> r.effects().size() >= 2)));
        assertTrue(histories.stream().anyMatch(h -> h.latest().orElseThrow().registeredTo().isEmpty()));
    }

    @Test
    void cprsCoverCenturiesAndReplacementNumbers() {
        List<Cpr> cprs = ModelArbitraries.cprs().sampleStream().limit(2000).collect(Collectors.toList());
        assertTrue(cprs.stream().anyMatch(c -> c.birthDate().getYear() < 1900));
        assertTrue(cprs.stream().anyMatch(c -> c.birthDate().getYear() >= 2000));
        assertTrue(cprs.stream().anyMatch(Cpr::isReplacementNumber));
        assertTrue(cprs.stream().anyMatch(Cpr::passesModulus11));
    }
}
