package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.await;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A simulator of its own with push settings: a callback that never answers times out after the push timeout, and the
 * event goes to the push fejlkø after the configured number of attempts, and close() stops the SOAP server; bad
 * settings are refused.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class PushSettingsTest {
    private final ServiceplatformSimulator sts;

    PushSettingsTest(ServiceplatformSimulator sts) {
        this.sts = sts;
    }

    @Test
    void silentCallbackTimesOutAndTheEventEndsInTheFejlkoeAfterTheConfiguredAttempts() throws Exception {
        String type = UUID.randomUUID().toString();
        int soapPort;
        // Accepts TCP connections (the kernel's backlog) but never answers the TLS handshake.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                BeskedfordelerSimulator bf = BeskedfordelerSimulator.builder().sts(sts)
                        .pushTimeout(Duration.ofMillis(300)).pushMaxAttempts(2)
                        .pushBackoff(Duration.ofMillis(50), Duration.ofMillis(100)).start()) {
            soapPort = bf.soapBaseUri().getPort();
            URI callback = URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/modtag");
            bf.pushTo(callback, type);
            String id = UUID.randomUUID().toString();
            long t0 = System.nanoTime();
            assertEquals(List.of(callback), bf.push(id, envelope(id, type)));
            await("the push fejlkø", () -> bf.pushFejlkoe().size() == 1);
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(10)) < 0);
            List<PushAttempt> attempts = bf.pushDeliveries();
            assertEquals(List.of(1, 2), attempts.stream().map(PushAttempt::attempt).toList());
            for (PushAttempt a : attempts) {
                assertEquals(-1, a.httpStatus());
                assertTrue(a.failure().contains("Timeout"), a.failure());
            }
            assertEquals(id, bf.pushFejlkoe().get(0).messageId());
        }
        try (Socket s = new Socket()) {
            assertThrows(IOException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", soapPort), 2000),
                    "the closed simulator's SOAP port still accepts connections");
        }
    }

    @Test
    void badPushSettingsAreRefused() {
        BeskedfordelerSimulator.Builder b = BeskedfordelerSimulator.builder();
        assertThrows(IllegalArgumentException.class, () -> b.pushMaxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> b.pushBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> b.pushBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> b.pushTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.pushTrustAnchors(List.of()));
        assertThrows(IllegalArgumentException.class, () -> b.contracts(java.nio.file.Path.of("/nonexistent")));
    }
}
