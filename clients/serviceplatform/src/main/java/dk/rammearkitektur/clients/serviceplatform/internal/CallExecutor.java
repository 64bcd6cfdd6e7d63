package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.ServiceDescription;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.CallRetries;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.SoapTransport;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceCallException;
import dk.rammearkitektur.clients.common.internal.SoapEnvelopes;

/**
 * Runs one logical call: a fresh correlation id, the envelope, the transport, and {@code clients-common}'s
 * {@link CallRetries} (retries of retry-safe failures, {@link ServiceCallException#isRetrySafe()}, within the total
 * timeout, a debug log line with timing, and one observation per call). Never logs payloads, so no CPR number
 * reaches the log or an observation.
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
    private final ObservationRegistry observations;

    /** Creates the executor. */
    public CallExecutor(Environment environment, SoapTransport transport, Authenticator authenticator,
            RetryPolicy retry, Timeouts timeouts, Clock clock) {
        this(environment, transport, authenticator, retry, timeouts, clock, null);
    }

    /** Creates the executor; {@code replyCheck}, when not null, sees (and may refuse) every reply that is not a fault. */
    public CallExecutor(Environment environment, SoapTransport transport, Authenticator authenticator,
            RetryPolicy retry, Timeouts timeouts, Clock clock, java.util.function.Consumer<Document> replyCheck) {
        this(environment, transport, authenticator, retry, timeouts, clock, replyCheck,
                EnvelopeBuilder.Addressing.DEFAULT, ObservationRegistry.NOOP);
    }

    /**
     * Creates the executor; {@code replyCheck} as above, and every envelope gets the WS-Addressing headers as
     * {@code addressing} says; {@code observations} receives one observation per call.
     */
    public CallExecutor(Environment environment, SoapTransport transport, Authenticator authenticator,
            RetryPolicy retry, Timeouts timeouts, Clock clock, java.util.function.Consumer<Document> replyCheck,
            EnvelopeBuilder.Addressing addressing, ObservationRegistry observations) {
        this.observations = java.util.Objects.requireNonNull(observations, "observations == null");
        this.replyCheck = replyCheck;
        this.addressing = java.util.Objects.requireNonNull(addressing, "addressing == null");
        this.environment = environment;
        this.transport = transport;
        this.authenticator = authenticator;
        this.retry = retry;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /** Reads the first element of a reply body into a result; may throw {@link ReplyShapeException}. */
    @FunctionalInterface
    public interface ReplyReader<T> {
        /** Reads {@code payload}, the first child of the reply's Body, for {@code call}. */
        T read(Element payload, ServiceCall call);
    }

    /** Calls {@code operation} of {@code service} over SOAP 1.1 and reads the first element of the reply body. */
    public <T> T call(ServiceDescription service, String operation, String soapAction, Object payload,
            ReplyReader<T> reader) {
        return call(service, operation, SoapVersion.SOAP_11, false, soapAction, payload, reader);
    }

    /**
     * Calls {@code operation} of {@code service} with the binding's SOAP version (and the KOMBIT RequestHeader when
     * {@code requestHeader}) and reads the first element of the reply body with {@code reader}. A reply the reader
     * cannot read is a {@link MalformedReplyException} and is not retried.
     */
    public <T> T call(ServiceDescription service, String operation, SoapVersion version, boolean requestHeader,
            String soapAction, Object payload, ReplyReader<T> reader) {
        return execute(service, operation, false, version, requestHeader, soapAction, payload, domExchange(soapAction,
                reader));
    }

    /**
     * Calls {@code operation} of {@code service} over SOAP 1.1 as a write whose repetition has no further effect
     * ({@link ServiceCall#idempotentWrite}: retried like a read) and reads the first element of the reply body.
     */
    public <T> T idempotentWrite(ServiceDescription service, String operation, String soapAction, Object payload,
            ReplyReader<T> reader) {
        return execute(service, operation, true, SoapVersion.SOAP_11, false, soapAction, payload,
                domExchange(soapAction, reader));
    }

    /** An exchange that parses the reply to DOM, checks it and reads the first element of its body. */
    private <T> Exchange<T> domExchange(String soapAction, ReplyReader<T> reader) {
        return (call, endpoint, request, timeout) -> {
            Document reply = transport.call(call, endpoint, soapAction, request, timeout);
            if (replyCheck != null) {
                replyCheck.accept(reply);
            }
            Element body = SoapEnvelopes.replyBody(reply, call);
            Element first = Dom.children(body).stream().findFirst().orElseThrow(() ->
                    new MalformedReplyException(call, "reply body is empty", null));
            return reader.read(first, call);
        };
    }

    /** One attempt: sends {@code request} and reads the result from the reply. */
    @FunctionalInterface
    private interface Exchange<T> {
        T run(ServiceCall call, URI endpoint, Document request, Duration timeout);
    }

    private <T> T execute(ServiceDescription service, String operation, boolean idempotentWrite, SoapVersion version,
            boolean requestHeader, String soapAction, Object payload, Exchange<T> exchange) {
        String correlationId = UUID.randomUUID().toString();
        ServiceCall call = idempotentWrite ? ServiceCall.idempotentWrite(service.id(), operation, correlationId, null)
                : ServiceCall.read(service.id(), operation, correlationId);
        URI endpoint = service.endpoint(environment);
        return CallRetries.run(LOG, observations, call, retry, timeouts, timeout -> {
            CallInfo info = new CallInfo(service, operation, soapAction, endpoint, correlationId, clock.instant(),
                    version, requestHeader);
            Document request = EnvelopeBuilder.build(info, payload, authenticator, addressing);
            return exchange.run(call, endpoint, request, timeout.get());
        });
    }

    /**
     * Calls {@code operation} of {@code service} over SOAP 1.1 and unmarshals the reply's payload as {@code type}:
     * straight from the reply's bytes when no reply check needs the DOM (no reply signatures configured), from the DOM
     * otherwise. {@code mapper} turns the message into the result and may throw {@link ReplyShapeException}.
     */
    public <R, T> T callJaxb(ServiceDescription service, String operation, String soapAction, Object payload,
            Class<R> type, java.util.function.Function<R, T> mapper) {
        if (replyCheck != null) {
            return call(service, operation, soapAction, payload,
                    (reply, call) -> mapper.apply(JaxbCodec.unmarshal(reply, type)));
        }
        return execute(service, operation, false, SoapVersion.SOAP_11, false, soapAction, payload,
                (call, endpoint, request, timeout) -> transport.callForPayload(call, endpoint, soapAction, request,
                        timeout, x -> mapper.apply(JaxbCodec.unmarshal(x, type))));
    }

    /**
     * A new STS token for {@code service}, past the token cache (a health check); when it expires.
     *
     * @throws IllegalStateException when this executor uses the invocation-context model (no STS)
     */
    public java.time.Instant checkSts(ServiceDescription service) {
        if (!(authenticator instanceof StsAuthenticator sts)) {
            throw new IllegalStateException("the client uses the invocation-context model: it has no STS");
        }
        return sts.checkSts(service.entityId());
    }

    @Override
    public void close() {
        transport.close();
    }
}
