package dk.rammearkitektur.clients.common.testkeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Test key material: a self-signed system certificate (PKCS#12, password {@code changeit}) made with keytool. */
public final class TestKeys {
    /** The PKCS#12 password. */
    public static final char[] PASSWORD = "changeit".toCharArray();

    private TestKeys() {
    }

    /** The valid system certificate store. */
    public static byte[] systemP12() {
        return read("system.p12");
    }

    /** A store whose certificate expired in 2020. */
    public static byte[] expiredP12() {
        return read("expired.p12");
    }

    /** The system certificate, used as a trust anchor in tests that never connect. */
    public static X509Certificate anchor() {
        try (InputStream in = TestKeys.class.getResourceAsStream("anchor.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
