package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the SF1601 services live: the STS's REST issue endpoint, the access-token exchange
 * (AccessTokenService), KombiPostAfsend and the PostForespoerg registration lookups. Presets for the external test
 * environment and production, or custom URLs (for example a simulator).
 *
 * @param name a short name for logs, e.g. {@code test}
 * @param stsRest the STS's REST (JSON) issue endpoint
 * @param accessToken the access-token exchange endpoint
 * @param kombi the KombiPostAfsend endpoint
 * @param lookupBase the base of the PostForespoerg lookups, ending in {@code /} ({@code digitalpost} and
 *     {@code nemsms} are resolved against it)
 */
public record DigitalPostEnvironment(String name, URI stsRest, URI accessToken, URI kombi, URI lookupBase) {

    /** The external test environment (eksterntest). */
    public static final DigitalPostEnvironment TEST = new DigitalPostEnvironment("test",
            URI.create("https://adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"),
            URI.create("https://exttest.serviceplatformen.dk/service/AccessTokenService_1/token"),
            URI.create("https://exttest.serviceplatformen.dk/service/KombiPostAfsend_1/kombi"),
            URI.create("https://exttest.serviceplatformen.dk/service/PostForespoerg_1/"));

    /** The production environment. */
    public static final DigitalPostEnvironment PRODUCTION = new DigitalPostEnvironment("production",
            URI.create("https://adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"),
            URI.create("https://prod.serviceplatformen.dk/service/AccessTokenService_1/token"),
            URI.create("https://prod.serviceplatformen.dk/service/KombiPostAfsend_1/kombi"),
            URI.create("https://prod.serviceplatformen.dk/service/PostForespoerg_1/"));

    /** Checks that every URL is absolute https (http only on loopback) and that the lookup base ends in a slash. */
    public DigitalPostEnvironment {
        Violations v = Violations.at("environment");
        v.require(name != null && !name.isBlank(), "name", "must not be blank");
        url(v, "stsRest", stsRest);
        url(v, "accessToken", accessToken);
        url(v, "kombi", kombi);
        if (url(v, "lookupBase", lookupBase)) {
            v.require(lookupBase.getPath() != null && lookupBase.getPath().endsWith("/"), "lookupBase", "must end with /");
        }
        v.throwIfAny();
    }

    /**
     * An environment where every endpoint shares one base URL, as the simulator serves them:
     * {@code runtime/api/rest/wstrust/v1/issue}, {@code service/AccessTokenService_1/token},
     * {@code service/KombiPostAfsend_1/kombi} and {@code service/PostForespoerg_1/}.
     */
    public static DigitalPostEnvironment custom(URI base) {
        Objects.requireNonNull(base, "base == null");
        String b = base.toString().endsWith("/") ? base.toString() : base + "/";
        return new DigitalPostEnvironment("custom", URI.create(b + "runtime/api/rest/wstrust/v1/issue"),
                URI.create(b + "service/AccessTokenService_1/token"), URI.create(b + "service/KombiPostAfsend_1/kombi"),
                URI.create(b + "service/PostForespoerg_1/"));
    }

    /** Parses {@code test}, {@code production} (or {@code prod}) or a base URL as for {@link #custom(URI)}. */
    public static DigitalPostEnvironment parse(String text) {
        Objects.requireNonNull(text, "text == null");
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "test":
                return TEST;
            case "production":
            case "prod":
                return PRODUCTION;
            default:
                try {
                    return custom(URI.create(text.strip()));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("environment", "must be test, production or a base URL");
                }
        }
    }

    private static boolean url(Violations v, String field, URI uri) {
        if (!v.require(uri != null, field, "must be set")
                || !v.require(uri.isAbsolute() && uri.getHost() != null, field, "must be an absolute URL with a host")) {
            return false;
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost());
        return v.require("https".equalsIgnoreCase(uri.getScheme()) || ("http".equalsIgnoreCase(uri.getScheme()) && loopback),
                field, "must use https");
    }
}
