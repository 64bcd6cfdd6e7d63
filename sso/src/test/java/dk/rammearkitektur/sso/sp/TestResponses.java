package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.Identities;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link TestIdp} for the tests of other packages (the servlet filter's): a service provider trusting the test IdP,
 * and signed, encrypted Responses to its requests for any ACS URL.
 */
public final class TestResponses {
    /** The role the professional of {@link #professional} holds (KLE 32.*, CVR 11111111). */
    public static final String ROLE = "http://fagsystem.example/roles/usersystemrole/sagsbehandler/1";
    /** The SP entity id. */
    public static final String SP_ENTITY = TestIdp.SP_ENTITY;

    private TestResponses() {
    }

    /** A service provider builder with the test IdP's metadata and the test SP keys, for this ACS URL. */
    public static ServiceProvider.Builder serviceProvider(String acs, Clock clock) {
        return ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(acs)
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(ServiceProviderTest.idpMetadata(TestIdp.IDP)).profile(SsoProfile.contextHandlerNsisTest())
                .clock(clock);
    }

    /**
     * {@link #serviceProvider} with single logout at {@code slo}, trusting an IdP whose metadata has Redirect and POST
     * SingleLogoutService endpoints ({@link #IDP_SLO}).
     */
    public static ServiceProvider.Builder serviceProviderWithLogout(String acs, String slo, Clock clock) {
        return serviceProvider(acs, clock).singleLogoutService(slo).idp(LogoutTest.metadata(TestIdp.IDP));
    }

    /** The IdP's Redirect SingleLogoutService URL of {@link #serviceProviderWithLogout}. */
    public static final String IDP_SLO = TestLogoutIdp.IDP_SLO;

    /** The signed LogoutRequest the SP sent in {@code url}, checked with the SP key: its ID and RelayState. */
    public static Map<String, String> readLogoutRequest(String url) {
        TestLogoutIdp.Received r = TestLogoutIdp.readRedirect(url, "SAMLRequest", TestIdp.SP.certificate().getPublicKey());
        return Map.of("ID", r.message().getAttribute("ID"), "RelayState", r.decoded().getOrDefault("RelayState", ""),
                "SessionIndex", r.message().getElementsByTagNameNS(TestIdp.SAMLP, "SessionIndex").item(0)
                        .getTextContent());
    }

    /** A signed Redirect-binding LogoutResponse (raw query) to {@code slo} answering {@code inResponseTo}. */
    public static String logoutResponseQuery(String slo, String inResponseTo, String relayState) {
        TestLogoutIdp idp = new TestLogoutIdp(Instant.now());
        idp.destination = slo;
        idp.inResponseTo = inResponseTo;
        idp.relayState = relayState;
        return idp.redirect("SAMLResponse", idp.response());
    }

    /**
     * A signed IdP-initiated LogoutRequest to {@code slo} for the professional of {@link #answer} and
     * {@code sessionIndex}: the raw query when {@code post} is false, else the base64 form field.
     */
    public static String logoutRequest(String slo, String sessionIndex, boolean post) {
        TestLogoutIdp idp = new TestLogoutIdp(Instant.now());
        idp.destination = slo;
        idp.sessionIndexes = new java.util.ArrayList<>(List.of(sessionIndex));
        return post ? idp.post(idp.request()) : idp.redirect("SAMLRequest", idp.request());
    }

    /** The NSIS Context Handler attributes of a professional of CVR 11111111 with {@link #ROLE}. */
    public static Map<String, List<String>> professional() {
        return ServiceProviderTest.nsisProfessional();
    }

    /**
     * A base64 SAMLResponse answering {@code requestId} at {@code acs}, with the given attributes.
     *
     * @param audience the Audience (the SP entity id for a valid answer)
     */
    public static String answer(String requestId, String acs, Instant now, Map<String, List<String>> attributes,
            String audience) {
        return answer(requestId, acs, now, attributes, audience, null);
    }

    /** As {@link #answer(String, String, Instant, Map, String)}, with the AuthnStatement's SessionNotOnOrAfter. */
    public static String answer(String requestId, String acs, Instant now, Map<String, List<String>> attributes,
            String audience, Instant sessionNotOnOrAfter) {
        TestIdp idp = new TestIdp(requestId, now);
        idp.sessionNotOnOrAfter = sessionNotOnOrAfter;
        idp.destination = acs;
        idp.recipient = acs;
        idp.audience = audience;
        idp.nameId = Identities.PROFESSIONAL_NAME_ID_PREFIX + "1b3f7e2a-55c1-4c8e-9d1b-2f0e4a6b8c91";
        idp.attributes = attributes;
        return idp.samlResponse();
    }
}
