package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.UserIdentity;
import dk.rammearkitektur.sso.sp.PendingRequest;
import dk.rammearkitektur.sso.sp.PendingRequests;
import dk.rammearkitektur.sso.sp.SsoLogin;
import dk.rammearkitektur.sso.sp.SsoProfile;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** Consumes a Response from the HTTP-POST binding: every check of {@code ServiceProvider.consume}, in order. */
public final class ResponseConsumer {
    private static final String R = "Response";
    private static final String A = "Assertion";

    private final String entityId;
    private final String acs;
    private final IdpSignatures idp;
    private final SsoProfile profile;
    private final List<SigningCredential> keys;
    private final Clock clock;
    private final Duration skew;
    private final PendingRequests pending;
    private final AssertionIdCache replay;
    private final boolean allowUnencrypted;

    /** A consumer for one service provider configuration. */
    public ResponseConsumer(String entityId, String acs, IdpSignatures idp, SsoProfile profile,
            List<SigningCredential> keys, Clock clock, Duration skew, PendingRequests pending, AssertionIdCache replay,
            boolean allowUnencrypted) {
        this.entityId = entityId;
        this.acs = acs;
        this.idp = idp;
        this.profile = profile;
        this.keys = List.copyOf(keys);
        this.clock = clock;
        this.skew = skew;
        this.pending = pending;
        this.replay = replay;
        this.allowUnencrypted = allowUnencrypted;
    }

    /** Consumes the POSTed form fields. */
    public SsoLogin consume(String samlResponse, String relayState) {
        Element response = parse(samlResponse);
        if (!SamlDom.children(response, SamlDom.DS, "Signature").isEmpty()) {
            // optional in the profiles (research note §5, step 5), but when present it must verify and cover exactly
            // the Response; checked before the pending request is taken, so a forged Response cannot use it up
            idp.verifyEnveloped(response, R);
        }
        Instant now = clock.instant();
        String destination = SamlDom.attribute(response, "Destination", R, SsoRefusedException.DESTINATION);
        if (!destination.equals(acs)) {
            throw new SsoRefusedException(SsoRefusedException.DESTINATION,
                    "Response@Destination: must be the assertion consumer service URL");
        }
        String inResponseTo = SamlDom.attribute(response, "InResponseTo", R, SsoRefusedException.IN_RESPONSE_TO);
        PendingRequest request = pending.take(inResponseTo).orElseThrow(() -> new SsoRefusedException(
                SsoRefusedException.IN_RESPONSE_TO, "Response@InResponseTo: names no pending request (unknown or used)"));
        if (now.isAfter(request.expiresAt())) {
            throw new SsoRefusedException(SsoRefusedException.IN_RESPONSE_TO,
                    "Response@InResponseTo: the request expired at " + request.expiresAt());
        }
        if (!request.relayState().equals(relayState)) {
            throw new SsoRefusedException(SsoRefusedException.IN_RESPONSE_TO,
                    "RelayState: is not the one sent with the request named by InResponseTo");
        }
        Element responseIssuer = SamlDom.optional(response, SamlDom.SAML, "Issuer", R);
        if (responseIssuer != null) {
            checkIssuer(responseIssuer, R + ".Issuer");
        }
        checkStatus(response);
        List<Element> encrypted = SamlDom.children(response, SamlDom.SAML, "EncryptedAssertion");
        boolean unauthenticated = encrypted.size() == 1 && AssertionDecrypter.unauthenticated(encrypted.get(0));
        Element assertion = assertion(response, encrypted);
        try {
            verifySignature(assertion);
        } catch (SsoRefusedException e) {
            if (unauthenticated) {
                // AES-CBC: until the signature verifies, the plaintext is unauthenticated; a distinct refusal would
                // tell well-formed from malformed plaintext (a decryption oracle).
                throw new SsoRefusedException(SsoRefusedException.DECRYPTION, AssertionDecrypter.FAILURE);
            }
            throw e;
        }
        return checkAssertion(assertion, request, now);
    }

    private Element parse(String samlResponse) {
        Element root = SamlDom.parsePosted(samlResponse, "SAMLResponse", R);
        if (!"2.0".equals(root.getAttribute("Version"))) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, "Response@Version: must be 2.0");
        }
        return root;
    }

    private void checkIssuer(Element issuer, String path) {
        SamlDom.checkIssuer(issuer, path, idp.metadata().entityId());
    }

    private static void checkStatus(Element response) {
        List<String> codes = SamlDom.statusCodes(response, R);
        if (!SamlDom.SUCCESS.equals(codes.get(0))) {
            throw new SsoRefusedException(SsoRefusedException.STATUS,
                    "Response.Status.StatusCode@Value: is not Success but " + String.join(" / ", codes), codes, null);
        }
    }

    private Element assertion(Element response, List<Element> encrypted) {
        int plain = response.getElementsByTagNameNS(SamlDom.SAML, A).getLength();
        if (encrypted.size() == 1 && plain == 0) {
            return AssertionDecrypter.decrypt(encrypted.get(0), keys);
        }
        if (encrypted.isEmpty() && plain == 1 && allowUnencrypted) {
            return SamlDom.one(response, SamlDom.SAML, A, R, SsoRefusedException.ASSERTION_COUNT);
        }
        if (encrypted.isEmpty() && plain == 1) {
            throw new SsoRefusedException(SsoRefusedException.ASSERTION_COUNT,
                    "Response.Assertion: an unencrypted assertion is refused, exactly one EncryptedAssertion is required");
        }
        throw new SsoRefusedException(SsoRefusedException.ASSERTION_COUNT, "Response: exactly one "
                + (allowUnencrypted ? "EncryptedAssertion or Assertion" : "EncryptedAssertion and no Assertion")
                + " is required, found " + encrypted.size() + " encrypted and " + plain + " plain");
    }

    private void verifySignature(Element assertion) {
        idp.verifyEnveloped(assertion, A);
    }

    private SsoLogin checkAssertion(Element a, PendingRequest request, Instant now) {
        String m = SsoRefusedException.MALFORMED;
        if (!"2.0".equals(a.getAttribute("Version"))) {
            throw new SsoRefusedException(m, "Assertion@Version: must be 2.0");
        }
        String id = SamlDom.attribute(a, "ID", A, m);
        checkIssuer(SamlDom.one(a, SamlDom.SAML, "Issuer", A, SsoRefusedException.ISSUER), A + ".Issuer");
        Element subject = SamlDom.one(a, SamlDom.SAML, "Subject", A, m);
        Element nameId = SamlDom.one(subject, SamlDom.SAML, "NameID", A + ".Subject", m);
        String nameIdValue = SamlDom.text(nameId);
        if (nameIdValue.isEmpty()) {
            throw new SsoRefusedException(m, "Assertion.Subject.NameID: must not be empty");
        }
        checkBearer(subject, request, now);
        Element conditions = SamlDom.one(a, SamlDom.SAML, "Conditions", A, SsoRefusedException.CONDITIONS);
        String c = A + ".Conditions";
        Instant notBefore = SamlDom.time(conditions, "NotBefore", c, false, SsoRefusedException.CONDITIONS);
        Instant notOnOrAfter = SamlDom.time(conditions, "NotOnOrAfter", c, true, SsoRefusedException.CONDITIONS);
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            throw new SsoRefusedException(SsoRefusedException.CONDITIONS, c + "@NotBefore: the assertion is not yet valid");
        }
        if (!now.minus(skew).isBefore(notOnOrAfter)) {
            throw new SsoRefusedException(SsoRefusedException.CONDITIONS, c + "@NotOnOrAfter: the assertion has expired");
        }
        List<Element> restrictions = SamlDom.children(conditions, SamlDom.SAML, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SsoRefusedException(SsoRefusedException.AUDIENCE, c + ".AudienceRestriction: is required");
        }
        for (Element r : restrictions) {
            boolean found = false;
            for (Element aud : SamlDom.children(r, SamlDom.SAML, "Audience")) {
                found |= entityId.equals(SamlDom.text(aud));
            }
            if (!found) {
                throw new SsoRefusedException(SsoRefusedException.AUDIENCE,
                        c + ".AudienceRestriction.Audience: must name the service provider's entity id");
            }
        }
        Element authn = SamlDom.one(a, SamlDom.SAML, "AuthnStatement", A, SsoRefusedException.STATEMENTS);
        String sessionIndex = SamlDom.attribute(authn, "SessionIndex", A + ".AuthnStatement", SsoRefusedException.STATEMENTS);
        Instant sessionEnd = SamlDom.time(authn, "SessionNotOnOrAfter", A + ".AuthnStatement", false,
                SsoRefusedException.STATEMENTS);
        if (sessionEnd != null && !now.minus(skew).isBefore(sessionEnd)) {
            throw new SsoRefusedException(SsoRefusedException.CONDITIONS,
                    A + ".AuthnStatement@SessionNotOnOrAfter: the session has ended");
        }
        Element statement = SamlDom.one(a, SamlDom.SAML, "AttributeStatement", A, SsoRefusedException.STATEMENTS);
        Map<String, List<String>> attributes = attributes(statement);
        if (profile.specVersion() != null
                && !List.of(profile.specVersion()).equals(attributes.get(Identities.SPEC_VERSION))) {
            throw new SsoRefusedException(SsoRefusedException.SPEC_VERSION, A + ".AttributeStatement["
                    + Identities.SPEC_VERSION + "]: must be " + profile.specVersion());
        }
        UserIdentity identity;
        try {
            identity = Identities.fromAttributes(nameIdValue, nameId.getAttribute("Format"), attributes);
        } catch (RammearkitekturException e) {
            throw new SsoRefusedException(SsoRefusedException.IDENTITY, A + ".AttributeStatement: " + e.getMessage(), e);
        }
        checkLevel(identity, request);
        if (!replay.firstUse(id, notOnOrAfter.plus(skew), now)) {
            throw new SsoRefusedException(SsoRefusedException.REPLAY, "Assertion@ID: was used before (replay)");
        }
        return new SsoLogin(identity, nameIdValue, nameId.getAttribute("Format"), sessionIndex,
                Optional.ofNullable(sessionEnd), id, notOnOrAfter, request);
    }

    private void checkBearer(Element subject, PendingRequest request, Instant now) {
        String s = SsoRefusedException.SUBJECT_CONFIRMATION;
        String path = A + ".Subject.SubjectConfirmation";
        SsoRefusedException last = new SsoRefusedException(s, path + "@Method: a bearer confirmation is required");
        for (Element sc : SamlDom.children(subject, SamlDom.SAML, "SubjectConfirmation")) {
            if (!SamlDom.BEARER.equals(sc.getAttribute("Method"))) {
                continue;
            }
            try {
                Element data = SamlDom.one(sc, SamlDom.SAML, "SubjectConfirmationData", path, s);
                String d = path + ".SubjectConfirmationData";
                if (!acs.equals(SamlDom.attribute(data, "Recipient", d, s))) {
                    throw new SsoRefusedException(s, d + "@Recipient: must be the assertion consumer service URL");
                }
                Instant noa = SamlDom.time(data, "NotOnOrAfter", d, true, s);
                if (!now.minus(skew).isBefore(noa)) {
                    throw new SsoRefusedException(s, d + "@NotOnOrAfter: the confirmation has expired");
                }
                if (!request.id().equals(SamlDom.attribute(data, "InResponseTo", d, s))) {
                    throw new SsoRefusedException(s, d + "@InResponseTo: must be the request's ID");
                }
                return;
            } catch (SsoRefusedException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Map<String, List<String>> attributes(Element statement) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element attr : SamlDom.children(statement, SamlDom.SAML, "Attribute")) {
            String name = SamlDom.attribute(attr, "Name", A + ".AttributeStatement.Attribute",
                    SsoRefusedException.MALFORMED);
            List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>());
            for (Element v : SamlDom.children(attr, SamlDom.SAML, "AttributeValue")) {
                String text = SamlDom.text(v);
                if (!text.isEmpty()) {
                    values.add(text);
                }
            }
        }
        return out;
    }

    private void checkLevel(UserIdentity identity, PendingRequest request) {
        LevelOfAssurance required = request.minimumLevel();
        if (required == null) {
            return;
        }
        Optional<LevelOfAssurance> got = identity.levelOfAssurance();
        if (got.isPresent()) {
            if (!got.get().isAtLeast(required)) {
                throw new SsoRefusedException(SsoRefusedException.LEVEL_OF_ASSURANCE, A + ".AttributeStatement["
                        + Identities.NSIS_LOA + "]: " + got.get().value() + " is below the requested " + required.value());
            }
            return;
        }
        if (!profile.acceptLegacyAssuranceLevel() || identity.assuranceLevel() < required.legacyAssuranceLevel()) {
            throw new SsoRefusedException(SsoRefusedException.LEVEL_OF_ASSURANCE, A + ".AttributeStatement["
                    + Identities.NSIS_LOA + "]: no NSIS level that meets the requested " + required.value());
        }
    }
}
