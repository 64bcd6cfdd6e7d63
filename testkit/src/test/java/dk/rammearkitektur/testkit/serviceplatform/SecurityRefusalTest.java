package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.MutualTlsHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Hand-made (not client-made) requests that break the token rules are refused by the simulator with the documented
 * fault code: a token for another service, a broken signature, a stale timestamp, unsigned addressing headers.
 */
@org.junit.jupiter.api.extension.ExtendWith(LogCapture.class)
class SecurityRefusalTest {
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String CPR = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/";
    private static final String CPR_ACTION = CPR + "PersonLookup";
    private static ServiceplatformSimulator sim;
    private static HttpClient http;
    private static SigningCredential credential;

    @BeforeAll
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().build().start();
        TestIdentity id = sim.systemIdentity();
        http = MutualTlsHttp.client(sim.systemIdentity(), sim.tlsTrustAnchor());
        credential = SigningCredential.of(id.privateKey(), id.chain());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> requestToken(String entityId, String cvr) throws Exception {
        return HandMadeTokens.request(sim, http, credential.certificate(), entityId, cvr);
    }

    @Test
    void stsRefusesAnUnknownEntityIdAndAnUnknownCvr() throws Exception {
        for (HttpResponse<String> r : java.util.List.of(requestToken("http://entityid.example/unknown/1", sim.municipalityCvr()),
                requestToken(CPR_ENTITY, "12345674"))) {
            assertEquals(400, r.statusCode());
            assertEquals(PlatformFaults.STS_REFUSED, new ObjectMapper().readTree(r.body()).path("error").asText(), r.body());
        }
    }

    @Test
    void soap12BindingsRefuseSoap11AndWrongContentTypesWithSoap12Faults() throws Exception {
        String soap11 = "<s:Envelope xmlns:s='" + SOAP + "'><s:Header/><s:Body><x/></s:Body></s:Envelope>";
        String soap12 = "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Header/><s:Body><x/></s:Body>"
                + "</s:Envelope>";
        String issue = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue";
        URI sts = sim.baseUri().resolve(ServiceplatformSimulator.STS_SOAP_PATH.substring(1));
        for (String[] c : new String[][] {{soap11, "text/xml; charset=utf-8"},
            {soap12, "text/xml; charset=utf-8"},
            {soap12, "application/soap+xml; charset=utf-8; action=\"urn:other\""}}) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(sts).header("Content-Type", c[1])
                    .header("SOAPAction", "\"" + issue + "\"").POST(HttpRequest.BodyPublishers.ofString(c[0])).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(400, r.statusCode(), "a SOAP 1.2 Sender fault: " + c[1]);
            Document fault = SecureXml.parse(new ByteArrayInputStream(r.body()));
            assertEquals("http://www.w3.org/2003/05/soap-envelope", fault.getDocumentElement().getNamespaceURI());
            assertEquals(PlatformFaults.MALFORMED_REQUEST, fault.getElementsByTagNameNS(
                    "http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/", "ErrorCode").item(0).getTextContent());
        }
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(sim.endpoints().get("SF1500"))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(soap11)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("not a SOAP 1.2 envelope"));
    }

    @Test
    void organisationRefusesAnInvocationContextCall() throws Exception {
        URI sf1500 = sim.endpoints().get("SF1500");
        String action = "http://kombit.dk/sts/organisation/organisationssystem/fremsoegobjekthierarki";
        String call = "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope' xmlns:a='" + WSA + "'><s:Header>"
                + "<a:Action>" + action + "</a:Action><a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:To>" + sf1500 + "</a:To><h:RequestHeader xmlns:h='http://kombit.dk/xml/schemas/RequestHeader/1/'>"
                + "<h:TransactionUUID>" + UUID.randomUUID() + "</h:TransactionUUID></h:RequestHeader>"
                + "<i:InvocationContext xmlns:i='http://serviceplatformen.dk/xml/schemas/InvocationContext/1/'>"
                + "<i:ServiceAgreementUUID>" + sim.serviceAgreement("SF1500") + "</i:ServiceAgreementUUID>"
                + "<i:UserSystemUUID>" + sim.userSystemUuid() + "</i:UserSystemUUID><i:UserUUID>" + sim.userUuid()
                + "</i:UserUUID></i:InvocationContext></s:Header><s:Body>"
                + "<o:FremsoegObjekthierarkiInput xmlns:o='http://stoettesystemerne.dk/organisation/organisationsystem/6/'/>"
                + "</s:Body></s:Envelope>";
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(sf1500)
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(call)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, r.statusCode());
        Document fault = SecureXml.parse(new ByteArrayInputStream(r.body()));
        assertEquals(PlatformFaults.SIGNATURE, fault.getElementsByTagNameNS(
                "http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/", "ErrorCode").item(0).getTextContent());
        assertTrue(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("no InvocationContext model"));
    }

    private static SamlAssertion token(String entityId) throws Exception {
        return HandMadeTokens.issue(sim, http, credential.certificate(), entityId, sim.municipalityCvr());
    }

    private static Document envelope(String cpr, boolean addressing) {
        Document d = SecureXml.documentBuilder().newDocument();
        Element env = d.createElementNS(SOAP, "s:Envelope");
        d.appendChild(env);
        // explicit declarations: signatures are computed on the DOM, and the wire form must canonicalise the same
        env.setAttributeNS(XMLNS, "xmlns:s", SOAP);
        env.setAttributeNS(XMLNS, "xmlns:a", WSA);
        env.setAttributeNS(XMLNS, "xmlns:c", CPR);
        env.setAttributeNS(XMLNS, "xmlns:p", "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/");
        Element header = d.createElementNS(SOAP, "s:Header");
        env.appendChild(header);
        header.appendChild(HandMadeTokens.framework(d));
        if (addressing) {
            addAddressing(header);
        }
        Element body = d.createElementNS(SOAP, "s:Body");
        env.appendChild(body);
        Element req = d.createElementNS(CPR, "c:PersonLookupRequest");
        body.appendChild(req);
        Element pnr = d.createElementNS("http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/", "p:PNR");
        pnr.setTextContent(cpr);
        req.appendChild(pnr);
        return d;
    }

    private static void addAddressing(Element header) {
        Document d = header.getOwnerDocument();
        String[][] h = {{"Action", CPR_ACTION}, {"MessageID", "urn:uuid:" + UUID.randomUUID()},
            {"To", sim.endpoints().get("SF1520").toString()}};
        for (String[] x : h) {
            Element e = d.createElementNS(WSA, "a:" + x[0]);
            e.setTextContent(x[1]);
            header.appendChild(e);
        }
    }

    private static String post(Document env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(env, out);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(sim.endpoints().get("SF1520"))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + CPR_ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Document reply = SecureXml.parse(new ByteArrayInputStream(r.body()));
        var codes = reply.getElementsByTagNameNS("http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/", "ErrorCode");
        if (codes.getLength() == 0) {
            assertEquals(200, r.statusCode());
            return "OK";
        }
        assertEquals(500, r.statusCode());
        return codes.item(0).getTextContent();
    }

    private static final String CPR_ENTITY = "http://cpr.serviceplatformen.dk/service/personbasedataextended/4";

    @Test
    void wellFormedTokenCallIsAccepted() throws Exception {
        Document env = envelope(SimulatorData.CPR_ACTIVE_1900S, true);
        WsSecuritySigner.builder(credential).samlAssertion(token(CPR_ENTITY)).build().sign(env);
        assertEquals("OK", post(env));
    }

    @Test
    void missingOrUnsignedFrameworkHeader() throws Exception {
        Document env = envelope(SimulatorData.CPR_ACTIVE_1900S, true);
        Element fw = (Element) env.getElementsByTagNameNS("urn:liberty:sb:2006-08", "Framework").item(0);
        fw.getParentNode().removeChild(fw);
        WsSecuritySigner.builder(credential).samlAssertion(token(CPR_ENTITY)).build().sign(env);
        assertEquals(PlatformFaults.SIGNATURE, post(env));
        assertTrue(sim.violations().stream().anyMatch(v -> v.detail().contains("no sbf:Framework")), sim.conformanceReport());
        Document unsigned = envelope(SimulatorData.CPR_ACTIVE_1900S, true);
        Element fw2 = (Element) unsigned.getElementsByTagNameNS("urn:liberty:sb:2006-08", "Framework").item(0);
        Element header = (Element) fw2.getParentNode();
        header.removeChild(fw2);
        WsSecuritySigner.builder(credential).samlAssertion(token(CPR_ENTITY)).build().sign(unsigned);
        header.appendChild(fw2);
        assertEquals(PlatformFaults.SIGNATURE, post(unsigned));
    }

    @Test
    void tokenForAnotherService() throws Exception {
        Document env = envelope(SimulatorData.CPR_ACTIVE_1900S, true);
        WsSecuritySigner.builder(credential).samlAssertion(token("http://cvr.serviceplatformen.dk/service/online/2"))
                .build().sign(env);
        assertEquals(PlatformFaults.TOKEN_AUDIENCE, post(env));
    }

    @Test
    void brokenSignature() throws Exception {
        Document env = envelope(SimulatorData.CPR_ACTIVE_1900S, true);
        WsSecuritySigner.builder(credential).samlAssertion(token(CPR_ENTITY)).build().sign(env);
        env.getElementsByTagNameNS("http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/", "PNR").item(0)
                .setTextContent(SimulatorData.CPR_PROTECTED);
        assertEquals(PlatformFaults.SIGNATURE, post(env));
        assertTrue(sim.violations().stream().anyMatch(v -> v.code().equals(PlatformFaults.SIGNATURE)));
    }

    @Test
    void staleTimestamp() throws Exception {
        Document env = envelope(SimulatorData.CPR_ACTIVE_1900S, true);
        WsSecuritySigner.builder(credential).samlAssertion(token(CPR_ENTITY))
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-40))).build().sign(env);
        assertEquals(PlatformFaults.TIMESTAMP, post(env));
    }

    @Test
    void addressingHeadersNotSigned() throws Exception {
        Document env = envelope(SimulatorData.CPR_ACTIVE_1900S, false);
        WsSecuritySigner.builder(credential).samlAssertion(token(CPR_ENTITY)).build().sign(env);
        addAddressing((Element) env.getElementsByTagNameNS(SOAP, "Header").item(0));
        assertEquals(PlatformFaults.SIGNATURE, post(env));
    }
}
