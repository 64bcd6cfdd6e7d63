package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.clients.internal.EnvironmentUrls;
import dk.rammearkitektur.core.Violations;
import java.net.URI;

/**
 * Where Serviceplatformen and its security token service (STS) live: the public test and production presets, or
 * custom URLs (for example a simulator).
 *
 * @param name a short name for logs, e.g. {@code test}
 * @param serviceBase the base URL of Serviceplatformen's SOAP services, ending in {@code /}
 * @param organisationBase the base URL of the Organisation service (Støttesystemerne), ending in {@code /}
 * @param stsSoap the STS's WS-Trust 1.3 SOAP issue endpoint
 * @param stsRest the STS's REST (JSON) issue endpoint
 */
public record Environment(String name, URI serviceBase, URI organisationBase, URI stsSoap, URI stsRest) {

    /** The external test environment (eksterntest). */
    public static final Environment TEST = new Environment("test",
            URI.create("https://exttest.serviceplatformen.dk/service/"),
            URI.create("https://organisation.eksterntest-stoettesystemerne.dk/"),
            URI.create("https://adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

    /** The production environment. */
    public static final Environment PRODUCTION = new Environment("production",
            URI.create("https://prod.serviceplatformen.dk/service/"),
            URI.create("https://organisation.stoettesystemerne.dk/"),
            URI.create("https://adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

    /** Checks that every URL is absolute https (or http on loopback only) and that the bases end in a slash. */
    public Environment {
        Violations v = Violations.at("environment");
        v.require(name != null && !name.isBlank(), "name", "must not be blank");
        checkUrl(v, "serviceBase", serviceBase, true);
        checkUrl(v, "organisationBase", organisationBase, true);
        checkUrl(v, "stsSoap", stsSoap, false);
        checkUrl(v, "stsRest", stsRest, false);
        v.throwIfAny();
    }

    /**
     * A custom environment where the services, Organisation and both STS endpoints share one base URL, as a simulator
     * serves them: services under {@code <base>service/}, Organisation under {@code <base>}, the STS under
     * {@code <base>runtime/...}.
     */
    public static Environment custom(URI base) {
        String b = EnvironmentUrls.withSlash(base);
        return new Environment("custom", URI.create(b + "service/"), URI.create(b),
                URI.create(b + "runtime/services/kombittrust/14/certificatemixed"),
                URI.create(b + "runtime/api/rest/wstrust/v1/issue"));
    }

    /** Parses {@code test}, {@code production} (or {@code prod}) or an https base URL as for {@link #custom(URI)}. */
    public static Environment parse(String text) {
        java.util.Objects.requireNonNull(text, "text == null");
        return EnvironmentUrls.parse(text.trim(), TEST, PRODUCTION, Environment::custom);
    }

    private static void checkUrl(Violations v, String field, URI uri, boolean base) {
        if (!EnvironmentUrls.absolute(v, field, uri)) {
            return;
        }
        EnvironmentUrls.secure(v, field, uri);
        if (base) {
            EnvironmentUrls.endsWithSlash(v, field, uri);
        }
    }
}
