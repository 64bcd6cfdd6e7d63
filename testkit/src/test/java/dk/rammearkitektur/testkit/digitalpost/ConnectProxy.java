package dk.rammearkitektur.testkit.digitalpost;

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

/** A minimal HTTP CONNECT proxy on 127.0.0.1 for tests; records the targets it tunnelled to. */
final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ConnectProxy() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    daemon(() -> tunnel(s));
                } catch (IOException e) {
                    return;
                }
            }
        }, "connect-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    List<String> connects() {
        return List.copyOf(connects);
    }

    private void tunnel(Socket client) {
        try {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0 || head.size() > 8192) {
                    client.close();
                    return;
                }
                head.write(b);
            }
            String[] line = head.toString(StandardCharsets.US_ASCII).split("\r\n")[0].split(" ");
            if (!line[0].equals("CONNECT")) {
                client.close();
                return;
            }
            connects.add(line[1]);
            String[] hostPort = line[1].split(":");
            Socket target = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
            sockets.add(target);
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            daemon(() -> pump(target, client));
            pump(client, target);
        } catch (IOException e) {
            close(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "connect-proxy-tunnel");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            close(s);
        }
    }
}
