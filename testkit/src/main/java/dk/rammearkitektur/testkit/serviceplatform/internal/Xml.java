package dk.rammearkitektur.testkit.serviceplatform.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DOM and SOAP helpers of the simulators (Serviceplatformen's and the identity provider's): their own, so that they
 * share no code path with the SDK's clients and service provider they test.
 */
public final class Xml {
    /** SOAP 1.1 envelope namespace. */
    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    /** SOAP 1.2 envelope namespace. */
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    /** WS-Addressing namespace. */
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    /** Serviceplatformen's InvocationContext namespace. */
    public static final String INVCTX = "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/";
    /** Serviceplatformen's fault detail namespace. */
    public static final String SPF = "http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/";
    /** The namespace of namespace declarations. */
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private Xml() {
    }

    /** A new empty namespace-aware document. */
    public static Document newDocument() {
        return SecureXml.documentBuilder().newDocument();
    }

    /**
     * Creates {@code qname} ({@code prefix:local}) in {@code ns} with {@code text}'s string value (none when null),
     * appends it to {@code parent} (an element or a document) and returns it.
     */
    public static Element el(Node parent, String ns, String qname, Object text) {
        Document d = parent instanceof Document doc ? doc : parent.getOwnerDocument();
        Element e = d.createElementNS(ns, qname);
        if (text != null) {
            e.setTextContent(String.valueOf(text));
        }
        parent.appendChild(e);
        return e;
    }

    /**
     * Appends a LoRa Virkning {@code qname} (namespace {@code ns}) to {@code parent}: {@code sd:FraTidspunkt} and
     * {@code sd:TilTidspunkt} as timestamps, {@code to} null as {@code GraenseIndikator} true; returns it.
     */
    public static Element virkning(Element parent, String ns, String qname, Object from, Object to) {
        String sd = "urn:oio:sagdok:3.0.0";
        Element v = el(parent, ns, qname, null);
        el(el(v, sd, "sd:FraTidspunkt", null), sd, "sd:TidsstempelDatoTid", from);
        Element until = el(v, sd, "sd:TilTidspunkt", null);
        if (to == null) {
            el(until, sd, "sd:GraenseIndikator", "true");
        } else {
            el(until, sd, "sd:TidsstempelDatoTid", to);
        }
        return v;
    }

    /** The child elements of {@code parent}, in document order. */
    public static List<Element> kids(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The child elements of {@code parent} with this namespace and local name, in document order. */
    public static List<Element> kids(Node parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e : kids(parent)) {
            if (local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element of {@code parent} with this namespace and local name, or null. */
    public static Element kid(Node parent, String ns, String local) {
        List<Element> found = kids(parent, ns, local);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of the first child element with this namespace and local name, or null when none. */
    public static String text(Node parent, String ns, String local) {
        Element e = kid(parent, ns, local);
        return e == null ? null : e.getTextContent().trim();
    }

    /** A new SOAP 1.1 envelope; returns its Body. */
    public static Element envelope() {
        return envelope(SOAP);
    }

    /** A new envelope of the SOAP version with namespace {@code soapNs}; returns its Body. */
    public static Element envelope(String soapNs) {
        Document d = newDocument();
        Element env = d.createElementNS(soapNs, "soap:Envelope");
        env.setAttributeNS(XMLNS, "xmlns:soap", soapNs);
        d.appendChild(env);
        el(env, soapNs, "soap:Header", null);
        return el(env, soapNs, "soap:Body", null);
    }

    /** A SOAP 1.1 fault envelope with Serviceplatformen's detail. */
    public static Document fault(String soapCode, String errorCode, String text) {
        return fault(SOAP, soapCode, errorCode, text);
    }

    /**
     * A fault envelope with Serviceplatformen's detail: SOAP 1.1 {@code faultcode/faultstring/detail}, or SOAP 1.2
     * {@code Code/Value} ({@code Sender} for a client error, {@code Receiver} for a server one), {@code Reason/Text}
     * and {@code Detail}. {@code soapCode} is the SOAP 1.1 name, {@code Client} or {@code Server}.
     */
    public static Document fault(String soapNs, String soapCode, String errorCode, String text) {
        Element body = envelope(soapNs);
        Document doc = body.getOwnerDocument();
        Element fault = el(body, soapNs, "soap:Fault", null);
        Element detail;
        if (SOAP12.equals(soapNs)) {
            el(el(fault, soapNs, "soap:Code", null), soapNs, "soap:Value",
                    "soap:" + ("Client".equals(soapCode) ? "Sender" : "Receiver"));
            Element reason = el(fault, soapNs, "soap:Reason", null);
            el(reason, soapNs, "soap:Text", text).setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
            detail = el(fault, soapNs, "soap:Detail", null);
        } else {
            Element fc = doc.createElementNS(null, "faultcode");
            fc.setTextContent("soap:" + soapCode);
            fault.appendChild(fc);
            Element fs = doc.createElementNS(null, "faultstring");
            fs.setTextContent(text);
            fault.appendChild(fs);
            detail = doc.createElementNS(null, "detail");
            fault.appendChild(detail);
        }
        Element spf = el(detail, SPF, "spf:ServiceplatformFault", null);
        spf.setAttributeNS(XMLNS, "xmlns:spf", SPF);
        Element err = el(el(spf, SPF, "spf:ErrorList", null), SPF, "spf:Error", null);
        el(err, SPF, "spf:ErrorCode", errorCode);
        el(err, SPF, "spf:ErrorText", text);
        return doc;
    }

    /** The HTTP status of a reply: 200, or for a fault 500 (SOAP 1.1; SOAP 1.2 Receiver) or 400 (SOAP 1.2 Sender). */
    public static int status(Document reply) {
        Element env = reply.getDocumentElement();
        String ns = env.getNamespaceURI();
        Element body = kid(env, ns, "Body");
        Element fault = body == null ? null : kid(body, ns, "Fault");
        if (fault == null) {
            return 200;
        }
        if (SOAP12.equals(ns)) {
            Element code = kid(fault, ns, "Code");
            String value = code == null ? null : text(code, ns, "Value");
            return value != null && value.endsWith(":Sender") ? 400 : 500;
        }
        return 500;
    }

    /** The HTTP content type of a reply envelope of the version with namespace {@code soapNs}. */
    public static String contentType(String soapNs) {
        return SOAP12.equals(soapNs) ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
    }
}
