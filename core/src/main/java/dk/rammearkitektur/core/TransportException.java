package dk.rammearkitektur.core;

/**
 * The call did not complete as a conversation with the service: connection refused or reset, timeout, an HTTP error
 * status, or a reply that could not be read. Subclasses name the case. Whether it is safe to try again is decided by
 * the operation's idempotency, not by this exception; {@link #mayHaveReachedService()} tells whether the request
 * may have been received.
 */
public class TransportException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedService;

    /** Creates the exception. */
    public TransportException(String message, boolean mayHaveReachedService, Throwable cause) {
        super(message, cause);
        this.mayHaveReachedService = mayHaveReachedService;
    }

    /** True unless the request is known not to have been received (for example: the connection was refused). */
    public boolean mayHaveReachedService() {
        return mayHaveReachedService;
    }
}
