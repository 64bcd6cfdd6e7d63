package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With a proxy configured, the SOAP calls and the REST STS tunnel through it (HTTP CONNECT); TLS stays end to end. */
@ExtendWith(LogCapture.class)
class ProxyTest {
    private static ServiceplatformSimulator sim;
    private static ServerSocket proxy;
    private static final List<String> CONNECTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        sim = ServiceplatformSimulator.builder().build().start();
        proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!proxy.isClosed()) {
                try {
                    Socket s = proxy.accept();
                    Thread t = new Thread(() -> tunnel(s), "test-proxy-tunnel");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
        sim.close();
    }

    private static void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] h = head.toByteArray();
                if (h.length >= 4 && h[h.length - 4] == '\r' && h[h.length - 3] == '\n' && h[h.length - 2] == '\r'
                        && h[h.length - 1] == '\n') {
                    break;
                }
                if (h.length > 8192) {
                    return;
                }
            }
            String first = head.toString(StandardCharsets.US_ASCII).split("\r\n")[0];
            String[] parts = first.split(" ");
            if (parts.length < 2 || !parts[0].equals("CONNECT")) {
                client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            CONNECTS.add(parts[1]);
            String[] hp = parts[1].split(":");
            try (Socket upstream = new Socket(hp[0], Integer.parseInt(hp[1]))) {
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                Thread up = new Thread(() -> pipe(in, upstream), "test-proxy-up");
                up.setDaemon(true);
                up.start();
                pipe(upstream.getInputStream(), client);
            }
        } catch (IOException ignored) {
            // the tunnel ends when either side closes
        }
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = from.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException ignored) {
            // closed
        }
    }

    @Test
    void soapCallsAndTheRestStsGoThroughTheProxy() throws IOException {
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.getLocalPort());
        String target = "127.0.0.1:" + sim.baseUri().getPort();
        try (ServiceplatformClient c = SimulatorClients.stsToken(sim, StsProtocol.REST).proxy(addr).build()) {
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
        }
        // the SOAP calls and the REST STS share the client's one HTTP transport, so one tunnel may carry both
        assertTrue(CONNECTS.size() >= 1, "CONNECTs: " + CONNECTS);
        assertTrue(CONNECTS.stream().allMatch(t -> t.equals(target)), "CONNECTs: " + CONNECTS);
        assertEquals(1, sim.requestCount("STS"));
    }
}
