package dk.rammearkitektur.testkit.beskedfordeler;

/**
 * One call the simulator's værdiliste service took: the SOAPAction, the request envelope and the reply envelope
 * (SOAP 1.1), for assertions such as validating what a client sent.
 */
public final class ValueListCall {
    private final String soapAction;
    private final byte[] request;
    private final int httpStatus;
    private final byte[] reply;

    /**
     * A call.
     *
     * @param soapAction the SOAPAction header without quotes, or null when none was sent
     * @param request the request body
     * @param httpStatus the HTTP status answered
     * @param reply the reply body
     */
    public ValueListCall(String soapAction, byte[] request, int httpStatus, byte[] reply) {
        this.soapAction = soapAction;
        this.request = request.clone();
        this.httpStatus = httpStatus;
        this.reply = reply.clone();
    }

    /** The SOAPAction header without quotes, or null. */
    public String soapAction() {
        return soapAction;
    }

    /** The request envelope (a copy). */
    public byte[] request() {
        return request.clone();
    }

    /** The HTTP status answered: 200, or 500 with a SOAP fault. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The reply envelope (a copy). */
    public byte[] reply() {
        return reply.clone();
    }

    /** The action and status only: the values may be CPR numbers. */
    @Override
    public String toString() {
        return "ValueListCall[" + soapAction + ", HTTP " + httpStatus + "]";
    }
}
