package dk.rammearkitektur.clients.digitalpost;

/** A reply arrived but cannot be read: an HTTP error without a platform error body, not XML or JSON, or cut off. */
public class DigitalPostReplyException extends DigitalPostTransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DigitalPostReplyException(String message, boolean mayHaveReachedService, Transmission transmission,
            Throwable cause) {
        super(message, mayHaveReachedService, transmission, cause);
    }
}
