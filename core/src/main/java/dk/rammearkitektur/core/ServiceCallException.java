package dk.rammearkitektur.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A call to a remote service failed. One type per way it can fail, shared by every client in the SDK:
 * {@link TransportException} (the call did not complete: {@link ConnectionFailedException},
 * {@link CallTimeoutException}, {@link HttpStatusException}, {@link MalformedReplyException}) and
 * {@link ServiceFaultException} (the service answered with a refusal; {@link StsRefusedException} when the security
 * token service refused a token).
 *
 * <p>Each says whether the request {@linkplain #mayHaveReachedService() may have reached the service} and whether
 * {@linkplain #isRetrySafe() a retry is safe}: the failure is transient and repeating the request cannot cause a
 * second effect. Messages name the service, the operation and the correlation id; CPR numbers are masked.
 */
public abstract class ServiceCallException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;
    private final String service;
    private final String operation;
    private final boolean idempotent;
    private final String correlationId;
    private final boolean mayHaveReachedService;
    private final transient Object request;

    /** Creates the exception; the message gets the service, operation and correlation id appended. */
    protected ServiceCallException(ServiceCall call, String message, boolean mayHaveReachedService, Throwable cause) {
        super(message + " (" + Objects.requireNonNull(call, "call == null").describe() + ")", cause);
        this.service = call.service();
        this.operation = call.operation();
        this.idempotent = call.idempotent();
        this.correlationId = call.correlationId();
        this.request = call.request();
        this.mayHaveReachedService = mayHaveReachedService;
    }

    /** The service called, e.g. {@code SF1520}, {@code SF1601} or {@code STS}. */
    public String service() {
        return service;
    }

    /** The operation called, e.g. {@code PersonLookup}. */
    public String operation() {
        return operation;
    }

    /** The correlation id of the call that failed (quote it to the platform's support), or null when none. */
    public String correlationId() {
        return correlationId;
    }

    /** True unless the request is known not to have been received (for example: the connection was refused). */
    public boolean mayHaveReachedService() {
        return mayHaveReachedService;
    }

    /** True when the call was a read, which can be repeated without a second effect. */
    public boolean isIdempotent() {
        return idempotent;
    }

    /**
     * True when trying the same request again is safe and may succeed: the failure is transient (connection, timeout,
     * HTTP 408/429/502/503/504) and either the call is a read or the request is known not to have reached the
     * service. Refusals, malformed replies and security failures are never retry-safe.
     */
    public abstract boolean isRetrySafe();

    /**
     * The request object whose call failed, when it is of {@code type}: for a Digital Post send, the
     * {@code Transmission} to resend unchanged. Empty for lookups.
     */
    public <T> Optional<T> request(Class<T> type) {
        return type.isInstance(request) ? Optional.of(type.cast(request)) : Optional.empty();
    }

    /** Safe when a transient failure hit a read, or a request that never arrived. */
    boolean transientRetrySafe() {
        return idempotent || !mayHaveReachedService;
    }
}
