package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.sso.sp.LogoutInstruction;
import dk.rammearkitektur.sso.sp.LogoutResult;
import dk.rammearkitektur.sso.sp.PendingRequest;
import dk.rammearkitektur.sso.sp.PendingRequests;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Consumes LogoutResponses (answers to the SP's LogoutRequests) and IdP-initiated LogoutRequests, over HTTP-Redirect
 * (query signature) or HTTP-POST (enveloped XML signature on the root). The signature is checked before anything
 * else is looked at beyond the root element's name, and before any state changes.
 */
public final class LogoutConsumer {
    private static final String REQ = "LogoutRequest";
    private static final String RES = "LogoutResponse";

    private final String slo;
    private final IdpSignatures idp;
    private final PendingRequests pending;
    private final AssertionIdCache seenRequests;
    private final Clock clock;
    private final Duration skew;
    private final Duration lifetime;

    /**
     * A consumer for the SP's single logout URL {@code slo}; {@code lifetime} is how old an IdP-initiated request
     * may be (by its IssueInstant, plus skew) and how long its ID is remembered.
     */
    public LogoutConsumer(String slo, IdpSignatures idp, PendingRequests pending, AssertionIdCache seenRequests,
            Clock clock, Duration skew, Duration lifetime) {
        this.slo = slo;
        this.idp = idp;
        this.pending = pending;
        this.seenRequests = seenRequests;
        this.clock = clock;
        this.skew = skew;
        this.lifetime = lifetime;
    }

    /** A LogoutResponse received by HTTP-Redirect: the raw query string (still URL-encoded, without {@code ?}). */
    public LogoutResult responseFromRedirect(String rawQuery) {
        return response(redirected(rawQuery, "SAMLResponse", RES), relayState(rawQuery));
    }

    /** A LogoutResponse received by HTTP-POST: the {@code SAMLResponse} and {@code RelayState} form fields. */
    public LogoutResult responseFromPost(String samlResponse, String relayState) {
        return response(posted(samlResponse, "SAMLResponse", RES), relayState);
    }

    /** An IdP-initiated LogoutRequest received by HTTP-Redirect. */
    public LogoutInstruction requestFromRedirect(String rawQuery) {
        return request(redirected(rawQuery, "SAMLRequest", REQ), relayState(rawQuery));
    }

    /** An IdP-initiated LogoutRequest received by HTTP-POST. */
    public LogoutInstruction requestFromPost(String samlRequest, String relayState) {
        return request(posted(samlRequest, "SAMLRequest", REQ), relayState);
    }

    /** The message of a Redirect query, after its query signature verified. */
    private Element redirected(String rawQuery, String param, String path) {
        return SamlDom.parseMessage(utf8(idp.verifyQuery(required(rawQuery, "query"), param)), param, path);
    }

    /** The message of a POSTed form field, after its enveloped signature verified. */
    private Element posted(String field, String param, String path) {
        Element root = SamlDom.parsePosted(field, param, path);
        idp.verifyEnveloped(root, path);
        return root;
    }

    private LogoutResult response(Element root, String relayState) {
        Instant now = clock.instant();
        common(root, RES);
        String inResponseTo = SamlDom.attribute(root, "InResponseTo", RES, SsoRefusedException.IN_RESPONSE_TO);
        PendingRequest request = pending.take(inResponseTo).orElseThrow(() -> new SsoRefusedException(
                SsoRefusedException.IN_RESPONSE_TO, RES + "@InResponseTo: names no pending logout request (unknown or used)"));
        if (now.isAfter(request.expiresAt())) {
            throw new SsoRefusedException(SsoRefusedException.IN_RESPONSE_TO,
                    RES + "@InResponseTo: the logout request expired at " + request.expiresAt());
        }
        if (!request.relayState().equals(relayState)) {
            throw new SsoRefusedException(SsoRefusedException.IN_RESPONSE_TO,
                    "RelayState: is not the one sent with the logout request named by InResponseTo");
        }
        List<String> codes = SamlDom.statusCodes(root, RES);
        if (!SamlDom.SUCCESS.equals(codes.get(0))) {
            throw new SsoRefusedException(SsoRefusedException.STATUS,
                    RES + ".Status.StatusCode@Value: is not Success but " + String.join(" / ", codes), codes, null);
        }
        return new LogoutResult(request, codes);
    }

    private LogoutInstruction request(Element root, String relayState) {
        Instant now = clock.instant();
        String m = SsoRefusedException.MALFORMED;
        String id = SamlDom.attribute(root, "ID", REQ, m);
        common(root, REQ);
        String t = SsoRefusedException.MESSAGE_TIME;
        Instant issued = SamlDom.time(root, "IssueInstant", REQ, true, m);
        if (issued.isAfter(now.plus(skew))) {
            throw new SsoRefusedException(t, REQ + "@IssueInstant: lies in the future (beyond the clock skew)");
        }
        if (issued.plus(lifetime).plus(skew).isBefore(now)) {
            throw new SsoRefusedException(t, REQ + "@IssueInstant: is older than " + lifetime.toMinutes() + " minutes");
        }
        Instant notOnOrAfter = SamlDom.time(root, "NotOnOrAfter", REQ, false, m);
        if (notOnOrAfter != null && !now.minus(skew).isBefore(notOnOrAfter)) {
            throw new SsoRefusedException(t, REQ + "@NotOnOrAfter: the request has expired");
        }
        if (!SamlDom.children(root, SamlDom.SAML, "EncryptedID").isEmpty()) {
            throw new SsoRefusedException(m, REQ + ".EncryptedID: is not supported, a plain NameID is required");
        }
        Element nameId = SamlDom.one(root, SamlDom.SAML, "NameID", REQ, m);
        String value = SamlDom.text(nameId);
        if (value.isEmpty()) {
            throw new SsoRefusedException(m, REQ + ".NameID: must not be empty");
        }
        List<String> sessions = new ArrayList<>();
        for (Element s : SamlDom.children(root, SamlDom.SAMLP, "SessionIndex")) {
            String v = SamlDom.text(s);
            if (v.isEmpty()) {
                throw new SsoRefusedException(m, REQ + ".SessionIndex: must not be empty");
            }
            sessions.add(v);
        }
        Instant remember = issued.plus(lifetime).plus(skew);
        if (notOnOrAfter != null && notOnOrAfter.plus(skew).isAfter(remember)) {
            remember = notOnOrAfter.plus(skew);
        }
        if (!seenRequests.firstUse(id, remember, now)) {
            throw new SsoRefusedException(SsoRefusedException.REPLAY, REQ + "@ID: was received before (replay)");
        }
        return new LogoutInstruction(id, value, nameId.getAttribute("Format"), nameId.getAttribute("NameQualifier"),
                nameId.getAttribute("SPNameQualifier"), sessions, relayState);
    }

    /** Version, Destination and Issuer, shared by both message kinds. */
    private void common(Element root, String path) {
        if (!"2.0".equals(root.getAttribute("Version"))) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, path + "@Version: must be 2.0");
        }
        String destination = SamlDom.attribute(root, "Destination", path, SsoRefusedException.DESTINATION);
        if (!destination.equals(slo)) {
            throw new SsoRefusedException(SsoRefusedException.DESTINATION,
                    path + "@Destination: must be the service provider's single logout URL");
        }
        SamlDom.checkIssuer(SamlDom.one(root, SamlDom.SAML, "Issuer", path, SsoRefusedException.ISSUER), path + ".Issuer",
                idp.metadata().entityId());
    }

    private static String required(String value, String path) {
        if (value == null || value.isBlank()) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, path + ": is required");
        }
        return value;
    }

    private static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The URL-decoded RelayState of a raw query, or null. */
    private static String relayState(String rawQuery) {
        for (String pair : rawQuery.split("&", 20)) {
            if (pair.startsWith("RelayState=")) {
                return URLDecoder.decode(pair.substring("RelayState=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
