package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The URL checks and the name parsing the environment presets of both clients share ({@code Environment},
 * {@code DigitalPostEnvironment}).
 */
public final class EnvironmentUrls {
    private EnvironmentUrls() {
    }

    /** Checks that {@code uri} is set and absolute with a host; true when it is. */
    public static boolean absolute(Violations v, String field, URI uri) {
        return v.require(uri != null, field, "must be set")
                && v.require(uri.isAbsolute() && uri.getHost() != null, field, "must be an absolute URL with a host");
    }

    /** Checks that an absolute {@code uri} uses https (http only on loopback); true when it does. */
    public static boolean secure(Violations v, String field, URI uri) {
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost());
        return v.require("https".equalsIgnoreCase(uri.getScheme())
                || ("http".equalsIgnoreCase(uri.getScheme()) && loopback), field, "must use https");
    }

    /** Checks that the path of a base URL ends in a slash. */
    public static void endsWithSlash(Violations v, String field, URI uri) {
        v.require(uri.getPath() != null && uri.getPath().endsWith("/"), field, "must end with /");
    }

    /** {@code base} as text ending in a slash. */
    public static String withSlash(URI base) {
        Objects.requireNonNull(base, "base == null");
        return base.toString().endsWith("/") ? base.toString() : base + "/";
    }

    /**
     * Resolves {@code test}, {@code production} or {@code prod} (any case) to a preset, anything else to a custom
     * environment at that base URL.
     *
     * @param text the name or URL, already trimmed by the caller
     * @param test the test preset
     * @param production the production preset
     * @param custom makes a custom environment from a base URL
     * @param <E> the environment type
     * @return the environment
     * @throws ValidationException when {@code text} is not a name and not a URL
     */
    public static <E> E parse(String text, E test, E production, Function<URI, E> custom) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "test":
                return test;
            case "production":
            case "prod":
                return production;
            default:
                try {
                    return custom.apply(URI.create(text));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("environment", "must be test, production or a base URL");
                }
        }
    }
}
