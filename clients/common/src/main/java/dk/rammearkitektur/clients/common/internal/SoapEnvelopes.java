package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.signing.wss.SoapVersion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The one SOAP envelope and fault layer every client uses, for SOAP 1.1 and SOAP 1.2: empty envelopes of either
 * version, the HTTP content type and SOAPAction header each version uses, the reply's Body, and a fault of either
 * version (SOAP 1.1 {@code faultcode/faultstring/detail}, SOAP 1.2 {@code Code/Reason/Detail}) read into a
 * {@link ServiceFaultException}, taking Serviceplatformen's {@code ServiceplatformFault/ErrorList} detail
 * when present.
 */
public final class SoapEnvelopes {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private SoapEnvelopes() {
    }

    /** A new document holding {@code soap:Envelope} with an empty {@code soap:Header} and {@code soap:Body}. */
    public static Document newEnvelope(SoapVersion version) {
        Document doc = Dom.newDocument();
        String ns = version.namespace();
        Element env = doc.createElementNS(ns, "soap:Envelope");
        env.setAttributeNS(XMLNS, "xmlns:soap", ns);
        doc.appendChild(env);
        Dom.add(env, ns, "soap:Header", null);
        Dom.add(env, ns, "soap:Body", null);
        return doc;
    }

    /** The Header element of an envelope built by {@link #newEnvelope(SoapVersion)}. */
    public static Element header(Document envelope) {
        Element env = envelope.getDocumentElement();
        return Dom.child(env, env.getNamespaceURI(), "Header");
    }

    /** The Body element of an envelope built by {@link #newEnvelope(SoapVersion)}. */
    public static Element body(Document envelope) {
        Element env = envelope.getDocumentElement();
        return Dom.child(env, env.getNamespaceURI(), "Body");
    }

    /**
     * The HTTP Content-Type for a request: SOAP 1.1 {@code text/xml; charset=UTF-8} (the action goes in the
     * SOAPAction header), SOAP 1.2 {@code application/soap+xml; charset=utf-8; action="..."} (RFC 3902; no SOAPAction
     * header).
     */
    public static String contentType(SoapVersion version, String action) {
        if (version == SoapVersion.SOAP_12) {
            return "application/soap+xml; charset=utf-8; action=\"" + action + "\"";
        }
        return "text/xml; charset=UTF-8";
    }

    /** The SOAPAction header value ({@code "action"}, quoted) for SOAP 1.1, or null for SOAP 1.2, which has none. */
    public static String soapActionHeader(SoapVersion version, String action) {
        return version == SoapVersion.SOAP_11 ? "\"" + action + "\"" : null;
    }

    /** The Body of a SOAP 1.1 or 1.2 reply envelope; anything else is a {@link MalformedReplyException}. */
    public static Element replyBody(Document doc, ServiceCall call) {
        Element env = doc.getDocumentElement();
        SoapVersion version = SoapVersion.of(env).orElseThrow(() -> new MalformedReplyException(call,
                "reply is not a SOAP 1.1 or 1.2 envelope", null));
        Element body = Dom.child(env, version.namespace(), "Body");
        if (body == null) {
            throw new MalformedReplyException(call, "reply envelope has no Body", null);
        }
        return body;
    }

    /** The Fault in a reply Body of either version, or null. */
    public static Element fault(Element body) {
        return Dom.child(body, body.getNamespaceURI(), "Fault");
    }

    /** Reads a SOAP 1.1 or SOAP 1.2 Fault element into our exception. */
    public static ServiceFaultException faultException(Element fault, ServiceCall call, int httpStatus) {
        String soapCode;
        String text;
        Element detail;
        if (Soap.SOAP12.equals(fault.getNamespaceURI())) {
            Element code = Dom.child(fault, Soap.SOAP12, "Code");
            soapCode = code == null ? null : Dom.childText(code, Soap.SOAP12, "Value");
            Element sub = code == null ? null : Dom.child(code, Soap.SOAP12, "Subcode");
            String subValue = sub == null ? null : Dom.childText(sub, Soap.SOAP12, "Value");
            if (subValue != null && soapCode != null) {
                soapCode = soapCode + "/" + subValue;
            }
            Element reason = Dom.child(fault, Soap.SOAP12, "Reason");
            text = reason == null ? null : Dom.childText(reason, Soap.SOAP12, "Text");
            detail = Dom.child(fault, Soap.SOAP12, "Detail");
        } else {
            soapCode = unqualifiedText(fault, "faultcode");
            text = unqualifiedText(fault, "faultstring");
            detail = unqualified(fault, "detail");
        }
        return faultException(soapCode, text, detail, call, httpStatus);
    }

    /**
     * Our exception for a fault with this SOAP code, text and detail: the first
     * {@code ServiceplatformFault/ErrorList/Error} in the detail gives the code and text when present.
     */
    public static ServiceFaultException faultException(String soapCode, String text, Element detail,
            ServiceCall call, int httpStatus) {
        String code = soapCode;
        String detailText = text;
        if (detail != null) {
            org.w3c.dom.NodeList errors = detail.getElementsByTagNameNS(Soap.SPF, "Error");
            if (errors.getLength() > 0) {
                Element first = (Element) errors.item(0);
                String c = Dom.childText(first, Soap.SPF, "ErrorCode");
                String t = Dom.childText(first, Soap.SPF, "ErrorText");
                code = c == null ? code : c;
                detailText = t == null ? text : t;
            }
        }
        return new ServiceFaultException(call, code, detailText, httpStatus, soapCode, text);
    }

    /** SOAP 1.1 fault children are unqualified; tolerate a qualified one, as some stacks send. */
    private static Element unqualified(Element parent, String local) {
        for (Element e : Dom.children(parent)) {
            if (local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String unqualifiedText(Element parent, String local) {
        Element e = unqualified(parent, local);
        return e == null ? null : e.getTextContent().trim();
    }
}
