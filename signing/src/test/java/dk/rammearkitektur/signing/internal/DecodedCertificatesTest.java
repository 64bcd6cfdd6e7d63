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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecodedCertificatesTest {
    private static final TestPki PKI = TestPki.generateFast(19);
    private static final X509Certificate CERT = PKI.oces3Organisation().certificate();
    private static final X509Certificate OTHER = PKI.oces3OtherOrganisation().certificate();

    @BeforeEach
    void forget() {
        DecodedCertificates.clear();
    }

    private static String text(X509Certificate c) throws Exception {
        return Base64.getMimeEncoder().encodeToString(c.getEncoded());
    }

    /** {@code plain} with {@code n} line breaks after its first char: a distinct text of the same certificate. */
    private static String variant(String plain, int n) {
        return plain.charAt(0) + "\n".repeat(n) + plain.substring(1);
    }

    @Test
    void decodesTheCertificateAndKeepsOneEntryPerDistinctText() throws Exception {
        X509Certificate first = DecodedCertificates.decode(text(CERT));
        assertEquals(CERT, first);
        assertEquals(1, DecodedCertificates.size());
        assertSame(first, DecodedCertificates.decode(new String(text(CERT).toCharArray())));
        assertEquals(1, DecodedCertificates.size(), "an equal text is answered from memory");
        X509Certificate other = DecodedCertificates.decode(text(OTHER));
        assertEquals(OTHER, other);
        assertNotSame(first, other);
        assertEquals(2, DecodedCertificates.size());
    }

    @Test
    void textsThatDifferOnlyOutsideTheAlphabetGiveEqualCertificates() throws Exception {
        String plain = Base64.getEncoder().encodeToString(CERT.getEncoded());
        String wrapped = "\n  " + plain.substring(0, 100) + "\r\n" + plain.substring(100) + "\n";
        assertEquals(CERT, DecodedCertificates.decode(plain));
        assertEquals(CERT, DecodedCertificates.decode(wrapped));
        assertEquals(2, DecodedCertificates.size());
    }

    @Test
    void staysBoundedWhateverItIsShown() throws Exception {
        String plain = Base64.getEncoder().encodeToString(CERT.getEncoded());
        for (int i = 0; i < DecodedCertificates.MAX_ENTRIES * 3; i++) {
            assertEquals(CERT, DecodedCertificates.decode(variant(plain, i)));
            assertTrue(DecodedCertificates.size() <= DecodedCertificates.MAX_ENTRIES, "size " + DecodedCertificates.size());
        }
    }

    @Test
    void keepsTextsUpToTheLengthLimitOnly() throws Exception {
        String plain = Base64.getEncoder().encodeToString(CERT.getEncoded());
        String atLimit = variant(plain, DecodedCertificates.MAX_TEXT_CHARS - plain.length());
        assertEquals(DecodedCertificates.MAX_TEXT_CHARS, atLimit.length());
        assertEquals(CERT, DecodedCertificates.decode(atLimit));
        assertEquals(1, DecodedCertificates.size());
        assertEquals(CERT, DecodedCertificates.decode(atLimit + "\n"));
        assertEquals(1, DecodedCertificates.size(), "a text over the limit is decoded, not kept");
    }

    @Test
    void refusesWhatIsNotACertificateAndKeepsNothingOfIt() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DecodedCertificates.decode("not base64 ="));
        String notCert = Base64.getEncoder().encodeToString("just some bytes, not DER".getBytes());
        assertThrows(CertificateException.class, () -> DecodedCertificates.decode(notCert));
        assertEquals(0, DecodedCertificates.size());
        assertThrows(CertificateException.class, () -> DecodedCertificates.decode(notCert), "refused again, not served from memory");
    }
}
