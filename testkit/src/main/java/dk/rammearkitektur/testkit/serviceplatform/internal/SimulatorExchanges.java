package dk.rammearkitektur.testkit.serviceplatform.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The exchange handling both simulators share: writing a reply, the client's certificate chain, decoding a
 * certificate sent in a request, the certificate validator over the test PKI, and a pause for injected latency.
 * Each simulator maps a missing or bad value to its own refusal.
 */
public final class SimulatorExchanges {
    private SimulatorExchanges() {
    }

    /** Sends {@code body} with {@code status} and {@code contentType} and closes the response body. */
    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /** The TLS client's certificate chain, leaf first, or empty when the client sent none. */
    public static List<X509Certificate> clientChain(HttpExchange ex) {
        try {
            Certificate[] certs = ((HttpsExchange) ex).getSSLSession().getPeerCertificates();
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    /** The X.509 certificate in {@code base64} (MIME Base64 of DER), or null when it is not one. */
    public static X509Certificate decodeCertificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * A validator for client certificates of {@code pki}: its roots, both issuing CAs and its CRLs, no OCSP.
     *
     * @param pki the test PKI
     * @param clock the clock validity is checked against
     * @param skew the tolerated clock skew
     * @return the validator
     */
    public static CertificateValidator validator(TestPki pki, Clock clock, Duration skew) {
        CertificateValidator.Builder b = CertificateValidator.builder().trustAnchors(pki.trustAnchors())
                .intermediate(pki.oces3IssuingCa()).intermediate(pki.oces2IssuingCa()).ocsp(false).clock(clock).skew(skew);
        for (X509CRL crl : pki.crls()) {
            b.crl(crl);
        }
        return b.build();
    }

    /**
     * Whether {@code chain} (leaf first) leads to one of {@code anchors}: a certificate of it is an anchor or is
     * signed by one. Only picks the validator; the validator then checks the chain in full.
     *
     * @param chain the certificate chain, leaf first
     * @param anchors the candidate roots
     * @return true when the chain ends at one of the anchors
     */
    public static boolean chainsTo(List<X509Certificate> chain, List<X509Certificate> anchors) {
        for (X509Certificate c : chain) {
            for (X509Certificate anchor : anchors) {
                if (c.equals(anchor) || (c.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())
                        && signedBy(c, anchor))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Sleeps for {@code d}; an interrupt ends the pause early and stays set. */
    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
