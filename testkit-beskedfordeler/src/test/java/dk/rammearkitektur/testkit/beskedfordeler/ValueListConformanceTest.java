package dk.rammearkitektur.testkit.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.ValueList;
import dk.rammearkitektur.clients.beskedfordeler.ValueListClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The SDK's {@link ValueListClient} against the simulator's værdiliste service: read, add, remove, an unknown list
 * (44), requests and replies valid against the published schema, SOAP faults for other operations and invalid input,
 * and values never in logs or toString.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class ValueListConformanceTest {
    private static final char[] PW = "pw".toCharArray();
    private static final String VL = "urn:oio:sts:beskedfordeler:vaerdiliste:1.0.0";
    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final BeskedfordelerClient owner;
    private final ValueListClient client;

    ValueListConformanceTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        this.bf = bf;
        this.sts = sts;
        this.owner = BeskedfordelerClient.builder()
                .environment(BeskedfordelerEnvironment.custom(bf.host(), bf.port(), bf.soapBaseUri(), sts.baseUri()))
                .systemCertificate(sts.systemIdentity().pkcs12(PW), PW)
                .trustAnchors(List.of(bf.tlsTrustAnchor(), sts.tlsTrustAnchor()))
                .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr()).build();
        this.client = owner.valueLists();
    }

    @AfterEach
    void close() {
        owner.close();
    }

    @Test
    void readsAnEmptyList() {
        UUID id = bf.createValueList("Fulgte borgere");
        ValueList list = client.read(id);
        assertEquals(id, list.id());
        assertEquals("Fulgte borgere", list.name());
        assertEquals("Fulgte borgere", list.userKey());
        assertTrue(list.values().isEmpty());
    }

    @Test
    void addedValuesAppearAndRemovedOnesGo() {
        UUID id = bf.createValueList("liste");
        client.addValues(id, List.of("a", "b", "c"));
        assertEquals(List.of("a", "b", "c"), bf.valueList(id));
        assertEquals(List.of("a", "b", "c"), client.read(id).values());
        client.addValues(id, List.of("b", "d"));
        assertEquals(List.of("a", "b", "c", "d"), bf.valueList(id), "a value is held once");
        client.removeValues(id, List.of("a", "c", "never-there"));
        assertEquals(List.of("b", "d"), client.read(id).values());
        assertEquals(List.of("b", "d"), bf.valueList(id));
    }

    @Test
    void unknownListIs44() {
        UUID unknown = UUID.randomUUID();
        ServiceFaultException read = assertThrows(ServiceFaultException.class, () -> client.read(unknown));
        assertEquals("44", read.faultCode());
        ServiceFaultException add = assertThrows(ServiceFaultException.class,
                () -> client.addValues(unknown, List.of("x")));
        assertEquals("44", add.faultCode());
        assertThrows(IllegalArgumentException.class, () -> bf.valueList(unknown));
    }

    @Test
    void theClientsRequestsAndTheRepliesAreValidAgainstThePublishedSchema() throws Exception {
        Validator v = PublishedSchemas.validator("VaerdilisteOperationer.xsd");
        UUID id = bf.createValueList("validated");
        client.addValues(id, List.of("x", "y"));
        client.read(id);
        client.removeValues(id, List.of("x"));
        assertThrows(ServiceFaultException.class, () -> client.read(UUID.randomUUID()));
        List<ValueListCall> calls = bf.valueListCalls().stream()
                .filter(c -> new String(c.request(), StandardCharsets.UTF_8).contains(id.toString())).toList();
        assertEquals(List.of("tilfoejvaerdier", "laes", "fjernvaerdier"), calls.stream()
                .map(c -> c.soapAction().substring(c.soapAction().lastIndexOf('/') + 1)).toList());
        for (ValueListCall c : calls) {
            assertEquals(200, c.httpStatus(), c.toString());
            PublishedSchemas.validateSoapBody(v, c.request());
            PublishedSchemas.validateSoapBody(v, c.reply());
        }
        ValueListCall notFound = bf.valueListCalls().get(bf.valueListCalls().size() - 1);
        PublishedSchemas.validateSoapBody(v, notFound.reply());
        assertTrue(new String(notFound.reply(), StandardCharsets.UTF_8).contains(">44<"));
    }

    @Test
    void otherOperationsAndMisshapenRequestsAreSoapFaults() throws Exception {
        UUID id = bf.createValueList("raw");
        String opret = "<vl:OpretInput xmlns:vl=\"" + VL + "\"/>";
        HttpResponse<String> unknown = post("http://kombit.dk/sts/beskedfordeler/vaerdiliste/opret", opret);
        assertEquals(500, unknown.statusCode());
        assertTrue(unknown.body().contains("Fault") && unknown.body().contains("faultcode"), unknown.body());
        HttpResponse<String> mismatched = post("http://kombit.dk/sts/beskedfordeler/vaerdiliste/laes", opret);
        assertEquals(500, mismatched.statusCode());
        String noValues = "<vl:TilfoejVaerdierInput xmlns:vl=\"" + VL + "\"><sd:UUIDIdentifikator "
                + "xmlns:sd=\"urn:oio:sagdok:3.0.0\">" + id + "</sd:UUIDIdentifikator></vl:TilfoejVaerdierInput>";
        HttpResponse<String> bad = post("http://kombit.dk/sts/beskedfordeler/vaerdiliste/tilfoejvaerdier", noValues);
        assertEquals(200, bad.statusCode());
        assertTrue(bad.body().contains("StatusKode>40<"), bad.body());
        String notUuid = noValues.replace(id.toString(), "not-a-uuid");
        HttpResponse<String> badId = post("http://kombit.dk/sts/beskedfordeler/vaerdiliste/laes",
                notUuid.replace("TilfoejVaerdierInput", "LaesInput"));
        assertEquals(200, badId.statusCode());
        assertTrue(badId.body().contains("StatusKode>40<"), badId.body());
        assertTrue(bf.valueList(id).isEmpty());
    }

    @Test
    void aRequestInvalidAgainstThePublishedSchemaIsAFault() throws Exception {
        PublishedSchemas.validator("VaerdilisteOperationer.xsd"); // skips without the published contracts
        UUID id = bf.createValueList("strict");
        String wrongOrder = "<vl:TilfoejVaerdierInput xmlns:vl=\"" + VL + "\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">"
                + "<vl:Vaerdier>v</vl:Vaerdier><sd:UUIDIdentifikator>" + id + "</sd:UUIDIdentifikator>"
                + "</vl:TilfoejVaerdierInput>";
        HttpResponse<String> r = post("http://kombit.dk/sts/beskedfordeler/vaerdiliste/tilfoejvaerdier", wrongOrder);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("VaerdilisteOperationer.xsd"), r.body());
        assertTrue(bf.valueList(id).isEmpty());
    }

    @Test
    void cprShapedValuesNeverAppearInLogsOrToString() {
        // Obviously invalid (day 31, month 13), built at run time so the source holds no CPR-shaped number.
        String fake = "31" + "13" + "00" + "-" + "0000";
        Logger sdk = (Logger) LoggerFactory.getLogger("dk.rammearkitektur");
        Level before = sdk.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        sdk.addAppender(logs);
        sdk.setLevel(Level.DEBUG);
        try {
            UUID id = bf.createValueList("cpr");
            client.addValues(id, List.of(fake, fake.replace("-", "")));
            ValueList list = client.read(id);
            assertTrue(list.contains(fake));
            client.removeValues(id, List.of(fake));
            assertFalse(list.toString().contains(fake.substring(0, 6)), list.toString());
            for (ValueListCall c : bf.valueListCalls()) {
                assertFalse(c.toString().contains(fake.substring(0, 6)));
            }
            assertFalse(logs.list.isEmpty(), "the client and the simulator logged at debug");
            for (ILoggingEvent e : logs.list) {
                assertFalse(e.getFormattedMessage().contains(fake.substring(0, 6)), "a value was logged");
            }
        } finally {
            sdk.detachAppender(logs);
            sdk.setLevel(before);
        }
    }

    private HttpResponse<String> post(String action, String payload) throws Exception {
        TestIdentity me = sts.systemIdentity();
        SSLContext ssl = BrokerClients.ssl(me, bf.tlsTrustAnchor());
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + payload + "</soap:Body></soap:Envelope>";
        return http.send(HttpRequest.newBuilder(URI.create(bf.soapBaseUri() + "sts-bf-soap/StsbeskedfordelerImpl"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + action + "\"").POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
