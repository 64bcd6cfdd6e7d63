package dk.rammearkitektur.testkit.serviceplatform;

/**
 * The fault codes the simulator answers with, in the SOAP fault's {@code ServiceplatformFault/ErrorList/Error/ErrorCode}
 * (and, for the STS's REST endpoint, the JSON {@code error}). The SOAP {@code faultcode} is {@code soap:Client} for
 * everything but {@link #INTERNAL}.
 */
public final class PlatformFaults {
    /** The request is not well-formed XML, not an envelope of the binding's SOAP version, or refused by the hardened parser. */
    public static final String MALFORMED_REQUEST = "SP.MALFORMED_REQUEST";
    /** The body does not validate against the service's contract. */
    public static final String SCHEMA = "SP.SCHEMA_VIOLATION";
    /** WS-Addressing headers (Action, MessageID, To) missing or wrong. */
    public static final String ADDRESSING = "SP.ADDRESSING";
    /** The InvocationContext is missing (or only a SOAP header), malformed, or names the wrong service, agreement or system. */
    public static final String INVOCATION_CONTEXT = "SP.INVOCATION_CONTEXT";
    /** No or an invalid WS-Security header or signature (not covering Body, Timestamp and addressing). */
    public static final String SIGNATURE = "SP.SIGNATURE_INVALID";
    /** The WS-Security timestamp is missing, expired or too far from the simulator's clock. */
    public static final String TIMESTAMP = "SP.TIMESTAMP_STALE";
    /** The token is not for this service (audience / entity id). */
    public static final String TOKEN_AUDIENCE = "SP.TOKEN_AUDIENCE";
    /** The token is for another CVR than the data asked for. */
    public static final String TOKEN_CVR = "SP.TOKEN_CVR";
    /** The token has expired or is not yet valid. */
    public static final String TOKEN_EXPIRED = "SP.TOKEN_EXPIRED";
    /** The STS refuses: unknown CVR, wrong entity id, untrusted or revoked certificate, bad request signature. */
    public static final String STS_REFUSED = "STS.REQUEST_REFUSED";
    /**
     * The register has no such person or company. The platform's own error code for this is not published; the
     * fault text is ({@code PNR not found} for SF1520, {@code Required property '/virksomhed/CVRNummer' missing.} for
     * SF1530), and the simulator sends that text with this code of its own.
     */
    public static final String NOT_FOUND = "SP.NOT_FOUND";
    /** SF1500: the RequestHeader/TransactionUUID SOAP header is missing or malformed. */
    public static final String REQUEST_HEADER = "SP.REQUEST_HEADER";
    /** Something the simulator did not expect went wrong on its side. */
    public static final String INTERNAL = "SP.INTERNAL";

    private PlatformFaults() {
    }
}
