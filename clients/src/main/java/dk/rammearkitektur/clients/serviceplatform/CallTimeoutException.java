package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.TransportException;

/** The call did not complete within the configured connect, read or total timeout. */
public class CallTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CallTimeoutException(String message, boolean mayHaveReachedService, Throwable cause) {
        super(message, mayHaveReachedService, cause);
    }
}
