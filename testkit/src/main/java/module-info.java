/**
 * Test support for vendors (a test-scope dependency): the Serviceplatformen and Digital Post simulators on loopback
 * HTTPS, their JUnit 5 extensions, an identity provider simulator (Context Handler, NemLog-in), a throw-away OCES test PKI with an OCSP responder, and jqwik arbitraries for the
 * domain model. Exports its API packages only; the simulators' plumbing in the {@code internal} packages is not
 * exported.
 *
 * <p>The simulators answer from their own code (the JDK's HTTP server, the SDK's hardened XML and signing); they use
 * no client code. The clients appear in the API only as the builders and parameters the extensions hand to tests.
 */
module dk.rammearkitektur.testkit {
    // Types of these modules appear in the testkit's API (model values, signing credentials, client builders,
    // JUnit extensions and annotations, jqwik arbitraries).
    requires transitive dk.rammearkitektur.core;
    requires transitive dk.rammearkitektur.model;
    requires transitive dk.rammearkitektur.signing;
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.clients.serviceplatform;
    requires transitive dk.rammearkitektur.clients.digitalpost;
    requires transitive dk.rammearkitektur.clients.stoettesystemer;
    requires transitive dk.rammearkitektur.sso;
    // Static: the vendor's own JUnit (the extensions) and jqwik (ModelArbitraries only) are used, and a build that
    // uses neither still resolves the testkit.
    requires static transitive org.junit.jupiter.api;
    requires static transitive net.jqwik.api;

    // Implementation only.
    requires jdk.httpserver;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;
    requires org.apache.santuario.xmlsec;

    exports dk.rammearkitektur.testkit.digitalpost;
    exports dk.rammearkitektur.testkit.idp;
    exports dk.rammearkitektur.testkit.junit;
    exports dk.rammearkitektur.testkit.model;
    exports dk.rammearkitektur.testkit.pki;
    exports dk.rammearkitektur.testkit.serviceplatform;
}
