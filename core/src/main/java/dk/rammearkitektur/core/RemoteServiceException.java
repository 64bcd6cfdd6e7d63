package dk.rammearkitektur.core;

/**
 * The remote service received the call and answered with a fault of its own (a SOAP fault, an error reply).
 * Carries the service's fault code, its text and the call's correlation id.
 */
public class RemoteServiceException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;

    private final String faultCode;
    private final String faultText;
    private final String correlationId;

    /** Creates the exception; the message is built from the code, text and correlation id. */
    public RemoteServiceException(String faultCode, String faultText, String correlationId) {
        this(faultCode, faultText, correlationId, null);
    }

    /** Creates the exception with a cause. */
    public RemoteServiceException(String faultCode, String faultText, String correlationId, Throwable cause) {
        super(PersonalData.maskCprNumbers("remote fault " + faultCode + ": " + faultText
                + (correlationId == null ? "" : " (correlation id " + correlationId + ")")), cause);
        this.faultCode = faultCode;
        this.faultText = faultText == null ? null : PersonalData.maskCprNumbers(faultText);
        this.correlationId = correlationId;
    }

    /** The service's fault code, as it sent it. */
    public String faultCode() {
        return faultCode;
    }

    /** The service's fault text, with any CPR number masked. */
    public String faultText() {
        return faultText;
    }

    /** The correlation id of the call that failed, or null when none was assigned. */
    public String correlationId() {
        return correlationId;
    }
}
