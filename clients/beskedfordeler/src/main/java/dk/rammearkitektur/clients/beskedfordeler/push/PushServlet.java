package dk.rammearkitektur.clients.beskedfordeler.push;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Jakarta Servlet (6) for the Beskedfordeler's push callback: mount it at the URL registered for the application
 * (anvendersystem) in the Beskedfordeler's administration module, in a container that requires client certificates
 * on that connector. It passes the body and the client certificate chain (the request attribute
 * {@code jakarta.servlet.request.X509Certificate}) to a {@link PushReceiver}. The Servlet API is an optional
 * dependency of this module: add {@code jakarta.servlet:jakarta.servlet-api} (or use a container that has it).
 */
public final class PushServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final transient PushReceiver receiver;

    /** A servlet that hands every push to {@code receiver}. */
    public PushServlet(PushReceiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver == null");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(PushReceiver.MAX_BODY_BYTES + 1);
        }
        write(response, receiver.receive(body, chain(request)));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("POST".equals(request.getMethod())) {
            doPost(request, response);
        } else {
            write(response, receiver.methodNotAllowed());
        }
    }

    private static List<X509Certificate> chain(HttpServletRequest request) {
        Object certificates = request.getAttribute(CERTIFICATES);
        return certificates instanceof X509Certificate[] c ? Arrays.asList(c) : List.of();
    }

    private static void write(HttpServletResponse response, PushResponse answer) throws IOException {
        byte[] body = answer.body();
        response.setStatus(answer.httpStatus());
        response.setContentType(PushResponse.CONTENT_TYPE);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
