package dk.rammearkitektur.sso;

import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.sso.internal.IdentityReader;
import java.util.List;
import java.util.Map;

/**
 * Reads who logged in from a verified assertion's subject and attributes. The attribute names of both vocabularies
 * are constants here. OIOSAML 3 names: the NemLog-in integration-test IdP metadata and OIOSAML.Java (see
 * {@code docs/caseworker-login.md}); OIOSAML 2 names: KOMBIT's Context Handler sample and the OIOSAML 2 constants of
 * trifork/unsealed.
 */
public final class Identities {
    /** OIOSAML 3: the specification version ({@code OIO-SAML-3.0}). */
    public static final String SPEC_VERSION = "https://data.gov.dk/model/core/specVersion";
    /** OIOSAML 3: the NSIS level of assurance. */
    public static final String NSIS_LOA = "https://data.gov.dk/concept/core/nsis/loa";
    /** OIOSAML 3: the professional's persistent UUID ({@code urn:uuid:<uuid>} or the bare UUID). */
    public static final String PROFESSIONAL_UUID = "https://data.gov.dk/model/core/eid/professional/uuid/persistent";
    /** OIOSAML 3: the organisation's CVR number. */
    public static final String PROFESSIONAL_CVR = "https://data.gov.dk/model/core/eid/professional/cvr";
    /** OIOSAML 3: the organisation's name. */
    public static final String PROFESSIONAL_ORG_NAME = "https://data.gov.dk/model/core/eid/professional/orgName";
    /** OIOSAML 3: the CPR number. */
    public static final String CPR_NUMBER = "https://data.gov.dk/model/core/eid/cprNumber";
    /** OIOSAML 3: the CPR-UUID. */
    public static final String CPR_UUID = "https://data.gov.dk/model/core/eid/cprUuid";
    /** OIOSAML 3: the first name(s). */
    public static final String FIRST_NAME = "https://data.gov.dk/model/core/eid/firstName";
    /** OIOSAML 3: the last name. */
    public static final String LAST_NAME = "https://data.gov.dk/model/core/eid/lastName";
    /** OIOSAML 3: the full name. */
    public static final String FULL_NAME = "https://data.gov.dk/model/core/eid/fullName";
    /** OIOSAML 3: e-mail addresses (may be several). */
    public static final String EMAIL = "https://data.gov.dk/model/core/eid/email";
    /** OIOSAML 3: the base64 privilege list. */
    public static final String PRIVILEGES = "https://data.gov.dk/model/core/eid/privilegesIntermediate";
    /** OIOSAML 3: the NameID prefix of a professional; the UUID follows. */
    public static final String PROFESSIONAL_NAME_ID_PREFIX = "https://data.gov.dk/model/core/eid/professional/uuid/";
    /** OIOSAML 3: the NameID prefix of a person; the UUID follows. */
    public static final String PERSON_NAME_ID_PREFIX = "https://data.gov.dk/model/core/eid/person/uuid/";

    /** OIOSAML 2: the specification version. */
    public static final String LEGACY_SPEC_VERSION = SamlAssertion.SPEC_VER_ATTRIBUTE;
    /** OIOSAML 2: the assurance level (2 = password, 3 = certificate). */
    public static final String LEGACY_ASSURANCE_LEVEL = "dk:gov:saml:attribute:AssuranceLevel";
    /** OIOSAML 2: the organisation's CVR number. */
    public static final String LEGACY_CVR = SamlAssertion.CVR_ATTRIBUTE;
    /** OIOSAML 2: the CPR number. */
    public static final String LEGACY_CPR = "dk:gov:saml:attribute:CprNumberIdentifier";
    /** OIOSAML 2: the base64 privilege list. */
    public static final String LEGACY_PRIVILEGES = SamlAssertion.PRIVILEGES_ATTRIBUTE;
    /** OIOSAML 2: the common name. */
    public static final String LEGACY_COMMON_NAME = "urn:oid:2.5.4.3";
    /** OIOSAML 2: the surname. */
    public static final String LEGACY_SURNAME = "urn:oid:2.5.4.4";
    /** OIOSAML 2: the e-mail address. */
    public static final String LEGACY_EMAIL = "urn:oid:0.9.2342.19200300.100.1.3";
    /** OIOSAML 2: the organisation's name. */
    public static final String LEGACY_ORG_NAME = "urn:oid:2.5.4.10";
    /** The NameID format of the older Context Handler profile: {@code C=DK,O=<CVR>,CN=<name>,Serial=<uuid>}. */
    public static final String X509_SUBJECT_NAME = SamlAssertion.NAMEID_X509;

    private Identities() {
    }

    /**
     * Reads the identity from an assertion that has already been verified.
     *
     * <p>The vocabulary is OIOSAML 3 when any attribute name starts with {@code https://data.gov.dk/}, else OIOSAML 2.
     * It is a {@link Professional} when the NameID or an attribute is a professional one (OIOSAML 3: the professional
     * NameID prefix, {@link #PROFESSIONAL_CVR}, {@link #PROFESSIONAL_ORG_NAME} or {@link #PROFESSIONAL_UUID}; OIOSAML 2:
     * {@link #LEGACY_CVR} or an X509SubjectName NameID with {@code O=}), else a {@link Citizen}. A professional needs a
     * UUID and a CVR number, and from OIOSAML 3 also the organisation name (OIOSAML.Java's rule); every identity needs
     * {@link #NSIS_LOA} or {@link #LEGACY_ASSURANCE_LEVEL}. Single-valued attributes with several values are refused.
     *
     * @param nameId the Subject's NameID value
     * @param nameIdFormat its Format attribute (may be null or empty)
     * @param attributes attribute name to values, as {@code SamlAssertion.attributes()} gives them
     * @throws dk.rammearkitektur.core.ValidationException naming the attribute (e.g.
     *     {@code attributes[https://data.gov.dk/model/core/eid/professional/cvr]}) or {@code nameId} and the rule broken
     */
    public static UserIdentity fromAttributes(String nameId, String nameIdFormat, Map<String, List<String>> attributes) {
        return IdentityReader.read(nameId, nameIdFormat, attributes);
    }
}
