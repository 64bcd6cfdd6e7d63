package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.Timeouts;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Runs one logical read call to a SOAP service with an STS token, for any client family: a fresh correlation id, the
 * envelope (WS-Addressing {@code Action}, {@code MessageID}, {@code To}, {@code ReplyTo}; the KOMBIT
 * {@code RequestHeader/TransactionUUID} when the target's binding has it; the body the caller writes; the signed
 * WS-Security header of {@link StsSecurityHeader}), the transport, and {@link CallRetries}' retries of
 * retry-safe failures within the total timeout, with a debug log line per attempt and one observation per call. Never
 * logs payloads. The Serviceplatformen client has its own executor for its two auth models; this one is the general
 * form the support-systems clients use.
 */
public final class SoapCallExecutor implements AutoCloseable {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    /** KOMBIT's request header namespace. */
    public static final String REQUEST_HEADER = "http://kombit.dk/xml/schemas/RequestHeader/1/";

    private final Logger log;
    private final SoapTransport transport;
    private final StsSecurityHeader security;
    private final RetryPolicy retry;
    private final Timeouts timeouts;
    private final ObservationRegistry observations;

    /**
     * Creates the executor; {@code logger} names the log the client family writes to, {@code observations} receives
     * one {@value ClientObservations#CALL} observation per call.
     */
    public SoapCallExecutor(String logger, SoapTransport transport, StsSecurityHeader security, RetryPolicy retry,
            Timeouts timeouts, ObservationRegistry observations) {
        this.observations = Objects.requireNonNull(observations, "observations == null");
        this.log = LoggerFactory.getLogger(Objects.requireNonNull(logger, "logger == null"));
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.security = Objects.requireNonNull(security, "security == null");
        this.retry = Objects.requireNonNull(retry, "retry == null");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts == null");
    }

    /** Reads the first element of a reply body into a result; may throw {@link ReplyShapeException}. */
    @FunctionalInterface
    public interface ReplyReader<T> {
        /** Reads {@code payload}, the first child of the reply's Body, for {@code call}. */
        T read(Element payload, ServiceCall call);
    }

    /**
     * Calls {@code operation} of {@code target} (a read: retried when the failure is retry-safe): {@code bodyWriter}
     * adds the request element to the SOAP Body; {@code reader} reads the first element of the reply body. A reply
     * the reader cannot read is a {@link MalformedReplyException} and is not retried.
     */
    public <T> T read(ServiceTarget target, String operation, String soapAction, Consumer<Element> bodyWriter,
            ReplyReader<T> reader) {
        return call(target, ServiceCall.read(target.id(), operation, UUID.randomUUID().toString()), soapAction,
                bodyWriter, reader);
    }

    /**
     * Calls {@code call.operation()} of {@code target}; a failure is retried only when
     * {@link dk.rammearkitektur.core.ServiceCallException#isRetrySafe()} says so for {@code call} (a write that is
     * not {@linkplain ServiceCall#idempotent() idempotent} only when the request never reached the service). The
     * call's correlation id is the request's {@code TransactionUUID} and {@code MessageID}.
     */
    public <T> T call(ServiceTarget target, ServiceCall call, String soapAction, Consumer<Element> bodyWriter,
            ReplyReader<T> reader) {
        String correlationId = call.correlationId();
        return CallRetries.run(log, observations, call, retry, timeouts, timeout -> {
            Document request = envelope(target, soapAction, correlationId, bodyWriter);
            Document reply = transport.call(call, target.endpoint(), soapAction, request, timeout.get());
            Element body = SoapEnvelopes.replyBody(reply, call);
            Element first = Dom.children(body).stream().findFirst().orElseThrow(() ->
                    new MalformedReplyException(call, "reply body is empty", null));
            return reader.read(first, call);
        });
    }

    /** The signed envelope of one attempt. */
    private Document envelope(ServiceTarget target, String soapAction, String correlationId,
            Consumer<Element> bodyWriter) {
        Document doc = SoapEnvelopes.newEnvelope(target.version());
        Element env = doc.getDocumentElement();
        Element header = SoapEnvelopes.header(doc);
        Element body = SoapEnvelopes.body(doc);
        env.setAttributeNS(XMLNS, "xmlns:wsa", Soap.WSA);
        env.setAttributeNS(XMLNS, "xmlns:wsu", Soap.WSU);
        addressing(header, "Action", soapAction, "action");
        addressing(header, "MessageID", "urn:uuid:" + correlationId, "messageid");
        addressing(header, "To", target.endpoint().toString(), "to");
        Element replyTo = addressing(header, "ReplyTo", null, "replyto");
        Dom.add(replyTo, Soap.WSA, "wsa:Address", "http://www.w3.org/2005/08/addressing/anonymous");
        if (target.requestHeader()) {
            Element rh = Dom.add(header, REQUEST_HEADER, "rh:RequestHeader", null);
            rh.setAttributeNS(XMLNS, "xmlns:rh", REQUEST_HEADER);
            Dom.add(rh, REQUEST_HEADER, "rh:TransactionUUID", correlationId);
        }
        bodyWriter.accept(body);
        security.apply(doc, header, target.entityId());
        return doc;
    }

    private static Element addressing(Element header, String local, String text, String id) {
        Element e = Dom.add(header, Soap.WSA, "wsa:" + local, text);
        e.setAttributeNS(Soap.WSU, "wsu:Id", id);
        return e;
    }

    /** A new STS token for {@code entityId}, past the token cache, for a health check; when it expires. */
    public java.time.Instant checkSts(String entityId) {
        return security.issueUncached(entityId).expires();
    }

    @Override
    public void close() {
        transport.close();
    }
}
