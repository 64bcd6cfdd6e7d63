package dk.rammearkitektur.testkit.digitalpost;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the Digital Post simulator injects into a KombiPostAfsend or PostForespoerg call (never into the STS or
 * the access-token exchange).
 *
 * @param kind what goes wrong
 * @param amount the delay for {@link Kind#LATENCY} and {@link Kind#TIMEOUT}; zero otherwise
 */
public record DigitalPostFault(Kind kind, Duration amount) {

    /** What goes wrong. */
    public enum Kind {
        /** The request is handled normally, after {@code amount}. */
        LATENCY,
        /** The connection is closed before the request is handled: nothing is delivered. */
        CONNECTION_RESET,
        /** HTTP 500 before the request is handled. */
        HTTP_500,
        /** HTTP 503 before the request is handled. */
        HTTP_503,
        /** The request is handled, then a reply that is not XML is sent. */
        MALFORMED_REPLY,
        /** The request is handled, then the reply is cut off in the middle. */
        TRUNCATED_REPLY,
        /** The request is handled (the letter is delivered), then the reply is held back for {@code amount}. */
        TIMEOUT
    }

    /** Checks the parts. */
    public DigitalPostFault {
        Objects.requireNonNull(kind, "kind == null");
        amount = amount == null ? Duration.ZERO : amount;
    }

    /** Delay the answer. */
    public static DigitalPostFault latency(Duration delay) {
        return new DigitalPostFault(Kind.LATENCY, delay);
    }

    /** Close the connection without handling the request. */
    public static DigitalPostFault connectionReset() {
        return new DigitalPostFault(Kind.CONNECTION_RESET, null);
    }

    /** Answer 500 or 503 without handling the request. */
    public static DigitalPostFault httpStatus(int status) {
        if (status != 500 && status != 503) {
            throw new IllegalArgumentException("only 500 and 503 are simulated");
        }
        return new DigitalPostFault(status == 500 ? Kind.HTTP_500 : Kind.HTTP_503, null);
    }

    /** Handle the request, then answer with something that is not XML. */
    public static DigitalPostFault malformedReply() {
        return new DigitalPostFault(Kind.MALFORMED_REPLY, null);
    }

    /** Handle the request, then answer with the reply cut in half. */
    public static DigitalPostFault truncatedReply() {
        return new DigitalPostFault(Kind.TRUNCATED_REPLY, null);
    }

    /** Handle the request, then hold the reply back for {@code hold} (longer than the client's read timeout). */
    public static DigitalPostFault timeout(Duration hold) {
        return new DigitalPostFault(Kind.TIMEOUT, hold);
    }
}
