package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.RemoteServiceException;

/**
 * Serviceplatformen (or the service behind it) answered with a SOAP fault. Carries the fault code (the platform's
 * error code from the fault detail when there is one, otherwise the SOAP fault code), the fault text and the call's
 * correlation id. Security refusals by the platform (a bad signature, a stale timestamp, a token for another service
 * or CVR) arrive as this exception too, with the platform's code.
 */
public class ServiceplatformFaultException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    private final String soapFaultCode;

    /** Creates the exception. */
    public ServiceplatformFaultException(String faultCode, String faultText, String soapFaultCode, String correlationId) {
        super(faultCode, faultText, correlationId);
        this.soapFaultCode = soapFaultCode;
    }

    /** The SOAP fault code itself, e.g. {@code soap:Client}. */
    public String soapFaultCode() {
        return soapFaultCode;
    }
}
