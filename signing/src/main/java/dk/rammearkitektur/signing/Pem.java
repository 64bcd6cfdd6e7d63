package dk.rammearkitektur.signing;

import dk.rammearkitektur.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Reads and writes certificates and private keys in PEM (and certificates in DER). Private keys may be PKCS#8
 * ({@code PRIVATE KEY}) or PKCS#1 / SEC1 ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}); encrypted PEM keys are
 * refused, use PKCS#12 for keys at rest.
 */
public final class Pem {
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

    private Pem() {
    }

    /**
     * Every certificate in {@code data}, which is PEM text (any number of {@code CERTIFICATE} blocks; other blocks
     * are skipped) or one DER certificate. Throws {@link ValidationException} when none is found.
     */
    public static List<X509Certificate> certificates(byte[] data) {
        Objects.requireNonNull(data, "data == null");
        if (data.length > 0 && data[0] == 0x30) {
            return List.of(der(data));
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Object o : objects(new String(data, StandardCharsets.US_ASCII), "pem")) {
            if (o instanceof X509CertificateHolder h) {
                out.add(der(encoded(h)));
            }
        }
        if (out.isEmpty()) {
            throw new ValidationException("pem", "must contain at least one CERTIFICATE block");
        }
        return List.copyOf(out);
    }

    /** Like {@link #certificates(byte[])}, from PEM text. */
    public static List<X509Certificate> certificates(String pem) {
        Objects.requireNonNull(pem, "pem == null");
        return certificates(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** The single private key in the PEM text. Throws {@link ValidationException} if there is none or several. */
    public static PrivateKey privateKey(String pem) {
        Objects.requireNonNull(pem, "pem == null");
        PrivateKey found = null;
        for (Object o : objects(pem, "pem")) {
            PrivateKey k = toKey(o);
            if (k != null) {
                if (found != null) {
                    throw new ValidationException("pem", "must contain exactly one private key, found several");
                }
                found = k;
            }
        }
        if (found == null) {
            throw new ValidationException("pem", "must contain a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block");
        }
        return found;
    }

    /** PEM text for the certificates, in order. */
    public static String encode(X509Certificate... certificates) {
        return write((Object[]) certificates);
    }

    /** PEM text for the certificates, in order. */
    public static String encode(List<X509Certificate> certificates) {
        return write(certificates.toArray());
    }

    /** Unencrypted PKCS#8 PEM text for a private key. Handle with care. */
    public static String encode(PrivateKey key) {
        Objects.requireNonNull(key, "key == null");
        try {
            return write(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("private key could not be encoded", e);
        }
    }

    static PrivateKey toKey(Object o) {
        try {
            if (o instanceof PrivateKeyInfo info) {
                return KEYS.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return KEYS.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (IOException e) {
            throw new ValidationException("pem", "private key could not be decoded", e);
        }
        String name = o.getClass().getSimpleName();
        if (name.contains("Encrypted")) {
            throw new ValidationException("pem", "encrypted PEM keys are not supported; use PKCS#12");
        }
        return null;
    }

    static List<Object> objects(String text, String path) {
        List<Object> out = new ArrayList<>();
        try (PEMParser p = new PEMParser(new StringReader(text))) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                out.add(o);
                if (out.size() > 100) {
                    throw new ValidationException(path, "must not contain more than 100 PEM blocks");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException ve) {
                throw ve;
            }
            throw new ValidationException(path, "is not valid PEM: " + e.getMessage(), e);
        }
        return out;
    }

    private static byte[] encoded(X509CertificateHolder h) {
        try {
            return h.getEncoded();
        } catch (IOException e) {
            throw new ValidationException("pem", "certificate could not be encoded", e);
        }
    }

    private static X509Certificate der(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new ValidationException("certificate", "is not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static String write(Object... objects) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                pw.writeObject(Objects.requireNonNull(o, "certificate == null"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("PEM could not be written", e);
        }
        return w.toString();
    }
}
