package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.core.SecurityCheckException;
import java.util.List;

/**
 * A SAML message the service provider refused. {@link #reason()} is one of the constants below; the message names the
 * element or attribute and the rule broken, never a CPR number. Every decryption failure has the one reason
 * {@link #DECRYPTION} and the one message, so a caller (or an attacker) cannot tell a padding failure from another.
 */
public class SsoRefusedException extends SecurityCheckException {
    private static final long serialVersionUID = 1L;

    /** The message is not well-formed XML, has a DOCTYPE, or lacks a required element or attribute. */
    public static final String MALFORMED = "sso.malformed";
    /** The Response's Status is not Success; {@link #statusCodes()} holds the codes. */
    public static final String STATUS = "sso.status";
    /** Response@Destination is not the assertion consumer service URL, or a logout message's not the SLO URL. */
    public static final String DESTINATION = "sso.destination";
    /**
     * InResponseTo names no stored, unexpired, unused request (or differs between Response and assertion); for a
     * LogoutResponse, no pending logout request.
     */
    public static final String IN_RESPONSE_TO = "sso.in-response-to";
    /** The Issuer is not the identity provider's entity id. */
    public static final String ISSUER = "sso.issuer";
    /** Not exactly one EncryptedAssertion, or an unencrypted assertion where encryption is required. */
    public static final String ASSERTION_COUNT = "sso.assertion-count";
    /** The assertion could not be decrypted (any cause, deliberately not told apart). */
    public static final String DECRYPTION = "sso.decryption";
    /** A key transport or content encryption algorithm that is refused (rsa-1_5, unknown). */
    public static final String ENCRYPTION_ALGORITHM = "sso.encryption-algorithm";
    /**
     * The assertion (or a POSTed logout message) is unsigned, signed by an untrusted key, wrapped, or its signature
     * does not verify.
     */
    public static final String SIGNATURE = "sso.signature";
    /** The bearer SubjectConfirmation is missing or wrong (Method, Recipient, NotOnOrAfter, InResponseTo). */
    public static final String SUBJECT_CONFIRMATION = "sso.subject-confirmation";
    /** Conditions NotBefore / NotOnOrAfter (with the skew) do not include now. */
    public static final String CONDITIONS = "sso.conditions";
    /** The Audience is not the SP's entity id. */
    public static final String AUDIENCE = "sso.audience";
    /** Not exactly one AuthnStatement or AttributeStatement, or SessionIndex missing. */
    public static final String STATEMENTS = "sso.statements";
    /** The assertion id, or an IdP-initiated LogoutRequest's ID, was used before. */
    public static final String REPLAY = "sso.replay";
    /** The level of assurance is lower than the request asked for. */
    public static final String LEVEL_OF_ASSURANCE = "sso.level-of-assurance";
    /** specVersion missing or not the profile's. */
    public static final String SPEC_VERSION = "sso.spec-version";
    /** The attributes do not make a valid identity (e.g. a professional without CVR). */
    public static final String IDENTITY = "sso.identity";
    /** IdP metadata that is malformed or whose signature does not verify with the trust anchor. */
    public static final String METADATA = "sso.metadata";
    /** A Redirect-binding query signature that is missing or does not verify. */
    public static final String QUERY_SIGNATURE = "sso.query-signature";
    /** A LogoutRequest's IssueInstant lies too far in the past or future, or its NotOnOrAfter has passed. */
    public static final String MESSAGE_TIME = "sso.message-time";
    /**
     * The message answers a request this browser did not start (login CSRF), or names a session this browser does not
     * hold.
     */
    public static final String BROWSER = "sso.browser";

    private final List<String> statusCodes;

    /** A refusal with a reason code (one of the constants) and a message naming the element and the rule. */
    public SsoRefusedException(String reason, String message) {
        this(reason, message, List.of(), null);
    }

    /** A refusal with its cause. */
    public SsoRefusedException(String reason, String message, Throwable cause) {
        this(reason, message, List.of(), cause);
    }

    /** A refusal carrying the Response's status codes (top level first), for {@link #STATUS}. */
    public SsoRefusedException(String reason, String message, List<String> statusCodes, Throwable cause) {
        super(reason, message, cause);
        this.statusCodes = List.copyOf(statusCodes);
    }

    /** The Response's status codes, top-level first; empty unless {@link #reason()} is {@link #STATUS}. */
    public List<String> statusCodes() {
        return statusCodes;
    }
}
