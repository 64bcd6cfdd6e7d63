package dk.rammearkitektur.testkit.beskedfordeler;

import java.net.URI;
import java.util.Objects;

/**
 * One attempt of the simulator to push an event to a callback (BeskedFåTilsendt): where, which message, the
 * how-many-th attempt (the envelope's {@code AntalLeveranceforsoeg} semantics, counted from 1), and what came back.
 */
public final class PushAttempt {
    private final URI url;
    private final String messageId;
    private final int attempt;
    private final int httpStatus;
    private final Integer statusKode;
    private final String failure;
    private final byte[] request;

    /**
     * An attempt.
     *
     * @param url the callback
     * @param messageId the event's message id
     * @param attempt 1 for the first delivery
     * @param httpStatus the HTTP status, or -1 when there was no HTTP answer
     * @param statusKode the reply's {@code ModtagBeskedOutput/StandardRetur/StatusKode}, or null when none was read
     * @param failure why it did not count (a transport error, or the status), or null when it was delivered
     * @param request the {@code ModtagBeskedInput} document sent
     */
    public PushAttempt(URI url, String messageId, int attempt, int httpStatus, Integer statusKode, String failure,
            byte[] request) {
        this.url = Objects.requireNonNull(url, "url == null");
        this.messageId = messageId;
        this.attempt = attempt;
        this.httpStatus = httpStatus;
        this.statusKode = statusKode;
        this.failure = failure;
        this.request = request.clone();
    }

    /** The callback URL. */
    public URI url() {
        return url;
    }

    /** The event's message id. */
    public String messageId() {
        return messageId;
    }

    /** Which attempt this was, counted from 1. */
    public int attempt() {
        return attempt;
    }

    /** The HTTP status answered, or -1 (a timeout, a refused connection, a failed handshake). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The StatusKode answered, or null when the reply held none (or there was no reply). */
    public Integer statusKode() {
        return statusKode;
    }

    /** True when this attempt counted as delivered: HTTP 200 and StatusKode 20. */
    public boolean delivered() {
        return failure == null;
    }

    /** Why the attempt did not count, or null when it was delivered. */
    public String failure() {
        return failure;
    }

    /** The {@code ModtagBeskedInput} document sent (a copy). */
    public byte[] request() {
        return request.clone();
    }

    /** The outcome only; the document is left out (it may hold personal data). */
    @Override
    public String toString() {
        return "PushAttempt[" + url + ", " + messageId + ", attempt " + attempt + ", HTTP " + httpStatus
                + ", StatusKode " + statusKode + (failure == null ? ", delivered" : ", " + failure) + "]";
    }
}
