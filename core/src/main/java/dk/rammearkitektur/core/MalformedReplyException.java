package dk.rammearkitektur.core;

/**
 * A reply arrived but cannot be read: not well-formed, cut off, too large, or not in the shape the contract says.
 * The request reached the service; repeating it is not retry-safe, since the same reply is likely again.
 */
public class MalformedReplyException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public MalformedReplyException(ServiceCall call, String message, Throwable cause) {
        super(call, message, true, cause);
    }

    @Override
    public boolean isRetrySafe() {
        return false;
    }
}
