package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.TransportException;

/** The service answered with an HTTP error status and no SOAP fault. */
public class HttpStatusException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String correlationId;

    /** Creates the exception. */
    public HttpStatusException(int status, String correlationId, Throwable cause) {
        super("HTTP status " + status + " (correlation id " + correlationId + ")", true, cause);
        this.status = status;
        this.correlationId = correlationId;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The correlation id of the failed call. */
    public String correlationId() {
        return correlationId;
    }
}
