package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.model.CaseHistories;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SF1470 client against the simulated Sags- og Dokumentindeks: what it stores, finds, refuses and retries. */
class CaseIndexEndToEndTest extends SimulatorTest {
    private static final Instant START = Instant.parse("2021-02-01T08:00:00Z");

    @BeforeEach
    void clearIndex() {
        sim.sagDokumentIndeks().clear();
        sim.sagDokumentIndeks().enforceAll();
    }

    static History<Case> history(ServiceplatformSimulator sim, CaseId id, int documents) {
        return CaseHistories.closedCase(CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), id), START, 3, documents, START.plus(Duration.ofDays(1200)));
    }

    @Test
    void importFindUpdateAndRemoveWithTheWholeHistory() {
        CaseId id = CaseId.random();
        History<Case> h = history(sim, id, 6);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            CaseIndexClient index = SimulatorClients.caseIndex(sim, k).build();
            index.importCase(h);
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
            assertEquals(1, sim.sagDokumentIndeks().count(Kind.SAG));
            assertEquals(6, sim.sagDokumentIndeks().count(Kind.DOKUMENT));

            IndexedCase found = index.find(id).orElseThrow();
            assertEquals(List.of(CaseStatus.CREATED, CaseStatus.IN_PROGRESS, CaseStatus.DECIDED, CaseStatus.CLOSED),
                    found.progress().stream().map(Effect::value).toList());
            assertEquals(START, found.progress().get(0).validity().start());
            assertEquals(CaseStatus.CLOSED, found.status().orElseThrow());
            List<IndexRelation> workers = found.relations("Primær behandler");
            assertEquals(2, workers.size(), "the caseworker change is two relations with their validity");
            assertEquals(workers.get(0).validity().end().orElseThrow(), workers.get(1).validity().start());
            IndexRelation employer = found.relations("Sekundær part").get(0);
            assertEquals("urn:oio:cvr-nr:" + SimulatorData.CVR_ACTIVE, employer.reference());
            assertTrue(employer.validity().end().isPresent(), "the employer left when the case was decided");
            assertEquals(6, found.relations().stream().filter(r -> r.kind().equals("Journalpost")).count());
            assertFalse(found.toString().contains(SimulatorData.CPR_ACTIVE_1900S), "CPR masked");

            List<IndexedCase> hers = index.findByCpr(Cpr.parse(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals(List.of(id), hers.stream().map(IndexedCase::id).toList());
            assertTrue(index.findByCpr(Cpr.parse(SimulatorData.CPR_PROTECTED)).isEmpty());

            Case last = h.latest().orElseThrow().effects().get(h.latest().orElseThrow().effects().size() - 1).value();
            Instant reopened = START.plus(Duration.ofDays(1300));
            History<Case> later = h.register(reopened, "fagsystem", "reopened after appeal", List.of(
                    Effect.of(Validity.from(reopened), last.reopen("klage"))));
            try {
                index.updateCase(later);
            } catch (ServiceFaultException e) {
                throw new AssertionError(sim.conformanceReport(), e);
            }
            index.updateCase(later);
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
            assertEquals(CaseStatus.IN_PROGRESS, index.find(id).orElseThrow().status().orElseThrow());
            assertEquals(3, sim.sagDokumentIndeks().registrations(id.value()).size(),
                    "import and two opdater, each a registration");

            index.removeCase(id);
            assertTrue(index.find(id).isEmpty());
            assertEquals(0, sim.sagDokumentIndeks().count(Kind.SAG));
            assertEquals(0, sim.sagDokumentIndeks().count(Kind.DOKUMENT), "its documents went with it");
        }
    }

    @Test
    void aDocumentJournalisedAndAUnitChangedAfterTheImportReachTheIndex() {
        CaseId id = CaseId.random();
        History<Case> h = history(sim, id, 2);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            CaseIndexClient index = SimulatorClients.caseIndex(sim, k).build();
            index.importCase(h);
            List<Effect<Case>> effects = h.latest().orElseThrow().effects();
            Case last = effects.get(effects.size() - 1).value();
            SimulatorData.OrgUnit other = sim.data().organisation(sim.municipalityCvr()).orElseThrow().units().get(1);
            Instant later = START.plus(Duration.ofDays(1300));
            Case changed = last.reopen("ny oplysning").toBuilder()
                    .addDocument(dk.rammearkitektur.model.JournalEntry.of(CaseHistories.document(
                            CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), id), 99),
                            java.time.LocalDate.of(2024, 9, 1), dk.rammearkitektur.model.DocumentRole.MAIN_DOCUMENT))
                    .owningUnit(OrganisationUnit.of(PartyId.of(other.uuid()), other.name())).build();
            History<Case> h2 = h.register(later, "fagsystem", "new document, new unit", List.of(
                    Effect.of(Validity.from(later), changed)));
            try {
                index.updateCase(h2);
                index.updateCase(h2);
            } catch (ServiceFaultException e) {
                throw new AssertionError(sim.conformanceReport(), e);
            }
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
            assertEquals(3, sim.sagDokumentIndeks().count(Kind.DOKUMENT));
            IndexedCase found = index.find(id).orElseThrow();
            assertEquals(3, found.relations().stream().filter(r -> r.kind().equals("Journalpost")).count());
            assertEquals(other.uuid().toString(), found.relations("Ansvarlig").stream()
                    .filter(r -> r.validity().end().isEmpty()).findFirst().orElseThrow().reference());
        }
    }

    @Test
    void aRefusalIsATypedFaultWithItsRuleAndNothingIsHalfImported() {
        CaseId id = CaseId.random();
        History<Case> h = history(sim, id, 3);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            CaseIndexClient stranger = SimulatorClients.caseIndex(sim, k)
                    .owner(UUID.randomUUID(), sim.municipalityCvr(), "Fremmed Kommune").build();
            ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> stranger.importCase(h));
            assertTrue(List.of("40", "49").contains(e.faultCode()), e.faultCode());
            assertTrue(e.faultText().startsWith("SDI-"), e.faultText());
            assertEquals(0, sim.sagDokumentIndeks().count(Kind.SAG), "nothing stored");
            assertEquals(0, sim.sagDokumentIndeks().count(Kind.DOKUMENT), "not even the documents");
            assertFalse(sim.violations().isEmpty(), "the broken rule is a conformance violation");
        }
    }

    @Test
    void aRepeatedImportAndAnUpdateConverge() {
        CaseId id = CaseId.random();
        History<Case> h = history(sim, id, 2);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            CaseIndexClient index = SimulatorClients.caseIndex(sim, k).build();
            index.importCase(h);
            index.importCase(h); // the simulator takes a second import as a new registration
            sim.reset();
            index.updateCase(h);
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
            assertEquals(1, sim.sagDokumentIndeks().count(Kind.SAG));
        }
    }

    @Test
    void updatesAreRetriedImportsAreNot() {
        CaseId id = CaseId.random();
        History<Case> h = history(sim, id, 1);
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(20)).build();
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).retryPolicy(retries).build()) {
            CaseIndexClient index = SimulatorClients.caseIndex(sim, k).build();
            index.classes();
            k.resolveSubject(KleNumber.parse("32.18.02"));
            k.resolveActionFacet("G01");
            index.find(id); // token fetched, classes resolved and cached, so the injected faults hit the index
            sim.reset();
            sim.faults().next(Fault.httpStatus(503));
            assertThrows(HttpStatusException.class, () -> index.importCase(h), "an import that reached the index "
                    + "is not repeated");
            assertEquals(1, sim.requestCount("SF1470"));
            ServiceFaultException notThere = assertThrows(ServiceFaultException.class, () -> index.updateCase(h));
            assertEquals("44", notThere.faultCode(), "opdater of a case the index does not hold");
            assertTrue(index.sync(h), "sync looks first, then imports");
            assertFalse(index.sync(h), "and updates the second time");
            sim.reset();
            sim.faults().next(Fault.httpStatus(503));
            index.updateCase(h);
            assertEquals(3, sim.requestCount("SF1470"), "the fremsoeg hit by the 503, its retry, the opdater");
            assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
        }
    }

    @Test
    void whatTheIndexWouldRefuseFailsBeforeAnythingIsSent() {
        CaseId id = CaseId.random();
        Case noFacet = history(sim, id, 0).latest().orElseThrow().effects().get(0).value().toBuilder()
                .classification(KleNumber.parse("32.18.02")).build();
        Case unknownKle = noFacet.toBuilder().classification(KleNumber.parse("99.99.99 G01")).build();
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            CaseIndexClient index = SimulatorClients.caseIndex(sim, k).build();
            index.classes();
            sim.reset();
            ValidationException e = assertThrows(ValidationException.class, () -> index.importCase(History.start(START,
                    "x", null, List.of(Effect.of(Validity.from(START), noFacet)))));
            assertEquals("case.classification.facet", e.violations().get(0).path());
            ValidationException u = assertThrows(ValidationException.class, () -> index.importCase(History.start(
                    START, "x", null, List.of(Effect.of(Validity.from(START), unknownKle)))));
            assertEquals("case.classification", u.violations().get(0).path());
            assertEquals(0, sim.requestCount("SF1470"), "nothing was sent");
        }
    }
}
