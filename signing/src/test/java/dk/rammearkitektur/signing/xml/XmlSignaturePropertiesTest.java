package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlSignaturePropertiesTest {
    private static final XmlSigner SIGNER = XmlSigner.builder(XmlSignatureTest.PKI.oces3Organisation().credential()).build();
    private static final XmlSignatureVerifier VERIFIER = XmlSignatureTest.pinnedVerifier(XmlSignatureTest.PKI.oces3Organisation());

    /** A generated element: name, attribute value, text and children (depth-limited). */
    record Node(String name, String attr, String text, List<Node> children) {
        void appendTo(Document doc, Element parent) {
            Element e = doc.createElementNS(XmlFixtures.NS, "t:" + name);
            if (!attr.isEmpty()) {
                e.setAttributeNS(null, "a", attr);
            }
            e.appendChild(doc.createTextNode(text));
            for (Node c : children) {
                c.appendTo(doc, e);
            }
            parent.appendChild(e);
        }
    }

    @Provide
    Arbitrary<Node> trees() {
        return tree(3);
    }

    private Arbitrary<Node> tree(int depth) {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> values = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('æ', 'ø', 'å', ' ', '<', '&', '"').ofMaxLength(12);
        Arbitrary<List<Node>> kids = depth == 0 ? Arbitraries.just(List.of()) : tree(depth - 1).list().ofMaxSize(3);
        return Combinators.combine(names, values, values, kids).as(Node::new);
    }

    private static Document build(Node content) {
        Document doc = SecureXml.parse("<t:Envelope xmlns:t=\"" + XmlFixtures.NS + "\"><t:Data Id=\"d1\"/></t:Envelope>");
        content.appendTo(doc, XmlFixtures.data(doc));
        return doc;
    }

    @Property(tries = 100)
    void signThenVerifyHolds(@ForAll("trees") Node content) {
        Document doc = build(content);
        SIGNER.signDetached(doc.getDocumentElement(), null, List.of(XmlFixtures.data(doc)));
        Document received = XmlFixtures.reparse(doc);
        VerifiedSignature v = VERIFIER.verifyAll(received).get(0);
        assertEquals(List.of("d1"), v.signedIds());
        assertEquals(XmlFixtures.data(received), v.signedElement(XmlFixtures.NS, "Data"));
    }

    @Property(tries = 1000)
    void anySingleByteChangeInsideSignedContentIsDetected(@ForAll("trees") Node content,
            @ForAll double where, @ForAll char replacement) {
        Document doc = build(content);
        SIGNER.signDetached(doc.getDocumentElement(), null, List.of(XmlFixtures.data(doc)));
        String xml = SecureXml.toString(doc);
        int start = xml.indexOf("<t:Data");
        int end = xml.indexOf("</t:Data>") + "</t:Data>".length();
        int pos = start + (int) (Math.abs(where) % 1.0 * (end - start));
        char original = xml.charAt(pos);
        char changed = replacement == original || Character.isWhitespace(replacement) || Character.isSurrogate(replacement)
                ? (original == 'x' ? 'y' : 'x') : replacement;
        if (Character.isWhitespace(original) && insideTag(xml, pos)) {
            changed = original == ' ' ? 'x' : ' ';
            if (changed == ' ') {
                return;
            }
        }
        String tampered = xml.substring(0, pos) + changed + xml.substring(pos + 1);
        assertThrows(RammearkitekturException.class, () -> VERIFIER.verifyAll(SecureXml.parse(tampered)),
                () -> "undetected change at " + pos + ": '" + original + "' -> '" + tampered.charAt(pos) + "'");
    }

    private static boolean insideTag(String xml, int pos) {
        return xml.lastIndexOf('<', pos) > xml.lastIndexOf('>', pos);
    }
}
