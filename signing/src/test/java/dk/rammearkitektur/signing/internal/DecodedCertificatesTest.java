package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.pki.TestPki;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DecodedCertificatesTest {
    private static final TestPki PKI = TestPki.generateFast(19);
    private static final X509Certificate CERT = PKI.oces3Organisation().certificate();
    private static final X509Certificate OTHER = PKI.oces3OtherOrganisation().certificate();

    private static String text(X509Certificate c) throws Exception {
        return Base64.getMimeEncoder().encodeToString(c.getEncoded());
    }

    @Test
    void decodesTheCertificateAndHandsTheSameOneOutForAnEqualText() throws Exception {
        X509Certificate first = DecodedCertificates.decode(text(CERT));
        assertEquals(CERT, first);
        assertSame(first, DecodedCertificates.decode(new String(text(CERT).toCharArray())));
        X509Certificate other = DecodedCertificates.decode(text(OTHER));
        assertEquals(OTHER, other);
        assertNotSame(first, other);
    }

    @Test
    void textsThatDifferOnlyOutsideTheAlphabetGiveEqualCertificates() throws Exception {
        String plain = Base64.getEncoder().encodeToString(CERT.getEncoded());
        String wrapped = "\n  " + plain.substring(0, 100) + "\r\n" + plain.substring(100) + "\n";
        assertEquals(CERT, DecodedCertificates.decode(plain));
        assertEquals(CERT, DecodedCertificates.decode(wrapped));
    }

    @Test
    void staysBoundedWhateverItIsShown() throws Exception {
        String plain = Base64.getEncoder().encodeToString(CERT.getEncoded());
        for (int i = 0; i < DecodedCertificates.MAX_ENTRIES * 3; i++) {
            String distinct = plain.substring(0, i % plain.length()) + "\n".repeat(1 + i / plain.length())
                    + plain.substring(i % plain.length());
            assertEquals(CERT, DecodedCertificates.decode(distinct));
            assertTrue(DecodedCertificates.size() <= DecodedCertificates.MAX_ENTRIES, "size " + DecodedCertificates.size());
        }
        String huge = plain + "\n".repeat(DecodedCertificates.MAX_TEXT_CHARS);
        int before = DecodedCertificates.size();
        assertEquals(CERT, DecodedCertificates.decode(huge));
        assertTrue(DecodedCertificates.size() <= before, "a text over the size limit is not kept");
    }

    @Test
    void refusesWhatIsNotOneCertificateAndKeepsNothingOfIt() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DecodedCertificates.decode("not base64 ="));
        String notCert = Base64.getEncoder().encodeToString("just some bytes, not DER".getBytes());
        assertThrows(CertificateException.class, () -> DecodedCertificates.decode(notCert));
        assertThrows(CertificateException.class, () -> DecodedCertificates.decode(notCert), "refused again, not served from memory");
    }
}
