package dk.rammearkitektur.core;

/**
 * The connection could not be opened (refused, TLS handshake failed: {@link #mayHaveReachedService()} is false), or
 * was reset or closed before a reply arrived (it may have been received).
 */
public class ConnectionFailedException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ConnectionFailedException(ServiceCall call, String message, boolean mayHaveReachedService, Throwable cause) {
        super(call, message, mayHaveReachedService, cause);
    }

    @Override
    public boolean isRetrySafe() {
        return transientRetrySafe();
    }
}
