package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.KombiXml;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceViolation;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator on its own, spoken to with plain HTTP requests: token flow checks, header and body conformance, the
 * platform's style of refusal, and deduplication by transaction id.
 */
class SimulatorConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DigitalPostSimulator sim;
    private static HttpClient http;
    private static String kombiToken;

    @BeforeAll
    static void start() throws Exception {
        sim = DigitalPostSimulator.builder().build().start();
        http = http(sim.pki().oces3Organisation());
        kombiToken = accessToken(http, DigitalPostSimulator.KOMBI_ENTITY_ID);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
    }

    static HttpClient http(TestIdentity id) throws Exception {
        return SimulatorRequests.http(sim, id);
    }

    static HttpResponse<String> sts(HttpClient c, String useKey, String cvr, String entityId) throws Exception {
        ObjectNode req = JSON.createObjectNode();
        req.put("TokenType", "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0");
        req.put("RequestType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue");
        req.put("KeyType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey");
        req.putObject("AnvenderKontekst").put("Cvr", cvr);
        req.put("UseKey", useKey);
        req.putObject("AppliesTo").putObject("EndpointReference").put("Address", entityId);
        return c.send(HttpRequest.newBuilder(sim.baseUri().resolve(DigitalPostSimulator.STS_REST_PATH.substring(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(req.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> exchange(HttpClient c, String samlToken) throws Exception {
        return c.send(HttpRequest.newBuilder(sim.baseUri().resolve(DigitalPostSimulator.TOKEN_PATH.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("saml-token=" + URLEncoder.encode(samlToken, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String useKey() throws Exception {
        return Base64.getEncoder().encodeToString(sim.pki().oces3Organisation().certificate().getEncoded());
    }

    static String accessToken(HttpClient c, String entityId) throws Exception {
        HttpResponse<String> s = sts(c, useKey(), sim.authorityCvr(), entityId);
        assertEquals(200, s.statusCode(), s.body());
        String assertion = JSON.readTree(s.body()).path("RequestedSecurityToken").path("Assertion").asText();
        HttpResponse<String> t = exchange(c, assertion);
        assertEquals(200, t.statusCode(), t.body());
        JsonNode json = JSON.readTree(t.body());
        assertEquals("Holder-of-key", json.path("token_type").asText());
        assertEquals(3600, json.path("expires_in").asLong(), 5);
        return json.path("access_token").asText();
    }

    static HttpResponse<String> kombi(String token, String tx, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(sim.baseUri().resolve(DigitalPostSimulator.KOMBI_PATH.substring(1)))
                .header("Content-Type", "application/xml; charset=utf-8").header("x-TransaktionsTid", "2026-11-25T10:00:00Z")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Holder-of-key " + token);
        }
        if (tx != null) {
            b.header("x-TransaktionsId", tx);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String letterXml() {
        return new String(KombiXml.toBytes(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(64)))),
                StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Result>false</Result>"), r.body());
        assertTrue(r.body().contains("<FejlKode>" + code + "</FejlKode>"), r.body());
        assertTrue(sim.violations().stream().map(ConformanceViolation::code).anyMatch(code::equals), sim.conformanceReport());
    }

    @Test
    void aValidRequestIsDeliveredAndRepeatingItGivesTheSameReply() throws Exception {
        String tx = UUID.randomUUID().toString();
        String body = letterXml();
        HttpResponse<String> first = kombi(kombiToken, tx, body);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("<Result>true</Result>"), first.body());
        HttpResponse<String> again = kombi(kombiToken, tx, body);
        assertEquals(first.body(), again.body());
        assertEquals(1, sim.mailboxTotal());
        assertEquals("no violations", sim.conformanceReport().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void aTransactionIdReusedForAnotherRequestIsRefused() throws Exception {
        String tx = UUID.randomUUID().toString();
        assertEquals(200, kombi(kombiToken, tx, letterXml()).statusCode());
        assertRefused(kombi(kombiToken, tx, letterXml()), 409, DigitalPostErrors.TRANSACTION_REUSED);
        assertEquals(1, sim.mailboxTotal());
    }

    @Test
    void callsWithoutAValidAccessTokenAreRefused() throws Exception {
        assertRefused(kombi(null, UUID.randomUUID().toString(), letterXml()), 401, DigitalPostErrors.UNAUTHORISED);
        sim.reset();
        assertRefused(kombi("not-a-token", UUID.randomUUID().toString(), letterXml()), 401, DigitalPostErrors.UNAUTHORISED);
        sim.reset();
        String lookupToken = accessToken(http, DigitalPostSimulator.LOOKUP_ENTITY_ID);
        assertRefused(kombi(lookupToken, UUID.randomUUID().toString(), letterXml()), 401, DigitalPostErrors.UNAUTHORISED);
        HttpClient other = http(sim.pki().oces3OtherOrganisation());
        HttpResponse<String> stolen = other.send(HttpRequest.newBuilder(sim.baseUri().resolve("service/KombiPostAfsend_1/kombi"))
                .header("Authorization", "Holder-of-key " + kombiToken).header("x-TransaktionsId", UUID.randomUUID().toString())
                .header("x-TransaktionsTid", "2026-11-25T10:00:00Z").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(letterXml())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, stolen.statusCode(), stolen.body());
        assertTrue(stolen.body().contains("another certificate"), stolen.body());
        assertEquals(0, sim.mailboxTotal());
    }

    @Test
    void aChunkedBodyIsRefusedUnlessConfigured() throws Exception {
        byte[] body = letterXml().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.baseUri().resolve(DigitalPostSimulator.KOMBI_PATH.substring(1)))
                .header("Content-Type", "application/xml; charset=utf-8").header("x-TransaktionsTid", "2026-11-25T10:00:00Z")
                .header("Authorization", "Holder-of-key " + kombiToken).header("x-TransaktionsId", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(r, 411, DigitalPostErrors.HEADERS);
        assertTrue(r.body().contains("Content-Length"), r.body());
        assertEquals(0, sim.mailboxTotal());
    }

    @Test
    void headersAreChecked() throws Exception {
        assertRefused(kombi(kombiToken, null, letterXml()), 400, DigitalPostErrors.HEADERS);
        assertRefused(kombi(kombiToken, "tx-1", letterXml()), 400, DigitalPostErrors.HEADERS);
    }

    @Test
    void unsafeOrMalformedXmlIsRefused() throws Exception {
        assertRefused(kombi(kombiToken, UUID.randomUUID().toString(),
                "<!DOCTYPE kombi_request [<!ENTITY x \"y\">]><kombi_request/>"), 400, DigitalPostErrors.MALFORMED_REQUEST);
        assertRefused(kombi(kombiToken, UUID.randomUUID().toString(), letterXml().substring(0, 300)), 400,
                DigitalPostErrors.MALFORMED_REQUEST);
        assertRefused(kombi(kombiToken, UUID.randomUUID().toString(),
                "<kombi_request><memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\"/></kombi_request>"), 400,
                DigitalPostErrors.MALFORMED_REQUEST);
    }

    @Test
    void rulesTheXsdCannotExpressAreChecked() throws Exception {
        String body = letterXml().replace("afgoerelse.pdf", "afgørelse: endelig.pdf");
        HttpResponse<String> r = kombi(kombiToken, UUID.randomUUID().toString(), body);
        assertRefused(r, 400, DigitalPostErrors.RULE);
        assertTrue(r.body().contains("File.filename must not contain"), r.body());
        String badBase64 = letterXml().replaceFirst("<memo:content>[^<]*</memo:content>", "<memo:content>@@@@</memo:content>");
        assertTrue(kombi(kombiToken, UUID.randomUUID().toString(), badBase64).body().contains("not Base64"));
        assertEquals(0, sim.mailboxTotal());
        assertFalse(sim.conformanceReport().contains(Letters.CPR), sim.conformanceReport());
    }

    @Test
    void schemaViolationsAreFoundWithThePublishedXsds() throws Exception {
        Assumptions.assumeTrue(sim.validatesAgainstXsd(), "published MeMo XSDs not found (rammearkitektur.shared.dir)");
        assertTrue(sim.conformanceReport().startsWith("MeMo validation: published XSDs"), sim.conformanceReport());
        String body = letterXml().replace("<memo:label>Afgørelse om boligstøtte</memo:label>",
                "<memo:label>Afgørelse om boligstøtte</memo:label><memo:unknown>x</memo:unknown>");
        HttpResponse<String> r = kombi(kombiToken, UUID.randomUUID().toString(), body);
        assertRefused(r, 400, DigitalPostErrors.SCHEMA);
        String v11 = new String(KombiXml.toBytes(KombiRequest.digitalPost(Letters.letter(MemoVersion.V1_1, Letters.CPR,
                FileContent.ofBytes(Letters.pdf(10))))), StandardCharsets.UTF_8);
        assertEquals(200, kombi(kombiToken, UUID.randomUUID().toString(), v11).statusCode());
    }

    @Test
    void withoutSchemasTheReportSaysRulesOnly(@TempDir Path empty) {
        try (DigitalPostSimulator rulesOnly = DigitalPostSimulator.builder().memoSchemas(empty).build()) {
            assertFalse(rulesOnly.validatesAgainstXsd());
            assertTrue(rulesOnly.conformanceReport().contains("rules only (published XSDs not found)"),
                    rulesOnly.conformanceReport());
        }
    }

    @Test
    void aLenientSimulatorRecordsBrokenRulesAndStillDelivers() throws Exception {
        DigitalPostSimulator strict = sim;
        try (DigitalPostSimulator lenient = DigitalPostSimulator.builder().strict(false).build().start()) {
            sim = lenient; // the request helpers talk to the static simulator
            String token = accessToken(http, DigitalPostSimulator.KOMBI_ENTITY_ID);
            HttpResponse<String> r = kombi(token, UUID.randomUUID().toString(),
                    letterXml().replace("afgoerelse.pdf", "afgørelse: endelig.pdf"));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1, lenient.mailboxTotal());
            assertEquals("afgørelse: endelig.pdf", lenient.mailbox(Letters.CPR).get(0).files().get(0).filename());
            assertTrue(lenient.violations().stream().anyMatch(v -> v.code().equals(DigitalPostErrors.RULE)),
                    lenient.conformanceReport());
            HttpResponse<String> broken = kombi(token, UUID.randomUUID().toString(),
                    letterXml().replaceFirst("<memo:messageUUID>[^<]*</memo:messageUUID>", "<memo:messageUUID>x</memo:messageUUID>"));
            assertEquals(400, broken.statusCode(), broken.body());
        } finally {
            sim = strict;
        }
    }

    @Test
    void theStsChecksUseKeyCvrAndEntityId() throws Exception {
        String otherCert = Base64.getEncoder().encodeToString(sim.pki().oces3OtherOrganisation().certificate().getEncoded());
        for (HttpResponse<String> r : List.of(sts(http, otherCert, sim.authorityCvr(), DigitalPostSimulator.KOMBI_ENTITY_ID),
                sts(http, useKey(), "11111111", DigitalPostSimulator.KOMBI_ENTITY_ID),
                sts(http, useKey(), sim.authorityCvr(), "http://entityid.kombit.dk/service/other/1"))) {
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(DigitalPostErrors.STS_REFUSED, JSON.readTree(r.body()).path("error").asText());
        }
        HttpResponse<String> garbage = exchange(http, "bm90IGEgdG9rZW4=");
        assertEquals(400, garbage.statusCode());
        assertEquals(DigitalPostErrors.TOKEN_REFUSED, JSON.readTree(garbage.body()).path("error").asText());
    }

    @Test
    void theStsAnswersWithABase64AssertionAndALifetimeString() throws Exception {
        HttpResponse<String> s = sts(http, useKey(), sim.authorityCvr(), DigitalPostSimulator.KOMBI_ENTITY_ID);
        JsonNode json = JSON.readTree(s.body());
        String assertion = json.path("RequestedSecurityToken").path("Assertion").asText();
        assertFalse(assertion.strip().startsWith("<"), assertion);
        String xml = new String(Base64.getDecoder().decode(assertion), StandardCharsets.UTF_8);
        assertTrue(xml.contains("Assertion") && xml.contains("Signature"), xml);
        assertTrue(json.path("Lifetime").isTextual(), s.body());
        assertTrue(json.path("Lifetime").asText().matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}"), s.body());
        assertEquals(200, exchange(http, assertion).statusCode());
        assertEquals("no violations", sim.conformanceReport().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void anAssertionWhoseSignatureNoLongerVerifiesIsRefused() throws Exception {
        HttpResponse<String> s = sts(http, useKey(), sim.authorityCvr(), DigitalPostSimulator.KOMBI_ENTITY_ID);
        String assertion = JSON.readTree(s.body()).path("RequestedSecurityToken").path("Assertion").asText();
        String xml = new String(Base64.getDecoder().decode(assertion), StandardCharsets.UTF_8);
        String changed = xml.replace(sim.authorityCvr(), "12345678");
        assertFalse(changed.equals(xml));
        HttpResponse<String> r = exchange(http, Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(DigitalPostErrors.TOKEN_REFUSED, JSON.readTree(r.body()).path("error").asText());
        assertTrue(r.body().contains("refused"), r.body());
        HttpResponse<String> raw = exchange(http, xml);
        assertEquals(400, raw.statusCode(), raw.body());
    }

    @Test
    void aReEncodedAssertionIsAcceptedWhenItVerifiesButRecorded() throws Exception {
        HttpResponse<String> s = sts(http, useKey(), sim.authorityCvr(), DigitalPostSimulator.KOMBI_ENTITY_ID);
        String assertion = JSON.readTree(s.body()).path("RequestedSecurityToken").path("Assertion").asText();
        String xml = new String(Base64.getDecoder().decode(assertion), StandardCharsets.UTF_8);
        String reEncoded = Base64.getEncoder().encodeToString((xml + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, exchange(http, reEncoded).statusCode());
        assertTrue(sim.conformanceReport().contains("not the STS's Assertion exactly as issued"), sim.conformanceReport());
    }

    @Test
    void lookupsNeedAPostForespoergToken() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri()
                + "service/PostForespoerg_1/digitalpost?cprNumber=" + Letters.CPR))
                .header("Authorization", "Holder-of-key " + kombiToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        String lookup = accessToken(http, DigitalPostSimulator.LOOKUP_ENTITY_ID);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri()
                + "service/PostForespoerg_1/digitalpost?cprNumber=" + Letters.CPR))
                .header("Authorization", "Holder-of-key " + lookup).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"result\":true}", ok.body());
    }
}
