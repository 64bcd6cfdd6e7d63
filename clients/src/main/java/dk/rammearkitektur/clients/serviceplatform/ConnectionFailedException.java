package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.TransportException;

/** The connection could not be opened, or was reset or closed before a reply arrived. */
public class ConnectionFailedException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ConnectionFailedException(String message, boolean mayHaveReachedService, Throwable cause) {
        super(message, mayHaveReachedService, cause);
    }
}
