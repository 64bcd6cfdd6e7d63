package dk.rammearkitektur.clients.digitalpost;

/** The connection could not be opened, or was reset or closed before a reply arrived. */
public class DigitalPostConnectionException extends DigitalPostTransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DigitalPostConnectionException(String message, boolean mayHaveReachedService, Transmission transmission,
            Throwable cause) {
        super(message, mayHaveReachedService, transmission, cause);
    }
}
