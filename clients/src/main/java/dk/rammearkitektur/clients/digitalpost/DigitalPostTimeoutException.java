package dk.rammearkitektur.clients.digitalpost;

/** No reply arrived within the configured timeout; the request may have been received and handled. */
public class DigitalPostTimeoutException extends DigitalPostTransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DigitalPostTimeoutException(String message, boolean mayHaveReachedService, Transmission transmission,
            Throwable cause) {
        super(message, mayHaveReachedService, transmission, cause);
    }
}
