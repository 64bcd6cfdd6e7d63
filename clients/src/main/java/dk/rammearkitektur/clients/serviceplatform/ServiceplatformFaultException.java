package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.PersonalData;
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
    private final String faultString;

    /** Creates the exception. */
    public ServiceplatformFaultException(String faultCode, String faultText, String soapFaultCode, String correlationId) {
        this(faultCode, faultText, soapFaultCode, null, correlationId);
    }

    /**
     * Creates the exception with the SOAP {@code faultstring} as well, when it differs from {@code faultText} (the
     * platform's error text from the fault detail).
     */
    public ServiceplatformFaultException(String faultCode, String faultText, String soapFaultCode, String faultString,
            String correlationId) {
        super(faultCode, faultText, correlationId);
        this.soapFaultCode = soapFaultCode;
        this.faultString = faultString == null ? faultText() : PersonalData.maskCprNumbers(faultString);
    }

    /**
     * The SOAP fault's {@code faultstring}, with any CPR number masked; {@link #faultText()} when the fault had no
     * separate one.
     */
    public String faultString() {
        return faultString;
    }

    /** The SOAP fault code itself, e.g. {@code soap:Client}. */
    public String soapFaultCode() {
        return soapFaultCode;
    }
}
