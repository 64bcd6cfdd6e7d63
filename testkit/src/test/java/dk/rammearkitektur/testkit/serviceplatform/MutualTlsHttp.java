package dk.rammearkitektur.testkit.serviceplatform;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A plain JDK HTTP client with the simulator's system certificate and TLS trust anchor, for hand-made requests. */
final class MutualTlsHttp {
    private MutualTlsHttp() {
    }

    static HttpClient client(ServiceplatformSimulator sim) throws Exception {
        char[] pw = "pw".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(sim.systemIdentity().pkcs12(pw)), pw);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", sim.tlsTrustAnchor());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1).build();
    }
}
