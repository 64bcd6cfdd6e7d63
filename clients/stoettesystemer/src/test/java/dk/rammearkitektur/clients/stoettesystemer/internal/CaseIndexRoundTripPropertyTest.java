package dk.rammearkitektur.clients.stoettesystemer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.stoettesystemer.IndexClasses;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseParty;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Validity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.validation.Schema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * For random case histories: what the client writes for the index, read back as the index would return it in a
 * {@code fremsoeg} snapshot, gives the same progress, parties, caseworkers and journal entries with their validity;
 * and every request agrees with the published XSD when ../shared is present.
 */
class CaseIndexRoundTripPropertyTest {
    private static final IndexClasses CLASSES = IndexClasses.of(IndexCases.classes());
    private static final ServiceCall CALL = ServiceCall.read("SF1470", "fremsoeg", "c");
    private static final Schema SCHEMA = schemaIfPresent();

    @Property(tries = 60)
    void whatIsWrittenReadsBackWithItsValidity(@ForAll("histories") History<Case> history) throws Exception {
        IndexPlan.Request request = CaseIndexMapping.map(history, IndexCases.context());
        Document doc = Dom.newDocument();
        Element body = doc.createElementNS("urn:test", "t:Body");
        doc.appendChild(body);
        IndexMessages.importer(body, request, CLASSES::uuid);
        if (SCHEMA != null) {
            CaseIndexMappingTest.validate(SCHEMA, b -> IndexMessages.importer(b, request, CLASSES::uuid));
        }
        IndexedCase back = IndexReplies.readFremsoeg(snapshotOf(doc, Dom.children(body).get(0)), CALL,
                u -> CLASSES.key(u).orElse(null)).get(0);

        List<Effect<Case>> effects = history.latest().orElseThrow().effects();
        Case last = effects.get(effects.size() - 1).value();
        assertEquals(last.id(), back.id());
        assertEquals(last.caseNumber(), back.caseNumber());
        assertEquals(last.title(), back.title());
        List<CaseStatus> expected = new ArrayList<>();
        for (Effect<Case> e : effects) {
            CaseStatus s = e.value().status() == CaseStatus.ARCHIVED ? CaseStatus.CLOSED : e.value().status();
            if (expected.isEmpty() || expected.get(expected.size() - 1) != s) {
                expected.add(s);
            }
        }
        assertEquals(expected, back.progress().stream().map(Effect::value).toList());
        assertEquals(effects.get(0).validity().start(), back.progress().get(0).validity().start());
        assertTrue(back.progress().get(back.progress().size() - 1).validity().end().isEmpty());
        for (Effect<Case> e : effects) {
            Instant at = e.validity().start();
            assertEquals(Set.of(e.value().caseworker().id().toString()), referencesAt(back, "Primær behandler", at));
            assertEquals(Set.of(e.value().owningUnit().id().value().toString()), referencesAt(back, "Ansvarlig", at));
            assertEquals(partyUrns(e.value()), referencesAt(back, "Sekundær part", at));
            assertEquals(e.value().documents().stream().map(j -> j.document().id().value().toString())
                    .collect(Collectors.toSet()), journalAt(back, at));
            assertEquals(1, referencesAt(back, "Ejer", at).size());
        }
    }

    @Test
    void aRefusalIsATypedFaultWithTheIndexsCodeAndText() {
        Document doc = Dom.newDocument();
        Element out = doc.createElementNS(IndexMessages.SDI, "sdi:ImporterSagDokumentIndeksOutput");
        doc.appendChild(out);
        Element r = Dom.add(out, IndexMessages.SD, "sd:UnikRetur", null);
        Dom.add(r, IndexMessages.SD, "sd:StatusKode", "40");
        Dom.add(r, IndexMessages.SD, "sd:FejlbeskedTekst", "Sagsaktør Ejer mangler");
        Dom.add(r, IndexMessages.SD, "sd:Type", "Sag");
        Dom.add(r, IndexMessages.SD, "sd:UUIDIdentifikator", UUID.randomUUID().toString());
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> IndexReplies.readMultiple(out, CALL, "ImporterSagDokumentIndeksOutput"));
        assertEquals("40", e.faultCode());
        assertTrue(e.faultText().startsWith("Sagsaktør Ejer mangler [Sag "), e.faultText());
        out.removeChild(r);
        assertThrows(ReplyShapeException.class,
                () -> IndexReplies.readMultiple(out, CALL, "ImporterSagDokumentIndeksOutput"));
        Element ok = Dom.add(out, IndexMessages.SD, "sd:StandardRetur", null);
        Dom.add(ok, IndexMessages.SD, "sd:StatusKode", "20");
        assertEquals(1, IndexReplies.readMultiple(out, CALL, "ImporterSagDokumentIndeksOutput"));
    }

    @Test
    void anotherSystemsUnreadableRelationsAreLeftOutNotTheCase() {
        History<Case> history = history(List.of(0, 21, 42));
        IndexPlan.Request request = CaseIndexMapping.map(history, IndexCases.context());
        Document doc = Dom.newDocument();
        Element body = doc.createElementNS("urn:test", "t:Body");
        doc.appendChild(body);
        IndexMessages.importer(body, request, CLASSES::uuid);
        Element out = snapshotOf(doc, Dom.children(body).get(0));
        Element relations = (Element) out.getElementsByTagNameNS(IndexMessages.SAG, "RelationListe").item(0);
        List<Element> parts = Dom.children(relations).stream().filter(e -> e.getLocalName().equals("Sagspart"))
                .toList();
        Element cancelled = (Element) parts.get(0);
        Element virkning = Dom.child(cancelled, IndexMessages.GD, "Virkning");
        Element to = Dom.child(virkning, IndexMessages.SD, "TilTidspunkt");
        to.getParentNode().replaceChild(Dom.child(virkning, IndexMessages.SD, "FraTidspunkt").cloneNode(true), to);
        doc.renameNode(virkning.getChildNodes().item(1), IndexMessages.SD, "sd:TilTidspunkt");
        Element noReference = (Element) Dom.children(relations).get(0);
        noReference.removeChild(Dom.child(noReference, IndexMessages.GD, "ReferenceID"));
        long written = Dom.children(relations).stream().filter(e -> IndexMessages.SAG.equals(e.getNamespaceURI()))
                .count() + 2; // the relations, and the two IT systems in the local extension
        IndexedCase back = IndexReplies.readFremsoeg(out, CALL, u -> CLASSES.key(u).orElse(null)).get(0);
        assertEquals(written - 2, back.relations().size(), "the two unreadable relations left out, the rest read");
        assertEquals(history.latest().orElseThrow().effects().get(0).value().id(), back.id());
    }

    @Provide
    Arbitrary<History<Case>> histories() {
        Arbitrary<List<Integer>> steps = Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(9);
        return steps.map(CaseIndexRoundTripPropertyTest::history);
    }

    /** A history driven by numbers: each picks a status move, a caseworker, party and document changes. */
    static History<Case> history(List<Integer> steps) {
        Case c = IndexCases.base(CaseId.of(UUID.nameUUIDFromBytes(steps.toString().getBytes())));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(Person.builder().id(PartyId.of(new UUID(7, i))).cpr(Cpr.parse("01018" + (1000 + i) + "3"))
                    .name("Person " + i + " <&>").build());
        }
        List<Case> values = new ArrayList<>();
        values.add(c);
        int doc = 0;
        for (int i = 1; i < steps.size(); i++) {
            int s = steps.get(i);
            Case.Builder b = c.toBuilder();
            if (s % 3 == 0) {
                b.caseworker(Caseworker.of(new UUID(9, s % 4), "Behandler " + (s % 4)));
            }
            List<CaseParty> parties = new ArrayList<>(c.parties().subList(0, 1));
            for (int p = 0; p < people.size(); p++) {
                if ((s >> p & 1) == 1) {
                    parties.add(CaseParty.of(people.get(p), PartyRole.SECONDARY_PARTY));
                }
            }
            b.parties(parties);
            if (s % 2 == 1) {
                b.addDocument(JournalEntry.of(IndexCases.document(doc++), LocalDate.of(2022, 1, 1),
                        s % 4 == 1 ? DocumentRole.ATTACHMENT : DocumentRole.MAIN_DOCUMENT));
            }
            Case next = b.build();
            for (CaseStatus target : CaseStatus.values()) {
                if ((s / 7) % 5 == target.ordinal() && next.status().canTransitionTo(target)) {
                    next = next.status().requiresReason(target) ? next.withStatus(target, "genoptaget")
                            : next.withStatus(target);
                }
            }
            c = next;
            values.add(c);
        }
        List<Effect<Case>> effects = new ArrayList<>();
        Instant from = IndexCases.T0;
        for (int i = 0; i < values.size(); i++) {
            Instant to = i == values.size() - 1 ? null : from.plus(Duration.ofDays(1 + steps.get(i) * 3L));
            effects.add(Effect.of(to == null ? Validity.from(from) : Validity.of(from, to), values.get(i)));
            from = to;
        }
        return History.start(IndexCases.T0.plus(Duration.ofDays(5000)), "fagsystem", "note", effects);
    }

    private static Set<String> partyUrns(Case c) {
        Set<String> urns = new LinkedHashSet<>();
        for (CaseParty p : c.parties()) {
            if (p.role() != PartyRole.PRIMARY_PARTY) {
                urns.add(CaseIndexMapping.partyUrn(p.party()));
            }
        }
        return urns;
    }

    private static Set<String> referencesAt(IndexedCase c, String role, Instant at) {
        return c.relations(role).stream().filter(r -> r.validity().contains(at)).map(IndexRelation::reference)
                .collect(Collectors.toSet());
    }

    private static Set<String> journalAt(IndexedCase c, Instant at) {
        return c.relations().stream().filter(r -> r.kind().equals("Journalpost") && r.validity().contains(at))
                .map(IndexRelation::reference).collect(Collectors.toSet());
    }

    /** Wraps the written Sag's Registrering as a fremsoeg reply would carry it. */
    private static Element snapshotOf(Document doc, Element importer) {
        Element sagIndeks = null;
        for (Element e : Dom.children(importer)) {
            if ("SagIndeks".equals(e.getLocalName())) {
                sagIndeks = e;
            }
        }
        Element out = doc.createElementNS(IndexMessages.SDI, "sdi:FremsoegSagDokumentIndeksOutput");
        Element retur = Dom.add(out, IndexMessages.SD, "sd:StandardRetur", null);
        Dom.add(retur, IndexMessages.SD, "sd:StatusKode", "20");
        Element snap = Dom.add(out, IndexMessages.SDI, "sdi:SagFiltreretOejebliksbillede", null);
        Element objekt = Dom.add(snap, IndexMessages.SAG, "sag:ObjektType", null);
        Dom.add(objekt, IndexMessages.SD, "sd:UUIDIdentifikator",
                Dom.childText(sagIndeks, IndexMessages.SD, "UUIDIdentifikator"));
        Node reg = Dom.child(sagIndeks, IndexMessages.SAG, "Registrering").cloneNode(true);
        snap.appendChild(reg);
        return out;
    }

    private static Schema schemaIfPresent() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        java.nio.file.Path p = dir == null || dir.isBlank() ? null : java.nio.file.Path.of(dir, "conformance",
                "serviceplatformen", "sf1470-sagdokumentindeks-6/wsdl/xsd/6.0.STS-0/SagDokumentIndeksOperationer.xsd");
        try {
            return p != null && java.nio.file.Files.exists(p) ? CaseIndexMappingTest.schema(p) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
