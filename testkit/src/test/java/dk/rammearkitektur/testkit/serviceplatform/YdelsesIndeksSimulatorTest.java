package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.urnRef;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.uuidRef;
import static dk.rammearkitektur.testkit.serviceplatform.YdiXml.T0;
import static dk.rammearkitektur.testkit.serviceplatform.YdiXml.T1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksData.Registration;
import dk.rammearkitektur.testkit.serviceplatform.internal.Contracts;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The simulated Ydelsesindeks (SF1490) driven by hand-written SOAP 1.2 requests with real STS tokens on its three
 * ports: a grant and its payment imported and read back by id and by CPR, opdater, every major rule's refusal (code
 * and rule id, nothing stored), atomicity, fjern order (payments first) and the ports told apart by namespace. Every
 * body on the wire (requests and replies) is checked against the published contract when present, and the SDK's own
 * subset must judge each alike.
 */
class YdelsesIndeksSimulatorTest {
    private static final String ACTION = "http://kombit.dk/sts/ydelseindeks/";
    private static final String OTHER_CVR = "29189870";
    private static ServiceplatformSimulator sim;
    private static SdiCalls calls;
    private static SimulatorData.Organisation org;
    private static final List<byte[]> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final List<byte[]> replies = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().build().start();
        sim.wireTap = (k, b) -> {
            if (k.startsWith("SF1490-")) {
                (k.endsWith(" reply") ? replies : requests).add(b);
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
        sim.ydelsesIndeks().clear();
        sim.ydelsesIndeks().enforceAll();
        requests.clear();
        replies.clear();
    }

    /**
     * Every reply (SOAP faults aside) validates against the published YdelseIndeksOperationer.xsd (skipped without
     * ../shared) and the SDK's own subset; every request is accepted or refused by both alike.
     */
    @AfterEach
    void everyBodyOnTheWireMatchesTheContracts() {
        Schema own = Contracts.schema(ServiceplatformSimulator.YDELSESINDEKS_CONTRACT);
        Schema published = PublishedContracts.dir().isPresent() ? PublishedContracts.schema(YdiContract.PUBLISHED) : null;
        for (byte[] reply : replies) {
            Element body = YdiContract.body(reply);
            if (SdiCalls.SOAP12.equals(body.getNamespaceURI())) {
                continue; // a fault
            }
            assertNull(OwnSdiContract.complaint(own, body), "own subset refuses a reply");
            if (published != null) {
                PublishedContracts.validate(published, body);
            }
        }
        if (published != null) {
            YdiContract.agree(published, own, requests);
        }
    }

    private static String cpr() {
        return String.format("%010d", (long) (Math.random() * 1_000_000_0000L));
    }

    static SdiCalls.Reply yi(String operation, String body) throws Exception {
        return calls.call12("SF1490-YI", ACTION + operation, body, sim.municipalityCvr(),
                ServiceplatformSimulator.SF1490_ENTITY_ID);
    }

    private static SdiCalls.Reply fjernGrant(UUID id) throws Exception {
        return calls.call12("SF1490-BI", ACTION + "bevillingindeks/fjern", YdiXml.fjern("bi", id),
                sim.municipalityCvr(), ServiceplatformSimulator.SF1490_ENTITY_ID);
    }

    private static SdiCalls.Reply fjernPayment(UUID id) throws Exception {
        return calls.call12("SF1490-OEF", ACTION + "oekonomiskEffektuering/fjern", YdiXml.fjern("oef", id),
                sim.municipalityCvr(), ServiceplatformSimulator.SF1490_ENTITY_ID);
    }

    /** A grant and its payment for {@code cpr}, imported in one call (both 20). */
    private static YdiXml[] imported(String cpr) throws Exception {
        YdiXml grant = YdiXml.grant(sim, UUID.randomUUID(), cpr);
        YdiXml payment = YdiXml.payment(sim, UUID.randomUUID(), grant.uuid, cpr);
        SdiCalls.Reply r = yi("importer", YdiXml.importer(grant, payment));
        assertEquals(List.of(20, 20), r.codes(), r.messages() + sim.conformanceReport());
        return new YdiXml[] {grant, payment};
    }

    @Test
    void grantAndPaymentAreImportedInOneCallAndStored() throws Exception {
        YdiXml[] x = imported(cpr());
        assertEquals("no violations", sim.conformanceReport());
        YdelsesIndeksData index = sim.ydelsesIndeks();
        Registration grant = index.grant(x[0].uuid).orElseThrow().current();
        assertEquals(T0, grant.time());
        assertEquals(List.of("1"), grant.benefitIds());
        assertEquals(SagDokumentIndeksData.SEEDED_MASTER_SYSTEM.toString(), grant.master());
        assertEquals(org.uuid().toString(), grant.relations("Ejer").get(0).reference());
        Registration payment = index.payment(x[1].uuid).orElseThrow().current();
        assertEquals(x[0].uuid, payment.grant());
        assertEquals(List.of(x[1].uuid), index.paymentsOf(x[0].uuid).stream().map(YdelsesIndeksData.IndexObject::uuid)
                .toList());
        assertEquals(1, index.count(YdelsesIndeksData.Kind.BEVILLING));
        assertEquals(1, index.count(YdelsesIndeksData.Kind.OEKONOMISK_EFFEKTUERING));
        assertEquals(1, sim.requestCount("SF1490-YI"), "one importer call");
    }

    @Test
    void fremsoegFindsByIdsAndByCpr() throws Exception {
        String cpr = cpr();
        YdiXml[] x = imported(cpr);
        imported(cpr());
        SdiCalls.Reply byId = yi("fremsoeg", YdiXml.fremsoegIds(List.of(x[0].uuid), List.of(x[1].uuid)));
        assertEquals(List.of(20), byId.codes());
        assertEquals(1, byId.antal(YdiXml.YI, "bevillinger"));
        assertEquals(1, byId.antal(YdiXml.YI, "effektueringer"));
        assertEquals(x[0].uuid.toString(), snapshotUuid(byId, "BevillingFiltreretOejebliksbillede"));
        assertEquals(x[1].uuid.toString(), snapshotUuid(byId, "OekonomiskEffektueringFiltreretOejebliksbillede"));
        SdiCalls.Reply byCpr = yi("fremsoeg", YdiXml.fremsoegCpr(cpr));
        assertEquals(1, byCpr.antal(YdiXml.YI, "bevillinger"));
        assertEquals(1, byCpr.antal(YdiXml.YI, "effektueringer"));
        assertEquals(x[0].uuid.toString(), snapshotUuid(byCpr, "BevillingFiltreretOejebliksbillede"));
        SdiCalls.Reply none = yi("fremsoeg", YdiXml.fremsoegCpr("0101010000"));
        assertEquals(0, none.antal(YdiXml.YI, "bevillinger"));
        assertEquals(0, none.antal(YdiXml.YI, "effektueringer"));
        // another municipality sees nothing of ours
        SdiCalls.Reply other = calls.call12("SF1490-YI", ACTION + "fremsoeg", YdiXml.fremsoegCpr(cpr), OTHER_CVR,
                ServiceplatformSimulator.SF1490_ENTITY_ID);
        assertEquals(0, other.antal(YdiXml.YI, "bevillinger"));
    }

    private static String snapshotUuid(SdiCalls.Reply r, String element) {
        Element snap = (Element) r.envelope().getElementsByTagNameNS(YdiXml.YI, element).item(0);
        return snap.getElementsByTagNameNS(SdiCalls.SD, "UUIDIdentifikator").item(0).getTextContent();
    }

    @Test
    void opdaterAddsARegistrationAtItsTidspunkt() throws Exception {
        YdiXml[] x = imported(cpr());
        YdiXml grant = YdiXml.grant(sim, x[0].uuid, cpr()).at(T1);
        grant.egenskaber.put("Begrundelse", "Ændret");
        SdiCalls.Reply r = yi("opdater", YdiXml.opdater(grant));
        assertEquals(List.of(20), r.codes(), r.messages());
        List<Registration> all = sim.ydelsesIndeks().registrations(x[0].uuid);
        assertEquals(2, all.size());
        assertEquals(T1, all.get(1).time());
        assertEquals("opdater", all.get(1).operation());
        assertEquals(all.get(0).userRef(), all.get(1).userRef(), "BrugerRef kept");
        // Virkning of the new picture must start at yi:Tidspunkt
        YdiXml stale = YdiXml.grant(sim, x[0].uuid, cpr());
        SdiCalls.Reply refused = yi("opdater", YdiXml.opdater(stale).replace("<yi:Tidspunkt>" + T0, "<yi:Tidspunkt>"
                + T1.plusSeconds(60)));
        assertEquals(List.of(40), refused.codes());
        assertTrue(refused.messages().contains(YdelsesIndeksRules.VIRKNING), refused.messages());
        assertEquals(2, sim.ydelsesIndeks().registrations(x[0].uuid).size());
        SdiCalls.Reply unknown = yi("opdater", YdiXml.opdater(YdiXml.grant(sim, UUID.randomUUID(), cpr())));
        assertEquals(List.of(44), unknown.codes());
        assertTrue(unknown.messages().startsWith(YdelsesIndeksRules.NOT_FOUND_RULE), unknown.messages());
    }

    @Test
    void theMasterSystemCannotChange() throws Exception {
        YdiXml[] x = imported(cpr());
        // the same payment at T1, with the sender system as Master
        YdiXml rebuilt = YdiXml.payment(sim, x[1].uuid, x[0].uuid, cpr()).without("Master").add("ItSystem", "Master",
                "IT-system", null, uuidRef(SagDokumentIndeksData.SEEDED_SENDER_SYSTEM),
                "<oef:SystemNavn>Simuleret afsendersystem</oef:SystemNavn>").at(T1);
        SdiCalls.Reply r = yi("opdater", YdiXml.opdater(rebuilt));
        assertEquals(List.of(40), r.codes());
        assertTrue(r.messages().contains(YdelsesIndeksRules.MASTER_FIXED), r.messages());
    }

    static Stream<Arguments> brokenRules() {
        BiConsumer<YdiXml, YdiXml> otherOwner = (g, p) -> g.without("Ejer").add("Bevillingsaktoer", "Ejer",
                "Organisation", null, uuidRef(UUID.nameUUIDFromBytes(OTHER_CVR.getBytes())),
                "<bi:CVR-nr>" + OTHER_CVR + "</bi:CVR-nr>");
        return Stream.of(
                broken(YdelsesIndeksRules.REGISTRATION, 40, (g, p) -> g.head = ""),
                broken(YdelsesIndeksRules.VIRKNING, 40, (g, p) -> g.without("Ansvarlig").add("Bevillingsaktoer",
                        "Ansvarlig", g.relation("Bevillingsaktoer", "Ansvarlig", "OrgEnhed", null,
                                uuidRef(org.units().get(2).uuid()), YdiXml.virkning("gd", T1, null), ""))),
                broken(YdelsesIndeksRules.VIRKNING, 40, (g, p) -> g.without("Ansvarlig").add("Bevillingsaktoer",
                        "Ansvarlig", g.relation("Bevillingsaktoer", "Ansvarlig", "OrgEnhed", null,
                                uuidRef(org.units().get(2).uuid()), YdiXml.virkning("gd", T0, T1), ""))),
                broken(YdelsesIndeksRules.VIRKNING_ACTOR, 40, (g, p) -> g.without("Ansvarlig").add("Bevillingsaktoer",
                        "Ansvarlig", g.relation("Bevillingsaktoer", "Ansvarlig", "OrgEnhed", null,
                                uuidRef(org.units().get(2).uuid()), YdiXml.virkning("gd", T0, null)
                                        .replace("<sd:AktoerTypeKode>ItSystem", "<sd:AktoerTypeKode>Organisation"),
                                ""))),
                broken(YdelsesIndeksRules.RELATION_FIELDS, 40, (g, p) -> g.without("Ansvarlig").add("Bevillingsaktoer",
                        "Ansvarlig", g.relation("Bevillingsaktoer", null, "OrgEnhed", null,
                                uuidRef(org.units().get(2).uuid()), YdiXml.virkning("gd", T0, null), ""))),
                broken(YdelsesIndeksRules.ROLE_UNKNOWN, 40, (g, p) -> g.add("Bevillingspart", "Ukendt rolle", "Person",
                        null, urnRef("urn:oio:cpr-nr:0101011234"), "")),
                broken(YdelsesIndeksRules.ROLE_RELATION, 40, (g, p) -> g.add("Bevillingspart", "Ejer", "Person",
                        null, urnRef("urn:oio:cpr-nr:0101011234"), "")),
                broken(YdelsesIndeksRules.TYPE_UNKNOWN, 40, (g, p) -> g.add("Bevillingspart", "Bevillingsmodtager",
                        "Ukendt type", null, urnRef("urn:oio:cpr-nr:0101011234"), "")),
                broken(YdelsesIndeksRules.TYPE_ROLE, 40, (g, p) -> g.add("Bevillingspart", "Bevillingsmodtager",
                        "Organisation", null, urnRef("urn:oio:cvr-nr:29189846"), "")),
                broken(YdelsesIndeksRules.INDEKS, 40, (g, p) -> g.without("Ansvarlig").add("Bevillingsaktoer",
                        "Ansvarlig", "OrgEnhed", "1", uuidRef(org.units().get(2).uuid()), "")),
                broken(YdelsesIndeksRules.INDEKS, 40, (g, p) -> p.without("DelAf").add(
                        "OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering", null,
                        uuidRef(p.uuid), YdiXml.line("1000.00", YdiXml.KLE, g.uuid, "1"))),
                broken(YdelsesIndeksRules.OCCURS, 40, (g, p) -> g.without("Ydelsesmodtager")),
                broken(YdelsesIndeksRules.OCCURS, 40, (g, p) -> g.add("Bevillingsaktoer", "Ansvarlig", "OrgEnhed",
                        null, uuidRef(org.units().get(1).uuid()), "")),
                broken(YdelsesIndeksRules.OCCURS, 40, (g, p) -> p.add("OekonomiskEffektueringPart",
                        "Effektueringsmodtager", "Person", null, urnRef("urn:oio:cpr-nr:0101011234"), "")),
                broken(YdelsesIndeksRules.OCCURS, 40, (g, p) -> p.without("Afsender")),
                broken(YdelsesIndeksRules.REF_URN, 40, (g, p) -> g.without("Ydelsesmodtager").add("Bevillingspart",
                        "Ydelsesmodtager", "Person", null, urnRef("urn:oio:cpr-nr:123"), "")),
                broken(YdelsesIndeksRules.REF_RESOLVE, 40, (g, p) -> g.without("Ansvarlig").add("Bevillingsaktoer",
                        "Ansvarlig", "OrgEnhed", null, uuidRef(UUID.randomUUID()), "")),
                broken(YdelsesIndeksRules.CVR_OWNER, 49, otherOwner),
                broken(YdelsesIndeksRules.OEF_PROPERTIES, 40, (g, p) -> p.egenskaber.put("Dispositionsdato", null)),
                broken(YdelsesIndeksRules.OEF_PROPERTIES, 40, (g, p) -> p.egenskaber.put("Udbetalingsafdeling",
                        "En anden afdeling")),
                broken(YdelsesIndeksRules.OEF_TEXT, 40, (g, p) -> p.egenskaber.put("BeloebSendtTilUdbetaling",
                        "600.00")),
                broken(YdelsesIndeksRules.OEF_TEXT, 40, (g, p) -> p.egenskaber.put("BeloebUdbetalt", "0.00")),
                broken(YdelsesIndeksRules.OEF_DELAF, 40, (g, p) -> p.without("DelAf").add(
                        "OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering", "1",
                        uuidRef(UUID.randomUUID()), YdiXml.line("1000.00", YdiXml.KLE, g.uuid, "1"))),
                broken(YdelsesIndeksRules.OEF_DELAF, 40, (g, p) -> p.without("DelAf").add(
                        "OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering", "1",
                        uuidRef(p.uuid), YdiXml.line("1000.00", "Sygedagpenge", g.uuid, "1"))),
                broken(YdelsesIndeksRules.OEF_SUM, 40, (g, p) -> p.egenskaber.put("SamletBruttobeloeb", "999.00")),
                broken(YdelsesIndeksRules.OEF_GRANT_REF, 40, (g, p) -> p.without("DelAf").add(
                        "OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering", "1",
                        uuidRef(p.uuid), YdiXml.line("1000.00", YdiXml.KLE, g.uuid, "2"))),
                broken(YdelsesIndeksRules.OEF_GRANT_REF, 40, (g, p) -> p.without("DelAf").add(
                        "OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering", "1",
                        uuidRef(p.uuid), YdiXml.line("1000.00", YdiXml.KLE, UUID.randomUUID(), "1"))),
                broken(YdelsesIndeksRules.GRANT_SCOPE, 40, (g, p) -> g.egenskaber.put("Foelsomhed", null)),
                broken(YdelsesIndeksRules.GRANT_SCOPE, 40, (g, p) -> g.benefits = YdiXml.benefit("1", YdiXml.KLE)
                        .replace("<bi:BrugervendtNoegle>32.18.02<", "<bi:BrugervendtNoegle>32.18.00<")),
                broken(YdelsesIndeksRules.GRANT_SCOPE, 40, (g, p) -> g.without("Ejer").add("Bevillingsaktoer", "Ejer",
                        "Organisation", null, uuidRef(org.uuid()), "")),
                broken(YdelsesIndeksRules.GRANT_BENEFIT, 40, (g, p) -> g.benefits = YdiXml.benefit("1", YdiXml.KLE)
                        .replace("<bi:Navn>Sygedagpenge</bi:Navn>", "")),
                broken(YdelsesIndeksRules.GRANT_BENEFIT, 40, (g, p) -> g.benefits = YdiXml.benefit("1", YdiXml.KLE)
                        + YdiXml.benefit("1", YdiXml.KLE)),
                broken(YdelsesIndeksRules.GRANT_BENEFIT, 40, (g, p) -> g.benefits = YdiXml.benefit("1", YdiXml.KLE)
                        .replace("<bi:SystemNavn>Simuleret fagsystem</bi:SystemNavn>", "")));
    }

    private static Arguments broken(String rule, int code, BiConsumer<YdiXml, YdiXml> change) {
        return Arguments.of(rule, code, change);
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsRefusedWithItsIdAndNothingIsStored(String rule, int code, BiConsumer<YdiXml, YdiXml> change)
            throws Exception {
        YdiXml grant = YdiXml.grant(sim, UUID.randomUUID(), cpr());
        YdiXml payment = YdiXml.payment(sim, UUID.randomUUID(), grant.uuid, cpr());
        change.accept(grant, payment);
        SdiCalls.Reply r = yi("importer", YdiXml.importer(grant, payment));
        assertEquals(200, r.status(), sim.conformanceReport());
        assertNull(r.faultCode(), "valid against the contract, refused by a rule: " + sim.conformanceReport());
        assertTrue(r.codes().contains(code), r.codes() + " " + r.messages());
        assertTrue(r.codes().stream().allMatch(c -> c != 20), "atomic: " + r.codes());
        assertTrue(r.messages().contains(rule + ":"), rule + " in " + r.messages());
        assertTrue(sim.conformanceReport().contains(rule), sim.conformanceReport());
        assertTrue(sim.ydelsesIndeks().all().isEmpty(), "nothing stored");
    }

    @Test
    void aRequestIsAtomic() throws Exception {
        YdiXml grant = YdiXml.grant(sim, UUID.randomUUID(), cpr());
        YdiXml payment = YdiXml.payment(sim, UUID.randomUUID(), grant.uuid, cpr());
        payment.egenskaber.put("SamletBruttobeloeb", "1.00");
        SdiCalls.Reply r = yi("importer", YdiXml.importer(grant, payment));
        assertEquals(List.of(40, 40), r.codes());
        assertTrue(r.messages().contains(YdelsesIndeksRules.ATOMIC), r.messages());
        assertTrue(sim.ydelsesIndeks().grant(grant.uuid).isEmpty());
        // the grant alone is fine; a payment imported later refers to it in the index
        assertEquals(List.of(20), yi("importer", YdiXml.importer(grant)).codes());
        YdiXml later = YdiXml.payment(sim, UUID.randomUUID(), grant.uuid, cpr());
        assertEquals(List.of(20), yi("importer", YdiXml.importer(later)).codes());
    }

    @Test
    void anImportedObjectIsNotImportedAgain() throws Exception {
        YdiXml[] x = imported(cpr());
        SdiCalls.Reply r = yi("importer", YdiXml.importer(x[0]));
        assertEquals(List.of(49), r.codes());
        assertTrue(r.messages().startsWith(YdelsesIndeksRules.EXISTS), r.messages());
        assertEquals(1, sim.ydelsesIndeks().registrations(x[0].uuid).size());
    }

    @Test
    void fjernRemovesPaymentsBeforeTheirGrant() throws Exception {
        YdiXml[] x = imported(cpr());
        SdiCalls.Reply refused = fjernGrant(x[0].uuid);
        assertEquals(List.of(49), refused.codes());
        assertTrue(refused.messages().startsWith(YdelsesIndeksRules.HAS_PAYMENTS), refused.messages());
        assertTrue(sim.ydelsesIndeks().grant(x[0].uuid).isPresent());
        assertEquals(List.of(20), fjernPayment(x[1].uuid).codes());
        assertTrue(sim.ydelsesIndeks().payment(x[1].uuid).isEmpty());
        assertEquals(List.of(20), fjernGrant(x[0].uuid).codes());
        assertTrue(sim.ydelsesIndeks().all().isEmpty());
        SdiCalls.Reply gone = fjernGrant(x[0].uuid);
        assertEquals(List.of(44), gone.codes());
        assertTrue(gone.messages().startsWith(YdelsesIndeksRules.NOT_FOUND_RULE), gone.messages());
    }

    @Test
    void theFjernPortsAreToldApartByNamespace() throws Exception {
        YdiXml[] x = imported(cpr());
        // a payment's oef:FjernInput on the BevillingIndeks port is no operation of that port
        SdiCalls.Reply r = calls.call12("SF1490-BI", ACTION + "bevillingindeks/fjern", YdiXml.fjern("oef", x[1].uuid),
                sim.municipalityCvr(), ServiceplatformSimulator.SF1490_ENTITY_ID);
        assertEquals(PlatformFaults.SCHEMA, r.faultCode(), sim.conformanceReport());
        assertTrue(sim.ydelsesIndeks().payment(x[1].uuid).isPresent());
        // and the grant port's fjern of a payment UUID finds no grant
        SdiCalls.Reply notAGrant = fjernGrant(x[1].uuid);
        assertEquals(List.of(44), notAGrant.codes());
    }

    @Test
    void anotherMunicipalityCannotRemoveOrUpdate() throws Exception {
        YdiXml[] x = imported(cpr());
        SdiCalls.Reply r = calls.call12("SF1490-OEF", ACTION + "oekonomiskEffektuering/fjern",
                YdiXml.fjern("oef", x[1].uuid), OTHER_CVR, ServiceplatformSimulator.SF1490_ENTITY_ID);
        assertEquals(List.of(49), r.codes());
        assertTrue(r.messages().startsWith(YdelsesIndeksRules.CVR_OWNER), r.messages());
        assertTrue(sim.ydelsesIndeks().payment(x[1].uuid).isPresent());
    }

    @Test
    void aRelaxedRuleIsNeitherRecordedNorRefused() throws Exception {
        sim.ydelsesIndeks().relax(YdelsesIndeksRules.OEF_SUM);
        YdiXml grant = YdiXml.grant(sim, UUID.randomUUID(), cpr());
        YdiXml payment = YdiXml.payment(sim, UUID.randomUUID(), grant.uuid, cpr());
        payment.egenskaber.put("SamletBruttobeloeb", "1.00");
        assertEquals(List.of(20, 20), yi("importer", YdiXml.importer(grant, payment)).codes());
        assertFalse(sim.conformanceReport().contains(YdelsesIndeksRules.OEF_SUM));
        assertThrows(IllegalArgumentException.class, () -> sim.ydelsesIndeks().relax(YdelsesIndeksRules.VIRKNING));
    }

    @Test
    void aTokenForAnotherServiceIsRefused() throws Exception {
        SdiCalls.Reply r = calls.call12("SF1490-YI", ACTION + "fremsoeg", YdiXml.fremsoegCpr(cpr()),
                sim.municipalityCvr(), ServiceplatformSimulator.SF1470_ENTITY_ID);
        assertTrue(r.faultCode() != null, "a fault, not an answer");
    }

    @Test
    void opdaterWithoutTidspunktIsRefusedByTheServiceInLenientMode() throws Exception {
        try (ServiceplatformSimulator lenient = ServiceplatformSimulator.builder().strict(false).build().start()) {
            SdiCalls lenientCalls = new SdiCalls(lenient);
            YdiXml grant = YdiXml.grant(lenient, UUID.randomUUID(), cpr());
            YdiXml payment = YdiXml.payment(lenient, UUID.randomUUID(), grant.uuid, cpr());
            assertEquals(List.of(20, 20), lenientCalls.call12("SF1490-YI", ACTION + "importer",
                    YdiXml.importer(grant, payment), lenient.municipalityCvr(),
                    ServiceplatformSimulator.SF1490_ENTITY_ID).codes(), lenient.conformanceReport());
            grant.at(T1);
            String body = YdiXml.opdater(grant).replaceAll("<yi:Tidspunkt>[^<]*</yi:Tidspunkt>", "");
            SdiCalls.Reply r = lenientCalls.call12("SF1490-YI", ACTION + "opdater", body, lenient.municipalityCvr(),
                    ServiceplatformSimulator.SF1490_ENTITY_ID);
            assertEquals(List.of(40), r.codes());
            assertTrue(r.messages().startsWith(YdelsesIndeksRules.TIDSPUNKT), r.messages());
            assertTrue(lenient.conformanceReport().contains("body does not match"), "the schema violation recorded");
        }
    }
}
