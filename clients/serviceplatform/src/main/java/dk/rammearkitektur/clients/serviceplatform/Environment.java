package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.clients.common.internal.EnvironmentUrls;
import dk.rammearkitektur.core.Violations;
import java.net.URI;

/**
 * Where Serviceplatformen and its security token service (STS) live: the public test and production presets, or
 * custom URLs (for example a simulator). Each URL of a preset can be replaced on its own with the {@code with...}
 * methods, e.g. {@code Environment.TEST.withStsSoap(uri)}, should the platform move one endpoint again.
 *
 * <p>The presets' STS hosts are {@code n2adgangsstyring.eksterntest-stoettesystemerne.dk} and
 * {@code n2adgangsstyring.stoettesystemerne.dk}, where the KOMBIT STS moved in 2025 (public client itk-dev/serviceplatform
 * 1.6.1 "Updated SAML-token endpoints"); older samples still show {@code adgangsstyring.*}.
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
            URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

    /** The production environment. */
    public static final Environment PRODUCTION = new Environment("production",
            URI.create("https://prod.serviceplatformen.dk/service/"),
            URI.create("https://organisation.stoettesystemerne.dk/"),
            URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

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

    /** This environment with another name (for logs). */
    public Environment withName(String newName) {
        return new Environment(newName, serviceBase, organisationBase, stsSoap, stsRest);
    }

    /** This environment with another base URL for Serviceplatformen's SOAP services (ending in {@code /}). */
    public Environment withServiceBase(URI url) {
        return new Environment(name, url, organisationBase, stsSoap, stsRest);
    }

    /** This environment with another base URL for Organisation (Støttesystemerne; ending in {@code /}). */
    public Environment withOrganisationBase(URI url) {
        return new Environment(name, serviceBase, url, stsSoap, stsRest);
    }

    /** This environment with another STS WS-Trust 1.3 (SOAP) issue endpoint. */
    public Environment withStsSoap(URI url) {
        return new Environment(name, serviceBase, organisationBase, url, stsRest);
    }

    /** This environment with another STS REST issue endpoint. */
    public Environment withStsRest(URI url) {
        return new Environment(name, serviceBase, organisationBase, stsSoap, url);
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
