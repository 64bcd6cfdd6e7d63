package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.T0;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.T1;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.T2;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.uuidRef;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.urnRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Registration;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Relation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulated Sags- og Dokumentindeks (SF1470) driven by hand-written SOAP 1.1 requests with real STS tokens:
 * import with history, every rule's refusal (nothing stored), opdater by validity (AM-02) and by replacement (AM-04),
 * fremsoeg by CPR and UUID, fjern, and the token CVR's ownership.
 */
class SagDokumentIndeksTest {
    private static final String OTHER_CVR = "29189870";
    private static ServiceplatformSimulator sim;
    private static SdiCalls calls;
    private static SimulatorData.Organisation org;
    private static final List<byte[]> wire = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().build().start();
        sim.wireTap = (k, b) -> {
            if (k.startsWith("SF1470 ")) {
                wire.add(b);
            }
        };
        calls = new SdiCalls(sim);
        org = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
        SdiCalls.otherMunicipality(sim, OTHER_CVR);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
        wire.clear();
    }

    /**
     * Every body this test sent and every reply (the valid and the broken ones): the SDK's own SF1470 subset accepts
     * and refuses exactly what the published contract does, so the simulator without ../shared judges them alike.
     */
    @AfterEach
    void ownSubsetAgreesWithThePublishedContract() {
        if (PublishedContracts.dir().isPresent()) {
            OwnSdiContract.agreesWithPublished(wire);
        }
    }

    private static String cpr() {
        return String.format("%010d", (long) (Math.random() * 1_000_000_0000L));
    }

    private static SdiXml imported(String cpr) throws Exception {
        SdiXml sag = SdiXml.sag(sim, UUID.randomUUID(), cpr);
        SdiCalls.Reply r = calls.call("importer", SdiXml.importer(sag));
        assertEquals(List.of(20), r.codes(), r.messages() + sim.conformanceReport());
        return sag;
    }

    @Test
    void validImportIsStoredWithItsHistory() throws Exception {
        UUID dok = UUID.randomUUID();
        SdiXml sag = SdiXml.sag(sim, UUID.randomUUID(), cpr());
        sag.add("Journalpost", "Tilakteret", "Dokument", "1", uuidRef(dok), T1, null, "");
        sag.add("Sikkerhedsprofil", "Adgang", "OrgEnhed", "1", uuidRef(org.units().get(3).uuid()), T0, null, "");
        Instant before = Instant.now();
        SdiCalls.Reply r = calls.call("importer", SdiXml.importer(sag, SdiXml.dokument(sim, dok)));
        assertEquals(200, r.status());
        assertEquals(List.of(20, 20), r.codes(), r.messages());
        assertEquals("no violations", sim.conformanceReport());
        Registration current = sim.sagDokumentIndeks().current(sag.uuid).orElseThrow();
        assertFalse(current.registered().isBefore(before.minusSeconds(1)));
        assertEquals(List.of("Opstaaet", "Oplyst"), current.states().stream().map(SagDokumentIndeksData.State::code)
                .toList());
        assertEquals(T1, current.states().get(0).virkning().to());
        assertEquals(org.uuid().toString(), current.relations("Ejer", Instant.now()).get(0).reference());
        assertEquals(10, current.relations().size());
        assertEquals(1, current.relations("Adgang", Instant.now()).size());
        assertTrue(sim.sagDokumentIndeks().dokument(dok).isPresent());
        // a second import adds a registration and keeps the first
        assertEquals(List.of(20), calls.call("importer", SdiXml.importer(sag
                .noStates().state("Opstaaet", T0, T1).state("Oplyst", T1, T2).state("Afgjort", T2, null))).codes());
        List<Registration> all = sim.sagDokumentIndeks().registrations(sag.uuid);
        assertEquals(2, all.size());
        assertEquals(2, all.get(0).states().size());
        assertEquals("Afgjort", all.get(1).state(Instant.now()).orElseThrow());
    }

    static Stream<Arguments> brokenRules() {
        UUID other = UUID.randomUUID();
        return Stream.of(
                broken(SagDokumentIndeksRules.mandatory("Ejer"), x -> x.without("Ejer")),
                broken("SDI-OB1-ANSVARLIG", x -> x.without("Ansvarlig")),
                broken("SDI-OB1-PRIMAERKLASSE", x -> x.without("Primær klasse")),
                broken("SDI-OB1-HANDLINGSKLASSE", x -> x.without("Handlingsklasse")),
                broken("SDI-OB1-MASTER", x -> x.without("Master")),
                broken("SDI-OB1-AFSENDER", x -> x.without("Afsender")),
                broken(SagDokumentIndeksRules.OB1_FREMDRIFT, SdiXml::noStates),
                broken(SagDokumentIndeksRules.OCCURS, x -> x.add("Sagspart", "Primær part", "Person", null,
                        urnRef("urn:oio:cpr-nr:0101011234"), T0, null, "")),
                broken(SagDokumentIndeksRules.INDEKS, x -> x.add("Sagspart", "Sekundær part", "Person", null,
                        urnRef("urn:oio:cpr-nr:0101011234"), T0, null, "")),
                broken(SagDokumentIndeksRules.INDEKS, x -> x.without("Ejer").add("Sagsaktoer", "Ejer",
                        "Organisation", "1", uuidRef(org.uuid()), T0, null, "")),
                broken(SagDokumentIndeksRules.RELATION_FIELDS, x -> x.add("Sagsaktoer", "Andre behandlere",
                        SdiXml.relation("Sagsaktoer", (String) null, "Bruger", "1",
                                uuidRef(org.users().get(0).uuid()), T0, null, ""))),
                broken(SagDokumentIndeksRules.ROLE_UNKNOWN, x -> x.add("Sagsaktoer", "x", SdiXml.relation(
                        "Sagsaktoer", UUID.randomUUID(), KlassifikationData.objectTypeUuid("Bruger"), "1",
                        uuidRef(org.users().get(0).uuid()), T0, null, ""))),
                broken(SagDokumentIndeksRules.ROLE_RELATION, x -> x.add("Sagspart", "Ejer", "Person", null,
                        urnRef("urn:oio:cpr-nr:0101011234"), T0, null, "")),
                broken(SagDokumentIndeksRules.TYPE_UNKNOWN, x -> x.add("Sagsaktoer", "y", SdiXml.relation(
                        "Sagsaktoer", KlassifikationData.roleUuid("Andre behandlere"), UUID.randomUUID(), "1",
                        uuidRef(org.users().get(0).uuid()), T0, null, ""))),
                broken(SagDokumentIndeksRules.TYPE_ROLE, x -> x.without("Ansvarlig").add("Sagsaktoer", "Ansvarlig",
                        "Bruger", null, uuidRef(org.users().get(0).uuid()), T0, null, "")),
                broken(SagDokumentIndeksRules.REF_RESOLVE, x -> x.without("Ansvarlig").add("Sagsaktoer",
                        "Ansvarlig", "OrgEnhed", null, uuidRef(other), T0, null, "")),
                broken(SagDokumentIndeksRules.REF_RESOLVE, x -> x.without("Primær klasse").add("Sagsklasse",
                        "Primær klasse", "Klasse", null, uuidRef(KlassifikationData.actionFacetUuid("G01")), T0, null,
                        SdiXml.kle("G01"))),
                broken(SagDokumentIndeksRules.REF_RESOLVE, x -> x.without("Master").add("SagsitsystemRelation",
                        "Master", "IT-system", null, uuidRef(other), T0, null, "<si:SystemNavn>X</si:SystemNavn>")),
                broken(SagDokumentIndeksRules.REF_RESOLVE, x -> x.add("Journalpost", "Tilakteret", "Dokument", "1",
                        uuidRef(other), T0, null, "")),
                broken(SagDokumentIndeksRules.REF_URN, x -> x.without("Primær part").add("Sagspart", "Primær part",
                        "Person", null, urnRef("urn:oio:cpr-nr:12345"), T0, null, "")),
                broken(SagDokumentIndeksRules.OB1_KLE_KEY, x -> x.without("Primær klasse").add("Sagsklasse",
                        "Primær klasse", "Klasse", null, uuidRef(KlassifikationData.subjectUuid("32.18.02")), T0,
                        null, "")),
                broken(SagDokumentIndeksRules.OB1_SYSTEM_NAME, x -> x.without("Master").add("SagsitsystemRelation",
                        "Master", "IT-system", null, uuidRef(SagDokumentIndeksData.SEEDED_MASTER_SYSTEM), T0, null, "")),
                broken(SagDokumentIndeksRules.AM01_HISTORY, x -> x.noStates().state("Oplyst", T0, null)),
                broken(SagDokumentIndeksRules.AM01_HISTORY, x -> x.noStates().state("Opstaaet", T0, T1)
                        .state("Oplyst", T2, null)),
                broken(SagDokumentIndeksRules.AM01_HISTORY, x -> x.noStates().state("Opstaaet", T0, T1)
                        .state("Afgjort", T1, T2).state("Oplyst", T2, null)),
                broken(SagDokumentIndeksRules.AM01_HISTORY, x -> x.noStates().state("Opstaaet", T0, null)
                        .state("Oplyst", T1, null)),
                broken(SagDokumentIndeksRules.VIRKNING, x -> x.without("Primær behandler").add("Sagsaktoer",
                        "Primær behandler", "Bruger", null, uuidRef(org.users().get(0).uuid()), T1, T0, "")),
                broken(SagDokumentIndeksRules.REGISTRATION, x -> {
                    x.registration = null;
                    return x;
                }),
                broken(SagDokumentIndeksRules.OB1_PROPERTIES, x -> {
                    x.titel = null;
                    return x;
                }),
                broken(SagDokumentIndeksRules.OB1_SENSITIVITY, x -> {
                    x.foelsomhed = null;
                    return x;
                }),
                broken(SagDokumentIndeksRules.NO_GAP, x -> x.without("Primær behandler").add("Sagsaktoer",
                        "Primær behandler", "Bruger", null, uuidRef(org.users().get(0).uuid()), T0, T1, "")),
                broken(SagDokumentIndeksRules.REF_URN, x -> x.add("Journalpost", "Journalnotat", "Dokument", "1",
                        uuidRef(other), T0, null, "")),
                broken(SagDokumentIndeksRules.INDEKS, x -> x.add("Sagsklasse", "Afgørelsesklasse", "Klasse", null,
                        uuidRef(KlassifikationData.actionFacetUuid("K07")), T0, null, "")),
                broken(SagDokumentIndeksRules.VIRKNING_ACTOR, x -> x.without("Primær behandler").add("Sagsaktoer",
                        "Primær behandler", SdiXml.relation("Sagsaktoer", "Primær behandler", "Bruger", null,
                                uuidRef(org.users().get(0).uuid()), T0, null, "").replace(SdiXml.ACTOR, ""))),
                broken(SagDokumentIndeksRules.REF_URN, x -> x.add("Sikkerhedsprofil", "Adgang", "OrgEnhed", "1",
                        urnRef("urn:oio:kmd:los:1234"), T0, null, "")),
                broken(SagDokumentIndeksRules.CVR_OWNER, x -> x.without("Ejer").add("Sagsaktoer", "Ejer",
                        "Organisation", null, uuidRef(UUID.nameUUIDFromBytes(OTHER_CVR.getBytes())), T0, null, "")));
    }

    private static Arguments broken(String rule, UnaryOperator<SdiXml> mutation) {
        return Arguments.of(rule, mutation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachBrokenRuleIsRecordedAndRefusedAndStoresNothing(String rule, UnaryOperator<SdiXml> mutation)
            throws Exception {
        SdiXml sag = mutation.apply(SdiXml.sag(sim, UUID.randomUUID(), cpr()));
        int before = sim.sagDokumentIndeks().count(SagDokumentIndeksData.Kind.SAG);
        SdiCalls.Reply r = calls.call("importer", SdiXml.importer(sag));
        int expected = rule.equals(SagDokumentIndeksRules.CVR_OWNER) ? SagDokumentIndeksRules.NOT_PERMITTED
                : SagDokumentIndeksRules.INVALID;
        assertEquals(List.of(expected), r.codes(), r.messages());
        assertTrue(r.messages().contains(rule + ": "), r.messages());
        assertTrue(sim.violations().stream().anyMatch(v -> v.code().equals(rule) && v.endpoint().equals("SF1470")),
                sim.conformanceReport());
        assertTrue(sim.sagDokumentIndeks().get(sag.uuid).isEmpty());
        assertEquals(before, sim.sagDokumentIndeks().count(SagDokumentIndeksData.Kind.SAG));
    }

    @Test
    void aRequestWithOneBrokenObjectStoresNone() throws Exception {
        SdiXml good = SdiXml.sag(sim, UUID.randomUUID(), cpr());
        SdiXml bad = SdiXml.sag(sim, UUID.randomUUID(), cpr()).without("Ejer");
        SdiCalls.Reply r = calls.call("importer", SdiXml.importer(good, bad));
        assertEquals(List.of(40, 40), r.codes());
        assertTrue(r.messages().contains(SagDokumentIndeksRules.ATOMIC), r.messages());
        assertTrue(sim.sagDokumentIndeks().get(good.uuid).isEmpty());
        assertTrue(sim.sagDokumentIndeks().get(bad.uuid).isEmpty());
    }

    @Test
    void opdaterEndsAnOptionalRelationByItsValidity() throws Exception {
        String cpr = cpr();
        String secondCpr = cpr();
        SdiXml sag = SdiXml.sag(sim, UUID.randomUUID(), cpr);
        sag.add("Sagspart", "Sekundær part", "Person", "1", urnRef("urn:oio:cpr-nr:" + secondCpr), T0, null, "");
        assertEquals(List.of(20), calls.call("importer", SdiXml.importer(sag)).codes());
        assertEquals(1, calls.call("fremsoeg", SdiXml.fremsoegPart("urn:oio:cpr-nr:" + secondCpr)).antal("sager"));
        // AM-02: the same relation (key Sagspart-Sekundær part-1, same ReferenceID) with a TilTidspunkt
        Instant end = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SdiXml change = SdiXml.changes().add("Sagspart", "Sekundær part", "Person", "1",
                urnRef("urn:oio:cpr-nr:" + secondCpr), T0, end, "");
        SdiCalls.Reply r = calls.call("opdater", SdiXml.opdaterSag(sag.uuid, change));
        assertEquals(List.of(20), r.codes(), r.messages());
        List<Registration> regs = sim.sagDokumentIndeks().registrations(sag.uuid);
        assertEquals(2, regs.size());
        assertTrue(regs.get(0).relations("Sekundær part", Instant.now()).size() == 1, "the first registration is kept");
        Relation ended = regs.get(1).relations().stream().filter(x -> x.roleName().equals("Sekundær part"))
                .findFirst().orElseThrow();
        assertEquals(end, ended.virkning().to());
        assertTrue(regs.get(1).relations("Sekundær part", Instant.now()).isEmpty());
        assertEquals(0, calls.call("fremsoeg", SdiXml.fremsoegPart("urn:oio:cpr-nr:" + secondCpr)).antal("sager"));
        assertEquals(1, calls.call("fremsoeg", SdiXml.fremsoegPart("urn:oio:cpr-nr:" + cpr)).antal("sager"));
    }

    @Test
    void opdaterReplacesAMandatoryRelationButNeverEndsIt() throws Exception {
        SdiXml sag = imported(cpr());
        UUID newUnit = org.units().get(1).uuid();
        SdiXml change = SdiXml.changes().add("Sagsaktoer", "Ansvarlig", "OrgEnhed", null, uuidRef(newUnit), T2, null,
                "");
        SdiCalls.Reply r = calls.call("opdater", SdiXml.opdaterSag(sag.uuid, change));
        assertEquals(List.of(20), r.codes(), r.messages());
        Registration current = sim.sagDokumentIndeks().current(sag.uuid).orElseThrow();
        List<Relation> ansvarlig = current.relations().stream().filter(x -> x.roleName().equals("Ansvarlig")).toList();
        assertEquals(2, ansvarlig.size(), "AM-04 keeps the replaced relation with its validity ended");
        assertEquals(T2, ansvarlig.get(0).virkning().to());
        assertEquals(newUnit.toString(), current.relations("Ansvarlig", Instant.now()).get(0).reference());
        // ending the Ejer is refused and changes nothing
        SdiXml end = SdiXml.changes().add("Sagsaktoer", "Ejer", "Organisation", null, uuidRef(org.uuid()), T0, T2, "");
        r = calls.call("opdater", SdiXml.opdaterSag(sag.uuid, end));
        assertEquals(List.of(40), r.codes());
        assertTrue(r.messages().contains(SagDokumentIndeksRules.OB1_REMOVE), r.messages());
        assertEquals(2, sim.sagDokumentIndeks().registrations(sag.uuid).size());
        // a state change ends the open state where the new one starts
        SdiXml state = SdiXml.changes().state("Afsluttet", T2, null);
        assertEquals(List.of(20), calls.call("opdater", SdiXml.opdaterSag(sag.uuid, state)).codes());
        Registration last = sim.sagDokumentIndeks().current(sag.uuid).orElseThrow();
        assertEquals("Afsluttet", last.state(Instant.now()).orElseThrow());
        assertEquals(T2, last.states().get(1).virkning().to());
    }

    @Test
    void theMasterItSystemCannotChange() throws Exception {
        SdiXml sag = imported(cpr());
        SdiXml change = SdiXml.changes().add("SagsitsystemRelation", "Master", "IT-system", null,
                uuidRef(SagDokumentIndeksData.SEEDED_SENDER_SYSTEM), T2, null, "<si:SystemNavn>Ny</si:SystemNavn>");
        SdiCalls.Reply r = calls.call("opdater", SdiXml.opdaterSag(sag.uuid, change));
        assertEquals(List.of(40), r.codes());
        assertTrue(r.messages().startsWith(SagDokumentIndeksRules.MASTER_FIXED), r.messages());
        assertEquals(1, sim.sagDokumentIndeks().registrations(sag.uuid).size());
        // a journalnotat is a note: ReferenceID URN:Empty
        SdiXml note = SdiXml.changes().add("Journalpost", "Journalnotat", "Dokument", "n1", urnRef("URN:Empty"), T2,
                null, "");
        assertEquals(List.of(20), calls.call("opdater", SdiXml.opdaterSag(sag.uuid, note)).codes());
    }

    @Test
    void aDocumentIsUpdatedAndFoundByItsParty() throws Exception {
        UUID dok = UUID.randomUUID();
        assertEquals(List.of(20), calls.call("importer", SdiXml.importer(SdiXml.dokument(sim, dok))).codes());
        String party = "urn:oio:cpr-nr:" + cpr();
        assertEquals(0, calls.call("fremsoeg", SdiXml.fremsoegDocumentPart(party)).antal("dokumenter"));
        SdiXml change = SdiXml.documentChanges().add("Dokumentpart", "Parter", "Person", "1", urnRef(party), T1, null,
                "").state("Fordelt", T1, null);
        SdiCalls.Reply r = calls.call("opdater", SdiXml.opdaterSag(dok, change));
        assertEquals(List.of(20), r.codes(), r.messages());
        Registration current = sim.sagDokumentIndeks().current(dok).orElseThrow();
        assertEquals("Fordelt", current.state(Instant.now()).orElseThrow());
        assertEquals(T1, current.states().get(0).virkning().to());
        assertEquals(1, calls.call("fremsoeg", SdiXml.fremsoegDocumentPart(party)).antal("dokumenter"));
        // a party's Indeks is required (0..*): refused, nothing changes
        SdiXml noIndex = SdiXml.documentChanges().add("Dokumentpart", "Kopiparter", "Person", null, urnRef(party), T1,
                null, "");
        assertEquals(List.of(40), calls.call("opdater", SdiXml.opdaterSag(dok, noIndex)).codes());
        assertEquals(2, sim.sagDokumentIndeks().registrations(dok).size());
    }

    @Test
    void aRelaxedRuleIsNeitherRecordedNorRefused() throws Exception {
        SdiXml sag = SdiXml.sag(sim, UUID.randomUUID(), cpr()).without("Handlingsklasse");
        try {
            sim.sagDokumentIndeks().relax("SDI-OB1-HANDLINGSKLASSE");
            assertEquals(List.of(20), calls.call("importer", SdiXml.importer(sag)).codes());
            assertEquals("no violations", sim.conformanceReport());
            assertTrue(sim.sagDokumentIndeks().sag(sag.uuid).isPresent());
        } finally {
            sim.sagDokumentIndeks().enforceAll();
        }
        assertThrows(IllegalArgumentException.class,
                () -> sim.sagDokumentIndeks().relax(SagDokumentIndeksRules.VIRKNING));
    }

    @Test
    void signedRepliesVerifyWithTheServiceCertificate() throws Exception {
        try (ServiceplatformSimulator signing = ServiceplatformSimulator.builder().signReplies(true).build().start()) {
            SdiCalls signed = new SdiCalls(signing);
            String cpr = cpr();
            SdiXml sag = SdiXml.sag(signing, UUID.randomUUID(), cpr);
            assertEquals(List.of(20), signed.call("importer", SdiXml.importer(sag)).codes());
            SdiCalls.Reply r = signed.call("fremsoeg", SdiXml.fremsoegPart("urn:oio:cpr-nr:" + cpr));
            assertEquals(1, r.antal("sager"));
            dk.rammearkitektur.signing.wss.WsSecurityVerifier.builder()
                    .binarySecurityTokens(dk.rammearkitektur.signing.xml.SignatureTrust.pinned(
                            List.of(signing.serviceSigningCertificate())))
                    .requireAddressing(false).build().verify(r.envelope());
        }
    }

    @Test
    void opdaterOfAnUnknownCaseIsNotFound() throws Exception {
        SdiCalls.Reply r = calls.call("opdater", SdiXml.opdaterSag(UUID.randomUUID(), SdiXml.changes()));
        assertEquals(List.of(SagDokumentIndeksRules.NOT_FOUND), r.codes());
        assertTrue(r.messages().startsWith(SagDokumentIndeksRules.NOT_FOUND_RULE), r.messages());
    }

    @Test
    void fremsoegByCprAndByUuidAnswersFullRegistrations() throws Exception {
        String cpr = cpr();
        SdiXml sag = imported(cpr);
        SdiCalls.Reply r = calls.call("fremsoeg", SdiXml.fremsoegPart("urn:oio:cpr-nr:" + cpr));
        assertEquals(List.of(20), r.codes());
        assertEquals(1, r.antal("sager"));
        assertEquals(0, r.antal("dokumenter"));
        var snaps = r.envelope().getElementsByTagNameNS(SdiCalls.SDI, "SagFiltreretOejebliksbillede");
        assertEquals(1, snaps.getLength());
        String text = snaps.item(0).getTextContent();
        assertTrue(text.contains(sag.uuid.toString()) && text.contains("urn:oio:cpr-nr:" + cpr)
                && text.contains("Simuleret fagsystem") && text.contains("Opstaaet"), text);
        assertEquals(0, calls.call("fremsoeg", SdiXml.fremsoegPart("urn:oio:cpr-nr:" + cpr())).antal("sager"));
        assertEquals(1, calls.call("fremsoeg", SdiXml.fremsoegUuids(List.of(sag.uuid), List.of())).antal("sager"));
    }

    @Test
    void fjernRemovesTheCaseAndItsCaselessDocumentsUnlessAskedToLeaveThem() throws Exception {
        for (Boolean leave : new Boolean[] {null, Boolean.TRUE}) {
            UUID dok = UUID.randomUUID();
            SdiXml sag = SdiXml.sag(sim, UUID.randomUUID(), cpr());
            sag.add("Journalpost", "Tilakteret", "Dokument", "1", uuidRef(dok), T1, null, "");
            assertEquals(List.of(20, 20), calls.call("importer", SdiXml.importer(sag, SdiXml.dokument(sim, dok)))
                    .codes());
            SdiCalls.Reply r = calls.call("fjern", SdiXml.fjern(sag.uuid, leave));
            assertEquals(List.of(20), r.codes(), r.messages());
            assertTrue(sim.sagDokumentIndeks().sag(sag.uuid).isEmpty());
            assertEquals(leave != null, sim.sagDokumentIndeks().dokument(dok).isPresent(), "leave " + leave);
        }
        SdiCalls.Reply unknown = calls.call("fjern", SdiXml.fjern(UUID.randomUUID(), null));
        assertEquals(List.of(SagDokumentIndeksRules.NOT_FOUND), unknown.codes());
    }

    @Test
    void aTokenOfAnotherCvrCannotChangeOrSeeTheCase() throws Exception {
        SdiXml sag = imported(cpr());
        String entity = ServiceplatformSimulator.SF1470_ENTITY_ID;
        SdiCalls.Reply r = calls.call("fjern", SdiXml.fjern(sag.uuid, null), OTHER_CVR, entity);
        assertEquals(List.of(SagDokumentIndeksRules.NOT_PERMITTED), r.codes());
        assertTrue(r.messages().startsWith(SagDokumentIndeksRules.CVR_OWNER), r.messages());
        r = calls.call("opdater", SdiXml.opdaterSag(sag.uuid, SdiXml.changes().state("Afgjort", T2, null)),
                OTHER_CVR, entity);
        assertEquals(List.of(SagDokumentIndeksRules.NOT_PERMITTED), r.codes());
        assertEquals(0, calls.call("fremsoeg", SdiXml.fremsoegUuids(List.of(sag.uuid), List.of()), OTHER_CVR, entity)
                .antal("sager"));
        r = calls.call("importer", SdiXml.importer(SdiXml.sag(sim, UUID.randomUUID(), cpr())), OTHER_CVR, entity);
        assertEquals(List.of(SagDokumentIndeksRules.NOT_PERMITTED), r.codes());
        assertTrue(sim.sagDokumentIndeks().sag(sag.uuid).isPresent());
        assertEquals(1, sim.sagDokumentIndeks().registrations(sag.uuid).size());
        assertTrue(sim.violations().stream().allMatch(v -> v.code().equals(SagDokumentIndeksRules.CVR_OWNER)
                || v.code().startsWith("SDI-")), sim.conformanceReport());
    }

    @Test
    void aTokenForAnotherServiceIsRefusedByThePlatform() throws Exception {
        SdiCalls.Reply r = calls.call("fremsoeg", SdiXml.fremsoegUuids(List.of(UUID.randomUUID()), List.of()),
                sim.municipalityCvr(), ServiceplatformSimulator.SF1510_ENTITY_ID);
        assertEquals(500, r.status());
        assertEquals(PlatformFaults.TOKEN_AUDIENCE, r.faultCode());
    }
}
