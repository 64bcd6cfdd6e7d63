package dk.rammearkitektur.core;

/**
 * The call did not complete as a conversation with the service: see {@link ConnectionFailedException},
 * {@link CallTimeoutException}, {@link HttpStatusException} and {@link MalformedReplyException}.
 */
public abstract class TransportException extends ServiceCallException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    protected TransportException(ServiceCall call, String message, boolean mayHaveReachedService, Throwable cause) {
        super(call, message, mayHaveReachedService, cause);
    }
}
