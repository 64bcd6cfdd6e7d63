package dk.rammearkitektur.core;

/** The service (or a proxy in front of it) answered with an HTTP error status and no fault the SDK could read. */
public class HttpStatusException extends TransportException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /** Creates the exception. */
    public HttpStatusException(ServiceCall call, int status, Throwable cause) {
        super(call, "HTTP status " + status, true, cause);
        this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** True for 408, 429, 502, 503 and 504, the statuses that say "try later", and only for reads. */
    @Override
    public boolean isRetrySafe() {
        return isIdempotent() && (status == 408 || status == 429 || status == 502 || status == 503 || status == 504);
    }
}
