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

    /**
     * Fixes {@code e} and its subtree. {@code parentScope} is never changed: an element that declares or needs a
     * namespace works on a copy, the others (most elements) share their parent's map.
     */
    private static void fix(Element e, Map<String, String> parentScope) {
        Map<String, String> scope = parentScope;
        NamedNodeMap attrs = e.getAttributes();
        if (declaresNamespace(attrs)) {
            scope = new HashMap<>(parentScope);
            collectDeclarations(e, scope, false);
        }
        scope = declare(e, e.getPrefix(), e.getNamespaceURI(), scope, parentScope);
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ns = a.getNamespaceURI();
            if (ns != null && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) && !XMLConstants.XML_NS_URI.equals(ns)
                    && a.getPrefix() != null) {
                scope = declare(e, a.getPrefix(), ns, scope, parentScope);
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                fix(child, scope);
            }
        }
    }

    private static boolean declaresNamespace(NamedNodeMap attrs) {
        for (int i = 0; i < attrs.getLength(); i++) {
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attrs.item(i).getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /** Declares {@code prefix} on {@code e} unless in scope; returns the scope, copied first if it was the parent's. */
    private static Map<String, String> declare(Element e, String prefix, String ns, Map<String, String> scope,
            Map<String, String> parentScope) {
        String key = prefix == null ? "" : prefix;
        String uri = ns == null ? "" : ns;
        if (uri.equals(scope.getOrDefault(key, ""))) {
            return scope;
        }
        if (key.isEmpty()) {
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, uri);
        } else {
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + key, uri);
        }
        Map<String, String> own = scope == parentScope ? new HashMap<>(parentScope) : scope;
        own.put(key, uri);
        return own;
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
