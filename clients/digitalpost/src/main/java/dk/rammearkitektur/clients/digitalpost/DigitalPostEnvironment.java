package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.common.internal.EnvironmentUrls;
import dk.rammearkitektur.core.Violations;
import java.net.URI;
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

    /**
     * The external test environment (eksterntest). The STS is the {@code n2adgangsstyring} host that public clients
     * moved to in 2025; for another host use the record's constructor or {@link #withStsRest(URI)}.
     */
    public static final DigitalPostEnvironment TEST = new DigitalPostEnvironment("test",
            URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"),
            URI.create("https://exttest.serviceplatformen.dk/service/AccessTokenService_1/token"),
            URI.create("https://exttest.serviceplatformen.dk/service/KombiPostAfsend_1/kombi"),
            URI.create("https://exttest.serviceplatformen.dk/service/PostForespoerg_1/"));

    /** The production environment. */
    public static final DigitalPostEnvironment PRODUCTION = new DigitalPostEnvironment("production",
            URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"),
            URI.create("https://prod.serviceplatformen.dk/service/AccessTokenService_1/token"),
            URI.create("https://prod.serviceplatformen.dk/service/KombiPostAfsend_1/kombi"),
            URI.create("https://prod.serviceplatformen.dk/service/PostForespoerg_1/"));

    /** This environment with another STS REST issue endpoint, e.g. when KOMBIT moves the STS again. */
    public DigitalPostEnvironment withStsRest(URI sts) {
        return new DigitalPostEnvironment(name, sts, accessToken, kombi, lookupBase);
    }

    /** Checks that every URL is absolute https (http only on loopback) and that the lookup base ends in a slash. */
    public DigitalPostEnvironment {
        Violations v = Violations.at("environment");
        v.require(name != null && !name.isBlank(), "name", "must not be blank");
        url(v, "stsRest", stsRest);
        url(v, "accessToken", accessToken);
        url(v, "kombi", kombi);
        if (url(v, "lookupBase", lookupBase)) {
            EnvironmentUrls.endsWithSlash(v, "lookupBase", lookupBase);
        }
        v.throwIfAny();
    }

    /**
     * An environment where every endpoint shares one base URL, as the simulator serves them:
     * {@code runtime/api/rest/wstrust/v1/issue}, {@code service/AccessTokenService_1/token},
     * {@code service/KombiPostAfsend_1/kombi} and {@code service/PostForespoerg_1/}.
     */
    public static DigitalPostEnvironment custom(URI base) {
        String b = EnvironmentUrls.withSlash(base);
        return new DigitalPostEnvironment("custom", URI.create(b + "runtime/api/rest/wstrust/v1/issue"),
                URI.create(b + "service/AccessTokenService_1/token"), URI.create(b + "service/KombiPostAfsend_1/kombi"),
                URI.create(b + "service/PostForespoerg_1/"));
    }

    /** Parses {@code test}, {@code production} (or {@code prod}) or a base URL as for {@link #custom(URI)}. */
    public static DigitalPostEnvironment parse(String text) {
        Objects.requireNonNull(text, "text == null");
        return EnvironmentUrls.parse(text.strip(), TEST, PRODUCTION, DigitalPostEnvironment::custom);
    }

    private static boolean url(Violations v, String field, URI uri) {
        return EnvironmentUrls.absolute(v, field, uri) && EnvironmentUrls.secure(v, field, uri);
    }
}
