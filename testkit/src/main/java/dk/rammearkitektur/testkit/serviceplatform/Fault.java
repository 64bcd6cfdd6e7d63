package dk.rammearkitektur.testkit.serviceplatform;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulator injects into a call instead of (or before) answering normally.
 *
 * @param kind what goes wrong
 * @param amount the delay for {@link Kind#LATENCY} and the offset for {@link Kind#CLOCK_SKEW}; zero otherwise
 * @param code the fault code for {@link Kind#SOAP_FAULT}, the status code for {@link Kind#STATUS_CODE}; null otherwise
 */
public record Fault(Kind kind, Duration amount, String code) {

    /** What goes wrong. */
    public enum Kind {
        /** The answer is delayed by {@code amount}, then given normally. */
        LATENCY,
        /** The connection is closed without an answer. */
        CONNECTION_RESET,
        /** HTTP 500 with a plain-text body (no SOAP fault). */
        HTTP_500,
        /** HTTP 503 with a plain-text body. */
        HTTP_503,
        /** A SOAP fault with {@code code}. */
        SOAP_FAULT,
        /** A body that is not well-formed XML. */
        MALFORMED_XML,
        /** The normal answer cut off in the middle. */
        TRUNCATED_XML,
        /** The STS issues a token that has already expired. */
        EXPIRED_TOKEN,
        /** The simulator's clock is off by {@code amount} for this call (timestamps, token lifetimes). */
        CLOCK_SKEW,
        /** SF1500 answers with this {@code StandardRetur/StatusKode} (not 20) and no objects. */
        STATUS_CODE
    }

    /** Checks the parts. */
    public Fault {
        Objects.requireNonNull(kind, "kind == null");
        amount = amount == null ? Duration.ZERO : amount;
    }

    /** Delay the answer. */
    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, delay, null);
    }

    /** Close the connection without answering. */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, null, null);
    }

    /** Answer HTTP 500 or 503 (any other status is refused) with a plain-text body. */
    public static Fault httpStatus(int status) {
        if (status == 500) {
            return new Fault(Kind.HTTP_500, null, null);
        }
        if (status == 503) {
            return new Fault(Kind.HTTP_503, null, null);
        }
        throw new IllegalArgumentException("only 500 and 503 are simulated");
    }

    /** Answer with a SOAP fault carrying {@code code}. */
    public static Fault soapFault(String code) {
        return new Fault(Kind.SOAP_FAULT, null, Objects.requireNonNull(code, "code == null"));
    }

    /** Answer with XML that is not well-formed. */
    public static Fault malformedXml() {
        return new Fault(Kind.MALFORMED_XML, null, null);
    }

    /** Answer with the normal reply cut off halfway. */
    public static Fault truncatedXml() {
        return new Fault(Kind.TRUNCATED_XML, null, null);
    }

    /** Let the STS issue an already expired token. */
    public static Fault expiredToken() {
        return new Fault(Kind.EXPIRED_TOKEN, null, null);
    }

    /** Let the next SF1500 reply carry {@code StandardRetur/StatusKode} {@code statusCode} (e.g. 44) and no objects. */
    public static Fault statusCode(int statusCode) {
        return new Fault(Kind.STATUS_CODE, null, String.valueOf(statusCode));
    }

    /** Shift the simulator's clock by {@code offset} for the call. */
    public static Fault clockSkew(Duration offset) {
        return new Fault(Kind.CLOCK_SKEW, offset, null);
    }
}
