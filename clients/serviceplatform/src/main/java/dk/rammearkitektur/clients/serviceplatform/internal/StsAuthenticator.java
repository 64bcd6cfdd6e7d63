package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import java.time.Clock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.IssuedToken;
import dk.rammearkitektur.clients.common.internal.TokenCache;

/**
 * The STS token auth model: takes the cached (or freshly issued) token for the service and the authority's CVR and
 * signs the call with the system certificate in a WS-Security header carrying that token, protected by an
 * STR-Transform reference (ProtectTokens), with the Liberty {@code sbf:Framework} header (version 2.0, basic profile)
 * that KOMBIT's own clients send, signed too.
 */
public final class StsAuthenticator implements Authenticator {
    /** The Liberty ID-WSF SOAP binding namespace of the {@code Framework} header. */
    public static final String FRAMEWORK = "urn:liberty:sb:2006-08";
    /** The namespace of the Framework header's {@code profile} attribute. */
    public static final String PROFILE = "urn:liberty:sb:profile";
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
        Element framework = Dom.add(header, FRAMEWORK, "sbf:Framework", null);
        framework.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:sbf", FRAMEWORK);
        framework.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:sbfprofile", PROFILE);
        framework.setAttributeNS(null, "version", "2.0");
        framework.setAttributeNS(PROFILE, "sbfprofile:profile", "urn:liberty:sb:profile:basic");
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
