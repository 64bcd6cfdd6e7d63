package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.LevelOfAssurance;
import java.util.List;
import java.util.Optional;

/**
 * What a federation expects of the service provider: the identity provider's entity id and metadata URL (informative;
 * the entity id that counts is the one in the {@link IdpMetadata} given to the {@link ServiceProvider}), the NameID
 * format to ask for, the attributes to request in the SP metadata, the specVersion the assertion must carry, the
 * level of assurance asked for when a login names none, and whether a legacy OIOSAML 2 AssuranceLevel may stand in
 * for an NSIS level. Every preset is overridable with the {@code with...} methods.
 *
 * <p>Sources of the preset values: the Context Handler's metadata URLs and entity ids from ITfoxtec/FoxIDs
 * {@code docs/howto-saml-2.0-context-handler.md} and OS2faktor {@code KombitConfiguration.java}; the NSIS attribute
 * set from FoxIDs; NemLog-in's test entity id and SSO URL from the NemLog-in integration-test IdP metadata (ITfoxtec
 * {@code oio_saml_3_integrationstest-idp-metadata.xml}); the specVersion value {@code OIO-SAML-3.0} from the same.
 * The default minimum level (Substantial for NSIS profiles) and the legacy-level rule are the SDK's choices.
 *
 * @param name a short name for logs
 * @param idpEntityId the identity provider's entity id, when known (may be null)
 * @param idpMetadataUrl where the identity provider publishes its metadata, when known (may be null)
 * @param nameIdFormat the NameIDPolicy Format to ask for
 * @param specVersion the required {@code https://data.gov.dk/model/core/specVersion} value, or null for none
 * @param requestedAttributes the attribute names (URI format) listed in the SP metadata
 * @param defaultMinimumLevel the level asked for when {@link LoginOptions} names none (may be null)
 * @param acceptLegacyAssuranceLevel whether an OIOSAML 2 AssuranceLevel may meet a requested NSIS level
 */
public record SsoProfile(String name, String idpEntityId, String idpMetadataUrl, String nameIdFormat,
        String specVersion, List<String> requestedAttributes, LevelOfAssurance defaultMinimumLevel,
        boolean acceptLegacyAssuranceLevel) {
    /** The persistent NameID format. */
    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    /** The OIOSAML 3 specVersion value. */
    public static final String OIOSAML3 = "OIO-SAML-3.0";

    private static final String CH_TEST_METADATA =
            "https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/saml2/metadata.idp";
    private static final String CH_PROD_METADATA =
            "https://n2adgangsstyring.stoettesystemerne.dk/runtime/saml2/metadata.idp";
    private static final String CH_TEST_ENTITY = "https://saml.n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime";
    private static final String CH_PROD_ENTITY = "https://saml.n2adgangsstyring.stoettesystemerne.dk/runtime";
    private static final List<String> NSIS_PROFESSIONAL = List.of(Identities.SPEC_VERSION, Identities.NSIS_LOA,
            Identities.PROFESSIONAL_CVR, Identities.PROFESSIONAL_ORG_NAME, Identities.CPR_NUMBER, Identities.EMAIL,
            Identities.FIRST_NAME, Identities.LAST_NAME, Identities.PRIVILEGES);
    private static final List<String> OIOSAML2_PROFESSIONAL = List.of(Identities.LEGACY_SPEC_VERSION,
            Identities.LEGACY_ASSURANCE_LEVEL, Identities.LEGACY_CVR, Identities.LEGACY_PRIVILEGES);
    private static final List<String> NEMLOGIN = List.of(Identities.SPEC_VERSION, Identities.NSIS_LOA,
            Identities.CPR_NUMBER, Identities.FIRST_NAME, Identities.LAST_NAME, Identities.FULL_NAME,
            Identities.PROFESSIONAL_CVR, Identities.PROFESSIONAL_ORG_NAME, Identities.PROFESSIONAL_UUID);

    /** Checks the components. */
    public SsoProfile {
        Checks.required(name, "name");
        Checks.required(nameIdFormat, "nameIdFormat");
        requestedAttributes = List.copyOf(requestedAttributes);
    }

    /** The Context Handler with NSIS (OIOSAML 3 attributes, persistent NameID), external test environment. */
    public static SsoProfile contextHandlerNsisTest() {
        return new SsoProfile("context-handler-nsis-test", CH_TEST_ENTITY, CH_TEST_METADATA, PERSISTENT, OIOSAML3,
                NSIS_PROFESSIONAL, LevelOfAssurance.SUBSTANTIAL, false);
    }

    /** The Context Handler with NSIS, production. */
    public static SsoProfile contextHandlerNsisProduction() {
        return new SsoProfile("context-handler-nsis", CH_PROD_ENTITY, CH_PROD_METADATA, PERSISTENT, OIOSAML3,
                NSIS_PROFESSIONAL, LevelOfAssurance.SUBSTANTIAL, false);
    }

    /**
     * The Context Handler's older OIOSAML 2 profile ({@code dk:gov:saml:attribute:*} names, X509SubjectName NameID,
     * AssuranceLevel instead of an NSIS level), external test environment.
     */
    public static SsoProfile contextHandlerOiosaml2Test() {
        return new SsoProfile("context-handler-oiosaml2-test", CH_TEST_ENTITY, CH_TEST_METADATA,
                Identities.X509_SUBJECT_NAME, null, OIOSAML2_PROFESSIONAL, null, true);
    }

    /** The Context Handler's older OIOSAML 2 profile, production. */
    public static SsoProfile contextHandlerOiosaml2Production() {
        return new SsoProfile("context-handler-oiosaml2", CH_PROD_ENTITY, CH_PROD_METADATA, Identities.X509_SUBJECT_NAME,
                null, OIOSAML2_PROFESSIONAL, null, true);
    }

    /** NemLog-in (OIOSAML 3), the integration-test environment: entity id {@code https://saml.test-nemlog-in.dk/}. */
    public static SsoProfile nemLoginTest() {
        return new SsoProfile("nemlogin-test", "https://saml.test-nemlog-in.dk/", null, PERSISTENT, OIOSAML3, NEMLOGIN,
                LevelOfAssurance.SUBSTANTIAL, false);
    }

    /**
     * NemLog-in (OIOSAML 3), production. The production entity id and metadata URL are not preset (the SDK's research
     * did not confirm them): they come from the metadata the operator installs.
     */
    public static SsoProfile nemLoginProduction() {
        return new SsoProfile("nemlogin", null, null, PERSISTENT, OIOSAML3, NEMLOGIN, LevelOfAssurance.SUBSTANTIAL, false);
    }

    /** The SingleSignOnService URL of the NemLog-in integration-test IdP (HTTP-Redirect). */
    public static String nemLoginTestSsoUrl() {
        return "https://login.test-nemlog-in.dk/idp/saml/3.0/";
    }

    /** The identity provider's entity id, if the profile names one. */
    public Optional<String> idpEntity() {
        return Optional.ofNullable(idpEntityId);
    }

    /** This profile with another default minimum level (null: none). */
    public SsoProfile withDefaultMinimumLevel(LevelOfAssurance level) {
        return new SsoProfile(name, idpEntityId, idpMetadataUrl, nameIdFormat, specVersion, requestedAttributes, level,
                acceptLegacyAssuranceLevel);
    }

    /** This profile with other requested attributes. */
    public SsoProfile withRequestedAttributes(List<String> attributes) {
        return new SsoProfile(name, idpEntityId, idpMetadataUrl, nameIdFormat, specVersion, attributes,
                defaultMinimumLevel, acceptLegacyAssuranceLevel);
    }

    /** This profile with another identity provider entity id and metadata URL. */
    public SsoProfile withIdp(String entityId, String metadataUrl) {
        return new SsoProfile(name, entityId, metadataUrl, nameIdFormat, specVersion, requestedAttributes,
                defaultMinimumLevel, acceptLegacyAssuranceLevel);
    }
}
