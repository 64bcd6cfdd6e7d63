package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.core.RemoteServiceException;
import java.util.Optional;

/**
 * The platform received the call and refused it (a {@code kombi_response} with {@code Result} false, an
 * authorisation refusal, a lookup error): carries the platform's error code ({@code FejlKode} / {@code FejlId},
 * or the JSON {@code error}), its text, the HTTP status and the transaction id. Resending the same transmission
 * will be refused again unless the cause is fixed.
 */
public class DigitalPostFaultException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final transient Transmission transmission;

    /** Creates the exception. */
    public DigitalPostFaultException(String faultCode, String faultText, int httpStatus, String correlationId,
            Transmission transmission) {
        super(faultCode, faultText, correlationId);
        this.httpStatus = httpStatus;
        this.transmission = transmission;
    }

    /** The HTTP status of the refusal. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The transmission that was refused, when the refusal was of a send. */
    public Optional<Transmission> transmission() {
        return Optional.ofNullable(transmission);
    }
}
