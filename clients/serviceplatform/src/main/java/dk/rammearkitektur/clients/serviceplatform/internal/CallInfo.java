package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.ServiceDescription;
import dk.rammearkitektur.signing.wss.SoapVersion;
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
 * @param version the SOAP version of the service's binding
 * @param requestHeader whether the KOMBIT {@code RequestHeader/TransactionUUID} header is sent (the support systems
 *     such as SF1500 Organisation 6 declare it as a header part of every message)
 */
public record CallInfo(ServiceDescription service, String operation, String soapAction, URI endpoint,
        String correlationId, Instant now, SoapVersion version, boolean requestHeader) {

    /** A SOAP 1.1 call without the KOMBIT RequestHeader (Serviceplatformen's SF1520 and SF1530). */
    public CallInfo(ServiceDescription service, String operation, String soapAction, URI endpoint,
            String correlationId, Instant now) {
        this(service, operation, soapAction, endpoint, correlationId, now, SoapVersion.SOAP_11, false);
    }
}
