package dk.rammearkitektur.core;

/**
 * Something could not be trusted: an XML document with a DTD or external entity, a signature that does not verify,
 * an untrusted or revoked certificate, an expired token. Subclasses name the case; {@link #reason()} gives a
 * machine-readable code.
 *
 * <p>Named so that it shadows nothing in {@code java.lang} (whose {@link java.lang.SecurityException} is the JVM's
 * permission check).
 */
public class SecurityCheckException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /** Creates the exception with a machine-readable reason code such as {@code xml.doctype} and a message. */
    public SecurityCheckException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Creates the exception with a reason code, a message and its cause. */
    public SecurityCheckException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A stable, machine-readable code for what was refused, e.g. {@code xml.doctype}, {@code signature.invalid}. */
    public String reason() {
        return reason;
    }
}
