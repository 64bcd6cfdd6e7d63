package dk.rammearkitektur.core;

/**
 * Root of every exception the SDK throws. Unchecked, so that callers catch only what they can act on.
 *
 * <p>Branches: {@link ValidationException} (bad input, caught before anything is sent),
 * {@link SecurityCheckException} (a signature, certificate, token or XML document that may not be trusted),
 * {@link TransportException} (the call did not complete: timeout, connection, HTTP error, malformed reply) and
 * {@link ServiceFaultException} (the remote service answered with a fault of its own); both are {@link ServiceCallException}s.
 *
 * <p>Messages never contain a full CPR number: every constructor masks CPR-shaped numbers (see {@link PersonalData}),
 * so a value echoed from untrusted input cannot leak one into a log line.
 */
public class RammearkitekturException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message; any CPR-shaped number in it is masked. */
    public RammearkitekturException(String message) {
        super(PersonalData.maskCprNumbers(message));
    }

    /** Creates an exception with a message and its cause; any CPR-shaped number in the message is masked. */
    public RammearkitekturException(String message, Throwable cause) {
        super(PersonalData.maskCprNumbers(message), cause);
    }
}
