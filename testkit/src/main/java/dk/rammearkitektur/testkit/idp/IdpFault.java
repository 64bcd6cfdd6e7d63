package dk.rammearkitektur.testkit.idp;

/**
 * A fault the simulator puts into its next answer, armed with {@link IdentityProviderSimulator#injectNext(IdpFault)}.
 * Login faults apply to the next login answer, {@link #LOGOUT_ANSWER_BY_POST} to the next logout answer.
 */
public enum IdpFault {
    /** The assertion's Conditions and bearer confirmation ended five minutes ago. */
    EXPIRED_ASSERTION,
    /** The Audience names another service provider. */
    WRONG_AUDIENCE,
    /** The bearer confirmation's Recipient is not the ACS URL. */
    WRONG_RECIPIENT,
    /** The previous assertion issued to the same service provider is sent again (same ID, same ciphertext). */
    REPLAY,
    /** The assertion is signed with a key that is not in the metadata. */
    WRONG_SIGNING_KEY,
    /** The signed assertion is sent in clear, without EncryptedAssertion. */
    UNENCRYPTED_ASSERTION,
    /**
     * Signature wrapping: the encrypted assertion is a forged, unsigned one for another user that carries the genuine
     * signature and, in its Advice, the genuine signed assertion.
     */
    WRAPPED_ASSERTION,
    /** The level of assurance is {@code Low} (legacy AssuranceLevel 2) whatever the user and request. */
    LOA_TOO_LOW,
    /** A professional's CVR attribute is left out. */
    MISSING_CVR,
    /** The privilege attribute is base64 of XML that is not well-formed. */
    MALFORMED_PRIVILEGES,
    /** A Response with status Responder / AuthnFailed and no assertion. */
    AUTHN_FAILED,
    /** A Response with status Responder / NoPassive and no assertion. */
    NO_PASSIVE,
    /** The next LogoutResponse goes by HTTP-POST although the LogoutRequest came by Redirect (a habit of the old Context Handler). */
    LOGOUT_ANSWER_BY_POST;

    /** Whether the fault applies to a login answer (all but {@link #LOGOUT_ANSWER_BY_POST}). */
    public boolean login() {
        return this != LOGOUT_ANSWER_BY_POST;
    }
}
