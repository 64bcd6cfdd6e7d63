/**
 * Logging people in, first slice: the OIO basic privilege profile (the rights a Context Handler or NemLog-in assertion
 * carries) with the access question a fagsystem asks, and typed identities from SAML attributes. Exports its API
 * packages only.
 */
module dk.rammearkitektur.sso {
    requires transitive dk.rammearkitektur.core;
    requires transitive dk.rammearkitektur.model;

    exports dk.rammearkitektur.sso;
    exports dk.rammearkitektur.sso.privileges;
}
