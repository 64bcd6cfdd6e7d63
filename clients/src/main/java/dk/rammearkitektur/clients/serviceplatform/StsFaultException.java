package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.RemoteServiceException;

/**
 * The security token service refused to issue a token (unknown CVR, wrong entity id, untrusted or revoked
 * certificate, ...). Not retried automatically: the next call asks again only after a back-off.
 */
public class StsFaultException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StsFaultException(String faultCode, String faultText, String correlationId) {
        super(faultCode, faultText, correlationId);
    }
}
