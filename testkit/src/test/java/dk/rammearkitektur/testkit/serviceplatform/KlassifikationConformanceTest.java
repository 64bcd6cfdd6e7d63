package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every request the Klassifikation client sends and every reply the simulator sends, against the published SF1510
 * KlasseService 7 contract in {@code ../shared/conformance/serviceplatformen/sf1510-klasse-7} (skipped with a message
 * when absent): the body against {@code KlasseOperationer.xsd}, the header against {@code RequestHeader.xsd}, SOAP 1.2
 * and the action of {@code Klasse.wsdl}'s binding; and the product's own contract subset accepts the same messages.
 */
class KlassifikationConformanceTest extends TappedSimulatorTest {
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String DIR = "sf1510-klasse-7/";
    @Test
    void requestsAndRepliesFollowThePublishedContract() {
        Schema operations = PublishedContracts.schema(DIR + "KlasseOperationer.xsd");
        Schema requestHeader = PublishedContracts.schema(DIR + "RequestHeader.xsd");
        Schema own = dk.rammearkitektur.testkit.serviceplatform.internal.Contracts.schema(
                "/dk/rammearkitektur/clients/stoettesystemer/klassifikation/Klasse_7.xsd");
        assertTrue(PublishedContracts.read(DIR + "Klasse.wsdl").contains("<soap12:binding "),
                "the published binding is SOAP 1.2");
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim)
                .facetUuid(dk.rammearkitektur.clients.stoettesystemer.Facet.KLE_SUBJECT, KlassifikationData.SUBJECT_FACET)
                .build()) {
            k.resolveSubject(KleNumber.parse("32.18.02")).orElseThrow();
            k.resolveActionFacet("G01").orElseThrow();
            k.read(KlassifikationData.uuid("kle-32.03.04")).orElseThrow();
            k.read(UUID.randomUUID());
            k.resolveSubject(KleNumber.parse("11.11.11"));
            sim.faults().next(Fault.statusCode(44));
            assertThrows(ServiceFaultException.class, () -> k.read(UUID.randomUUID()));
        }
        List<byte[]> requests = seen.get("SF1510 request");
        List<byte[]> replies = seen.get("SF1510 reply");
        assertEquals(8, requests.size(), "soeg+list twice, laes twice, one soeg finding nothing, the status reply");
        assertEquals(requests.size(), replies.size());
        Map<String, String> operationOf = Map.of("SoegInput", "soeg", "LaesInput", "laes", "ListInput", "list");
        for (byte[] r : requests) {
            Document request = PublishedContracts.parse(r);
            Element input = PublishedContracts.soap12Body(request);
            PublishedContracts.validate(operations, input);
            PublishedContracts.validate(own, input);
            Element rh = Xml.kid(PublishedContracts.soap12Header(request), OrganisationResponses.REQUEST_HEADER, "RequestHeader");
            assertNotNull(rh, "RequestHeader");
            PublishedContracts.validate(requestHeader, rh);
            assertEquals(PublishedContracts.soap12Action(DIR + "Klasse.wsdl", operationOf.get(input.getLocalName())), Xml.text(PublishedContracts.soap12Header(request), WSA, "Action"));
        }
        for (byte[] r : replies) {
            Document reply = PublishedContracts.parse(r);
            PublishedContracts.validate(operations, PublishedContracts.soap12Body(reply));
            PublishedContracts.validate(own, PublishedContracts.soap12Body(reply));
            PublishedContracts.validate(requestHeader, Xml.kid(PublishedContracts.soap12Header(reply), OrganisationResponses.REQUEST_HEADER,
                    "RequestHeader"));
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void ownContractSubsetRefusesWhatThePublishedOneRefuses() {
        Schema operations = PublishedContracts.schema(DIR + "KlasseOperationer.xsd");
        Schema own = dk.rammearkitektur.testkit.serviceplatform.internal.Contracts.schema(
                "/dk/rammearkitektur/clients/stoettesystemer/klassifikation/Klasse_7.xsd");
        String ns = "xmlns='http://stoettesystemerne.dk/klassifikation/klasse/7/' xmlns:sd='urn:oio:sagdok:3.0.0'";
        for (String bad : List.of("<SoegInput " + ns + "><AttributListe/><TilstandListe/></SoegInput>",
                "<SoegInput " + ns + "><AttributListe/><TilstandListe/><RelationListe/>"
                        + "<sd:MaksimalAntalKvantitet>5</sd:MaksimalAntalKvantitet></SoegInput>",
                "<LaesInput " + ns + "><sd:UUIDIdentifikator>not-a-uuid</sd:UUIDIdentifikator></LaesInput>",
                "<ListInput " + ns + "/>",
                "<SoegInput " + ns + "><AttributListe><Egenskab><sd:BrugervendtNoegleTekst>"
                        + "x".repeat(51) + "</sd:BrugervendtNoegleTekst></Egenskab></AttributListe><TilstandListe/>"
                        + "<RelationListe/></SoegInput>")) {
            Element e = PublishedContracts.parse(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
            assertThrows(AssertionError.class, () -> PublishedContracts.validate(operations, e), bad);
            assertThrows(AssertionError.class, () -> PublishedContracts.validate(own, e), bad);
        }
    }
}
