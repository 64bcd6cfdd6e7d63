/**
 * Logging people in: a SAML 2.0 service provider without OpenSAML for the Context Handler and NemLog-in (package
 * {@code sp}) with a Jakarta Servlet filter (package {@code servlet}, when the Servlet API is present), the OIO basic
 * privilege profile (the rights a Context Handler or NemLog-in assertion carries) with the access question a fagsystem asks, and typed identities from SAML attributes. Exports its API packages only.
 */
module dk.rammearkitektur.sso {
    requires transitive dk.rammearkitektur.core;
    requires transitive dk.rammearkitektur.model;
    requires transitive dk.rammearkitektur.signing;
    requires java.net.http;
    requires org.apache.santuario.xmlsec;
    requires org.slf4j;
    // Only the servlet filter (package servlet) needs it; the web container provides it.
    requires static jakarta.servlet;

    exports dk.rammearkitektur.sso;
    exports dk.rammearkitektur.sso.privileges;
    exports dk.rammearkitektur.sso.sp;
    exports dk.rammearkitektur.sso.servlet;
}
