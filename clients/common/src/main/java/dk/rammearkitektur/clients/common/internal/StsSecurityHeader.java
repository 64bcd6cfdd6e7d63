package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import java.time.Clock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The STS token auth model for SOAP calls, shared by the client families: takes the cached (or freshly issued) token
 * for a service's entity id and the authority's CVR and signs the envelope with the system certificate in a
 * WS-Security header carrying that token, protected by an STR-Transform reference (ProtectTokens), with the Liberty
 * {@code sbf:Framework} header (version 2.0, basic profile) that KOMBIT's own clients send, signed too.
 * (Moved down from the Serviceplatformen client's {@code StsAuthenticator}, which now delegates here.)
 */
public final class StsSecurityHeader {
    /** The Liberty ID-WSF SOAP binding namespace of the {@code Framework} header. */
    public static final String FRAMEWORK = "urn:liberty:sb:2006-08";
    /** The namespace of the Framework header's {@code profile} attribute. */
    public static final String PROFILE = "urn:liberty:sb:profile";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private final TokenCache cache;
    private final SigningCredential credential;
    private final String cvr;
    private final String fingerprint;
    private final Clock clock;

    /** Creates the header writer for tokens on behalf of {@code cvr}. */
    public StsSecurityHeader(TokenCache cache, SigningCredential credential, String cvr, Clock clock) {
        this.cache = cache;
        this.credential = credential;
        this.cvr = cvr;
        this.clock = clock;
        this.fingerprint = fingerprint(credential);
    }

    /**
     * Adds the Framework header to {@code header} and signs {@code envelope} with the token for {@code entityId};
     * called last, once the rest of the envelope is complete.
     */
    public void apply(Document envelope, Element header, String entityId) {
        IssuedToken token = cache.get(new TokenCache.Key(entityId, cvr, fingerprint));
        Element framework = Dom.add(header, FRAMEWORK, "sbf:Framework", null);
        framework.setAttributeNS(XMLNS, "xmlns:sbf", FRAMEWORK);
        framework.setAttributeNS(XMLNS, "xmlns:sbfprofile", PROFILE);
        framework.setAttributeNS(null, "version", "2.0");
        framework.setAttributeNS(PROFILE, "sbfprofile:profile", "urn:liberty:sb:profile:basic");
        WsSecuritySigner.builder(credential).samlAssertion(token.assertion()).clock(clock).build().sign(envelope);
    }

    /** A new token for {@code entityId} from the STS, past the cache ({@link TokenCache#issueUncached}). */
    public IssuedToken issueUncached(String entityId) {
        return cache.issueUncached(new TokenCache.Key(entityId, cvr, fingerprint));
    }

    /** The SHA-256 fingerprint (hex) of the credential's certificate: the token cache's certificate key. */
    public static String fingerprint(SigningCredential c) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(c.certificate().getEncoded());
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
