package dk.rammearkitektur.signing.internal;

import java.util.Arrays;
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
        Scope scope = new Scope();
        int depth = 0;
        for (Node n = root.getParentNode(); n instanceof Element; n = n.getParentNode()) {
            depth++;
        }
        Element[] ancestors = new Element[depth];
        for (Node n = root.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            ancestors[--depth] = e;
        }
        // outermost first, so that a nearer declaration is found first
        for (Element a : ancestors) {
            collectDeclarations(a, scope);
        }
        scope.fix(root);
    }

    /**
     * The namespaces in scope as two array stacks, innermost last (prefix "" is the default namespace): an element's
     * declarations are pushed while its subtree is fixed and popped after it, so no element costs a map.
     */
    private static final class Scope {
        private String[] prefixes = new String[16];
        private String[] uris = new String[16];
        private int size;

        void push(String prefix, String uri) {
            if (size == prefixes.length) {
                prefixes = Arrays.copyOf(prefixes, size * 2);
                uris = Arrays.copyOf(uris, size * 2);
            }
            prefixes[size] = prefix;
            uris[size++] = uri;
        }

        /** The URI bound to {@code prefix}, or "" when none is. */
        String lookup(String prefix) {
            for (int i = size - 1; i >= 0; i--) {
                if (prefixes[i].equals(prefix)) {
                    return uris[i];
                }
            }
            return "";
        }

        /** Fixes {@code e} and its subtree; the scope is as before when it returns. */
        void fix(Element e) {
            int mark = size;
            NamedNodeMap attrs = e.getAttributes();
            collectDeclarations(e, this);
            declare(e, e.getPrefix(), e.getNamespaceURI());
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String ns = a.getNamespaceURI();
                if (ns != null && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) && !XMLConstants.XML_NS_URI.equals(ns)
                        && a.getPrefix() != null) {
                    declare(e, a.getPrefix(), ns);
                }
            }
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    fix(child);
                }
            }
            Arrays.fill(prefixes, mark, size, null);
            Arrays.fill(uris, mark, size, null);
            size = mark;
        }

        /** Declares {@code prefix} on {@code e} unless bound to {@code ns} in scope. */
        private void declare(Element e, String prefix, String ns) {
            String key = prefix == null ? "" : prefix;
            String uri = ns == null ? "" : ns;
            if (uri.equals(lookup(key))) {
                return;
            }
            if (key.isEmpty()) {
                e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, uri);
            } else {
                e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + key, uri);
            }
            push(key, uri);
        }
    }

    /** Pushes the xmlns attributes of {@code e}, in attribute order (a later one wins). */
    private static void collectDeclarations(Element e, Scope scope) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0, len = attrs.getLength(); i < len; i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                String key = XMLConstants.XMLNS_ATTRIBUTE.equals(a.getLocalName()) && a.getPrefix() == null ? "" : a.getLocalName();
                scope.push(key, a.getValue());
            }
        }
    }
}
