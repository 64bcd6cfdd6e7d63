package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.SignatureException;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Registers the ID attributes the SDK recognises, and only those: {@code wsu:Id} and the unqualified {@code ID}
 * (SAML) and {@code Id} (XML-DSig, our own documents). Refuses a document in which two elements share an ID.
 */
public final class IdRegistry {
    /** The WS-Security utility namespace. */
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private final Map<String, Element> byId;
    private final boolean plain;

    private IdRegistry(Map<String, Element> byId, boolean plain) {
        this.byId = byId;
        this.plain = plain;
    }

    /**
     * Marks every recognised ID attribute in {@code doc} as an ID and returns the map; duplicates are refused. Inside a
     * {@link VerificationScope} for {@code doc} the document is scanned once.
     */
    public static IdRegistry register(Document doc) {
        VerificationScope scope = VerificationScope.of(doc);
        if (scope != null && scope.ids() != null) {
            return scope.ids();
        }
        IdRegistry registry = scan(doc);
        if (scope != null) {
            scope.ids(registry);
        }
        return registry;
    }

    private static IdRegistry scan(Document doc) {
        Map<String, Element> ids = new HashMap<>();
        boolean plain = true;
        Element root = doc.getDocumentElement();
        // Document order, without a stack: down to the first child element, else to the next sibling element of the
        // nearest ancestor that has one.
        for (Element e = root; e != null; e = next(e, root)) {
            if (!e.hasAttributes()) {
                continue; // getAttributes() would give the element an attribute map of its own
            }
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (isIdAttribute(a)) {
                    Element previous = ids.putIfAbsent(a.getValue(), e);
                    if (previous != null && previous != e) {
                        throw new SignatureException(SignatureException.DUPLICATE_ID,
                                "duplicate ID '" + a.getValue() + "' on <" + previous.getLocalName() + "> and <"
                                        + e.getLocalName() + ">");
                    }
                    plain &= previous == null;
                    if (!a.isId()) {
                        e.setIdAttributeNode(a, true);
                    }
                } else if (a.isId()) {
                    plain = false;
                }
            }
        }
        return new IdRegistry(ids, plain);
    }

    /** The element after {@code e} in document order within {@code root}'s subtree, or null. */
    private static Element next(Element e, Element root) {
        Element child = firstElement(e.getFirstChild());
        if (child != null) {
            return child;
        }
        for (Node n = e; n != null && n != root; n = n.getParentNode()) {
            Element sibling = firstElement(n.getNextSibling());
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }

    /** {@code n} or its first following sibling that is an element, or null. */
    private static Element firstElement(Node n) {
        while (n != null && n.getNodeType() != Node.ELEMENT_NODE) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    /** Whether the attribute is one the SDK treats as an ID. */
    public static boolean isIdAttribute(Attr a) {
        String ns = a.getNamespaceURI();
        String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
        if (ns == null || ns.isEmpty()) {
            return local.equals("ID") || local.equals("Id");
        }
        return ns.equals(WSU) && local.equals("Id");
    }

    /** The ID of an element (wsu:Id, ID or Id), or null. */
    public static String idOf(Element e) {
        if (e.hasAttributeNS(WSU, "Id")) {
            return e.getAttributeNS(WSU, "Id");
        }
        if (e.hasAttributeNS(null, "ID")) {
            return e.getAttributeNS(null, "ID");
        }
        if (e.hasAttributeNS(null, "Id")) {
            return e.getAttributeNS(null, "Id");
        }
        return null;
    }

    /**
     * Whether every attribute marked as an ID in the document is one the SDK recognises, and no element carries one ID
     * value twice: then an ID names exactly one ID attribute, which is what Santuario's uniqueness check requires.
     */
    public boolean isPlain() {
        return plain;
    }

    /** The element with this ID, or null. */
    public Element get(String id) {
        return byId.get(id);
    }
}
