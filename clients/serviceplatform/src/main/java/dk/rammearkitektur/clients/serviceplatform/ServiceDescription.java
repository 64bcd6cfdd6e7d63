package dk.rammearkitektur.clients.serviceplatform;

import java.net.URI;
import java.util.UUID;

/**
 * Everything the client needs to know about one service on Serviceplatformen: its UUID (for the InvocationContext),
 * its entity id (the STS token's audience, {@code AppliesTo}) and where its endpoint is. Adding a service is one
 * small implementation of this interface plus its contract (XSD) under
 * {@code dk/rammearkitektur/clients/serviceplatform/}.
 */
public interface ServiceDescription {

    /** A short, stable name for logs and configuration, e.g. {@code SF1520}. */
    String id();

    /** The service's UUID on Serviceplatformen ({@code ServiceUUID} in the InvocationContext). */
    UUID serviceUuid();

    /** The service's entity id, the audience a token must be issued for ({@code wsp:AppliesTo}). */
    String entityId();

    /** The endpoint of the service in {@code environment}. */
    URI endpoint(Environment environment);

    /** The classpath location of the contract's main XSD, for schema validation in tests and simulators. */
    String contractResource();
}
