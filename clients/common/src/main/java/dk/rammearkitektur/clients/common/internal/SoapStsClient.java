package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.net.URI;
import java.time.Clock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.Timeouts;

/**
 * The STS's WS-Trust 1.3 endpoint over SOAP 1.2 (its published binding): a RequestSecurityToken for a SAML 2.0 holder-of-key token (AppliesTo the service's
 * entity id, the authority's CVR as a claim, our certificate as UseKey), signed with the system certificate by the
 * signing module's WS-Security signer (BinarySecurityToken, Timestamp, addressing headers and Body signed).
 */
public final class SoapStsClient implements StsClient {
    /** The WS-Trust Issue action. */
    public static final String ACTION = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue";
    static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    static final String AUTH = "http://docs.oasis-open.org/wsfed/authorization/200706";
    static final String CVR_CLAIM = "dk:gov:saml:attribute:CvrNumberIdentifier";

    private final URI endpoint;
    private final SoapTransport transport;
    private final SigningCredential credential;
    private final Clock clock;
    private final TokenVerification verification;

    /** Creates the client. */
    public SoapStsClient(URI endpoint, SoapTransport transport, SigningCredential credential, Clock clock,
            TokenVerificationSettings settings) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.credential = credential;
        this.clock = clock;
        this.verification = settings.verification(credential.certificate());
    }

    @Override
    public IssuedToken issue(String entityId, String cvr, String correlationId) {
        Document env = request(entityId, cvr, correlationId);
        WsSecuritySigner.builder(credential).clock(clock).build().sign(env);
        ServiceCall call = ServiceCall.read("STS", "Issue", correlationId);
        Timeouts timeouts = transport.http().timeouts();
        Document reply;
        try {
            reply = transport.call(call, endpoint, ACTION, env,
                    timeouts.read().compareTo(timeouts.total()) < 0 ? timeouts.read() : timeouts.total());
        } catch (ServiceFaultException e) {
            throw new StsRefusedException(call, e.faultCode(), e.faultText(), e.httpStatus().orElse(-1),
                    e.soapFaultCode().orElse(null));
        }
        NodeList tokens = reply.getElementsByTagNameNS(Soap.WST, "RequestedSecurityToken");
        Element assertion = null;
        if (tokens.getLength() == 1) {
            assertion = Dom.child(tokens.item(0), Soap.SAML2, "Assertion");
        }
        if (assertion != null) {
            Document own = Dom.newDocument();
            assertion = (Element) own.importNode(assertion, true);
            own.appendChild(assertion);
        }
        try {
            return verification.verify(assertion, entityId);
        } catch (ReplyShapeException e) {
            throw e.forCall(call);
        }
    }

    Document request(String entityId, String cvr, String correlationId) {
        // the STS binding (CertificateWSTrustBinding_IWSTrust13Sync) is SOAP 1.2
        Document doc = SoapEnvelopes.newEnvelope(SoapVersion.SOAP_12);
        Element envelope = doc.getDocumentElement();
        // every prefix declared explicitly: the signature is computed on this DOM and must match the wire form
        envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsa", Soap.WSA);
        Element header = SoapEnvelopes.header(doc);
        Element body = SoapEnvelopes.body(doc);
        Dom.add(header, Soap.WSA, "wsa:Action", ACTION);
        Dom.add(header, Soap.WSA, "wsa:MessageID", "urn:uuid:" + correlationId);
        Dom.add(header, Soap.WSA, "wsa:To", endpoint.toString());
        Dom.add(Dom.add(header, Soap.WSA, "wsa:ReplyTo", null), Soap.WSA, "wsa:Address",
                "http://www.w3.org/2005/08/addressing/anonymous");
        Element rst = Dom.add(body, Soap.WST, "wst:RequestSecurityToken", null);
        rst.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wst", Soap.WST);
        Dom.add(rst, Soap.WST, "wst:TokenType", RestStsClient.TOKEN_TYPE);
        Dom.add(rst, Soap.WST, "wst:RequestType", RestStsClient.ISSUE);
        Element appliesTo = Dom.add(rst, WSP, "wsp:AppliesTo", null);
        appliesTo.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsp", WSP);
        Dom.add(Dom.add(appliesTo, Soap.WSA, "wsa:EndpointReference", null), Soap.WSA, "wsa:Address", entityId);
        Element claims = Dom.add(rst, Soap.WST, "wst:Claims", null);
        claims.setAttributeNS(null, "Dialect", AUTH + "/authclaims");
        Element claim = Dom.add(claims, AUTH, "auth:ClaimType", null);
        claim.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:auth", AUTH);
        claim.setAttributeNS(null, "Uri", CVR_CLAIM);
        Dom.add(claim, AUTH, "auth:Value", cvr);
        Dom.add(rst, Soap.WST, "wst:KeyType", RestStsClient.PUBLIC_KEY);
        Element useKey = Dom.add(rst, Soap.WST, "wst:UseKey", null);
        Element bst = Dom.add(useKey, Soap.WSSE, "wsse:BinarySecurityToken", RestStsClient.encode(credential.certificate()));
        bst.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:wsse", Soap.WSSE);
        bst.setAttributeNS(null, "ValueType",
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3");
        bst.setAttributeNS(null, "EncodingType",
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary");
        return doc;
    }
}
