package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import java.time.Clock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The STS token auth model: takes the cached (or freshly issued) token for the service and the authority's CVR and
 * signs the call with the system certificate in a WS-Security header carrying that token.
 */
public final class StsAuthenticator implements Authenticator {
    private final TokenCache cache;
    private final SigningCredential credential;
    private final String cvr;
    private final String fingerprint;
    private final Clock clock;

    /** Creates the authenticator. */
    public StsAuthenticator(TokenCache cache, SigningCredential credential, String cvr, Clock clock) {
        this.cache = cache;
        this.credential = credential;
        this.cvr = cvr;
        this.clock = clock;
        this.fingerprint = fingerprint(credential);
    }

    @Override
    public void apply(Document envelope, Element header, Element body, CallInfo call) {
        IssuedToken token = cache.get(new TokenCache.Key(call.service().entityId(), cvr, fingerprint));
        WsSecuritySigner.builder(credential).samlAssertion(token.assertion()).clock(clock).build().sign(envelope);
    }

    private static String fingerprint(SigningCredential c) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(c.certificate().getEncoded());
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
