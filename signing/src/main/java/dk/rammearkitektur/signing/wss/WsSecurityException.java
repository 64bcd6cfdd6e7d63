package dk.rammearkitektur.signing.wss;

import dk.rammearkitektur.core.SecurityCheckException;

/**
 * A SOAP message broke a WS-Security rule; {@link #reason()} names which, e.g. {@value #TIMESTAMP_STALE}.
 * Failures of the token itself surface as {@link dk.rammearkitektur.signing.TokenException}, failures of the
 * signature as {@link dk.rammearkitektur.signing.SignatureException}.
 */
public class WsSecurityException extends SecurityCheckException {
    private static final long serialVersionUID = 1L;

    /** Not a SOAP 1.1/1.2 envelope with one Header and one Body. */
    public static final String ENVELOPE = "wss.envelope.malformed";
    /** No wsse:Security header. */
    public static final String HEADER_MISSING = "wss.header.missing";
    /** More than one wsse:Security header. */
    public static final String HEADER_DUPLICATE = "wss.header.duplicate";
    /** No wsu:Timestamp in the security header. */
    public static final String TIMESTAMP_MISSING = "wss.timestamp.missing";
    /** The Timestamp has expired or was created too long ago. */
    public static final String TIMESTAMP_STALE = "wss.timestamp.stale";
    /** The Timestamp was created in the future (beyond the skew). */
    public static final String TIMESTAMP_FUTURE = "wss.timestamp.future";
    /** The Timestamp is unreadable. */
    public static final String TIMESTAMP_MALFORMED = "wss.timestamp.malformed";
    /** The Timestamp's lifetime (Expires minus Created) is not positive or longer than accepted. */
    public static final String TIMESTAMP_LIFETIME = "wss.timestamp.lifetime";
    /** No ds:Signature in the security header. */
    public static final String SIGNATURE_MISSING = "wss.signature.missing";
    /** A part that must be signed (Body, Timestamp, a WS-Addressing header) is not. */
    public static final String MISSING_REFERENCE = "wss.signature.missing-reference";
    /** A required WS-Addressing header is absent or repeated. */
    public static final String ADDRESSING = "wss.addressing.missing";
    /** The SecurityTokenReference resolves to no token in the header. */
    public static final String TOKEN_MISSING = "wss.token.missing";
    /** The token type or reference style is not supported. */
    public static final String TOKEN_UNSUPPORTED = "wss.token.unsupported";
    /** The BinarySecurityToken's certificate is not trusted. */
    public static final String TOKEN_UNTRUSTED = "wss.token.untrusted";

    /** The same signed message was presented before (replay). */
    public static final String REPLAY = "wss.replay";
    /** The replay cache has no room for a new message without forgetting a live one; the message is refused. */
    public static final String REPLAY_CACHE_FULL = "wss.replay.cache-full";

    /** Creates the exception with a reason code and a message. */
    public WsSecurityException(String reason, String message) {
        super(reason, message);
    }

    /** Creates the exception with a reason code, a message and its cause. */
    public WsSecurityException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
