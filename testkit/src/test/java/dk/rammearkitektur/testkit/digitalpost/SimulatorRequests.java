package dk.rammearkitektur.testkit.digitalpost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rammearkitektur.testkit.MutualTlsHttp;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Plain HTTP requests to a simulator, without the SDK client: for bodies the client would never write. */
final class SimulatorRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorRequests() {
    }

    static HttpClient http(DigitalPostSimulator sim, TestIdentity id) throws Exception {
        return MutualTlsHttp.client(id, sim.tlsTrustAnchor());
    }

    /** An access token for KombiPostAfsend, through the simulator's STS and token service. */
    static String kombiToken(DigitalPostSimulator sim, HttpClient c) throws Exception {
        ObjectNode req = JSON.createObjectNode();
        req.put("TokenType", "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0");
        req.put("RequestType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue");
        req.put("KeyType", "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey");
        req.putObject("AnvenderKontekst").put("Cvr", sim.authorityCvr());
        req.put("UseKey", Base64.getEncoder().encodeToString(sim.pki().oces3Organisation().certificate().getEncoded()));
        req.putObject("AppliesTo").putObject("EndpointReference").put("Address", DigitalPostSimulator.KOMBI_ENTITY_ID);
        String sts = c.send(HttpRequest.newBuilder(sim.baseUri().resolve(DigitalPostSimulator.STS_REST_PATH.substring(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(req.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String assertion = JSON.readTree(sts).path("RequestedSecurityToken").path("Assertion").asText();
        String token = c.send(HttpRequest.newBuilder(sim.baseUri().resolve(DigitalPostSimulator.TOKEN_PATH.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("saml-token=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(token).path("access_token").asText();
    }

    /** Sends {@code body} to KombiPostAfsend with a new transaction id and a fresh token. */
    static HttpResponse<String> kombi(DigitalPostSimulator sim, String body) throws Exception {
        HttpClient c = http(sim, sim.pki().oces3Organisation());
        return c.send(HttpRequest.newBuilder(sim.baseUri().resolve(DigitalPostSimulator.KOMBI_PATH.substring(1)))
                .header("Content-Type", "application/xml; charset=utf-8").header("x-TransaktionsTid", "2026-11-25T10:00:00Z")
                .header("x-TransaktionsId", UUID.randomUUID().toString())
                .header("Authorization", "Holder-of-key " + kombiToken(sim, c))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
