package dk.rammearkitektur.signing.internal;

import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Adds the namespace declaration attributes that a DOM built in code (with {@code createElementNS}) lacks, so that
 * canonicalisation before signing sees the same namespace nodes a receiver sees after parsing the serialised document.
 * Without it, a signature over such a DOM does not verify once sent.
 */
public final class NamespaceFixup {
    private NamespaceFixup() {
    }

    /** Declares, on {@code root} and below, every namespace used by an element or attribute but not declared in scope. */
    public static void declareMissing(Element root) {
        Map<String, String> inScope = new HashMap<>();
        for (Node n = root.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            collectDeclarations(e, inScope, true);
        }
        fix(root, inScope);
    }

    private static void fix(Element e, Map<String, String> parentScope) {
        Map<String, String> scope = new HashMap<>(parentScope);
        collectDeclarations(e, scope, false);
        declare(e, e.getPrefix(), e.getNamespaceURI(), scope);
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ns = a.getNamespaceURI();
            if (ns != null && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) && !XMLConstants.XML_NS_URI.equals(ns)
                    && a.getPrefix() != null) {
                declare(e, a.getPrefix(), ns, scope);
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                fix(child, scope);
            }
        }
    }

    private static void declare(Element e, String prefix, String ns, Map<String, String> scope) {
        String key = prefix == null ? "" : prefix;
        String uri = ns == null ? "" : ns;
        if (uri.equals(scope.getOrDefault(key, ""))) {
            return;
        }
        if (key.isEmpty()) {
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, uri);
        } else {
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + key, uri);
        }
        scope.put(key, uri);
    }

    /** Records the xmlns attributes of {@code e}; for ancestors ({@code outer}) a nearer declaration wins. */
    private static void collectDeclarations(Element e, Map<String, String> scope, boolean outer) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                String key = XMLConstants.XMLNS_ATTRIBUTE.equals(a.getLocalName()) && a.getPrefix() == null ? "" : a.getLocalName();
                if (outer) {
                    scope.putIfAbsent(key, a.getValue());
                } else {
                    scope.put(key, a.getValue());
                }
            }
        }
    }
}
