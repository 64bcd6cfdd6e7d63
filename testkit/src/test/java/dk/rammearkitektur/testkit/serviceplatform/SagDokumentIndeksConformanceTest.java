package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.T0;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.T1;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.T2;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.uuidRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The test's hand-made requests and every reply of the simulated Sags- og Dokumentindeks, against the published
 * SF1470 contract in {@code ../shared/conformance/serviceplatformen/sf1470-sagdokumentindeks-6} (skipped with a
 * message when absent): bodies against {@code SagDokumentIndeksOperationer.xsd}, the RequestHeader of request and
 * reply against {@code RequestHeader.xsd}, SOAP 1.1 envelopes and the binding's soapActions.
 */
class SagDokumentIndeksConformanceTest {
    private static final String DIR = "sf1470-sagdokumentindeks-6/wsdl/";
    private static ServiceplatformSimulator sim;
    private static SdiCalls calls;
    private static final Map<String, List<byte[]>> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().build().start();
        sim.wireTap = (k, b) -> seen.computeIfAbsent(k, x -> new CopyOnWriteArrayList<>()).add(b);
        calls = new SdiCalls(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        PublishedContracts.require();
        sim.reset();
        seen.clear();
    }

    @Test
    void requestsAndRepliesFollowThePublishedContract() throws Exception {
        String wsdl = PublishedContracts.read(DIR + "SagDokumentIndeksService_6.wsdl");
        assertTrue(wsdl.contains("xmlns:soap12=\"http://schemas.xmlsoap.org/wsdl/soap/\""),
                "the binding is SOAP 1.1 (its prefix soap12 names the WSDL SOAP 1.1 namespace)");
        assertNotNull(sim.contracts(), "the simulator validates against the published contracts");
        String cpr = "0101801234";
        UUID dok = UUID.randomUUID();
        SdiXml sag = SdiXml.sag(sim, UUID.randomUUID(), cpr);
        sag.add("Journalpost", "Tilakteret", "Dokument", "1", uuidRef(dok), T1, null, "");
        sag.add("Sikkerhedsprofil", "Adgang", "Bruger", "1",
                uuidRef(sim.data().organisation(sim.municipalityCvr()).orElseThrow().users().get(0).uuid()), T0, null, "");
        sag.add("Journalpost", "Journalnotat", "Dokument", "2", SdiXml.urnRef("URN:Empty"), T1, null,
                "<sag:JournalpostEgenskaber><sag:JournalnotatEgenskaber><sag:Titel>Samtale</sag:Titel>"
                        + "<sag:Notat>SGVq</sag:Notat><sag:Format>txt</sag:Format></sag:JournalnotatEgenskaber>"
                        + "</sag:JournalpostEgenskaber>");
        assertEquals(List.of(20, 20), calls.call("importer", SdiXml.importer(sag, SdiXml.dokument(sim, dok))).codes());
        assertEquals(List.of(40), calls.call("importer", SdiXml.importer(SdiXml.sag(sim, UUID.randomUUID(), cpr)
                .without("Ejer"))).codes());
        SdiXml change = SdiXml.changes().state("Afgjort", T2, null).add("Sagsaktoer", "Ansvarlig", "OrgEnhed", null,
                uuidRef(sim.data().organisation(sim.municipalityCvr()).orElseThrow().units().get(1).uuid()), T2, null,
                "");
        assertEquals(List.of(20), calls.call("opdater", SdiXml.opdaterSag(sag.uuid, change)).codes());
        SdiCalls.Reply found = calls.call("fremsoeg", SdiXml.fremsoegPart("urn:oio:cpr-nr:" + cpr));
        assertEquals(1, found.antal("sager"));
        assertEquals(1, calls.call("fremsoeg", SdiXml.fremsoegUuids(List.of(), List.of(dok))).antal("dokumenter"));
        assertEquals(List.of(20), calls.call("fjern", SdiXml.fjern(sag.uuid, null)).codes());
        sim.faults().next(Fault.statusCode(50));
        assertEquals(List.of(50), calls.call("importer", SdiXml.importer(SdiXml.sag(sim, UUID.randomUUID(), cpr)))
                .codes(), "an injected status is a StandardRetur");
        List<byte[]> requests = seen.get("SF1470 request");
        assertEquals(7, requests.size());
        checkWire(requests, seen.get("SF1470 reply"));
        OwnSdiContract.validateAll(requests);
        OwnSdiContract.validateAll(seen.get("SF1470 reply"));
        assertTrue(sim.violations().stream().allMatch(v -> v.code().equals("SDI-OB1-EJER")), sim.conformanceReport());
    }

    @Test
    void theSimulatorRefusesABodyThePublishedContractRefuses() throws Exception {
        Schema operations = PublishedContracts.schema(DIR + "xsd/6.0.STS-0/SagDokumentIndeksOperationer.xsd");
        String bad = "<sdi:FjernSagDokumentIndeksInput " + SdiCalls.NS + "><sdi:SagUuid><sd:UUIDIdentifikator>"
                + "not-a-uuid</sd:UUIDIdentifikator></sdi:SagUuid></sdi:FjernSagDokumentIndeksInput>";
        Element e = PublishedContracts.parse(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
        assertThrows(AssertionError.class, () -> PublishedContracts.validate(operations, e));
        assertThrows(AssertionError.class, () -> OwnSdiContract.validate(e), "the SDK's own subset refuses it too");
        SdiCalls.Reply r = calls.call("fjern", bad);
        assertEquals(PlatformFaults.SCHEMA, r.faultCode());
    }

    /**
     * Every request and reply of the simulated index on the wire against the published SF1470 contract: bodies
     * against {@code SagDokumentIndeksOperationer.xsd}, RequestHeaders against {@code RequestHeader.xsd}, SOAP 1.1
     * envelopes, the binding's soapActions, and each reply the output of its input.
     */
    static void checkWire(List<byte[]> requests, List<byte[]> replies) throws Exception {
        Schema operations = PublishedContracts.schema(DIR + "xsd/6.0.STS-0/SagDokumentIndeksOperationer.xsd");
        Schema requestHeader = PublishedContracts.schema(DIR + "xsd/common/RequestHeader.xsd");
        assertEquals(requests.size(), replies.size());
        Map<String, String> operationOf = Map.of("ImporterSagDokumentIndeksInput", "importer",
                "OpdaterSagDokumentIndeksInput", "opdater", "FremsoegSagDokumentIndeksInput", "fremsoeg",
                "FjernSagDokumentIndeksInput", "fjern");
        for (int i = 0; i < requests.size(); i++) {
            Document request = PublishedContracts.parse(requests.get(i));
            Element input = soap11Body(request);
            PublishedContracts.validate(operations, input);
            PublishedContracts.validate(requestHeader, Xml.kid(soap11Header(request),
                    SdiCalls.REQUEST_HEADER, "RequestHeader"));
            assertEquals(PublishedContracts.soap12Action(DIR + "SagDokumentIndeksService_6.wsdl",
                    operationOf.get(input.getLocalName())), Xml.text(soap11Header(request), SdiCalls.WSA, "Action"));
            Document reply = PublishedContracts.parse(replies.get(i));
            Element output = soap11Body(reply);
            assertEquals(input.getLocalName().replace("Input", "Output"), output.getLocalName());
            PublishedContracts.validate(operations, output);
            PublishedContracts.validate(requestHeader, Xml.kid(soap11Header(reply), SdiCalls.REQUEST_HEADER,
                    "RequestHeader"));
        }
    }

    private static Element soap11Body(Document envelope) {
        Element env = envelope.getDocumentElement();
        assertEquals(SdiCalls.SOAP, env.getNamespaceURI(), "SOAP 1.1 envelope, as the published binding");
        return Xml.kids(Xml.kid(env, SdiCalls.SOAP, "Body")).get(0);
    }

    private static Element soap11Header(Document envelope) {
        return Xml.kid(envelope.getDocumentElement(), SdiCalls.SOAP, "Header");
    }
}
