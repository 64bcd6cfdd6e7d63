package dk.rammearkitektur.core;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The service received the call and refused it with a fault of its own: a SOAP fault, an error reply, a
 * {@code kombi_response} that did not accept. Carries the service's fault code (the platform's own error code when
 * the fault has one, otherwise the SOAP fault code) and text, plus what the protocol adds: the SOAP fault code and
 * {@code faultstring}, and the HTTP status. Never retry-safe: the same request is refused again.
 */
public class ServiceFaultException extends ServiceCallException {
    private static final long serialVersionUID = 1L;
    private final String faultCode;
    private final String faultText;
    private final int httpStatus;
    private final String soapFaultCode;
    private final String faultString;

    /** Creates the exception for a fault without SOAP or HTTP detail. */
    public ServiceFaultException(ServiceCall call, String faultCode, String faultText) {
        this(call, faultCode, faultText, -1, null, null);
    }

    /**
     * Creates the exception.
     *
     * @param httpStatus the HTTP status of the refusal, or -1 when not known
     * @param soapFaultCode the SOAP fault code (e.g. {@code soap:Client}), or null when not a SOAP fault
     * @param faultString the SOAP {@code faultstring} when it differs from {@code faultText}, or null
     */
    public ServiceFaultException(ServiceCall call, String faultCode, String faultText, int httpStatus,
            String soapFaultCode, String faultString) {
        super(call, "fault " + faultCode + ": " + faultText, true, null);
        this.faultCode = faultCode == null ? null : PersonalData.maskCprNumbers(faultCode);
        this.faultText = faultText == null ? null : PersonalData.maskCprNumbers(faultText);
        this.httpStatus = httpStatus;
        this.soapFaultCode = soapFaultCode;
        this.faultString = faultString == null ? this.faultText : PersonalData.maskCprNumbers(faultString);
    }

    /** The service's fault code, as it sent it (a CPR-shaped number in it masked). */
    public String faultCode() {
        return faultCode;
    }

    /** The service's fault text, with any CPR number masked. */
    public String faultText() {
        return faultText;
    }

    /** The HTTP status of the refusal, when known. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The SOAP fault code itself (e.g. {@code soap:Client}), when the refusal was a SOAP fault. */
    public Optional<String> soapFaultCode() {
        return Optional.ofNullable(soapFaultCode);
    }

    /** The SOAP {@code faultstring}, CPR numbers masked; {@link #faultText()} when the fault had no separate one. */
    public String faultString() {
        return faultString;
    }

    @Override
    public boolean isRetrySafe() {
        return false;
    }
}
