package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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

    /** Reads a reply's payload from a StAX reader positioned on its start tag; may throw {@link ReplyShapeException}. */
    @FunctionalInterface
    public interface PayloadReader<T> {
        /**
         * Reads the payload element the reader is positioned on and leaves the reader on the event after its end tag,
         * as JAXB's {@code Unmarshaller.unmarshal(XMLStreamReader)} does.
         */
        T read(XMLStreamReader payload) throws XMLStreamException;
    }

    /** Posts {@code envelope} to {@code endpoint}, waiting at most {@code timeout}, and returns the reply envelope. */
    public Document call(ServiceCall call, URI endpoint, String soapAction, Document envelope, Duration timeout) {
        HttpTransport.Reply reply = post(call, endpoint, soapAction, envelope, timeout);
        return readReply(call, reply.status(), reply.body());
    }

    /**
     * Posts {@code envelope} like {@link #call} and reads the Body's payload with {@code reader} straight from a
     * hardened StAX reader, without building a DOM of the reply. A fault, an error status or a reply that is not an
     * envelope takes the same path as {@link #call} and ends in the same exception; the rest of the reply after the
     * payload is read to its end, so a cut-off reply is malformed here too.
     */
    public <T> T callForPayload(ServiceCall call, URI endpoint, String soapAction, Document envelope, Duration timeout,
            PayloadReader<T> reader) {
        HttpTransport.Reply reply = post(call, endpoint, soapAction, envelope, timeout);
        return readPayload(call, reply.status(), reply.body(), reader);
    }

    /** What {@link #callForPayload} does with a reply. */
    static <T> T readPayload(ServiceCall call, int status, byte[] body, PayloadReader<T> reader) {
        if (status < 300) {
            Streamed<T> streamed = stream(call, body, reader);
            if (streamed != null) {
                return streamed.value();
            }
        }
        // a fault, an error status, or an envelope of unusual shape: exactly what call() does with it
        Document doc = readReply(call, status, body);
        Element first = Dom.children(SoapEnvelopes.replyBody(doc, call)).stream().findFirst().orElseThrow(() ->
                new MalformedReplyException(call, "reply body is empty", null));
        Document own = Dom.newDocument();
        own.appendChild(own.importNode(first, true));
        XMLStreamReader x = null;
        try {
            x = SecureXml.createStreamReader(new ByteArrayInputStream(DomWriter.toBytes(own)));
            x.nextTag();
            return reader.read(x);
        } catch (XMLStreamException | RammearkitekturException e) {
            throw new MalformedReplyException(call, "reply body could not be read: " + e.getMessage(), e);
        } finally {
            close(x);
        }
    }

    record Streamed<T>(T value) {
    }

    /**
     * The payload read by {@code reader}, or null when the reply is for the DOM path to judge: the Body holds a SOAP
     * fault anywhere or more than one element, or the envelope has anything between or besides one Header and the
     * Body.
     */
    static <T> Streamed<T> stream(ServiceCall call, byte[] body, PayloadReader<T> reader) {
        XMLStreamReader x = null;
        try {
            x = SecureXml.createStreamReader(new ByteArrayInputStream(body));
            x.nextTag();
            String soap = x.getNamespaceURI();
            if (!"Envelope".equals(x.getLocalName()) || !(Soap.SOAP11.equals(soap) || Soap.SOAP12.equals(soap))) {
                throw new MalformedReplyException(call, "reply is not a SOAP 1.1 or 1.2 envelope", null);
            }
            x.nextTag();
            if (x.isStartElement() && "Header".equals(x.getLocalName()) && soap.equals(x.getNamespaceURI())) {
                skipElement(x);
                x.nextTag();
            }
            if (!x.isStartElement() || !"Body".equals(x.getLocalName()) || !soap.equals(x.getNamespaceURI())) {
                return null;
            }
            if (x.nextTag() != XMLStreamConstants.START_ELEMENT
                    || ("Fault".equals(x.getLocalName()) && soap.equals(x.getNamespaceURI()))) {
                return null;
            }
            T value = reader.read(x);
            // the payload was the Body's only element, and the Body the Envelope's last
            int event = x.getEventType();
            while (event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || event == XMLStreamConstants.SPACE
                    || (event == XMLStreamConstants.CHARACTERS && x.isWhiteSpace())) {
                event = x.next();
            }
            if (event != XMLStreamConstants.END_ELEMENT || x.nextTag() != XMLStreamConstants.END_ELEMENT) {
                return null;
            }
            while (x.hasNext()) {
                x.next();
            }
            return new Streamed<>(value);
        } catch (XMLStreamException | RammearkitekturException e) {
            if (e instanceof MalformedReplyException m) {
                throw m;
            }
            throw new MalformedReplyException(call, "reply is not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(x);
        }
    }

    private static void close(XMLStreamReader x) {
        if (x != null) {
            try {
                x.close();
            } catch (XMLStreamException ignored) {
                // nothing held open: the source is a byte array
            }
        }
    }

    private static void skipElement(XMLStreamReader x) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private HttpTransport.Reply post(ServiceCall call, URI endpoint, String soapAction, Document envelope,
            Duration timeout) {
        SoapVersion version = SoapVersion.of(envelope.getDocumentElement()).orElseThrow(() ->
                new IllegalArgumentException("not a SOAP 1.1 or 1.2 envelope"));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", SoapEnvelopes.contentType(version, soapAction))
                .POST(HttpRequest.BodyPublishers.ofByteArray(DomWriter.toBytes(envelope)));
        String soapActionHeader = SoapEnvelopes.soapActionHeader(version, soapAction);
        if (soapActionHeader != null) {
            request.header("SOAPAction", soapActionHeader);
        }
        return http.send(call, request.build(), timeout);
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
