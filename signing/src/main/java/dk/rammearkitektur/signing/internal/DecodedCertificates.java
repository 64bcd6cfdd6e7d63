package dk.rammearkitektur.signing.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates of {@code ds:X509Certificate} texts, each text decoded once: a service sees the same few
 * certificates (its STS's, its callers') in every token and signature, and decoding one (Base64, then the JCA's parser)
 * costs about as much as a third of an RSA verification. A certificate is immutable and a function of its text, so a
 * decoded one is handed out again for an equal text; what is done with it (trust, validity at this moment) is decided
 * by the caller on every use, as before. Bounded: at most {@value #MAX_ENTRIES} texts of at most
 * {@value #MAX_TEXT_CHARS} chars are kept, and the whole map is dropped when full.
 */
public final class DecodedCertificates {
    static final int MAX_ENTRIES = 128;
    static final int MAX_TEXT_CHARS = 16_384;

    private static final ConcurrentHashMap<String, X509Certificate> DECODED = new ConcurrentHashMap<>();

    private DecodedCertificates() {
    }

    /**
     * The certificate whose DER encoding {@code base64} holds (MIME Base64: line breaks and other chars outside the
     * alphabet are skipped).
     *
     * @throws CertificateException if the bytes are not one X.509 certificate
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
}
