package dk.rammearkitektur.core;

/**
 * The call did not complete within the configured connect, read or total timeout. After a connect timeout the request
 * was not sent; after a read timeout it may have been received and handled.
 */
public class CallTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CallTimeoutException(ServiceCall call, String message, boolean mayHaveReachedService, Throwable cause) {
        super(call, message, mayHaveReachedService, cause);
    }

    @Override
    public boolean isRetrySafe() {
        return transientRetrySafe();
    }
}
