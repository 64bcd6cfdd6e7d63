package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The fast serialiser writes what the JDK's identity transform writes, as a parser reads it back. */
class DomWriterTest {

    private static Document reparse(byte[] bytes) {
        return Dom.parse(bytes);
    }

    private static byte[] viaTransformer(Document d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(d, out);
        return out.toByteArray();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab<>&\"'\r\n\t æøå€\u00a0").ofMaxLength(20);
    }

    @Property(tries = 300)
    void textAndAttributesSurviveARoundTripLikeTheTransformersOutput(@ForAll("texts") String text,
            @ForAll("texts") String attr) {
        Document d = Dom.newDocument();
        Element root = d.createElementNS("urn:a", "a:root");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:a", "urn:a");
        d.appendChild(root);
        Element child = d.createElementNS("urn:b", "b:child");
        child.setAttributeNS(null, "plain", attr);
        child.setAttributeNS("urn:c", "c:qualified", attr);
        child.appendChild(d.createTextNode(text));
        root.appendChild(child);
        Element unqualified = d.createElementNS(null, "none");
        unqualified.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "da");
        root.appendChild(unqualified);
        Document ours = reparse(DomWriter.toBytes(d));
        Document theirs = reparse(viaTransformer(d));
        assertTrue(ours.getDocumentElement().isEqualNode(theirs.getDocumentElement()),
                new String(DomWriter.toBytes(d), StandardCharsets.UTF_8));
        Element back = (Element) ours.getDocumentElement().getFirstChild();
        assertEquals(text, back.getTextContent());
        assertEquals(attr, back.getAttributeNS(null, "plain"));
        assertEquals(attr, back.getAttributeNS("urn:c", "qualified"));
    }

    @Test
    void aPrefixAnEarlierAttributeWasWrittenWithIsNotReboundByALaterOne() {
        Document d = Dom.newDocument();
        Element root = d.createElementNS("urn:r", "r:root");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:b", "urn:b");
        d.appendChild(root);
        Element e = d.createElementNS("urn:a", "a:e");
        e.setAttributeNS("urn:b", "a:first", "1"); // clashes with the element's prefix: written as b:first
        e.setAttributeNS("urn:c", "b:second", "2"); // its own prefix b is now taken on this element
        root.appendChild(e);
        byte[] bytes = DomWriter.toBytes(d);
        Element back = (Element) reparse(bytes).getDocumentElement().getFirstChild();
        String written = new String(bytes, StandardCharsets.UTF_8);
        assertEquals("1", back.getAttributeNS("urn:b", "first"), written);
        assertEquals("2", back.getAttributeNS("urn:c", "second"), written);
    }

    /** Random documents with clashing prefixes read back as the same elements, attributes and text. */
    @Property(tries = 500)
    void randomNamespaceMixesReadBackAsTheSameInfoset(@ForAll("seeds") long seed) {
        java.util.Random r = new java.util.Random(seed);
        String[] uris = {"urn:a", "urn:b", "urn:c"};
        String[] prefixes = {"a", "b", "ns1", ""};
        Document d = Dom.newDocument();
        Element root = d.createElementNS("urn:a", "a:root");
        d.appendChild(root);
        java.util.List<Element> elements = new java.util.ArrayList<>(java.util.List.of(root));
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
            String p = prefixes[r.nextInt(prefixes.length)];
            String u = uris[r.nextInt(uris.length)];
            Element e = p.isEmpty() ? d.createElementNS(r.nextBoolean() ? null : u, "e" + i)
                    : d.createElementNS(u, p + ":e" + i);
            elements.get(r.nextInt(elements.size())).appendChild(e);
            elements.add(e);
            String declared = prefixes[r.nextInt(3)];
            if (r.nextInt(3) == 0 && !declared.equals(p)) { // (an element declaring its own prefix away is refused)
                e.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + declared, uris[r.nextInt(uris.length)]);
            }
            for (int j = 0, m = r.nextInt(4); j < m; j++) {
                String ap = prefixes[r.nextInt(3)];
                if (r.nextInt(4) == 0) {
                    e.setAttributeNS(null, "x" + j, "v\u00e6<&\"\t" + j);
                } else {
                    e.setAttributeNS(uris[r.nextInt(uris.length)], ap + ":y" + j, "w" + j);
                }
            }
            if (r.nextBoolean()) {
                e.appendChild(d.createTextNode("t\u00f8\r>" + i));
            }
        }
        byte[] bytes = DomWriter.toBytes(d);
        assertEquals(infoset(root), infoset(reparse(bytes).getDocumentElement()),
                new String(bytes, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static String infoset(org.w3c.dom.Node n) {
        if (!(n instanceof Element e)) {
            return n.getNodeType() + ":" + n.getNodeValue();
        }
        java.util.TreeSet<String> attributes = new java.util.TreeSet<>();
        org.w3c.dom.NamedNodeMap m = e.getAttributes();
        for (int i = 0; i < m.getLength(); i++) {
            org.w3c.dom.Attr a = (org.w3c.dom.Attr) m.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                attributes.add("{" + (a.getNamespaceURI() == null ? "" : a.getNamespaceURI()) + "}"
                        + a.getLocalName() + "=" + a.getValue());
            }
        }
        StringBuilder sb = new StringBuilder("{" + e.getNamespaceURI() + "}" + e.getLocalName() + attributes + "[");
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            sb.append(infoset(c));
        }
        return sb.append(']').toString();
    }

    @Test
    void prefixClashesGetAFreshPrefixAndNothingMovesNamespace() {
        Document d = Dom.newDocument();
        Element root = d.createElementNS("urn:a", "ns1:root");
        root.setAttributeNS("urn:b", "unprefixed", "1");
        root.setAttributeNS("urn:c", "ns1:clash", "2");
        d.appendChild(root);
        Element child = d.createElementNS("urn:a", "ns1:child");
        child.setAttributeNS("urn:d", "ns1:other", "3");
        root.appendChild(child);
        Document back = reparse(DomWriter.toBytes(d));
        Element r = back.getDocumentElement();
        assertEquals("urn:a", r.getNamespaceURI());
        assertEquals("1", r.getAttributeNS("urn:b", "unprefixed"));
        assertEquals("2", r.getAttributeNS("urn:c", "clash"));
        Element c = (Element) r.getFirstChild();
        assertEquals("urn:a", c.getNamespaceURI(), new String(DomWriter.toBytes(d), StandardCharsets.UTF_8));
        assertEquals("3", c.getAttributeNS("urn:d", "other"));
    }

    @Test
    void charactersXmlCannotCarryAreRefusedNotAltered() {
        for (String bad : new String[] {"a\u0001b", "x\ud800", "\udc00y", "\uffff"}) {
            Document d = Dom.newDocument();
            Element root = d.createElementNS(null, "r");
            root.appendChild(d.createTextNode(bad));
            d.appendChild(root);
            org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.core.XmlParseException.class,
                    () -> DomWriter.toBytes(d));
            root.removeChild(root.getFirstChild());
            root.setAttributeNS(null, "a", bad);
            org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.core.XmlParseException.class,
                    () -> DomWriter.toBytes(d));
        }
        Document ok = Dom.newDocument();
        Element root = ok.createElementNS(null, "r");
        root.appendChild(ok.createTextNode("emoji \ud83d\ude00"));
        ok.appendChild(root);
        assertEquals("emoji \ud83d\ude00", reparse(DomWriter.toBytes(ok)).getDocumentElement().getTextContent());
    }

    @Test
    void undeclaredPrefixesAndTheEmptyDefaultNamespaceAreDeclared() {
        Document d = Dom.newDocument();
        Element root = d.createElementNS("urn:default", "root");
        d.appendChild(root);
        root.appendChild(d.createElementNS(null, "plain"));
        root.appendChild(d.createElementNS("urn:x", "x:prefixed"));
        String xml = new String(DomWriter.toBytes(d), StandardCharsets.UTF_8);
        assertEquals("<root xmlns=\"urn:default\"><plain xmlns=\"\"/><x:prefixed xmlns:x=\"urn:x\"/></root>", xml);
        Document back = reparse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(null, back.getDocumentElement().getFirstChild().getNamespaceURI());
        assertEquals("urn:x", back.getDocumentElement().getLastChild().getNamespaceURI());
    }
}
