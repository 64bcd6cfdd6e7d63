package dk.rammearkitektur.clients.beskedfordeler.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.Envelopes;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standalone push server over loopback HTTPS: client certificates required, POSTs handed to the receiver. */
class PushServerTest {
    private final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
    private PushServer server;

    @BeforeEach
    void start() throws Exception {
        PushReceiver receiver = PushReceiver.builder().handler(handled::add)
                .platformCertificates(List.of(TestKeys.anchor())).build();
        server = PushServer.builder().serverCertificate(systemKeys(), TestKeys.PASSWORD)
                .clientTrustAnchors(List.of(TestKeys.anchor())).receiver(receiver).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static KeyStore systemKeys() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(TestKeys.systemP12()), TestKeys.PASSWORD);
        return ks;
    }

    private static SSLContext tls(boolean withClientCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("anchor", TestKeys.anchor());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(systemKeys(), TestKeys.PASSWORD);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(withClientCertificate ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return c;
    }

    private int post(URI uri, byte[] body, boolean withClientCertificate, String method) throws Exception {
        HttpsURLConnection c = (HttpsURLConnection) uri.toURL().openConnection();
        c.setSSLSocketFactory(tls(withClientCertificate).getSocketFactory());
        // The test certificate names no host; the server's identity is not what this test is about.
        c.setHostnameVerifier((host, session) -> true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(10_000);
        c.setRequestMethod(method);
        if (body != null) {
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status < HttpURLConnection.HTTP_BAD_REQUEST ? c.getInputStream() : c.getErrorStream()) {
            assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("ModtagBeskedOutput"));
        }
        assertEquals(PushResponse.CONTENT_TYPE, c.getContentType());
        return status;
    }

    @Test
    void pushOverMutualTlsIsHandledAndAnswered200() throws Exception {
        UUID id = UUID.randomUUID();
        assertTrue(server.uri().toString().startsWith("https://127.0.0.1:"), server.uri().toString());
        assertEquals(200, post(server.uri(), Envelopes.modtagBeskedInput(id, "<x/>"), true, "POST"));
        assertEquals(1, handled.size());
        assertEquals(id.toString(), handled.get(0).message().messageId());
        assertEquals(405, post(server.uri(), null, true, "GET"));
    }

    @Test
    void callerWithoutClientCertificateIsRefusedInTheHandshake() {
        Exception e = assertThrows(Exception.class,
                () -> post(server.uri(), Envelopes.modtagBeskedInput(UUID.randomUUID(), "<x/>"), false, "POST"));
        assertTrue(e instanceof SSLHandshakeException || e instanceof IOException, e.toString());
        assertTrue(handled.isEmpty());
    }
}
