package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 12: where Santuario's secure validation would refuse first (MD5, truncated HMAC output, too many references
 * or transforms), the refusal names the algorithm or structure, with our reason code, and carries neither the
 * library's own text nor an internal index.
 */
class XmlSignatureRefusalTest {
    private static final TestIdentity SIGNER = XmlSignatureTest.PKI.oces3Organisation();
    private static final String DSIG = XmlSignatureVerifier.DSIG;

    private static SignatureException refused(Consumer<Element> tamper) {
        Document doc = XmlFixtures.payment();
        XmlSigner.builder(SIGNER.credential()).build().signEnveloped(XmlFixtures.data(doc));
        Document received = XmlFixtures.reparse(doc);
        tamper.accept((Element) received.getElementsByTagNameNS(DSIG, "SignedInfo").item(0));
        SignatureException e = assertThrows(SignatureException.class,
                () -> XmlSignatureTest.pinnedVerifier(SIGNER).verifyAll(received));
        assertFalse(e.getMessage().contains("org.apache"), e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*\\b(index|item|\\[\\d+\\])\\b.*"), e.getMessage());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                assertFalse(e.getMessage().contains(c.getMessage()), "library text in: " + e.getMessage());
            }
        }
        return e;
    }

    private static Element first(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS(DSIG, name).item(0);
    }

    @Test
    void md5DigestIsAnAlgorithmRefusal() {
        SignatureException e = refused(si -> first(si, "DigestMethod")
                .setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#md5"));
        assertEquals(SignatureException.ALGORITHM_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("digest method") && e.getMessage().contains("#md5"), e.getMessage());
    }

    @Test
    void md5SignatureMethodIsAnAlgorithmRefusal() {
        SignatureException e = refused(si -> first(si, "SignatureMethod")
                .setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-md5"));
        assertEquals(SignatureException.ALGORITHM_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("signature method") && e.getMessage().contains("rsa-md5"), e.getMessage());
    }

    @Test
    void truncatedHmacOutputIsAnAlgorithmRefusal() {
        SignatureException e = refused(si -> {
            Element method = first(si, "SignatureMethod");
            method.setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256");
            Element length = si.getOwnerDocument().createElementNS(DSIG, "ds:HMACOutputLength");
            length.setTextContent("40");
            method.appendChild(length);
        });
        assertEquals(SignatureException.ALGORITHM_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("hmac-sha256"), e.getMessage());
    }

    @Test
    void truncatedHmacOutputIsRefusedEvenWhereTheMethodWouldPass() {
        SignatureException e = refused(si -> {
            Element length = si.getOwnerDocument().createElementNS(DSIG, "ds:HMACOutputLength");
            length.setTextContent("40");
            first(si, "SignatureMethod").appendChild(length);
        });
        assertEquals(SignatureException.ALGORITHM_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("HMACOutputLength"), e.getMessage());
    }

    @Test
    void tooManyReferencesIsAStructureRefusal() {
        SignatureException e = refused(si -> {
            Element reference = first(si, "Reference");
            for (int i = 0; i < 30; i++) {
                si.appendChild(reference.cloneNode(true));
            }
        });
        assertEquals(SignatureException.REFERENCE, e.reason());
        assertTrue(e.getMessage().contains("31 references refused, at most 30"), e.getMessage());
    }

    @Test
    void tooManyTransformsIsAStructureRefusal() {
        SignatureException e = refused(si -> {
            Element transforms = first(si, "Transforms");
            Element transform = first(transforms, "Transform");
            for (int i = 0; i < 5; i++) {
                transforms.appendChild(transform.cloneNode(true));
            }
        });
        assertEquals(SignatureException.REFERENCE, e.reason());
        assertTrue(e.getMessage().contains("transforms refused"), e.getMessage());
    }

    @Test
    void missingSignedInfoPartsAreNamed() {
        SignatureException e = refused(si -> si.removeChild(first(si, "CanonicalizationMethod")));
        assertEquals(SignatureException.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("SignedInfo.CanonicalizationMethod"), e.getMessage());
        SignatureException noRef = refused(si -> si.removeChild(first(si, "Reference")));
        assertEquals(SignatureException.REFERENCE, noRef.reason());
    }
}
