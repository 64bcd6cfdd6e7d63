package dk.rammearkitektur.clients.stoettesystemer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.IndexClasses;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.Validity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CaseIndexMappingTest {
    private static final Instant T0 = IndexCases.T0;

    @Test
    void progressHistoryRelationsAndDocumentsFollowTheEffects() {
        History<Case> h = IndexCases.history(5, 4);
        IndexPlan.Request r = CaseIndexMapping.map(h, IndexCases.context());
        IndexPlan.Sag sag = r.sag();
        assertEquals(List.of("Opstaaet", "Oplyst", "Afgjort", "Afsluttet"),
                sag.states().stream().map(IndexPlan.State::code).toList());
        for (int i = 1; i < sag.states().size(); i++) {
            assertEquals(sag.states().get(i - 1).period().to(), sag.states().get(i).period().from(), "contiguous");
        }
        assertEquals(T0, sag.states().get(0).period().from());
        assertNull(sag.states().get(3).period().to());
        assertEquals(1, roles(sag, "Ejer").size());
        assertEquals(1, roles(sag, "Ansvarlig").size());
        List<Relation> workers = roles(sag, "Primær behandler");
        assertEquals(2, workers.size(), "the caseworker change is two runs");
        assertEquals(workers.get(0).period().to(), workers.get(1).period().from());
        assertNull(workers.get(1).period().to());
        Relation employer = roles(sag, "Sekundær part").get(0);
        assertEquals("urn:oio:cvr-nr:29189846", employer.reference());
        assertEquals(IndexCases.EMPLOYER.id().value().toString(), employer.index(), "the party's id: stable");
        assertTrue(employer.period().to() != null, "the employer left the case: ended by validity (AM-02)");
        assertEquals("urn:oio:cpr-nr:0101801234", roles(sag, "Primær part").get(0).reference());
        assertEquals(IndexCases.SUBJECT.toString(), roles(sag, "Primær klasse").get(0).reference());
        assertEquals(IndexCases.FACET.toString(), roles(sag, "Handlingsklasse").get(0).reference());
        assertEquals(1, roles(sag, "Tilakteret").size());
        assertEquals(3, roles(sag, "Vedlagt").size());
        assertEquals(r.documents().stream().map(d -> d.id().toString()).collect(Collectors.toSet()),
                sag.relations().stream().filter(x -> x.element().equals("Journalpost")).map(Relation::index)
                        .collect(Collectors.toSet()), "each journal entry indexed by its document's id");
        assertEquals(1, roles(sag, "Master").size());
        assertEquals(4, r.documents().size());
        assertEquals("Brev, indgaaende", r.documents().get(0).type());
        assertEquals("Brev, udgaaende", r.documents().get(1).type());
    }

    @Test
    void brokenHistoriesFailBeforeAnythingIsSentNamingEachProblem() {
        Case c = IndexCases.base(CaseId.random());
        Instant t1 = T0.plus(Duration.ofDays(10));
        Instant t2 = T0.plus(Duration.ofDays(20));
        ValidationException overlap = assertThrows(ValidationException.class, () -> map(List.of(
                Effect.of(Validity.of(T0, t2), c), Effect.of(Validity.from(t1), c.withStatus(CaseStatus.IN_PROGRESS)))));
        // the model itself refuses overlapping effects in one registration
        assertEquals(List.of("registration.effects[1].validity"), paths(overlap));
        ValidationException open = assertThrows(ValidationException.class, () -> map(List.of(
                Effect.of(Validity.from(T0), c), Effect.of(Validity.from(t1), c.withStatus(CaseStatus.IN_PROGRESS)))));
        assertEquals(List.of("registration.effects[1].validity"), paths(open), "an open effect overlaps the next");
        ValidationException gap = assertThrows(ValidationException.class, () -> map(List.of(
                Effect.of(Validity.of(T0, t1), c), Effect.of(Validity.from(t2), c.withStatus(CaseStatus.IN_PROGRESS)))));
        assertTrue(gap.getMessage().contains("gap"), gap.getMessage());
        ValidationException ended = assertThrows(ValidationException.class, () -> map(List.of(
                Effect.of(Validity.of(T0, t1), c))));
        assertTrue(ended.getMessage().contains("must be open-ended"), ended.getMessage());
        ValidationException instant = assertThrows(ValidationException.class, () -> map(List.of(
                Effect.of(Validity.of(T0, T0.plusNanos(400_000)), c),
                Effect.of(Validity.from(T0.plusNanos(400_000)), c.withStatus(CaseStatus.IN_PROGRESS)))));
        assertTrue(instant.getMessage().contains("at least a millisecond"), instant.getMessage());
        ValidationException late = assertThrows(ValidationException.class, () -> map(List.of(
                Effect.of(Validity.from(T0), c.withStatus(CaseStatus.IN_PROGRESS)))));
        assertEquals(List.of("history.effects[0].value.status"), paths(late));
    }

    @Test
    void aRegistrationPerChangeGivesTheWholeProgress() {
        Case c = IndexCases.base(CaseId.random());
        Instant t1 = T0.plus(Duration.ofDays(10));
        Instant t2 = T0.plus(Duration.ofDays(30));
        History<Case> h = History.start(T0, "a", null, List.of(Effect.of(Validity.from(T0), c)))
                .register(t1, "b", null, List.of(Effect.of(Validity.from(t1), c.withStatus(CaseStatus.IN_PROGRESS))))
                .register(t2, "c", null, List.of(Effect.of(Validity.from(t2),
                        c.withStatus(CaseStatus.IN_PROGRESS).withStatus(CaseStatus.DECIDED))));
        List<IndexPlan.State> states = CaseIndexMapping.map(h, IndexCases.context()).sag().states();
        assertEquals(List.of(new IndexPlan.State(new IndexPlan.Period(T0, t1), "Opstaaet"),
                new IndexPlan.State(new IndexPlan.Period(t1, t2), "Oplyst"),
                new IndexPlan.State(new IndexPlan.Period(t2, null), "Afgjort")), states);
        // a later registration that restates the past wins over what older ones said
        History<Case> restated = h.register(t2.plusSeconds(60), "d", "corrected", List.of(
                Effect.of(Validity.of(T0, t2), c), Effect.of(Validity.from(t2), c.withStatus(CaseStatus.IN_PROGRESS))));
        assertEquals(List.of("Opstaaet", "Oplyst"), CaseIndexMapping.map(restated, IndexCases.context()).sag()
                .states().stream().map(IndexPlan.State::code).toList());
    }

    @Test
    void aKleGroupIsNotASubjectAndAProtectedPersonIsSentWithoutName() {
        Case group = IndexCases.base(CaseId.random()).toBuilder().classification(KleNumber.parse("32.18 G01")).build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> map(List.of(Effect.of(Validity.from(T0), group))));
        assertEquals(Set.of("case.classification"), Set.copyOf(paths(e)));
        assertTrue(e.getMessage().contains("not a group"), e.getMessage());
        dk.rammearkitektur.model.Person hidden = IndexCases.CITIZEN.toBuilder().addressProtected(true).build();
        Case c = IndexCases.base(CaseId.random()).toBuilder().parties(List.of(
                dk.rammearkitektur.model.CaseParty.of(hidden, dk.rammearkitektur.model.PartyRole.PRIMARY_PARTY)))
                .build();
        Relation primary = roles(map(List.of(Effect.of(Validity.from(T0), c))).sag(), "Primær part").get(0);
        assertEquals("urn:oio:cpr-nr:0101801234", primary.reference());
        assertEquals(null, primary.fullName());
    }

    @Test
    void documentRelationsFollowTheCaseFromWhenTheDocumentCame() {
        Case c = IndexCases.base(CaseId.random()).withStatus(CaseStatus.IN_PROGRESS).toBuilder()
                .addDocument(dk.rammearkitektur.model.JournalEntry.of(IndexCases.document(1),
                        java.time.LocalDate.of(2021, 3, 2), dk.rammearkitektur.model.DocumentRole.MAIN_DOCUMENT))
                .build();
        Instant t1 = T0.plus(Duration.ofDays(10));
        Instant t2 = T0.plus(Duration.ofDays(20));
        Case moved = c.toBuilder().owningUnit(dk.rammearkitektur.model.OrganisationUnit.of(
                dk.rammearkitektur.model.PartyId.of(new UUID(6, 6)), "Borgerservice")).build();
        IndexPlan.Request r = map(List.of(Effect.of(Validity.of(T0, t1), IndexCases.base(c.id())),
                Effect.of(Validity.of(t1, t2), c), Effect.of(Validity.from(t2), moved)));
        List<Relation> responsible = r.documents().get(0).relations().stream()
                .filter(x -> x.role().equals("Ansvarlig")).toList();
        assertEquals(List.of(new IndexPlan.Period(t1, t2), new IndexPlan.Period(t2, null)),
                responsible.stream().map(Relation::period).toList(), "from when the document came, then the new unit");
    }

    @Test
    void missingFacetUnknownKleAndTooLongTextsAreEachNamed() {
        Case c = IndexCases.base(CaseId.random()).toBuilder().classification(KleNumber.parse("27.35.04"))
                .caseNumber("x".repeat(51)).title("t".repeat(256)).build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> map(List.of(Effect.of(Validity.from(T0), c))));
        assertEquals(Set.of("case.caseNumber", "case.title", "case.classification.facet", "case.classification"),
                Set.copyOf(paths(e)));
        assertFalse(e.getMessage().contains("0101801234"), "no CPR in messages");
    }

    @Test
    void requestsAgreeWithThePublishedContract() throws Exception {
        Path dir = published();
        Schema schema = schema(dir.resolve("sf1470-sagdokumentindeks-6/wsdl/xsd/6.0.STS-0/SagDokumentIndeksOperationer.xsd"));
        IndexPlan.Request r = CaseIndexMapping.map(IndexCases.history(5, 3), IndexCases.context());
        IndexClasses classes = IndexClasses.of(IndexCases.classes());
        validate(schema, body -> IndexMessages.importer(body, r, classes::uuid));
        validate(schema, body -> IndexMessages.opdater(body, r, classes::uuid));
        validate(schema, body -> IndexMessages.fremsoegById(body, List.of(UUID.randomUUID())));
        validate(schema, body -> IndexMessages.fremsoegByParty(body, "urn:oio:cpr-nr:0101801234", 0, 500));
        validate(schema, body -> IndexMessages.fjern(body, List.of(UUID.randomUUID())));
    }

    static Path published() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        Path p = dir == null || dir.isBlank() ? null : Path.of(dir, "conformance", "serviceplatformen");
        Assumptions.assumeTrue(p != null && Files.isDirectory(p.resolve("sf1470-sagdokumentindeks-6")),
                "published SF1470 contracts not found (../shared/conformance/serviceplatformen): skipped");
        return p;
    }

    static Schema schema(Path xsd) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        return f.newSchema(xsd.toFile());
    }

    static void validate(Schema schema, Consumer<Element> writer) throws Exception {
        Document doc = Dom.newDocument();
        Element body = doc.createElementNS("urn:test", "t:Body");
        doc.appendChild(body);
        writer.accept(body);
        Element request = Dom.children(body).get(0);
        javax.xml.validation.Validator v = schema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new DOMSource(request));
    }

    private static IndexPlan.Request map(List<Effect<Case>> effects) {
        return CaseIndexMapping.map(History.start(T0.plus(Duration.ofDays(400)), "x", null, effects),
                IndexCases.context());
    }

    private static List<Relation> roles(IndexPlan.Sag sag, String role) {
        return sag.relations().stream().filter(x -> x.role().equals(role)).toList();
    }

    private static List<String> paths(ValidationException e) {
        return e.violations().stream().map(v -> v.path()).toList();
    }
}
