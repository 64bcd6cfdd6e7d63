package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Holder-of-key tokens from the simulator's REST STS and the Liberty Framework header, for the tests' hand-made (not
 * client-made) token calls.
 */
final class HandMadeTokens {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private HandMadeTokens() {
    }

    /** Asks the STS for a token for {@code cvr} and audience {@code entityId}, bound to {@code holder}. */
    static HttpResponse<String> request(ServiceplatformSimulator sim, HttpClient http, X509Certificate holder,
            String entityId, String cvr) throws Exception {
        String json = "{\"TokenType\":\"http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0\","
                + "\"RequestType\":\"http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue\","
                + "\"KeyType\":\"http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey\","
                + "\"AnvenderKontekst\":{\"Cvr\":\"" + cvr + "\"},"
                + "\"UseKey\":\"" + encoded(holder) + "\","
                + "\"AppliesTo\":{\"EndpointReference\":{\"Address\":\"" + entityId + "\"}}}";
        return http.send(HttpRequest.newBuilder(sim.baseUri().resolve(
                ServiceplatformSimulator.STS_REST_PATH.substring(1))).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token {@link #request} gets; fails the test unless the STS issues it. */
    static SamlAssertion issue(ServiceplatformSimulator sim, HttpClient http, X509Certificate holder, String entityId,
            String cvr) throws Exception {
        HttpResponse<String> r = request(sim, http, holder, entityId, cvr);
        assertEquals(200, r.statusCode(), r.body());
        String xml = new ObjectMapper().readTree(r.body()).path("RequestedSecurityToken").path("Assertion").asText();
        return SamlAssertion.parse(SecureXml.parse(xml).getDocumentElement());
    }

    /** A new {@code sbf:Framework} header (version 2.0, basic profile) of {@code d}, with explicit declarations. */
    static Element framework(Document d) {
        Element framework = d.createElementNS("urn:liberty:sb:2006-08", "sbf:Framework");
        framework.setAttributeNS(XMLNS, "xmlns:sbf", "urn:liberty:sb:2006-08");
        framework.setAttributeNS(XMLNS, "xmlns:p2", "urn:liberty:sb:profile");
        framework.setAttributeNS(null, "version", "2.0");
        framework.setAttributeNS("urn:liberty:sb:profile", "p2:profile", "urn:liberty:sb:profile:basic");
        return framework;
    }

    private static String encoded(X509Certificate c) throws CertificateEncodingException {
        return Base64.getEncoder().encodeToString(c.getEncoded());
    }
}
