package dk.rammearkitektur.clients.serviceplatform.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds a SOAP 1.1 envelope as DOM: WS-Addressing headers, the auth model's header, the JAXB-marshalled body. */
public final class EnvelopeBuilder {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private EnvelopeBuilder() {
    }

    /** The envelope for {@code call} carrying {@code payload}. */
    public static Document build(CallInfo call, Object payload, Authenticator auth) {
        Document doc = Dom.newDocument();
        Element env = doc.createElementNS(Soap.SOAP11, "soap:Envelope");
        env.setAttributeNS(XMLNS, "xmlns:soap", Soap.SOAP11);
        env.setAttributeNS(XMLNS, "xmlns:wsa", Soap.WSA);
        env.setAttributeNS(XMLNS, "xmlns:wsu", Soap.WSU);
        env.setAttributeNS(XMLNS, "xmlns:invctx", Soap.INVCTX);
        doc.appendChild(env);
        Element header = Dom.add(env, Soap.SOAP11, "soap:Header", null);
        Element body = Dom.add(env, Soap.SOAP11, "soap:Body", null);
        addressing(header, "Action", call.soapAction(), "action");
        addressing(header, "MessageID", "urn:uuid:" + call.correlationId(), "messageid");
        addressing(header, "To", call.endpoint().toString(), "to");
        Element replyTo = addressing(header, "ReplyTo", null, "replyto");
        Dom.add(replyTo, Soap.WSA, "wsa:Address", "http://www.w3.org/2005/08/addressing/anonymous");
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
