package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.model.CaseHistories;
import dk.rammearkitektur.testkit.serviceplatform.internal.Contracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.validation.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.junit.jupiter.api.Test;

/**
 * What {@link BenefitIndexClient} sends and the simulated Ydelsesindeks answers, on the wire, on all three ports,
 * against the published SF1490 contract (skipped with a message when ../shared is absent): every body against
 * {@code YdelseIndeksOperationer.xsd}, every {@code RequestHeader} against {@code RequestHeader.xsd}, every action
 * against the WSDL's binding, and the SDK's own SF1490 subset judging every body as the published one does.
 */
class BenefitIndexClientConformanceTest extends TappedSimulatorTest {
    private static final String DIR = "sf1490-ydelsesindeks-6/";

    @Test
    void everyRequestAndReplyOnEveryPortFollowsThePublishedContract() throws Exception {
        assertNotNull(sim.contracts(), "the simulator validates against the published contracts too");
        CaseHistories.Setup setup = CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), CaseId.random());
        History<Case> h = CaseHistories.grantedBenefit(setup, Instant.parse("2024-03-04T08:00:00Z"), 3);
        BenefitId benefit = CaseHistories.benefitId(setup);
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            BenefitIndexClient index = SimulatorClients.benefitIndex(sim, k).build();
            assertTrue(index.sync(h, benefit).grantImported());
            index.updateGrant(h, benefit);
            assertEquals(1, index.findByCpr(Cpr.parse(SimulatorData.CPR_ACTIVE_1900S)).size());
            assertEquals(3, index.findPayments(benefit).size());
            index.findPayment(CaseHistories.paymentId(setup, 0)).orElseThrow();
            index.removePayment(CaseHistories.paymentId(setup, 2));
            index.removeGrant(benefit);
            sim.faults().next(Fault.statusCode(40));
            assertThrows(ServiceFaultException.class, () -> index.importGrant(h, benefit));
        }
        Schema operations = PublishedContracts.schema(DIR + "xsd/6.0.STS-0/YdelseIndeksOperationer.xsd");
        Schema requestHeader = PublishedContracts.schema(DIR + "xsd/common/RequestHeader.xsd");
        Schema own = Contracts.schema(ServiceplatformSimulator.YDELSESINDEKS_CONTRACT);
        Map<String, String[]> ports = Map.of("SF1490-YI", new String[] {"YdelseIndeks.wsdl"},
                "SF1490-BI", new String[] {"BevillingIndeks.wsdl"},
                "SF1490-OEF", new String[] {"OekonomiskEffektueringIndeks.wsdl"});
        List<String> operationsSeen = new ArrayList<>();
        for (Map.Entry<String, String[]> port : ports.entrySet()) {
            List<byte[]> requests = seen.getOrDefault(port.getKey() + " request", List.of());
            List<byte[]> replies = seen.getOrDefault(port.getKey() + " reply", List.of());
            assertEquals(requests.size(), replies.size(), port.getKey());
            for (int i = 0; i < requests.size(); i++) {
                Document request = PublishedContracts.parse(requests.get(i));
                Element input = PublishedContracts.soap12Body(request);
                PublishedContracts.validate(operations, input);
                PublishedContracts.validate(requestHeader, Xml.kid(PublishedContracts.soap12Header(request),
                        SdiCalls.REQUEST_HEADER, "RequestHeader"));
                String operation = operation(input.getLocalName());
                operationsSeen.add(port.getKey() + " " + operation);
                assertEquals(PublishedContracts.soap12Action(DIR + "wsdl/" + port.getValue()[0], operation),
                        Xml.text(PublishedContracts.soap12Header(request), SdiCalls.WSA, "Action"));
                Document reply = PublishedContracts.parse(replies.get(i));
                Element output = PublishedContracts.soap12Body(reply);
                assertEquals(input.getLocalName().replace("Input", "Output"), output.getLocalName());
                PublishedContracts.validate(operations, output);
                PublishedContracts.validate(requestHeader, Xml.kid(PublishedContracts.soap12Header(reply),
                        SdiCalls.REQUEST_HEADER, "RequestHeader"));
                assertNull(OwnSdiContract.complaint(own, input), "own subset refuses a request");
                assertNull(OwnSdiContract.complaint(own, output), "own subset refuses a reply");
            }
            YdiContract.agree(operations, own, requests);
        }
        assertTrue(operationsSeen.containsAll(List.of("SF1490-YI importer", "SF1490-YI opdater",
                "SF1490-YI fremsoeg", "SF1490-BI fjern", "SF1490-OEF fjern")), operationsSeen.toString());
        assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
    }

    private static String operation(String inputElement) {
        return switch (inputElement) {
            case "ImporterYdelseIndeksInput" -> "importer";
            case "OpdaterYdelseIndeksInput" -> "opdater";
            case "FremsoegYdelseIndeksInput" -> "fremsoeg";
            case "FjernInput" -> "fjern";
            default -> throw new AssertionError("unexpected body " + inputElement);
        };
    }
}
