package dk.rammearkitektur.clients.digitalpost.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens per service entity id, renewed {@code margin} before they expire. Callers that find no usable token
 * wait for one exchange (one lock per entity id), so concurrent sends cause a single exchange.
 */
public final class AccessTokens {
    /**
     * An access token.
     *
     * @param value the token
     * @param type the token type, e.g. {@code Holder-of-key}
     * @param expires when it expires
     */
    public record Token(String value, String type, Instant expires) {
        @Override
        public String toString() {
            return "Token[" + type + ", expires " + expires + "]";
        }
    }

    private final Clock clock;
    private final Duration margin;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * The value of the {@code saml-token} form field: the STS's {@code Assertion} exactly as received, never a
     * re-serialisation of the parsed assertion (which could change the bytes the STS signed). Public clients forward
     * the Base64 string the REST STS returns; when an STS answered with the XML itself, its exact UTF-8 bytes are
     * Base64-encoded (the SDK's choice: the access-token service's handling of raw XML is not published).
     *
     * @throws IllegalStateException when the token was not received as a REST {@code Assertion} string
     */
    public static String samlTokenField(String received) {
        if (received == null || received.isEmpty()) {
            throw new IllegalStateException("the STS token has no Assertion as received; it cannot be forwarded unchanged");
        }
        int i = 0;
        while (i < received.length() && Character.isWhitespace(received.charAt(i))) {
            i++;
        }
        if (i < received.length() && received.charAt(i) == '<') {
            return java.util.Base64.getEncoder().encodeToString(received.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return received;
    }

    /** Creates the cache. */
    public AccessTokens(Clock clock, Duration margin) {
        this.clock = clock;
        this.margin = margin;
    }

    /** A token for {@code entityId} valid for at least the margin, from the cache or from {@code exchange}. */
    public Token get(String entityId, Supplier<Token> exchange) {
        Token t = tokens.get(entityId);
        if (usable(t)) {
            return t;
        }
        synchronized (locks.computeIfAbsent(entityId, k -> new Object())) {
            t = tokens.get(entityId);
            if (usable(t)) {
                return t;
            }
            t = exchange.get();
            tokens.put(entityId, t);
            return t;
        }
    }

    /** Forgets {@code token} (the service refused it). */
    public void invalidate(String entityId, Token token) {
        tokens.remove(entityId, token);
    }

    private boolean usable(Token t) {
        return t != null && clock.instant().plus(margin).isBefore(t.expires());
    }
}
