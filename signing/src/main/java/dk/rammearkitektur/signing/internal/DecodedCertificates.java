package dk.rammearkitektur.signing.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates of {@code ds:X509Certificate} texts, each text decoded once: a service sees the same few
 * certificates (its STS's, its callers') in every token and signature. What this saves per text is the MIME Base64
 * decoding, the JCA factory's reading of the bytes and its own look-up by DER encoding (under a global lock), about an
 * eighth of an RSA-2048 verification; the JCA then hands back the same object for equal bytes anyway. A certificate is
 * immutable and a function of its text, so the decoded one is handed out again for an equal text; whether it is
 * trusted, and valid at this moment, is decided by the caller on every use, as before. Bounded: about
 * {@value #MAX_ENTRIES} texts (a few more while threads race to fill it) of at most {@value #MAX_TEXT_CHARS} chars, so
 * at most about 2 MB of text plus the certificates decoded from it, all dropped together when full; longer texts are
 * decoded every time (an OCES certificate is about 2,700 chars of Base64).
 */
public final class DecodedCertificates {
    static final int MAX_ENTRIES = 128;
    static final int MAX_TEXT_CHARS = 8_192;

    private static final ConcurrentHashMap<String, X509Certificate> DECODED = new ConcurrentHashMap<>();

    private DecodedCertificates() {
    }

    /**
     * The certificate whose DER encoding {@code base64} holds (MIME Base64: line breaks and other chars outside the
     * alphabet are skipped).
     *
     * @throws CertificateException if the bytes do not start with an X.509 certificate (as the JCA factory reads them)
     * @throws IllegalArgumentException if the text is not Base64
     */
    public static X509Certificate decode(String base64) throws CertificateException {
        X509Certificate known = DECODED.get(base64);
        if (known != null) {
            return known;
        }
        byte[] der = Base64.getMimeDecoder().decode(base64);
        X509Certificate decoded = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        if (base64.length() <= MAX_TEXT_CHARS) {
            if (DECODED.size() >= MAX_ENTRIES) {
                DECODED.clear();
            }
            DECODED.put(base64, decoded);
        }
        return decoded;
    }

    static int size() {
        return DECODED.size();
    }

    /** Forgets every text (for tests). */
    static void clear() {
        DECODED.clear();
    }
}
