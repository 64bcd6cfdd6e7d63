package dk.rammearkitektur.testkit.beskedfordeler.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The simulator's own DOM helpers (it shares no code path with the clients). */
final class Dom {
    private Dom() {
    }

    /** Appends an element {@code name} in {@code ns} with {@code text} (none when null) and returns it. */
    static Element add(Element parent, String ns, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(ns, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /** The first child element {@code local} in {@code ns}, or null (also when {@code parent} is null). */
    static Element child(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The first child element of any name, or null. */
    static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** The node as UTF-8 XML without a declaration. */
    static byte[] bytes(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(node, out);
        return out.toByteArray();
    }
}
