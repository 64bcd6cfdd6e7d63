package dk.rammearkitektur.core;

/**
 * The security token service refused to issue a token (unknown CVR, wrong entity id, untrusted or revoked
 * certificate, ...). The clients remember the refusal for a back-off and throw it again without asking, so a broken
 * configuration does not flood the STS.
 */
public class StsRefusedException extends ServiceFaultException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StsRefusedException(ServiceCall call, String faultCode, String faultText, int httpStatus,
            String soapFaultCode) {
        super(call, faultCode, faultText, httpStatus, soapFaultCode, null);
    }
}
