package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.common.internal.StsSecurityHeader;
import dk.rammearkitektur.clients.common.internal.TokenCache;
import dk.rammearkitektur.signing.SigningCredential;
import java.time.Clock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The STS token auth model: takes the cached (or freshly issued) token for the service and the authority's CVR and
 * signs the call with the system certificate in a WS-Security header carrying that token, protected by an
 * STR-Transform reference (ProtectTokens), with the Liberty {@code sbf:Framework} header (version 2.0, basic profile)
 * that KOMBIT's own clients send, signed too. The work is done by {@code clients-common}'s {@link StsSecurityHeader},
 * which the other client families share.
 */
public final class StsAuthenticator implements Authenticator {
    /** The Liberty ID-WSF SOAP binding namespace of the {@code Framework} header. */
    public static final String FRAMEWORK = StsSecurityHeader.FRAMEWORK;
    /** The namespace of the Framework header's {@code profile} attribute. */
    public static final String PROFILE = StsSecurityHeader.PROFILE;
    private final StsSecurityHeader security;

    /** Creates the authenticator. */
    public StsAuthenticator(TokenCache cache, SigningCredential credential, String cvr, Clock clock) {
        this.security = new StsSecurityHeader(cache, credential, cvr, clock);
    }

    /** A new token for {@code entityId}, past the token cache (a health check); when it expires. */
    public java.time.Instant checkSts(String entityId) {
        return security.issueUncached(entityId).expires();
    }

    @Override
    public void apply(Document envelope, Element header, Element body, CallInfo call) {
        security.apply(envelope, header, call.service().entityId());
    }
}
