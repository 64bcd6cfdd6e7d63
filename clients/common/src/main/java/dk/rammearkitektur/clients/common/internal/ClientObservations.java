package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.core.TransportException;
import dk.rammearkitektur.core.ValidationException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The SDK's Micrometer observations (documented in {@code docs/observability.md}): one
 * {@value #CALL} per logical call, retries included, and one {@value #TOKEN} per STS token asked of a
 * {@link TokenCache}. Every key value is low-cardinality and free of personal data: the service's short name, the
 * operation, an outcome from the exception's type and the service's fault code (replaced by {@value #OTHER} when it
 * looks like it could hold a number that identifies someone). Nothing from the request, the reply, the correlation id
 * or an exception text is a key value. With {@link ObservationRegistry#NOOP} (or any registry without handlers)
 * Micrometer hands out its no-op observation and nothing here allocates.
 */
public final class ClientObservations {
    /** The observation of one logical call. */
    public static final String CALL = "rammearkitektur.client.call";
    /** The observation of one token asked of the token cache. */
    public static final String TOKEN = "rammearkitektur.sts.token";

    /** Key: the service's short name ({@link ServiceCall#service()}), e.g. {@code SF1520}. */
    public static final String SERVICE = "service";
    /** Key: the operation ({@link ServiceCall#operation()}). */
    public static final String OPERATION = "operation";
    /** Key: how the call ended, one of the {@code OUTCOME_} values. */
    public static final String OUTCOME = "outcome";
    /** Key: the fault code of a fault or STS refusal, the status of an {@code http-status}, else {@value #NONE}. */
    public static final String FAULT_CODE = "fault.code";
    /** Key: the token's audience, the service's entity id. */
    public static final String ENTITY_ID = "entity.id";
    /** Key: where the token came from, one of the {@code RESULT_} values. */
    public static final String RESULT = "result";

    /** The call returned a result. */
    public static final String OUTCOME_SUCCESS = "success";
    /** The service answered with a fault of its own ({@link ServiceFaultException}). */
    public static final String OUTCOME_FAULT = "fault";
    /** The STS refused the token the call needed ({@link StsRefusedException}). */
    public static final String OUTCOME_STS_REFUSED = "sts-refused";
    /** The call or the total timeout ran out ({@link CallTimeoutException}). */
    public static final String OUTCOME_TIMEOUT = "timeout";
    /** No connection, or it broke ({@link ConnectionFailedException}). */
    public static final String OUTCOME_CONNECTION = "connection";
    /** An HTTP error status without a fault the SDK could read ({@link HttpStatusException}). */
    public static final String OUTCOME_HTTP_STATUS = "http-status";
    /** A reply the SDK could not read ({@link MalformedReplyException}). */
    public static final String OUTCOME_MALFORMED_REPLY = "malformed-reply";
    /** Another transport failure, e.g. a file's content that could not be read while sending. */
    public static final String OUTCOME_TRANSPORT = "transport";
    /** A signature, certificate or token that may not be trusted ({@link SecurityCheckException}). */
    public static final String OUTCOME_SECURITY = "security-check";
    /** Input refused before or while it was sent ({@link ValidationException}). */
    public static final String OUTCOME_INVALID = "invalid";
    /** Anything else. */
    public static final String OUTCOME_ERROR = "error";

    /** A cached token was still valid. */
    public static final String RESULT_CACHE_HIT = "cache-hit";
    /** Waited for another caller's STS request for the same token (single flight). */
    public static final String RESULT_SHARED = "shared";
    /** Asked the STS, which issued the token. */
    public static final String RESULT_ISSUED = "issued";
    /** Asked the STS, which refused. */
    public static final String RESULT_REFUSED = "refused";
    /** Asked the STS; the request did not complete. */
    public static final String RESULT_FAILED = "failed";
    /** A refusal remembered within the STS fault backoff, thrown again without asking. */
    public static final String RESULT_BACKOFF = "backoff";

    /** The value of {@link #FAULT_CODE} when there is none. */
    public static final String NONE = "none";
    /** The value of {@link #FAULT_CODE} for a code that is not a plain code (too long, or holding a long number). */
    public static final String OTHER = "other";

    /** The event of each retry of a call: a counter {@code rammearkitektur.client.call.retry} with a meter handler. */
    public static final Observation.Event RETRY = Observation.Event.of("retry", "retry of a failed attempt");

    private static final int MAX_CODE_LENGTH = 64;

    private ClientObservations() {
    }

    /**
     * Starts the observation of {@code call} (outcome {@code success} until {@link #failed} says otherwise); the
     * no-op observation when {@code registry} has no handlers.
     */
    public static Observation startCall(ObservationRegistry registry, ServiceCall call) {
        return startCall(registry, call.service(), call.operation());
    }

    /** Starts the observation of a call of {@code operation} of {@code service}; see {@link #startCall}. */
    public static Observation startCall(ObservationRegistry registry, String service, String operation) {
        Observation o = Observation.createNotStarted(CALL, registry);
        if (o.isNoop()) {
            return o;
        }
        return o.contextualName(service + " " + operation)
                .lowCardinalityKeyValue(SERVICE, service)
                .lowCardinalityKeyValue(OPERATION, operation)
                .lowCardinalityKeyValue(OUTCOME, OUTCOME_SUCCESS)
                .lowCardinalityKeyValue(FAULT_CODE, NONE)
                .start();
    }

    /**
     * Opens the scope of {@code observation} (so a token fetched within it is its child); the no-op scope, without
     * allocating one, when the observation is the no-op one.
     */
    public static Observation.Scope scope(Observation observation) {
        return observation.isNoop() ? Observation.Scope.NOOP : observation.openScope();
    }

    /** Starts the observation of a token for {@code entityId}; {@link #RESULT} is set as the cache finds out. */
    public static Observation startToken(ObservationRegistry registry, String entityId) {
        Observation o = Observation.createNotStarted(TOKEN, registry);
        if (o.isNoop()) {
            return o;
        }
        return o.contextualName("STS token")
                .lowCardinalityKeyValue(ENTITY_ID, entityId)
                .lowCardinalityKeyValue(RESULT, RESULT_CACHE_HIT)
                .lowCardinalityKeyValue(FAULT_CODE, NONE)
                .start();
    }

    /**
     * Records that the call failed with {@code failure}: its {@link #outcome}, its {@link #faultCode} and the error
     * itself (its class name becomes the meters' {@code error} tag; its message is the SDK's, CPR numbers masked).
     */
    public static void failed(Observation observation, Throwable failure) {
        if (observation.isNoop()) {
            return;
        }
        observation.lowCardinalityKeyValue(OUTCOME, outcome(failure))
                .lowCardinalityKeyValue(FAULT_CODE, faultCode(failure))
                .error(failure);
    }

    /** The outcome value for a call that failed with {@code failure}, by its type. */
    public static String outcome(Throwable failure) {
        if (failure instanceof StsRefusedException) {
            return OUTCOME_STS_REFUSED;
        } else if (failure instanceof ServiceFaultException) {
            return OUTCOME_FAULT;
        } else if (failure instanceof CallTimeoutException) {
            return OUTCOME_TIMEOUT;
        } else if (failure instanceof ConnectionFailedException) {
            return OUTCOME_CONNECTION;
        } else if (failure instanceof HttpStatusException) {
            return OUTCOME_HTTP_STATUS;
        } else if (failure instanceof MalformedReplyException) {
            return OUTCOME_MALFORMED_REPLY;
        } else if (failure instanceof TransportException) {
            return OUTCOME_TRANSPORT;
        } else if (failure instanceof SecurityCheckException) {
            return OUTCOME_SECURITY;
        } else if (failure instanceof ValidationException) {
            return OUTCOME_INVALID;
        }
        return OUTCOME_ERROR;
    }

    /**
     * The fault code value for {@code failure}: a {@link ServiceFaultException}'s code, an
     * {@link HttpStatusException}'s status, else {@value #NONE}; see {@link #tagSafe(String)}.
     */
    public static String faultCode(Throwable failure) {
        if (failure instanceof ServiceFaultException f) {
            return tagSafe(f.faultCode());
        } else if (failure instanceof HttpStatusException h) {
            return Integer.toString(h.status());
        }
        return NONE;
    }

    /**
     * {@code code} when it is a plain code: {@value #NONE} when null or blank; {@value #OTHER} when longer than 64
     * characters or holding a run of six or more digits (a CPR number, masked or not, a CVR number, a date), so no
     * number that identifies a person or company can become a tag.
     */
    static String tagSafe(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        if (code.length() > MAX_CODE_LENGTH) {
            return OTHER;
        }
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= 6) {
                return OTHER;
            }
        }
        return code.strip();
    }
}
