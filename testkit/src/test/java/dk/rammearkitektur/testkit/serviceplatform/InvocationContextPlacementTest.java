package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.MutualTlsHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.serviceplatform.internal.PublishedContracts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-written SF1520 envelopes posted to a simulator that validates against the published contracts: the
 * InvocationContext is read inside the request element; the same context sent only as a SOAP header is refused;
 * a context without CallersServiceCallIdentifier and an envelope without WS-Addressing (as public clients send
 * them) are accepted.
 */
class InvocationContextPlacementTest {
    private static final String ACTION = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup";
    private static ServiceplatformSimulator sim;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        java.nio.file.Path contracts = PublishedContracts.find();
        Assumptions.assumeTrue(contracts != null, PublishedContractConformanceTest.SKIP);
        sim = ServiceplatformSimulator.builder().contracts(contracts).build().start();
        http = MutualTlsHttp.client(sim.systemIdentity(), sim.tlsTrustAnchor());
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private String context() {
        return "<ic:InvocationContext xmlns:ic=\"http://serviceplatformen.dk/xml/schemas/InvocationContext/1/\">"
                + "<ic:ServiceAgreementUUID>" + sim.serviceAgreement("SF1520") + "</ic:ServiceAgreementUUID>"
                + "<ic:UserSystemUUID>" + sim.userSystemUuid() + "</ic:UserSystemUUID>"
                + "<ic:UserUUID>" + sim.userUuid() + "</ic:UserUUID>"
                + "<ic:ServiceUUID>e6be2436-bf35-4df2-83fe-925142825dc2</ic:ServiceUUID>"
                + "</ic:InvocationContext>";
    }

    private HttpResponse<String> post(String header, String inRequest) throws Exception {
        String env = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Header>" + header + "</soapenv:Header><soapenv:Body>"
                + "<ns:PersonLookupRequest xmlns:ns=\"http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/\">"
                + inRequest + "<pnr:PNR xmlns:pnr=\"http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/\">"
                + SimulatorData.CPR_ACTIVE_1900S + "</pnr:PNR></ns:PersonLookupRequest></soapenv:Body></soapenv:Envelope>";
        URI uri = sim.endpoints().get("SF1520");
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(env, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void contextInsideTheRequestWithoutAddressingOrCallIdIsAnswered() throws Exception {
        sim.reset();
        HttpResponse<String> r = post("", context());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no violations", sim.conformanceReport());
        assertEquals("PersonLookupResponse", PublishedContractConformanceTest.body(
                r.body().getBytes(StandardCharsets.UTF_8)).getLocalName());
    }

    @Test
    void contextOnlyAsAHeaderIsRefused() throws Exception {
        sim.reset();
        HttpResponse<String> r = post(context(), "");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains(PlatformFaults.INVOCATION_CONTEXT), r.body());
        assertTrue(sim.conformanceReport().contains("not a SOAP header"), sim.conformanceReport());
        SecureXml.parse(r.body());
    }
}
