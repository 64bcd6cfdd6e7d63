package dk.rammearkitektur.testkit.pki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A tiny OCSP responder for a {@link TestPki} on {@code 127.0.0.1} and a free port, answering for every CA of the
 * PKI (each answer signed by the CA itself). Close it when done. Counts requests so tests can check caching.
 */
public final class OcspResponder implements AutoCloseable {
    /** One CA the responder answers for. */
    record Authority(X509Certificate certificate, PrivateKey key, Set<BigInteger> issued, Set<BigInteger> revoked) {
    }

    private final HttpServer server;
    private final List<Authority> authorities;
    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();

    OcspResponder(List<Authority> authorities, Clock clock) {
        this.authorities = List.copyOf(authorities);
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test OCSP responder", e);
        }
        server.createContext("/ocsp", this::handle);
        server.start();
    }

    /** The responder's URL, e.g. {@code http://127.0.0.1:41234/ocsp}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    /** How many requests were answered so far. */
    public int requests() {
        return requests.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(64 * 1024);
            }
            byte[] answer;
            try {
                answer = respond(new OCSPReq(body)).getEncoded();
            } catch (Exception e) {
                answer = new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            ex.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        } catch (Exception e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    private OCSPResp respond(OCSPReq req) throws Exception {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        Req[] list = req.getRequestList();
        if (list.length != 1) {
            return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null);
        }
        CertificateID id = list[0].getCertID();
        for (Authority a : authorities) {
            X509CertificateHolder holder = new JcaX509CertificateHolder(a.certificate());
            if (!id.matchesIssuer(holder, digests)) {
                continue;
            }
            BigInteger serial = id.getSerialNumber();
            Date now = Date.from(clock.instant());
            CertificateStatus status = a.revoked().contains(serial) ? new RevokedStatus(TestPki.REVOCATION_DATE, 1)
                    : a.issued().contains(serial) ? CertificateStatus.GOOD : new UnknownStatus();
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(holder.getSubject()));
            b.addResponse(id, status, now, Date.from(clock.instant().plus(Duration.ofHours(1))));
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(a.key()), null, now));
        }
        return new OCSPRespBuilder().build(OCSPRespBuilder.UNAUTHORIZED, null);
    }
}
