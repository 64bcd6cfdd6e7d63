package dk.rammearkitektur.testkit.idp;

/**
 * Which identity provider the simulator plays. The attribute names and NameID shapes follow the research note on the
 * Context Handler (sources there); where no source fixes a value, the choice is the simulator's own and is said so.
 */
public enum IdpProfile {
    /** KOMBIT's Context Handler with NSIS: OIOSAML 3 attribute names, persistent NameID. */
    CONTEXT_HANDLER_NSIS("https://saml.n2adgangsstyring.simulator.test/runtime"),
    /** KOMBIT's older Context Handler profile: {@code dk:gov:saml:attribute:*} names, X509SubjectName NameID. */
    CONTEXT_HANDLER_OIOSAML2("https://saml.adgangsstyring.simulator.test"),
    /** NemLog-in (OIOSAML 3): citizens and professionals, persistent NameID. */
    NEMLOGIN("https://saml.nemlog-in.simulator.test/");

    private final String defaultEntityId;

    IdpProfile(String defaultEntityId) {
        this.defaultEntityId = defaultEntityId;
    }

    /** The entity ID the simulator uses unless the builder sets another (a made-up one, starting {@code https://saml.}). */
    public String defaultEntityId() {
        return defaultEntityId;
    }

    /** Whether the profile uses the OIOSAML 3 attribute vocabulary ({@code https://data.gov.dk/...}). */
    public boolean oiosaml3() {
        return this != CONTEXT_HANDLER_OIOSAML2;
    }
}
