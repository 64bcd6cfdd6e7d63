package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.io.ByteArrayOutputStream;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The canonical SignedInfo the direct signing path writes (and signs) is byte for byte Santuario's exclusive canonical
 * form of the SignedInfo element it builds, also for IDs with characters c14n escapes and non-ASCII ones: the
 * SignatureValue verifies over Santuario's canonicalisation, before and after a trip over the wire.
 */
class XmlSignerSignedInfoPropertiesTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final TestIdentity ID = TestPki.generateFast(1).oces3Employee();
    private static final XmlSigner SIGNER = XmlSigner.builder(ID.credential()).build();

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars('&', '<', '>', '"', '\'', '\t', '\n', '\r', ' ', '#',
                'æ', 'Ø', '€', '§').ofMinLength(1).ofMaxLength(12).map(s -> "i" + s.replace("§", "\uD834\uDD1E"));
    }

    @Property(tries = 100)
    void theSignedBytesAreSantuariosCanonicalSignedInfo(@ForAll("ids") String first, @ForAll("ids") String second)
            throws Exception {
        if (first.equals(second)) {
            second = second + "2";
        }
        Document doc = SecureXml.parse("<r xmlns:wsu='http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-utility-1.0.xsd'><a>x</a><b>y</b></r>");
        Element a = (Element) doc.getElementsByTagName("a").item(0);
        Element b = (Element) doc.getElementsByTagName("b").item(0);
        a.setAttributeNS(null, "Id", first);
        b.setAttributeNS(null, "Id", second);
        Element sig = SIGNER.signDetached(doc.getDocumentElement(), null, List.of(a, b));
        assertTrue(verifies(sig), "as built");
        Document received = SecureXml.parse(SecureXml.toString(doc));
        assertTrue(verifies((Element) received.getElementsByTagNameNS(DS, "Signature").item(0)), "as received");
    }

    private static boolean verifies(Element sig) throws Exception {
        Element si = (Element) sig.getElementsByTagNameNS(DS, "SignedInfo").item(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(si, out);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(ID.certificate().getPublicKey());
        rsa.update(out.toByteArray());
        String value = sig.getElementsByTagNameNS(DS, "SignatureValue").item(0).getTextContent().replaceAll("\\s", "");
        return rsa.verify(Base64.getDecoder().decode(value));
    }
}
