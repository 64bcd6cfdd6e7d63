package dk.rammearkitektur.clients.common.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import org.w3c.dom.Document;
import java.time.Duration;
import dk.rammearkitektur.core.ServiceCall;

/**
 * The STS's REST issue endpoint: a JSON request (TokenType, RequestType, KeyType, AnvenderKontekst.Cvr, UseKey,
 * AppliesTo) over mutual TLS; the reply's {@code RequestedSecurityToken.Assertion} holds the SAML assertion
 * (Base64 of the XML, as public clients decode it; raw XML is accepted too), parsed with SecureXml and verified. The
 * token keeps the {@code Assertion} string exactly as received, for services that want it forwarded unchanged.
 */
public final class RestStsClient implements StsClient {
    static final String TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";
    static final String ISSUE = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue";
    static final String PUBLIC_KEY = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpTransport http;
    private final String useKey;
    private final TokenVerification verification;

    /** Creates the client without a proxy. */
    public RestStsClient(URI endpoint, KeyMaterial keys, Timeouts timeouts, TokenVerificationSettings settings) {
        this(endpoint, keys, timeouts, null, settings);
    }

    /** Creates the client with a transport of its own, tunnelling through {@code proxy} when it is not null. */
    public RestStsClient(URI endpoint, KeyMaterial keys, Timeouts timeouts, java.net.InetSocketAddress proxy,
            TokenVerificationSettings settings) {
        this(endpoint, keys, new HttpTransport(keys, timeouts, proxy, Integer.MAX_VALUE), settings);
    }

    /** Creates the client on the calling client's {@code http} transport (its timeouts apply), which it never closes. */
    public RestStsClient(URI endpoint, KeyMaterial keys, HttpTransport http, TokenVerificationSettings settings) {
        this.endpoint = endpoint;
        this.http = http;
        this.useKey = encode(keys.certificate());
        this.verification = settings.verification(keys.certificate());
    }

    @Override
    public IssuedToken issue(String entityId, String cvr, String correlationId) {
        ObjectNode req = JSON.createObjectNode();
        req.put("TokenType", TOKEN_TYPE);
        req.put("RequestType", ISSUE);
        req.put("KeyType", PUBLIC_KEY);
        req.putObject("AnvenderKontekst").put("Cvr", cvr);
        req.put("UseKey", useKey);
        req.putObject("AppliesTo").putObject("EndpointReference").put("Address", entityId);
        req.putNull("OnBehalfOf");
        Timeouts timeouts = http.timeouts();
        Duration timeout = timeouts.read().compareTo(timeouts.total()) < 0 ? timeouts.read() : timeouts.total();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .header("x-TransaktionsId", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(req.toString(), StandardCharsets.UTF_8)).build();
        ServiceCall call = ServiceCall.read("STS", "Issue", correlationId);
        HttpTransport.Reply res = http.send(call, request, timeout);
        JsonNode body;
        try {
            body = JSON.readTree(res.body());
        } catch (IOException e) {
            if (res.status() >= 400) {
                throw new HttpStatusException(call, res.status(), e);
            }
            throw new MalformedReplyException(call, "STS reply is not JSON", e);
        }
        if (res.status() >= 400 || body == null || body.hasNonNull("error")) {
            if (body != null && body.hasNonNull("error")) {
                throw new StsRefusedException(call, body.path("error").asText(),
                        body.path("error_description").asText(null), res.status(), null);
            }
            throw new HttpStatusException(call, res.status(), null);
        }
        String assertion = body.path("RequestedSecurityToken").path("Assertion").asText(null);
        if (assertion == null) {
            throw new MalformedReplyException(call, "STS reply lacks RequestedSecurityToken.Assertion", null);
        }
        Document doc;
        try {
            doc = SecureXml.parse(assertionXml(assertion));
        } catch (ReplyShapeException e) {
            throw e.forCall(call);
        } catch (RammearkitekturException e) {
            throw new MalformedReplyException(call, "STS assertion is not acceptable XML: " + e.getMessage(), e);
        }
        try {
            return verification.verify(doc.getDocumentElement(), entityId).withReceived(assertion);
        } catch (ReplyShapeException e) {
            throw e.forCall(call);
        }
    }

    /**
     * The assertion as XML text: the REST STS is seen both with the XML itself and with it Base64-encoded (as public
     * clients decode it), so text that does not start with {@code <} is decoded first.
     */
    static String assertionXml(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("<")) {
            return trimmed;
        }
        try {
            return new String(Base64.getDecoder().decode(trimmed.replaceAll("\\s", "")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ReplyShapeException("STS assertion is neither XML nor Base64-encoded XML", e);
        }
    }

    static String encode(java.security.cert.X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
