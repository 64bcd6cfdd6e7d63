package dk.rammearkitektur.clients.serviceplatform.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rammearkitektur.clients.serviceplatform.CallTimeoutException;
import dk.rammearkitektur.clients.serviceplatform.ConnectionFailedException;
import dk.rammearkitektur.clients.serviceplatform.HttpStatusException;
import dk.rammearkitektur.clients.serviceplatform.MalformedReplyException;
import dk.rammearkitektur.clients.serviceplatform.StsFaultException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.w3c.dom.Document;

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
    private final HttpClient http;
    private final Timeouts timeouts;
    private final String useKey;
    private final TokenVerification verification;

    /** Creates the client without a proxy. */
    public RestStsClient(URI endpoint, KeyMaterial keys, Timeouts timeouts, TokenVerificationSettings settings) {
        this(endpoint, keys, timeouts, null, settings);
    }

    /** Creates the client, tunnelling through {@code proxy} when it is not null. */
    public RestStsClient(URI endpoint, KeyMaterial keys, Timeouts timeouts, java.net.InetSocketAddress proxy,
            TokenVerificationSettings settings) {
        this.endpoint = endpoint;
        this.timeouts = timeouts;
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys.keyManagers(), keys.trustManagers(), null);
            HttpClient.Builder hb = HttpClient.newBuilder().sslContext(ctx).connectTimeout(timeouts.connect())
                    .version(HttpClient.Version.HTTP_1_1);
            if (proxy != null) {
                hb.proxy(java.net.ProxySelector.of(proxy));
            }
            this.http = hb.build();
            this.useKey = Base64.getEncoder().encodeToString(keys.certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the STS", e);
        }
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
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeouts.read().compareTo(timeouts.total()) < 0 ? timeouts.read() : timeouts.total())
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .header("x-TransaktionsId", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(req.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> res;
        try {
            res = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new CallTimeoutException("STS connect timeout (correlation id " + correlationId + ")", false, e);
        } catch (HttpTimeoutException e) {
            throw new CallTimeoutException("STS read timeout (correlation id " + correlationId + ")", true, e);
        } catch (ConnectException e) {
            throw new ConnectionFailedException("STS connection refused (correlation id " + correlationId + ")", false, e);
        } catch (IOException e) {
            throw new ConnectionFailedException("STS connection failed (correlation id " + correlationId + "): "
                    + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallTimeoutException("interrupted while waiting for the STS", true, e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(res.body());
        } catch (IOException e) {
            if (res.statusCode() >= 400) {
                throw new HttpStatusException(res.statusCode(), correlationId, e);
            }
            throw new MalformedReplyException("STS reply is not JSON (correlation id " + correlationId + ")", e);
        }
        if (res.statusCode() >= 400 || body == null || body.hasNonNull("error")) {
            if (body != null && body.hasNonNull("error")) {
                throw new StsFaultException(body.path("error").asText(), body.path("error_description").asText(null),
                        correlationId);
            }
            throw new HttpStatusException(res.statusCode(), correlationId, null);
        }
        String assertion = body.path("RequestedSecurityToken").path("Assertion").asText(null);
        if (assertion == null) {
            throw new MalformedReplyException("STS reply lacks RequestedSecurityToken.Assertion (correlation id "
                    + correlationId + ")", null);
        }
        Document doc;
        try {
            doc = SecureXml.parse(assertionXml(assertion));
        } catch (RammearkitekturException e) {
            throw new MalformedReplyException("STS assertion is not acceptable XML: " + e.getMessage(), e);
        }
        return verification.verify(doc.getDocumentElement(), entityId).withReceived(assertion);
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
            throw new MalformedReplyException("STS assertion is neither XML nor Base64-encoded XML", e);
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
