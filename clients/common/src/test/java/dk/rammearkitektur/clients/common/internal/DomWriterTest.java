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
