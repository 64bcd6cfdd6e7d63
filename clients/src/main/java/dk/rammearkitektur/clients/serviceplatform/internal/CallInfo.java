package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.ServiceDescription;
import java.net.URI;
import java.time.Instant;

/**
 * One call as the envelope builder and authenticators see it.
 *
 * @param service the service called
 * @param operation the operation name
 * @param soapAction the SOAPAction / wsa:Action
 * @param endpoint the endpoint URL
 * @param correlationId the call's id (MessageID and CallersServiceCallIdentifier)
 * @param now the time the envelope is built
 */
public record CallInfo(ServiceDescription service, String operation, String soapAction, URI endpoint,
        String correlationId, Instant now) {
}
