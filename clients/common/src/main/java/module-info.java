/**
 * The foundation of every client: settings and mutual TLS, the one HTTP transport, SOAP 1.1/1.2 envelopes and
 * faults, the STS token clients and cache, and the Beskedfordeler event message. Its API is
 * {@link dk.rammearkitektur.clients.common.StsProtocol} and the package
 * {@link dk.rammearkitektur.clients.common.events}; the implementation package is exported to the SDK's client
 * modules only.
 */
module dk.rammearkitektur.clients.common {
    requires transitive dk.rammearkitektur.core;
    requires transitive dk.rammearkitektur.signing;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // builders take an ObservationRegistry; the API only, a no-op unless the application passes one
    requires transitive micrometer.observation;

    exports dk.rammearkitektur.clients.common;
    exports dk.rammearkitektur.clients.common.events;
    exports dk.rammearkitektur.clients.common.internal to
            dk.rammearkitektur.clients.serviceplatform,
            dk.rammearkitektur.clients.digitalpost,
            dk.rammearkitektur.clients.stoettesystemer,
            dk.rammearkitektur.clients.beskedfordeler;
}
