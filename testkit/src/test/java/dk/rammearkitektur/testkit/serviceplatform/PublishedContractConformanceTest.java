package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.LegalUnitSearchResult;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.internal.PublishedContracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The conformance suite for SF1520 and SF1530: every request the client sends (each operation, both auth models,
 * the STS token fetched over SOAP and over REST) and every reply and fault the simulator sends validates against the
 * published contracts in {@code ../shared/conformance/serviceplatformen}, and the envelopes carry the SOAP version
 * and the SOAP action of the published binding (the context WSDL for the InvocationContext model, the token WSDL for
 * the token model). The simulator itself is given the published contracts, so it validates every request against
 * them too. Skipped, with the reason, when the published contracts are absent.
 */
class PublishedContractConformanceTest {
    static final String SKIP = "published Serviceplatformen contracts not found (rammearkitektur.shared.dir, ../shared)";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SPF = "http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";

    private static Path contracts;
    private static ServiceplatformSimulator sim;
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    /** One exchange the simulator answered. */
    record Seen(String endpoint, String soapAction, byte[] request, byte[] reply) {
    }

    /**
     * The auth models and STS protocols, and the SDK's WS-Addressing choices (research note rows a4 and f8): no
     * addressing on InvocationContext calls, mustUnderstand on token calls' Action and To.
     */
    enum Auth {
        INVOCATION_CONTEXT, INVOCATION_CONTEXT_NO_ADDRESSING, STS_SOAP, STS_SOAP_MUST_UNDERSTAND, STS_REST;

        boolean invocationContext() {
            return this == INVOCATION_CONTEXT || this == INVOCATION_CONTEXT_NO_ADDRESSING;
        }
    }

    @BeforeAll
    static void start() {
        contracts = PublishedContracts.find();
        Assumptions.assumeTrue(contracts != null, SKIP);
        sim = ServiceplatformSimulator.builder().contracts(contracts).build().start();
        sim.tap = (id, action, req, rep) -> SEEN.add(new Seen(id, action, req, rep));
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
        sim.reset();
    }

    private static ServiceplatformClient client(Auth auth) {
        return switch (auth) {
            case INVOCATION_CONTEXT -> SimulatorClients.invocationContext(sim).build();
            case INVOCATION_CONTEXT_NO_ADDRESSING ->
                SimulatorClients.invocationContext(sim).addressingOnInvocationContext(false).build();
            case STS_SOAP -> SimulatorClients.stsToken(sim, StsProtocol.SOAP).build();
            case STS_SOAP_MUST_UNDERSTAND ->
                SimulatorClients.stsToken(sim, StsProtocol.SOAP).mustUnderstandAddressing(true).build();
            case STS_REST -> SimulatorClients.stsToken(sim, StsProtocol.REST).build();
        };
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void everyOperationFoundAndNotFoundConforms(Auth auth) throws Exception {
        try (ServiceplatformClient c = client(auth)) {
            assertTrue(c.lookupPerson(SimulatorData.CPR_PROTECTED).isPresent());
            assertTrue(c.lookupPerson(SimulatorData.CPR_EMIGRATED).isPresent());
            assertTrue(c.lookupPerson("0101010000").isEmpty());
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
            assertTrue(c.lookupCompany(SimulatorData.CVR_CEASED).isPresent());
            assertTrue(c.lookupCompany("99999999").isEmpty());
            assertTrue(c.lookupProductionUnit(SimulatorData.PNUMBER_2).isPresent());
            assertTrue(c.lookupProductionUnit("1999999999").isEmpty());
            LegalUnitSearchResult all = c.searchLegalUnits("simuleret", false, 10);
            assertEquals(List.of(SimulatorData.CVR_ACTIVE), all.cvrNumbers());
            assertFalse(all.moreResultsExist());
            LegalUnitSearchResult first = c.searchLegalUnits("e", false, 1);
            assertEquals(1, first.cvrNumbers().size());
            assertTrue(first.moreResultsExist());
            assertEquals(List.of(), c.searchLegalUnits("Ophørt", true, 5).cvrNumbers());
        }
        assertEquals("no violations", sim.conformanceReport());
        assertEquals(11, SEEN.size());
        String wsdl = auth.invocationContext() ? "context" : "token";
        int faults = 0;
        for (Seen s : SEEN) {
            String folder = s.endpoint.equals("SF1520") ? "sf1520-cpr-personbasedataextended-4" : "sf1530-cvr-online-2";
            String file = s.endpoint.equals("SF1520") ? "PersonBaseDataExtendedService.wsdl" : "OnlineService.wsdl";
            Path published = contracts.resolve(folder).resolve("wsdl").resolve(wsdl).resolve(file);
            Element request = body(s.request);
            String operation = operationOf(request);
            Binding b = Binding.of(published, operation);
            assertEquals(b.envelopeNamespace, SecureXml.parse(new ByteArrayInputStream(s.request)).getDocumentElement()
                    .getNamespaceURI(), "request envelope of " + operation);
            assertEquals("\"" + b.soapAction + "\"", s.soapAction, "SOAPAction of " + operation);
            Path xsd = contracts.resolve(s.endpoint.equals("SF1520") ? PublishedContracts.SF1520 : PublishedContracts.SF1530);
            validate(xsd, request, "request " + operation);
            assertEquals(auth.invocationContext(), request.getElementsByTagNameNS(
                    "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/", "InvocationContext").getLength() == 1);
            checkAddressing(auth, SecureXml.parse(new ByteArrayInputStream(s.request)), operation);
            Document reply = SecureXml.parse(new ByteArrayInputStream(s.reply));
            assertEquals(b.envelopeNamespace, reply.getDocumentElement().getNamespaceURI(), "reply envelope of " + operation);
            Element answer = body(s.reply);
            if ("Fault".equals(answer.getLocalName())) {
                faults++;
                Element detail = (Element) answer.getElementsByTagNameNS(SPF, "ServiceplatformFault").item(0);
                assertNotNull(detail, "fault detail");
                validate(contracts.resolve(PublishedContracts.FAULT), detail, "fault of " + operation);
            } else {
                validate(xsd, answer, "reply of " + operation);
            }
        }
        assertEquals(2, faults, "the not-found person and company are faults; an unknown P-number is an empty reply");
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void onlyTheNotFoundFaultIsEmpty(Auth auth) {
        try (ServiceplatformClient c = client(auth)) {
            // tokens first, so the injected faults reach the services and not the STS
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
            sim.faults().next(Fault.soapFault(PlatformFaults.INTERNAL));
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals(PlatformFaults.INTERNAL, e.faultCode());
            sim.faults().next(Fault.soapFault(PlatformFaults.INTERNAL));
            assertThrows(ServiceFaultException.class, () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
            sim.faults().next(Fault.soapFault(PlatformFaults.INTERNAL));
            assertThrows(ServiceFaultException.class, () -> c.lookupProductionUnit(SimulatorData.PNUMBER_1));
        }
    }

    @Test
    void everyFaultTheSimulatorWritesHasThePublishedDetail() throws Exception {
        for (java.lang.reflect.Field f : PlatformFaults.class.getFields()) {
            Document fault = Xml.fault("Client", (String) f.get(null), "text of " + f.getName());
            assertEquals(SOAP11, fault.getDocumentElement().getNamespaceURI());
            Element detail = (Element) fault.getElementsByTagNameNS(SPF, "ServiceplatformFault").item(0);
            validate(contracts.resolve(PublishedContracts.FAULT), detail, "fault " + f.getName());
        }
    }

    @Test
    void aRefusedCallGetsAPublishedShapeFault() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sim)
                .serviceAgreement(dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService.INSTANCE,
                        java.util.UUID.randomUUID()).build()) {
            assertThrows(ServiceFaultException.class, () -> c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S));
        }
        assertEquals(1, SEEN.size());
        Element fault = body(SEEN.get(0).reply());
        assertEquals("Fault", fault.getLocalName());
        validate(contracts.resolve(PublishedContracts.FAULT),
                (Element) fault.getElementsByTagNameNS(SPF, "ServiceplatformFault").item(0), "refusal");
    }

    /**
     * The WS-Addressing headers each variant sends: none without addressing (an empty soap:Header), the four
     * otherwise; Action and To marked soap:mustUnderstand="1" (SOAP 1.1 namespace) only in the mustUnderstand variant.
     */
    private static void checkAddressing(Auth auth, Document request, String operation) {
        Element header = null;
        for (org.w3c.dom.Node n = request.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SOAP11.equals(e.getNamespaceURI()) && "Header".equals(e.getLocalName())) {
                header = e;
            }
        }
        assertNotNull(header, "soap:Header of " + operation);
        List<String> wsa = new ArrayList<>();
        for (Element e : Xml.kids(header)) {
            if (WSA.equals(e.getNamespaceURI())) {
                wsa.add(e.getLocalName());
                String mu = e.hasAttributeNS(SOAP11, "mustUnderstand") ? e.getAttributeNS(SOAP11, "mustUnderstand") : null;
                boolean marked = auth == Auth.STS_SOAP_MUST_UNDERSTAND
                        && ("Action".equals(e.getLocalName()) || "To".equals(e.getLocalName()));
                assertEquals(marked ? "1" : null, mu, "mustUnderstand on wsa:" + e.getLocalName() + " of " + operation);
            }
        }
        if (auth == Auth.INVOCATION_CONTEXT_NO_ADDRESSING) {
            assertEquals(List.of(), Xml.kids(header), "empty soap:Header of " + operation);
        } else {
            assertEquals(List.of("Action", "MessageID", "To", "ReplyTo"), wsa, "WS-Addressing of " + operation);
        }
    }

    static Element body(byte[] envelope) {
        Document d = SecureXml.parse(new ByteArrayInputStream(envelope));
        for (org.w3c.dom.Node n = d.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Body".equals(e.getLocalName())) {
                for (org.w3c.dom.Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
                    if (k instanceof Element first) {
                        return first;
                    }
                }
            }
        }
        throw new AssertionError("no body element");
    }

    static void validate(Path xsd, Element element, String what) {
        try {
            SecureXml.validator(PublishedContracts.schema(xsd)).validate(new DOMSource(element));
        } catch (Exception e) {
            throw new AssertionError(what + " does not validate against " + xsd.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String operationOf(Element request) {
        return switch (request.getLocalName()) {
            case "PersonLookupRequest" -> "PersonLookup";
            case "GetLegalUnitRequest" -> "getLegalUnit";
            case "GetProductionUnitRequest" -> "getProductionUnit";
            case "SearchLegalUnitRequest" -> "searchLegalUnit";
            default -> throw new AssertionError("unexpected request " + request.getLocalName());
        };
    }

    /** The SOAP version and action of one operation in a published WSDL binding. */
    record Binding(String envelopeNamespace, String soapAction) {
        static Binding of(Path wsdl, String operation) throws Exception {
            Document d;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(wsdl)) {
                d = SecureXml.parse(in);
            }
            List<Element> ops = new ArrayList<>();
            org.w3c.dom.NodeList l = d.getElementsByTagNameNS("*", "operation");
            for (int i = 0; i < l.getLength(); i++) {
                Element e = (Element) l.item(i);
                if (e.hasAttribute("soapAction") && e.getParentNode() instanceof Element p
                        && operation.equals(p.getAttribute("name"))) {
                    ops.add(e);
                }
            }
            assertEquals(1, ops.size(), operation + " in " + wsdl);
            String wsdlSoap = ops.get(0).getNamespaceURI();
            String env = switch (wsdlSoap) {
                case "http://schemas.xmlsoap.org/wsdl/soap/" -> SOAP11;
                case "http://schemas.xmlsoap.org/wsdl/soap12/" -> "http://www.w3.org/2003/05/soap-envelope";
                default -> throw new AssertionError("unknown binding " + wsdlSoap);
            };
            assertFalse(ops.get(0).getAttribute("soapAction").isBlank());
            return new Binding(env, ops.get(0).getAttribute("soapAction"));
        }
    }
}
