package dk.rammearkitektur.clients.serviceplatform.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a SOAP 1.1 or 1.2 envelope (the call's binding) as DOM: WS-Addressing headers, the KOMBIT RequestHeader
 * where the binding has one, the auth model's additions, the JAXB-marshalled body.
 */
public final class EnvelopeBuilder {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    /** KOMBIT's request header namespace (support systems such as SF1500 Organisation 6). */
    public static final String REQUEST_HEADER = "http://kombit.dk/xml/schemas/RequestHeader/1/";

    private EnvelopeBuilder() {
    }

    /** The envelope for {@code call} carrying {@code payload}. */
    public static Document build(CallInfo call, Object payload, Authenticator auth) {
        Document doc = SoapEnvelopes.newEnvelope(call.version());
        Element env = doc.getDocumentElement();
        env.setAttributeNS(XMLNS, "xmlns:wsa", Soap.WSA);
        env.setAttributeNS(XMLNS, "xmlns:wsu", Soap.WSU);
        env.setAttributeNS(XMLNS, "xmlns:invctx", Soap.INVCTX);
        Element header = SoapEnvelopes.header(doc);
        Element body = SoapEnvelopes.body(doc);
        addressing(header, "Action", call.soapAction(), "action");
        addressing(header, "MessageID", "urn:uuid:" + call.correlationId(), "messageid");
        addressing(header, "To", call.endpoint().toString(), "to");
        Element replyTo = addressing(header, "ReplyTo", null, "replyto");
        Dom.add(replyTo, Soap.WSA, "wsa:Address", "http://www.w3.org/2005/08/addressing/anonymous");
        if (call.requestHeader()) {
            Element rh = Dom.add(header, REQUEST_HEADER, "rh:RequestHeader", null);
            rh.setAttributeNS(XMLNS, "xmlns:rh", REQUEST_HEADER);
            Dom.add(rh, REQUEST_HEADER, "rh:TransactionUUID", call.correlationId());
        }
        JaxbCodec.marshal(payload, body);
        auth.apply(doc, header, body, call);
        return doc;
    }

    private static Element addressing(Element header, String local, String text, String id) {
        Element e = Dom.add(header, Soap.WSA, "wsa:" + local, text);
        e.setAttributeNS(Soap.WSU, "wsu:Id", id);
        return e;
    }
}
