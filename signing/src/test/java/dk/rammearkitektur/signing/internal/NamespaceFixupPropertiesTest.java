package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.xml.XMLConstants;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * {@link NamespaceFixup} on random DOMs built in code (prefixes reused for other URIs at other depths, default
 * namespaces, prefixed attributes, some declarations already present, some contradicting the element): afterwards
 * every prefix resolves through the xmlns attributes to the namespace its element or attribute has, a second run adds
 * nothing, and the exclusive canonical form is the one a receiver computes after parsing the serialised document.
 */
class NamespaceFixupPropertiesTest {
    private static final String[] PREFIXES = {"", "a", "b", "c"};
    private static final String[] URIS = {"", "urn:one", "urn:two", "http://example.org/three"};

    static {
        Santuario.init();
    }

    @Property(tries = 300)
    void everyPrefixResolvesAndTheCanonicalFormSurvivesTheWire(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        Document doc = SecureXml.documentBuilder().newDocument();
        Element root = element(doc, r);
        doc.appendChild(root);
        grow(doc, root, r, 0);

        NamespaceFixup.declareMissing(root);

        checkResolves(root, new HashMap<>());
        int before = countAttributes(root);
        NamespaceFixup.declareMissing(root);
        assertEquals(before, countAttributes(root), "a second run declares nothing");
        Document received = SecureXml.parse(SecureXml.toString(doc));
        assertArrayEquals(canonical(received.getDocumentElement()), canonical(root));
        ByteSink sink = ByteSink.forThisThread();
        assertTrue(ExclusiveC14n.canonicalize(root, sink), "the fixed DOM is one the fast canonicaliser handles");
        assertArrayEquals(canonical(received.getDocumentElement()), sink.toByteArray());
        sink.reset();
    }

    private static Element element(Document doc, Random r) {
        String p = PREFIXES[r.nextInt(PREFIXES.length)];
        String uri = URIS[r.nextInt(URIS.length)];
        if (!p.isEmpty() && uri.isEmpty()) {
            uri = "urn:one";
        }
        Element e = doc.createElementNS(uri.isEmpty() ? null : uri, p.isEmpty() ? "e" : p + ":e");
        // a prefixed attribute with a prefix other than the element's, some of the time
        String ap = PREFIXES[1 + r.nextInt(PREFIXES.length - 1)];
        if (!ap.equals(p) && r.nextInt(3) == 0) {
            e.setAttributeNS(URIS[1 + r.nextInt(URIS.length - 1)], ap + ":att", "v" + r.nextInt(9));
        }
        if (r.nextInt(4) == 0) {
            e.setAttributeNS(null, "plain", "w");
        }
        // a declaration already present: the element's own (right), or another prefix bound to any URI
        switch (r.nextInt(4)) {
            case 0 -> declare(e, p, uri);
            case 1 -> {
                String dp = PREFIXES[r.nextInt(PREFIXES.length)];
                if (!dp.equals(p) && !dp.equals(ap) && !dp.isEmpty()) {
                    declare(e, dp, URIS[1 + r.nextInt(URIS.length - 1)]);
                }
            }
            default -> {
            }
        }
        return e;
    }

    private static void declare(Element e, String prefix, String uri) {
        e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri);
    }

    private static void grow(Document doc, Element parent, Random r, int depth) {
        int n = depth > 4 ? 0 : r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Element c = element(doc, r);
            parent.appendChild(c);
            if (r.nextBoolean()) {
                c.appendChild(doc.createTextNode("t" + i));
            }
            grow(doc, c, r, depth + 1);
        }
    }

    /** Checks with a map per element (independent of the code under test) that every name resolves. */
    private static void checkResolves(Element e, Map<String, String> inherited) {
        Map<String, String> scope = new HashMap<>(inherited);
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                scope.put(a.getPrefix() == null ? "" : a.getLocalName(), a.getValue());
            }
        }
        String p = e.getPrefix() == null ? "" : e.getPrefix();
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        assertEquals(ns, scope.getOrDefault(p, ""), "element " + e.getNodeName());
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getPrefix() != null && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                assertEquals(a.getNamespaceURI(), scope.get(a.getPrefix()), "attribute " + a.getName());
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                checkResolves(child, scope);
            }
        }
    }

    private static int countAttributes(Element e) {
        int n = e.getAttributes().getLength();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                n += countAttributes(child);
            }
        }
        return n;
    }

    private static byte[] canonical(Element e) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, out);
        return out.toByteArray();
    }
}
