package dk.rammearkitektur.clients.beskedfordeler.push;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to one push: the HTTP status and a {@code ModtagBeskedOutput} whose {@code StandardRetur} says 20 when the
 * event was handled (or had been before), anything else when the Beskedfordeler must deliver it again.
 *
 * @param httpStatus 200, or 400, 403, 405, 413 or 500
 * @param statusCode the {@code StandardRetur/StatusKode}: 20, 40 (refused input) or 50 (the receiver failed)
 * @param body the {@code ModtagBeskedOutput} document, UTF-8
 */
public record PushResponse(int httpStatus, int statusCode, byte[] body) {
    /** The content type of {@link #body()}. */
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    /** Checks the body is given and copies it. */
    public PushResponse {
        Objects.requireNonNull(body, "body == null");
        body = body.clone();
    }

    /** True when the Beskedfordeler may consider the event delivered. */
    public boolean delivered() {
        return statusCode == 20;
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushResponse r && httpStatus == r.httpStatus && statusCode == r.statusCode
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * httpStatus + statusCode) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "PushResponse[HTTP " + httpStatus + ", StatusKode " + statusCode + ": "
                + new String(body, StandardCharsets.UTF_8) + "]";
    }
}
