package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.CallTimeoutException;
import dk.rammearkitektur.clients.serviceplatform.ConnectionFailedException;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.HttpStatusException;
import dk.rammearkitektur.clients.serviceplatform.ServiceDescription;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.TransportException;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Runs one logical call: a fresh correlation id, the envelope, the transport, retries for reads within the total
 * timeout, and a debug log line with timing. Never logs payloads, so no CPR number reaches the log.
 */
public final class CallExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dk.rammearkitektur.clients.serviceplatform");

    private final Environment environment;
    private final SoapTransport transport;
    private final Authenticator authenticator;
    private final RetryPolicy retry;
    private final Timeouts timeouts;
    private final Clock clock;
    private final java.util.function.Consumer<Document> replyCheck;
    private final EnvelopeBuilder.Addressing addressing;

    /** Creates the executor. */
    public CallExecutor(Environment environment, SoapTransport transport, Authenticator authenticator,
            RetryPolicy retry, Timeouts timeouts, Clock clock) {
        this(environment, transport, authenticator, retry, timeouts, clock, null);
    }

    /** Creates the executor; {@code replyCheck}, when not null, sees (and may refuse) every reply that is not a fault. */
    public CallExecutor(Environment environment, SoapTransport transport, Authenticator authenticator,
            RetryPolicy retry, Timeouts timeouts, Clock clock, java.util.function.Consumer<Document> replyCheck) {
        this(environment, transport, authenticator, retry, timeouts, clock, replyCheck,
                EnvelopeBuilder.Addressing.DEFAULT);
    }

    /**
     * Creates the executor; {@code replyCheck} as above, and every envelope gets the WS-Addressing headers as
     * {@code addressing} says.
     */
    public CallExecutor(Environment environment, SoapTransport transport, Authenticator authenticator,
            RetryPolicy retry, Timeouts timeouts, Clock clock, java.util.function.Consumer<Document> replyCheck,
            EnvelopeBuilder.Addressing addressing) {
        this.replyCheck = replyCheck;
        this.addressing = java.util.Objects.requireNonNull(addressing, "addressing == null");
        this.environment = environment;
        this.transport = transport;
        this.authenticator = authenticator;
        this.retry = retry;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /** Calls {@code operation} of {@code service} over SOAP 1.1 and returns the first element of the reply body. */
    public Element call(ServiceDescription service, String operation, String soapAction, Object payload) {
        return call(service, operation, SoapVersion.SOAP_11, false, soapAction, payload);
    }

    /**
     * Calls {@code operation} of {@code service} with the binding's SOAP version (and the KOMBIT RequestHeader when
     * {@code requestHeader}) and returns the first element of the reply body.
     */
    public Element call(ServiceDescription service, String operation, SoapVersion version, boolean requestHeader,
            String soapAction, Object payload) {
        String correlationId = UUID.randomUUID().toString();
        URI endpoint = service.endpoint(environment);
        long start = System.nanoTime();
        long deadline = start + timeouts.total().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            long t0 = System.nanoTime();
            try {
                CallInfo info = new CallInfo(service, operation, soapAction, endpoint, correlationId, clock.instant(),
                        version, requestHeader);
                Document request = EnvelopeBuilder.build(info, payload, authenticator, addressing);
                Document reply = transport.call(endpoint, soapAction, request, correlationId);
                if (replyCheck != null) {
                    replyCheck.accept(reply);
                }
                Element body = SoapTransport.body(reply, correlationId);
                Element first = Dom.children(body).stream().findFirst().orElseThrow(() ->
                        new dk.rammearkitektur.clients.serviceplatform.MalformedReplyException(
                                "reply body is empty (correlation id " + correlationId + ")", null));
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} ok in {} ms (correlation id {}, attempt {})", service.id(), operation,
                            millis(t0), correlationId, attempt);
                }
                return first;
            } catch (RammearkitekturException e) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} failed in {} ms (correlation id {}, attempt {}): {}: {}", service.id(), operation,
                            millis(t0), correlationId, attempt, e.getClass().getSimpleName(),
                            PersonalData.maskCprNumbers(e.getMessage()));
                }
                if (!retryable(e) || !retry.shouldRetry(attempt, true)) {
                    throw e;
                }
                Duration delay = retry.delay(attempt, ThreadLocalRandom.current()::nextDouble);
                if (System.nanoTime() + delay.toNanos() >= deadline) {
                    throw e;
                }
                sleep(delay);
            }
        }
    }

    /** Lookups are reads: retry when the failure was in transport and may be transient. */
    static boolean retryable(RuntimeException e) {
        if (e instanceof HttpStatusException h) {
            return h.status() == 502 || h.status() == 503 || h.status() == 504;
        }
        return e instanceof ConnectionFailedException || e instanceof CallTimeoutException
                || (e instanceof TransportException && !(e instanceof dk.rammearkitektur.clients.serviceplatform.MalformedReplyException));
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallTimeoutException("interrupted while waiting to retry", false, e);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
