package dk.rammearkitektur.core;

/**
 * An XML document was refused before it was trusted: a DOCTYPE, an external entity or DTD, an entity expansion
 * beyond the limit, or a document that is not well-formed.
 */
public class XmlSecurityException extends SecurityCheckException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a reason code and a message. */
    public XmlSecurityException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
