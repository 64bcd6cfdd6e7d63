package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.DigestAlgorithm;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** When {@link TokenTemplate#digest} answers from memory and when it computes. */
class TokenTemplateTest {
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String SOURCE = "<r:Response xmlns:r='urn:response' xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
            + "<saml:Assertion xmlns:saml='" + SAML + "' ID='_a'><saml:AttributeValue"
            + " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xsi:type='xs:string'>v</saml:AttributeValue>"
            + "</saml:Assertion></r:Response>";

    private final AtomicInteger computed = new AtomicInteger();

    private byte[] compute() {
        return new byte[] {(byte) computed.incrementAndGet()};
    }

    private static TokenTemplate template() {
        Document source = SecureXml.parse(SOURCE);
        return TokenTemplate.of((Element) source.getElementsByTagNameNS(SAML, "Assertion").item(0));
    }

    private static Element envelope(Document doc, String declaration) {
        Element env = doc.createElementNS("urn:env", "e:Envelope");
        env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:e", "urn:env");
        if (declaration != null) {
            env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", declaration);
        }
        doc.appendChild(env);
        return env;
    }

    @Test
    void theCopyKeepsTheNamespacesItInheritedAndIsNotTheSource() {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element env = envelope(doc, null);
        try (TokenTemplate.Insertion in = template().insertInto(doc)) {
            env.appendChild(in.token());
            assertEquals("http://www.w3.org/2001/XMLSchema",
                    in.token().getAttributeNS("http://www.w3.org/2000/xmlns/", "xs"), "xsi:type='xs:string' still resolves");
            assertEquals("_a", in.token().getAttribute("ID"));
            assertEquals(doc, in.token().getOwnerDocument());
        }
    }

    @Test
    void theSameContextIsComputedOnceAndAnotherContextOrAlgorithmAgain() {
        TokenTemplate template = template();
        byte[] first = null;
        for (int i = 0; i < 3; i++) {
            Document doc = SecureXml.documentBuilder().newDocument();
            Element env = envelope(doc, "urn:one");
            try (TokenTemplate.Insertion in = template.insertInto(doc)) {
                env.appendChild(in.token());
                byte[] d = TokenTemplate.digest(in.token(), DigestAlgorithm.SHA256, this::compute);
                if (first == null) {
                    first = d.clone();
                } else {
                    assertArrayEquals(first, d);
                }
                d[0] = 99; // the caller's array is its own
            }
        }
        assertEquals(1, computed.get(), "one computation for three envelopes alike");
        Document doc = SecureXml.documentBuilder().newDocument();
        Element env = envelope(doc, "urn:two");
        try (TokenTemplate.Insertion in = template.insertInto(doc)) {
            env.appendChild(in.token());
            TokenTemplate.digest(in.token(), DigestAlgorithm.SHA256, this::compute);
            assertEquals(2, computed.get(), "an ancestor's declaration differs: computed");
            TokenTemplate.digest(in.token(), DigestAlgorithm.SHA512, this::compute);
            assertEquals(3, computed.get(), "another algorithm: computed");
            env.setAttributeNS(null, "extra", "1");
            TokenTemplate.digest(in.token(), DigestAlgorithm.SHA256, this::compute);
            assertEquals(4, computed.get(), "an ancestor's attribute differs: computed");
        }
    }

    @Test
    void onlyTheInsertedCopyDuringItsInsertionIsAnswered() {
        TokenTemplate template = template();
        Document doc = SecureXml.documentBuilder().newDocument();
        Element env = envelope(doc, null);
        Element token;
        try (TokenTemplate.Insertion in = template.insertInto(doc)) {
            token = in.token();
            env.appendChild(token);
            TokenTemplate.digest(token, DigestAlgorithm.SHA256, this::compute);
            TokenTemplate.digest(token, DigestAlgorithm.SHA256, this::compute);
            assertEquals(1, computed.get());
            Element stranger = (Element) doc.importNode(token, true);
            env.appendChild(stranger);
            TokenTemplate.digest(stranger, DigestAlgorithm.SHA256, this::compute);
            assertEquals(2, computed.get(), "an element the caller made is computed");
        }
        TokenTemplate.digest(token, DigestAlgorithm.SHA256, this::compute);
        assertEquals(3, computed.get(), "after the insertion closed, computed");
    }

    @Test
    void atMostMaxContextsAreRemembered() {
        TokenTemplate template = template();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i <= TokenTemplate.MAX_CONTEXTS; i++) {
                Document doc = SecureXml.documentBuilder().newDocument();
                Element env = envelope(doc, "urn:context-" + i);
                try (TokenTemplate.Insertion in = template.insertInto(doc)) {
                    env.appendChild(in.token());
                    TokenTemplate.digest(in.token(), DigestAlgorithm.SHA256, this::compute);
                }
            }
        }
        assertEquals(2 * (TokenTemplate.MAX_CONTEXTS + 1), computed.get(),
                "cycling through one more context than kept evicts each before it comes back");
    }

    @Test
    void theContextKeyTellsApartValuesThatConcatenateAlike() {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element a = doc.createElementNS(null, "p");
        a.setAttributeNS(null, "x", "1:2");
        Element ta = (Element) a.appendChild(doc.createElementNS(null, "t"));
        Element b = doc.createElementNS(null, "p");
        b.setAttributeNS(null, "x", "1");
        b.setAttributeNS(null, "y", "2");
        Element tb = (Element) b.appendChild(doc.createElementNS(null, "t"));
        assertEquals(TokenTemplate.context(ta), TokenTemplate.context(ta));
        assertNotEquals(TokenTemplate.context(ta), TokenTemplate.context(tb));
    }
}
