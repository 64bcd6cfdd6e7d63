package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.serviceplatform.CprSubscriptionService;
import dk.rammearkitektur.clients.serviceplatform.CprSubscriptions;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.serviceplatform.SubscriptionFilters;
import dk.rammearkitektur.clients.serviceplatform.SubscriptionResult;
import dk.rammearkitektur.clients.serviceplatform.SubscriptionResult.Outcome;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.internal.Contracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SF6002 CPR Abonnement end to end: the client against the simulator over loopback mutual TLS with the
 * InvocationContext model. Every request is validated by the strict simulator against the SDK's contract subset
 * ({@code cpr/CprSubscriptionService_1.xsd}), so no recorded violation means every request conformed; LogCapture fails
 * the class if a CPR number reaches a log line.
 */
@ServiceplatformSimulatorTest
@ExtendWith(LogCapture.class)
class CprSubscriptionEndToEndTest {
    private static final String SVC = "http://serviceplatformen.dk/xml/wsdl/soap11/CprSubscriptionService/1/";
    private static final String PNR = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";

    @AfterEach
    void noViolations(ServiceplatformSimulator sim) {
        sim.tap = null;
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void everyResult(ServiceplatformSimulator sim, ServiceplatformClient client) {
        int before = sim.requestCount("SF6002");
        CprSubscriptions subs = client.cprSubscriptions();
        Cpr jens = Cpr.parse(SimulatorData.CPR_ACTIVE_1900S);
        SubscriptionResult added = subs.subscribe(jens);
        assertEquals(Outcome.ADDED, added.outcome());
        assertEquals("ADDED", added.text());
        assertTrue(added.followed());
        assertTrue(sim.cprSubscriptions().contains(jens.value()));
        SubscriptionResult again = subs.subscribe(jens);
        assertEquals(Outcome.ALREADY_SUBSCRIBED, again.outcome());
        assertEquals("ALREADY_EXISTED", again.text());
        SubscriptionResult removed = subs.unsubscribe(jens);
        assertEquals(Outcome.REMOVED, removed.outcome());
        assertFalse(sim.cprSubscriptions().contains(jens.value()));
        SubscriptionResult notThere = subs.unsubscribe(jens);
        assertEquals(Outcome.NOT_SUBSCRIBED, notThere.outcome());
        assertEquals("NON_EXISTING_PNR", notThere.text());
        assertFalse(notThere.followed());
        assertEquals(before + 4, sim.requestCount("SF6002"));
    }

    @Test
    void aNumberTheRegisterDoesNotKnowIsNotSubscribed(ServiceplatformSimulator sim, ServiceplatformClient client) {
        Cpr unknown = Cpr.parse("0101010000");
        assertTrue(sim.data().person(unknown.value()).isEmpty());
        SubscriptionResult r = client.cprSubscriptions().subscribe(unknown);
        assertEquals(Outcome.NOT_SUBSCRIBED, r.outcome());
        assertFalse(sim.cprSubscriptions().contains(unknown.value()));
    }

    @Test
    void filtersListTheFollowedNumbersAndMunicipalities(ServiceplatformSimulator sim, ServiceplatformClient client) {
        CprSubscriptions subs = client.cprSubscriptions();
        Cpr emma = Cpr.parse(SimulatorData.CPR_CHILD_2000S);
        Cpr mette = Cpr.parse(SimulatorData.CPR_PROTECTED);
        subs.subscribe(emma);
        subs.subscribe(mette);
        sim.addCprSubscriptionMunicipalityCode(706);
        List<byte[]> replies = new ArrayList<>();
        sim.tap = (id, action, request, reply) -> replies.add(reply);
        SubscriptionFilters f = subs.filters();
        assertTrue(f.follows(emma) && f.follows(mette), f.toString());
        assertEquals(Set.of(emma, mette), Set.copyOf(f.cprNumbers()));
        assertEquals(List.of(706), f.municipalityCodes());
        assertEquals(List.of(), f.ageRanges());
        assertFalse(f.toString().contains(emma.value()) || f.toString().contains(mette.value()), f.toString());
        // the simulator's reply has the live prefixes (ns3 service, ns2 PNR), noFilter, and fits the contract subset
        Element payload = payload(replies.get(0));
        assertEquals("ns3", payload.getPrefix());
        assertEquals("false", payload.getElementsByTagNameNS(SVC, "noFilter").item(0).getTextContent());
        validate(payload);
        subs.unsubscribe(emma);
        subs.unsubscribe(mette);
        assertEquals(0, subs.filters().cprNumbers().size());
    }

    @Test
    void theContextTravelsInTheBodyWithAnEmptySoapAction(ServiceplatformSimulator sim, ServiceplatformClient client)
            throws Exception {
        List<String> actions = new ArrayList<>();
        List<byte[]> requests = new ArrayList<>();
        List<byte[]> replies = new ArrayList<>();
        sim.tap = (id, action, request, reply) -> {
            actions.add(id + " " + action);
            requests.add(request);
            replies.add(reply);
        };
        Cpr lars = Cpr.parse(SimulatorData.CPR_EMIGRATED);
        client.cprSubscriptions().subscribe(lars);
        client.cprSubscriptions().unsubscribe(lars);
        assertEquals(List.of("SF6002 \"\"", "SF6002 \"\""), actions);
        for (byte[] request : requests) {
            Document doc = SecureXml.parse(new ByteArrayInputStream(request));
            Element env = doc.getDocumentElement();
            Element header = Xml.kid(env, Xml.SOAP, "Header");
            assertTrue(header == null || Xml.kids(header).isEmpty(), "no SOAP header content");
            Element payload = Xml.kids(Xml.kid(env, Xml.SOAP, "Body")).get(0);
            assertEquals(SVC, payload.getNamespaceURI());
            Element ctx = Xml.kid(payload, Xml.INVCTX, "InvocationContext");
            assertEquals("9cdccc2f-3243-11e2-8fef-d4bed98c5934", Xml.text(ctx, Xml.INVCTX, "ServiceUUID"));
            assertEquals(sim.serviceAgreement("SF6002").toString(), Xml.text(ctx, Xml.INVCTX, "ServiceAgreementUUID"));
            assertEquals(lars.value(), Xml.text(payload, PNR, "PNR"));
            validate(payload);
        }
        Element reply = payload(replies.get(0));
        assertEquals("AddPNRSubscriptionResponse", reply.getLocalName());
        validate(reply);
    }

    @Test
    void aFaultIsAServiceFaultWithoutTheCprNumber(ServiceplatformSimulator sim, ServiceplatformClient client) {
        sim.faults().next(Fault.soapFault("SP.SOMETHING"));
        Cpr jens = Cpr.parse(SimulatorData.CPR_ACTIVE_1900S);
        ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> client.cprSubscriptions()
                .subscribe(jens));
        assertEquals("SP.SOMETHING", e.faultCode());
        assertEquals("SF6002", e.service());
        assertEquals("AddPNRSubscription", e.operation());
        assertTrue(e.isIdempotent(), "subscribe is an idempotent write");
        assertTrue(e.request(Object.class).isEmpty());
        assertFalse(e.getMessage().contains(jens.value()), e.getMessage());
        assertFalse(sim.cprSubscriptions().contains(jens.value()));
    }

    @Test
    void writesAreRetriedAfterATransientFailure(ServiceplatformSimulator sim) {
        try (ServiceplatformClient retrying = SimulatorClients.invocationContext(sim)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(10)).build()).build()) {
            sim.faults().next(Fault.httpStatus(503));
            int before = sim.requestCount("SF6002");
            Cpr noah = Cpr.parse(SimulatorData.CPR_2020);
            assertEquals(Outcome.ADDED, retrying.cprSubscriptions().subscribe(noah).outcome());
            assertEquals(before + 2, sim.requestCount("SF6002"));
            assertEquals(Outcome.REMOVED, retrying.cprSubscriptions().unsubscribe(noah).outcome());
        }
    }

    @Test
    void badInputIsRefusedBeforeAnyCall(ServiceplatformSimulator sim, ServiceplatformClient client) {
        int before = sim.requestCount("SF6002");
        ValidationException e = assertThrows(ValidationException.class, () -> client.cprSubscriptions().subscribe(null));
        assertEquals("cpr", e.violations().get(0).path());
        e = assertThrows(ValidationException.class, () -> client.cprSubscriptions().unsubscribe(null));
        assertEquals("cpr", e.violations().get(0).path());
        e = assertThrows(ValidationException.class, () -> client.cprSubscriptions().subscribe(Cpr.parse("3213991234")));
        assertEquals("cpr", e.violations().get(0).path());
        assertFalse(e.getMessage().contains("3213991234"), e.getMessage());
        assertEquals(before, sim.requestCount("SF6002"));
    }

    @Test
    void theTokenModelIsRefused(ServiceplatformSimulator sim) {
        int before = sim.requestCount("SF6002");
        try (ServiceplatformClient token = SimulatorClients.stsToken(sim, StsProtocol.SOAP).build()) {
            ValidationException e = assertThrows(ValidationException.class, token::cprSubscriptions);
            assertEquals("cprSubscriptions", e.violations().get(0).path());
            assertTrue(e.getMessage().contains("only the InvocationContext model"), e.getMessage());
        }
        ValidationException e = assertThrows(ValidationException.class, () -> SimulatorClients.stsToken(sim,
                StsProtocol.SOAP).serviceAgreement(CprSubscriptionService.INSTANCE, sim.serviceAgreement("SF6002"))
                .build());
        assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("serviceplatformClient.serviceAgreements.SF6002")),
                e.getMessage());
        assertEquals(before, sim.requestCount("SF6002"));
    }

    /** A hand-written envelope, S2's schema-correct shape: empty header unless given, no WS-Addressing. */
    private static java.net.http.HttpResponse<String> post(ServiceplatformSimulator sim, String header, String body)
            throws Exception {
        java.net.http.HttpClient http = dk.rammearkitektur.testkit.MutualTlsHttp.client(sim.systemIdentity(),
                sim.tlsTrustAnchor());
        String env = "<s:Envelope xmlns:s='" + Xml.SOAP + "'><s:Header>" + header + "</s:Header><s:Body>" + body
                + "</s:Body></s:Envelope>";
        return http.send(java.net.http.HttpRequest.newBuilder(sim.endpoints().get("SF6002"))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(env)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String getAllFilters(ServiceplatformSimulator sim) {
        String ic = Xml.INVCTX;
        return "<a:GetAllFilters xmlns:a='" + SVC + "'><ic:InvocationContext xmlns:ic='" + ic + "'>"
                + "<ic:ServiceAgreementUUID>" + sim.serviceAgreement("SF6002") + "</ic:ServiceAgreementUUID>"
                + "<ic:UserSystemUUID>" + sim.userSystemUuid() + "</ic:UserSystemUUID>"
                + "<ic:UserUUID>" + sim.userUuid() + "</ic:UserUUID>"
                + "<ic:ServiceUUID>9cdccc2f-3243-11e2-8fef-d4bed98c5934</ic:ServiceUUID>"
                + "</ic:InvocationContext></a:GetAllFilters>";
    }

    @Test
    void theSimulatorAnswersAHandWrittenRequestAndRefusesOneWithoutContext(ServiceplatformSimulator sim)
            throws Exception {
        java.net.http.HttpResponse<String> ok = post(sim, "", getAllFilters(sim));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("GetAllFiltersResponse", payload(ok.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getLocalName());
        assertEquals("no violations", sim.conformanceReport());
        java.net.http.HttpResponse<String> r = post(sim, "", "<a:GetAllFilters xmlns:a='" + SVC + "'/>");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains(PlatformFaults.SCHEMA) || r.body().contains(PlatformFaults.INVOCATION_CONTEXT),
                r.body());
        assertTrue(sim.violations().stream().anyMatch(v -> v.code().equals(PlatformFaults.INVOCATION_CONTEXT)),
                sim.conformanceReport());
        sim.reset();
    }

    @Test
    void theSimulatorRefusesAWsSecurityHeader(ServiceplatformSimulator sim) throws Exception {
        java.net.http.HttpResponse<String> r = post(sim, "<wsse:Security xmlns:wsse='" + Sts.WSSE + "'/>",
                getAllFilters(sim));
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains(PlatformFaults.SIGNATURE), r.body());
        assertEquals(List.of(PlatformFaults.SIGNATURE), sim.violations().stream().map(v -> v.code()).toList());
        sim.reset();
    }

    @Test
    void aClientWithoutTheAgreementIsRefusedNamingIt(ServiceplatformSimulator sim) {
        char[] pw = SimulatorClients.PASSWORD.toCharArray();
        try (ServiceplatformClient noAgreement = ServiceplatformClient.builder()
                .environment(dk.rammearkitektur.clients.serviceplatform.Environment.custom(sim.baseUri()))
                .systemCertificate(sim.systemIdentity().pkcs12(pw), pw).trustAnchors(List.of(sim.tlsTrustAnchor()))
                .retryPolicy(RetryPolicy.none()).invocationContext(sim.userSystemUuid(), sim.userUuid()).build()) {
            int before = sim.requestCount("SF6002");
            ValidationException e = assertThrows(ValidationException.class,
                    () -> noAgreement.cprSubscriptions().subscribe(Cpr.parse(SimulatorData.CPR_ACTIVE_1900S)));
            assertEquals("serviceAgreements.SF6002", e.violations().get(0).path());
            assertEquals(before, sim.requestCount("SF6002"));
        }
    }

    @Test
    void theEndpointIsWhereTheSourcesPutIt(ServiceplatformSimulator sim, ServiceplatformClient client) {
        assertEquals(sim.endpoints().get("SF6002"),
                CprSubscriptionService.INSTANCE.endpoint(client.environment()));
        assertTrue(sim.endpoints().get("SF6002").getPath().endsWith("/service/CPRSubscription/CPRSubscription/1/"));
    }

    private static Element payload(byte[] reply) {
        Element env = SecureXml.parse(new ByteArrayInputStream(reply)).getDocumentElement();
        return Xml.kids(Xml.kid(env, Xml.SOAP, "Body")).get(0);
    }

    private static void validate(Element payload) {
        try {
            SecureXml.validator(Contracts.schema("cpr/CprSubscriptionService_1.xsd")).validate(new DOMSource(payload));
        } catch (Exception e) {
            throw new AssertionError("does not fit the contract subset: " + e.getMessage(), e);
        }
    }
}
