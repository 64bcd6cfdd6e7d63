package dk.rammearkitektur.core;

import java.util.Objects;

/**
 * The call a {@link ServiceCallException} is about: which service and operation, whether repeating it can cause a
 * second effect, the call's correlation id and, for sends, the request that was sent (so it can be resent unchanged).
 *
 * @param service a short, stable name of the service, e.g. {@code SF1520} or {@code STS}
 * @param operation the operation called, e.g. {@code PersonLookup}
 * @param idempotent true when repeating the call cannot cause a second effect (a lookup); false for sends
 * @param correlationId the id the SDK gave the call, for logs and the platform's support; null when none
 * @param request the request object that failed (a Digital Post {@code Transmission}); null for lookups
 */
public record ServiceCall(String service, String operation, boolean idempotent, String correlationId, Object request) {

    /** Checks that service and operation are given. */
    public ServiceCall {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(operation, "operation == null");
    }

    /** A lookup or other read: repeating it is harmless. */
    public static ServiceCall read(String service, String operation, String correlationId) {
        return new ServiceCall(service, operation, true, correlationId, null);
    }

    /** A send or other write: repeating it may cause a second effect; {@code request} may be null. */
    public static ServiceCall write(String service, String operation, String correlationId, Object request) {
        return new ServiceCall(service, operation, false, correlationId, request);
    }

    /**
     * A write whose repetition has no further effect (for example an update that sends the whole state):
     * retried like a read; {@code request} may be null.
     */
    public static ServiceCall idempotentWrite(String service, String operation, String correlationId, Object request) {
        return new ServiceCall(service, operation, true, correlationId, request);
    }

    /** Shown in exception messages: the service, the operation and the correlation id when there is one. */
    String describe() {
        return service + " " + operation + (correlationId == null ? "" : ", correlation id " + correlationId);
    }
}
