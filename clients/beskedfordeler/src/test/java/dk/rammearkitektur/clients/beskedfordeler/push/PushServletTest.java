package dk.rammearkitektur.clients.beskedfordeler.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.Envelopes;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The servlet as a container drives it: the body from the request's input stream, the client certificates from the
 * {@code jakarta.servlet.request.X509Certificate} attribute, the answer as status, content type and body. The
 * container is played by proxies of the Servlet API's interfaces (the API jar has no implementation).
 */
class PushServletTest {
    private final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
    private final PushServlet servlet = new PushServlet(PushReceiver.builder().handler(handled::add)
            .platformCertificates(List.of(TestKeys.anchor())).build());

    /** What the servlet set on the response. */
    private static final class Answer {
        int status;
        String contentType;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    private Answer call(String method, byte[] body, X509Certificate[] certificates) throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        if (certificates != null) {
            attributes.put("jakarta.servlet.request.X509Certificate", certificates);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getInputStream" -> stream;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Answer a = new Answer();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                a.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> a.status = (Integer) args[0];
                        case "setContentType" -> a.contentType = (String) args[0];
                        case "setContentLength" -> assertEquals(a.body.size(), 0);
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        servlet.service(request, response);
        return a;
    }

    @Test
    void postFromThePlatformIsHandledAndAnswered20() throws Exception {
        UUID id = UUID.randomUUID();
        Answer a = call("POST", Envelopes.modtagBeskedInput(id, "<x/>"), new X509Certificate[] {TestKeys.anchor()});
        assertEquals(200, a.status);
        assertEquals(PushResponse.CONTENT_TYPE, a.contentType);
        assertTrue(a.body.toString(StandardCharsets.UTF_8).contains("<sd:StatusKode>20</sd:StatusKode>"));
        assertEquals(id.toString(), handled.get(0).message().messageId());
    }

    @Test
    void withoutClientCertificateOrAsGetItIsRefused() throws Exception {
        byte[] body = Envelopes.modtagBeskedInput(UUID.randomUUID(), "<x/>");
        assertEquals(403, call("POST", body, null).status);
        Answer get = call("GET", new byte[0], new X509Certificate[] {TestKeys.anchor()});
        assertEquals(405, get.status);
        assertTrue(get.body.toString(StandardCharsets.UTF_8).contains("<sd:StatusKode>40</sd:StatusKode>"));
        assertTrue(handled.isEmpty());
    }
}
