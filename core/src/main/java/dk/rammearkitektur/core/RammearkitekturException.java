package dk.rammearkitektur.core;

/**
 * Root of every exception the SDK throws. Unchecked, so that callers catch only what they can act on.
 *
 * <p>Branches: {@link ValidationException} (bad input, caught before anything is sent),
 * {@link SecurityException} (a signature, certificate, token or XML document that may not be trusted),
 * {@link TransportException} (the call did not complete: timeout, connection, HTTP error, malformed reply) and
 * {@link RemoteServiceException} (the remote service answered with a fault of its own).
 *
 * <p>Messages never contain a full CPR number; see {@link PersonalData}.
 */
public class RammearkitekturException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public RammearkitekturException(String message) {
        super(message);
    }

    /** Creates an exception with a message and its cause. */
    public RammearkitekturException(String message, Throwable cause) {
        super(message, cause);
    }
}
