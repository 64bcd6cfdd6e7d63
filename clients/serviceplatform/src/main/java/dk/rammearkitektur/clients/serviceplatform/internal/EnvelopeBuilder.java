package dk.rammearkitektur.clients.serviceplatform.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.serviceplatform.internal.JaxbCodec;
import dk.rammearkitektur.clients.common.internal.Soap;
import dk.rammearkitektur.clients.common.internal.SoapEnvelopes;

/**
 * Builds a SOAP 1.1 or 1.2 envelope (the call's binding) as DOM: WS-Addressing headers (as {@link Addressing} says,
 * and never for a binding whose SOAP action is empty),
 * the KOMBIT RequestHeader where the binding has one, the auth model's additions, the body (a {@link DomPayload}
 * appends itself; anything else is marshalled by JAXB).
 */
public final class EnvelopeBuilder {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    /** KOMBIT's request header namespace (support systems such as SF1500 Organisation 6). */
    public static final String REQUEST_HEADER = "http://kombit.dk/xml/schemas/RequestHeader/1/";

    private EnvelopeBuilder() {
    }

    /**
     * How the WS-Addressing headers are sent (research note rows a4 and f8; both are the SDK's choice).
     *
     * @param send whether {@code wsa:Action}, {@code MessageID}, {@code To} and {@code ReplyTo} are sent at all
     * @param mustUnderstand whether {@code wsa:Action} and {@code wsa:To} carry the envelope version's
     *     {@code mustUnderstand} attribute ({@code "1"} in SOAP 1.1, {@code "true"} in SOAP 1.2, as on
     *     {@code wsse:Security}); only meaningful when {@code send}
     */
    public record Addressing(boolean send, boolean mustUnderstand) {
        /** Today's default: the four headers, without {@code mustUnderstand}. */
        public static final Addressing DEFAULT = new Addressing(true, false);
    }

    /** The envelope for {@code call} carrying {@code payload}, with {@link Addressing#DEFAULT} addressing. */
    public static Document build(CallInfo call, Object payload, Authenticator auth) {
        return build(call, payload, auth, Addressing.DEFAULT);
    }

    /** The envelope for {@code call} carrying {@code payload}, with the WS-Addressing headers as {@code wsa} says. */
    public static Document build(CallInfo call, Object payload, Authenticator auth, Addressing wsa) {
        Document doc = SoapEnvelopes.newEnvelope(call.version());
        Element env = doc.getDocumentElement();
        env.setAttributeNS(XMLNS, "xmlns:invctx", Soap.INVCTX);
        Element header = SoapEnvelopes.header(doc);
        Element body = SoapEnvelopes.body(doc);
        // A binding whose soapAction is "" (SF6002) names no action, and wsa:Action must be an absolute IRI: such
        // calls go without WS-Addressing, as the public SF6002 clients send them (research note sf6002.md, S2).
        if (wsa.send() && !call.soapAction().isEmpty()) {
            env.setAttributeNS(XMLNS, "xmlns:wsa", Soap.WSA);
            env.setAttributeNS(XMLNS, "xmlns:wsu", Soap.WSU);
            mustUnderstand(addressing(header, "Action", call.soapAction(), "action"), wsa);
            addressing(header, "MessageID", "urn:uuid:" + call.correlationId(), "messageid");
            mustUnderstand(addressing(header, "To", call.endpoint().toString(), "to"), wsa);
            Element replyTo = addressing(header, "ReplyTo", null, "replyto");
            Dom.add(replyTo, Soap.WSA, "wsa:Address", "http://www.w3.org/2005/08/addressing/anonymous");
        }
        if (call.requestHeader()) {
            Element rh = Dom.add(header, REQUEST_HEADER, "rh:RequestHeader", null);
            rh.setAttributeNS(XMLNS, "xmlns:rh", REQUEST_HEADER);
            Dom.add(rh, REQUEST_HEADER, "rh:TransactionUUID", call.correlationId());
        }
        if (payload instanceof DomPayload dom) {
            dom.appendTo(body);
        } else {
            JaxbCodec.marshal(payload, body);
        }
        auth.apply(doc, header, body, call);
        return doc;
    }

    /** Marks {@code e} {@code soap:mustUnderstand} in the envelope's own namespace when {@code wsa} asks for it. */
    private static void mustUnderstand(Element e, Addressing wsa) {
        if (wsa.mustUnderstand()) {
            String soap = e.getOwnerDocument().getDocumentElement().getNamespaceURI();
            e.setAttributeNS(soap, "soap:mustUnderstand", Soap.SOAP12.equals(soap) ? "true" : "1");
        }
    }

    private static Element addressing(Element header, String local, String text, String id) {
        Element e = Dom.add(header, Soap.WSA, "wsa:" + local, text);
        e.setAttributeNS(Soap.WSU, "wsu:Id", id);
        return e;
    }
}
