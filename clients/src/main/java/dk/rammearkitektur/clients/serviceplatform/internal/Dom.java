package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers; documents come from SecureXml's hardened builder, one per thread. */
public final class Dom {
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::documentBuilder);

    private Dom() {
    }

    /** A new empty document. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** Appends a child element with optional text. */
    public static Element add(Element parent, String ns, String qname, String text) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /** The element children of {@code parent}. */
    public static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The first element child with the given namespace and local name, or null. */
    public static Element child(Node parent, String ns, String local) {
        for (Element e : children(parent)) {
            if (local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** The trimmed text of the first matching child, or null. */
    public static String childText(Node parent, String ns, String local) {
        Element e = child(parent, ns, local);
        return e == null ? null : e.getTextContent().trim();
    }
}
