package dk.rammearkitektur.signing;

import dk.rammearkitektur.core.SecurityCheckException;

/**
 * A security token (a SAML assertion) was refused: expired, not yet valid, for another audience, not signed by a
 * trusted issuer, or presented without proof of its holder-of-key. {@link #reason()} names the rule.
 */
public class TokenException extends SecurityCheckException {
    private static final long serialVersionUID = 1L;

    /** NotOnOrAfter has passed (with skew). */
    public static final String EXPIRED = "token.expired";
    /** NotBefore is still ahead (with skew). */
    public static final String NOT_YET_VALID = "token.not-yet-valid";
    /** The expected audience is not in the AudienceRestriction. */
    public static final String AUDIENCE = "token.audience";
    /** The presenter did not prove possession of the confirmed key. */
    public static final String HOLDER_OF_KEY = "token.holder-of-key";
    /** The assertion is not signed by itself, or the signature does not cover the assertion. */
    public static final String UNSIGNED = "token.unsigned";
    /** The issuer is not the expected one. */
    public static final String ISSUER = "token.issuer";
    /** The assertion is not a well-formed SAML 2.0 assertion. */
    public static final String MALFORMED = "token.malformed";

    /** Creates the exception with a reason code and a message. */
    public TokenException(String reason, String message) {
        super(reason, message);
    }

    /** Creates the exception with a reason code, a message and its cause. */
    public TokenException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
