package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.TransportException;

/** The reply arrived but is not a SOAP envelope we can read: not well-formed, truncated, or not as the contract says. */
public class MalformedReplyException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public MalformedReplyException(String message, Throwable cause) {
        super(dk.rammearkitektur.core.PersonalData.maskCprNumbers(message), true, cause);
    }
}
