package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceCallException;
import dk.rammearkitektur.core.Timeouts;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Runs one logical read call to a SOAP service with an STS token, for any client family: a fresh correlation id, the
 * envelope (WS-Addressing {@code Action}, {@code MessageID}, {@code To}, {@code ReplyTo}; the KOMBIT
 * {@code RequestHeader/TransactionUUID} when the target's binding has it; the body the caller writes; the signed
 * WS-Security header of {@link StsSecurityHeader}), the transport, retries of retry-safe failures
 * ({@link ServiceCallException#isRetrySafe()}) within the total timeout, and a debug log line with timing. Never
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

    /** Creates the executor; {@code logger} names the log the client family writes to. */
    public SoapCallExecutor(String logger, SoapTransport transport, StsSecurityHeader security, RetryPolicy retry,
            Timeouts timeouts) {
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
        String correlationId = UUID.randomUUID().toString();
        ServiceCall call = ServiceCall.read(target.id(), operation, correlationId);
        long start = System.nanoTime();
        long deadline = start + timeouts.total().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            long t0 = System.nanoTime();
            try {
                Document request = envelope(target, soapAction, correlationId, bodyWriter);
                T result;
                try {
                    Document reply = transport.call(call, target.endpoint(), soapAction, request,
                            attemptTimeout(call, deadline));
                    Element body = SoapEnvelopes.replyBody(reply, call);
                    Element first = Dom.children(body).stream().findFirst().orElseThrow(() ->
                            new MalformedReplyException(call, "reply body is empty", null));
                    result = reader.read(first, call);
                } catch (ReplyShapeException e) {
                    throw e.forCall(call);
                }
                if (log.isDebugEnabled()) {
                    log.debug("{} {} ok in {} ms (correlation id {}, attempt {})", target.id(), operation,
                            millis(t0), correlationId, attempt);
                }
                return result;
            } catch (RammearkitekturException e) {
                if (log.isDebugEnabled()) {
                    log.debug("{} {} failed in {} ms (correlation id {}, attempt {}): {}: {}", target.id(), operation,
                            millis(t0), correlationId, attempt, e.getClass().getSimpleName(),
                            PersonalData.maskCprNumbers(e.getMessage()));
                }
                if (!(e instanceof ServiceCallException sce) || !sce.isRetrySafe()
                        || !retry.shouldRetry(attempt, true)) {
                    throw e;
                }
                Duration delay = retry.delay(attempt, ThreadLocalRandom.current()::nextDouble);
                if (System.nanoTime() + delay.toNanos() >= deadline) {
                    throw e;
                }
                sleep(call, delay);
            }
        }
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

    /** The read timeout, or what is left of the total when that is shorter; a timeout when nothing is left. */
    private Duration attemptTimeout(ServiceCall call, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new CallTimeoutException(call, "the total timeout of " + timeouts.total().toMillis()
                    + " ms is used up", true, null);
        }
        return Duration.ofNanos(Math.min(left, timeouts.read().toNanos()));
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void sleep(ServiceCall call, Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallTimeoutException(call, "interrupted while waiting to retry", true, e);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
