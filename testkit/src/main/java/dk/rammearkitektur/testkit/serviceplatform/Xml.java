package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.core.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** DOM helpers for the simulator (its own, so it shares no code path with the client). */
final class Xml {
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String INVCTX = "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/";
    static final String SPF = "http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private Xml() {
    }

    static Document newDocument() {
        return SecureXml.documentBuilder().newDocument();
    }

    static Element el(Element parent, String ns, String qname, Object text) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        if (text != null) {
            e.setTextContent(String.valueOf(text));
        }
        parent.appendChild(e);
        return e;
    }

    static List<Element> kids(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element kid(Node parent, String ns, String local) {
        for (Element e : kids(parent)) {
            if (local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static String text(Node parent, String ns, String local) {
        Element e = kid(parent, ns, local);
        return e == null ? null : e.getTextContent().trim();
    }

    /** A new SOAP 1.1 envelope; returns its Body. */
    static Element envelope() {
        Document d = newDocument();
        Element env = d.createElementNS(SOAP, "soap:Envelope");
        env.setAttributeNS(XMLNS, "xmlns:soap", SOAP);
        d.appendChild(env);
        el(env, SOAP, "soap:Header", null);
        return el(env, SOAP, "soap:Body", null);
    }

    /** A SOAP fault envelope with Serviceplatformen's detail. */
    static Document fault(String soapCode, String errorCode, String text) {
        Element body = envelope();
        Element fault = el(body, SOAP, "soap:Fault", null);
        Element fc = body.getOwnerDocument().createElementNS(null, "faultcode");
        fc.setTextContent("soap:" + soapCode);
        fault.appendChild(fc);
        Element fs = body.getOwnerDocument().createElementNS(null, "faultstring");
        fs.setTextContent(text);
        fault.appendChild(fs);
        Element detail = body.getOwnerDocument().createElementNS(null, "detail");
        fault.appendChild(detail);
        Element spf = el(detail, SPF, "spf:ServiceplatformFault", null);
        spf.setAttributeNS(XMLNS, "xmlns:spf", SPF);
        Element err = el(el(spf, SPF, "spf:ErrorList", null), SPF, "spf:Error", null);
        el(err, SPF, "spf:ErrorCode", errorCode);
        el(err, SPF, "spf:ErrorText", text);
        return body.getOwnerDocument();
    }
}
