package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link CaseJournalisingExample}: the case's life and the history queries. */
class CaseJournalisingExampleTest {
    private static final Person CITIZEN = Person.builder().id(PartyId.random()).cpr(Cpr.parse("1505821234"))
            .name("Jens Test Hansen").build();
    private static final Caseworker WORKER = Caseworker.of(UUID.randomUUID(), "Bo Berg");
    private static final OrganisationUnit UNIT = OrganisationUnit.of(PartyId.random(), "Jobcenter");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private static Case open() {
        return CaseJournalisingExample.openCase("2026-1", "32.18.00 G01", CITIZEN, WORKER, UNIT, "Sygedagpenge",
                new BigDecimal("4955"));
    }

    private static Document decision() {
        return CaseJournalisingExample.document("Afgørelse", DocumentType.DECISION, DocumentDirection.OUTGOING, DAY,
                "afgoerelse.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void caseLifeFromApplicationToGrant() {
        Case c = open();
        assertEquals(CaseStatus.CREATED, c.status());
        assertEquals(CITIZEN, c.primaryParty().orElseThrow());
        assertEquals(new BigDecimal("4955.00"), c.benefits().get(0).amount());
        Company employer = Company.builder().id(PartyId.random()).cvr(Cvr.parse("11223346")).name("Simuleret ApS").build();
        c = CaseJournalisingExample.addParty(c, employer, PartyRole.SECONDARY_PARTY);
        Document decision = decision();
        c = CaseJournalisingExample.journalise(c, decision, DocumentRole.DECISION, DAY);
        c = CaseJournalisingExample.grant(c, decision.id(), DAY.minusDays(14));
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertEquals(BenefitStatus.GRANTED, c.benefits().get(0).status());
        assertEquals(decision.id(), c.benefits().get(0).decisionDocuments().get(0));
        assertEquals(2, c.parties().size());
        assertEquals(c, RammearkitekturJson.read(RammearkitekturJson.write(c), Case.class));
    }

    @Test
    void grantingOnADocumentNotOnTheCaseIsRefusedWithThePath() {
        Case c = open();
        ValidationException e = assertThrows(ValidationException.class,
                () -> CaseJournalisingExample.grant(c, decision().id(), DAY));
        assertEquals("case.benefits[0].decisionDocuments[0]", e.violations().get(0).path());
    }

    @Test
    void historyAnswersWhatWasKnownWhen() {
        Case opened = open();
        History<Case> h = CaseJournalisingExample.record(null, opened, T0, T0, "Bo Berg", "opened");
        Document decision = decision();
        Case granted = CaseJournalisingExample.grant(
                CaseJournalisingExample.journalise(opened, decision, DocumentRole.DECISION, DAY), decision.id(), DAY);
        Instant t1 = T0.plusSeconds(3600);
        h = CaseJournalisingExample.record(h, granted, t1, T0, "Bo Berg", "granted");
        assertEquals(opened, CaseJournalisingExample.asOf(h, T0.plusSeconds(60), T0).orElseThrow());
        assertEquals(granted, CaseJournalisingExample.asOf(h, t1, T0).orElseThrow());
        assertTrue(CaseJournalisingExample.asOf(h, T0.minusSeconds(1), T0).isEmpty(), "nothing known before opening");
        History<Case> before = h;
        assertThrows(ValidationException.class,
                () -> CaseJournalisingExample.record(before, granted, T0, T0, "Bo Berg", "back in time"));
    }

    @Property(tries = 50)
    void everyLaterRegistrationKeepsTheEarlierAnswer(@ForAll @IntRange(min = 1, max = 100_000) int seconds) {
        Case opened = open();
        History<Case> h = CaseJournalisingExample.record(null, opened, T0, T0, "a", null);
        Instant later = T0.plusSeconds(seconds);
        Case closed = opened.withStatus(CaseStatus.IN_PROGRESS).withStatus(CaseStatus.CLOSED);
        h = CaseJournalisingExample.record(h, closed, later, T0, "b", "closed");
        assertEquals(opened, CaseJournalisingExample.asOf(h, later.minusNanos(1), T0).orElseThrow());
        assertEquals(closed, CaseJournalisingExample.asOf(h, later, T0).orElseThrow());
    }
}
