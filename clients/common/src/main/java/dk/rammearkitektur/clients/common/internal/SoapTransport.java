package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Posts a whole SOAP 1.1 or 1.2 envelope (built by us as DOM) over the {@link HttpTransport} with the content type
 * and SOAPAction header of its version ({@link SoapEnvelopes}), and reads the reply with SecureXml only: a SOAP fault
 * (with any HTTP status; SOAP 1.2 sends a Sender fault with 400) becomes a {@link ServiceFaultException}, an error
 * status without a readable fault an {@link HttpStatusException}, anything else unreadable a
 * {@link MalformedReplyException}.
 */
public final class SoapTransport implements AutoCloseable {
    private final HttpTransport http;

    /** Creates the SOAP layer over {@code http}. */
    public SoapTransport(HttpTransport http) {
        this.http = http;
    }

    /** The HTTP transport below. */
    public HttpTransport http() {
        return http;
    }

    /** Posts {@code envelope} to {@code endpoint}, waiting at most {@code timeout}, and returns the reply envelope. */
    public Document call(ServiceCall call, URI endpoint, String soapAction, Document envelope, Duration timeout) {
        SoapVersion version = SoapVersion.of(envelope.getDocumentElement()).orElseThrow(() ->
                new IllegalArgumentException("not a SOAP 1.1 or 1.2 envelope"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        SecureXml.write(envelope, out);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", SoapEnvelopes.contentType(version, soapAction))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        String soapActionHeader = SoapEnvelopes.soapActionHeader(version, soapAction);
        if (soapActionHeader != null) {
            request.header("SOAPAction", soapActionHeader);
        }
        HttpTransport.Reply reply = http.send(call, request.build(), timeout);
        return readReply(call, reply.status(), reply.body());
    }

    /** Parses a raw reply with SecureXml; a SOAP fault becomes our exception, so does a non-XML error status. */
    static Document readReply(ServiceCall call, int status, byte[] body) {
        Document doc;
        try {
            doc = Dom.parse(body);
        } catch (RammearkitekturException e) {
            if (status >= 400) {
                throw new HttpStatusException(call, status, e);
            }
            throw new MalformedReplyException(call, "reply is not well-formed XML: " + e.getMessage(), e);
        }
        Element replyBody = SoapEnvelopes.replyBody(doc, call);
        Element fault = SoapEnvelopes.fault(replyBody);
        if (fault != null) {
            throw SoapEnvelopes.faultException(fault, call, status);
        }
        if (status >= 300) {
            throw new HttpStatusException(call, status, null);
        }
        return doc;
    }

    @Override
    public void close() {
        http.close();
    }
}
