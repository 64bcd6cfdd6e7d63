package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.connect;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.ssl;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.token;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.PossibleAuthenticationFailureException;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A second, private simulator: its clock judges token validity, and close() stops the broker. */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class SimulatorLifecycleTest {
    @Test
    void theSimulatorsClockJudgesTokensAndCloseStopsTheBroker(ServiceplatformSimulator sts) throws Exception {
        String token = token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID);
        int port;
        // nine hours ahead: the token (the STS simulator issues 8-hour tokens) has expired for this Beskedfordeler
        try (BeskedfordelerSimulator late = BeskedfordelerSimulator.builder().sts(sts)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(9))).skew(Duration.ofMinutes(1)).start()) {
            port = late.port();
            assertTrue(late.startupTime().compareTo(Duration.ZERO) > 0);
            assertThrows(PossibleAuthenticationFailureException.class,
                    () -> connect(late, ssl(sts.systemIdentity(), late.tlsTrustAnchor()), token).close());
        }
        try (Socket s = new Socket()) {
            assertThrows(IOException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port), 2000),
                    "the closed simulator's port still accepts connections");
        }
    }

    @Test
    void builderRequiresTheSts() {
        assertThrows(IllegalStateException.class, () -> BeskedfordelerSimulator.builder().start());
    }
}
