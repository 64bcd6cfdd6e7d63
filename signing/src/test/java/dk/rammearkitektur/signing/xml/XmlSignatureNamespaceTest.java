package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Documents built in code (createElementNS without namespace declaration attributes) must be signed as they will be
 * read after serialisation, so that the receiver can verify them.
 */
class XmlSignatureNamespaceTest {
    private static final TestPki PKI = TestPki.generateFast(1);
    private static final String NS = "urn:test:built";

    private static Document built() {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element root = doc.createElementNS(NS, "b:Root");
        doc.appendChild(root);
        Element data = doc.createElementNS(NS, "b:Data");
        data.setAttributeNS(null, "Id", "d1");
        Element inner = doc.createElementNS("urn:test:other", "o:Inner");
        inner.setTextContent("value");
        data.appendChild(inner);
        root.appendChild(data);
        Element other = doc.createElementNS(NS, "b:Other");
        other.setAttributeNS(null, "Id", "o1");
        other.setTextContent("x");
        root.appendChild(other);
        return doc;
    }

    @Test
    void envelopedSignatureOverABuiltDocumentVerifiesAfterSerialisation() {
        Document doc = built();
        Element data = (Element) doc.getElementsByTagNameNS(NS, "Data").item(0);
        XmlSigner.builder(PKI.oces3Organisation().credential()).build().signEnveloped(data);
        Document received = SecureXml.parse(SecureXml.toString(doc));
        VerifiedSignature v = XmlSignatureVerifier.builder(SignatureTrust.pinned(PKI.oces3Organisation().certificate())).build()
                .verifyAll(received).get(0);
        assertEquals(List.of("d1"), v.signedIds());
    }

    @Test
    void detachedSignatureOverABuiltDocumentVerifiesAfterSerialisation() {
        Document doc = built();
        Element data = (Element) doc.getElementsByTagNameNS(NS, "Data").item(0);
        Element other = (Element) doc.getElementsByTagNameNS(NS, "Other").item(0);
        XmlSigner.builder(PKI.oces3Organisation().credential()).build()
                .signDetached(doc.getDocumentElement(), null, List.of(data, other));
        Document received = SecureXml.parse(SecureXml.toString(doc));
        VerifiedSignature v = XmlSignatureVerifier.builder(SignatureTrust.pinned(PKI.oces3Organisation().certificate())).build()
                .verifyAll(received).get(0);
        assertEquals(List.of("d1", "o1"), v.signedIds());
    }
}
