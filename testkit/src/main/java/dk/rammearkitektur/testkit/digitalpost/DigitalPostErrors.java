package dk.rammearkitektur.testkit.digitalpost;

/**
 * The error codes the Digital Post simulator answers with: in a refused {@code kombi_response} as {@code FejlKode},
 * and as the JSON {@code error} of the token and lookup endpoints. No official SF1601 error catalogue is public;
 * these codes are the simulator's own.
 */
public final class DigitalPostErrors {
    /** The request is not well-formed XML, or not a kombi_request in the expected order. */
    public static final String MALFORMED_REQUEST = "DP.MALFORMED_REQUEST";
    /** The MeMo message does not validate against the published XSD. */
    public static final String SCHEMA = "DP.SCHEMA_VIOLATION";
    /** The message breaks a rule of the platform (NemSMS shape, file names, https links, identifiers). */
    public static final String RULE = "DP.RULE_VIOLATION";
    /** Missing or wrong headers ({@code x-TransaktionsId}, {@code x-TransaktionsTid}, content type). */
    public static final String HEADERS = "DP.HEADERS";
    /** No, an unknown, an expired or another certificate's access token, or a token for another service. */
    public static final String UNAUTHORISED = "DP.UNAUTHORISED";
    /** The SAML token given to the access-token exchange is not acceptable. */
    public static final String TOKEN_REFUSED = "DP.TOKEN_REFUSED";
    /** The STS refuses: unknown CVR or entity id, untrusted certificate, UseKey not the TLS certificate. */
    public static final String STS_REFUSED = "STS.REQUEST_REFUSED";
    /** A transaction id was used again for a different request. */
    public static final String TRANSACTION_REUSED = "DP.TRANSACTION_REUSED";
    /** The recipient cannot be reached on the chosen channel (no Digital Post, no NemSMS) and there is no print part. */
    public static final String NOT_REACHABLE = "DP.RECIPIENT_NOT_REACHABLE";
    /** A messageUUID or AfsendelseIdentifikator that was already received (only with {@code RepeatedMessage.REFUSE}). */
    public static final String DUPLICATE_MESSAGE = "DP.DUPLICATE_MESSAGE";
    /** The files exceed the limit the simulator was configured with (the platform's limit is not published). */
    public static final String TOO_LARGE = "DP.TOO_LARGE";
    /** Something the simulator did not expect went wrong on its side. */
    public static final String INTERNAL = "DP.INTERNAL";

    private DigitalPostErrors() {
    }
}
