package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.clients.common.internal.EnvironmentUrls;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.net.URI;
import java.util.Objects;

/**
 * Where the Beskedfordeler (message distributor) and the security token service (STS) live: the public test and
 * production presets, or a custom one (for example a simulator).
 *
 * <p>The test preset's AMQP host {@code beskedfordeler.eksterntest-stoettesystemerne.dk}, port 5671 (AMQP 0-9-1 over
 * TLS) and virtual host {@code BF}, and the værdiliste SOAP endpoint {@code /sts-bf-soap/StsbeskedfordelerImpl} on the
 * same host, are those of KOMBIT's Java sample (kombit/bfo_infrastructureSamples-java, {@code application.properties}
 * and {@code VaerdilisteServiceClient.java}; research note {@code services-breadth.md}, section 3). The production host
 * {@code beskedfordeler.stoettesystemerne.dk} follows the pattern of the other support systems: the SDK's inference,
 * not a published value. The STS endpoints are those of the support-systems clients' presets.
 *
 * @param name a short name for logs, e.g. {@code test}
 * @param amqpHost the AMQP broker's host name
 * @param amqpPort the AMQP broker's TLS port
 * @param virtualHost the AMQP virtual host
 * @param vaerdiliste the værdiliste (filter values) SOAP endpoint
 * @param stsSoap the STS's WS-Trust 1.3 SOAP issue endpoint
 * @param stsRest the STS's REST (JSON) issue endpoint
 */
public record BeskedfordelerEnvironment(String name, String amqpHost, int amqpPort, String virtualHost,
        URI vaerdiliste, URI stsSoap, URI stsRest) {

    /** The external test environment (eksterntest). */
    public static final BeskedfordelerEnvironment TEST = new BeskedfordelerEnvironment("test",
            "beskedfordeler.eksterntest-stoettesystemerne.dk", 5671, "BF",
            URI.create("https://beskedfordeler.eksterntest-stoettesystemerne.dk/sts-bf-soap/StsbeskedfordelerImpl"),
            URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

    /** The production environment (its host is the SDK's inference, see above). */
    public static final BeskedfordelerEnvironment PRODUCTION = new BeskedfordelerEnvironment("production",
            "beskedfordeler.stoettesystemerne.dk", 5671, "BF",
            URI.create("https://beskedfordeler.stoettesystemerne.dk/sts-bf-soap/StsbeskedfordelerImpl"),
            URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

    /** Checks every field: a host name, a port 1 to 65535, a virtual host, absolute https URLs (http on loopback). */
    public BeskedfordelerEnvironment {
        Violations v = Violations.at("environment");
        v.require(name != null && !name.isBlank(), "name", "must not be blank");
        v.require(amqpHost != null && !amqpHost.isEmpty() && amqpHost.chars().noneMatch(Character::isWhitespace),
                "amqpHost", "must be a host name without spaces");
        v.require(amqpPort >= 1 && amqpPort <= 65535, "amqpPort", "must be between 1 and 65535");
        v.require(virtualHost != null && !virtualHost.isBlank(), "virtualHost", "must not be blank");
        check(v, "vaerdiliste", vaerdiliste);
        check(v, "stsSoap", stsSoap);
        check(v, "stsRest", stsRest);
        v.throwIfAny();
    }

    /**
     * A custom environment, as the testkit's simulators serve it: the broker at {@code amqpHost:amqpPort} with
     * virtual host {@code BF}, the værdiliste service under {@code <soapBase>sts-bf-soap/StsbeskedfordelerImpl} and
     * the STS under {@code <stsBase>runtime/...}.
     */
    public static BeskedfordelerEnvironment custom(String amqpHost, int amqpPort, URI soapBase, URI stsBase) {
        Objects.requireNonNull(soapBase, "soapBase == null");
        Objects.requireNonNull(stsBase, "stsBase == null");
        String sts = EnvironmentUrls.withSlash(stsBase);
        return new BeskedfordelerEnvironment("custom", amqpHost, amqpPort, "BF",
                URI.create(EnvironmentUrls.withSlash(soapBase) + "sts-bf-soap/StsbeskedfordelerImpl"),
                URI.create(sts + "runtime/services/kombittrust/14/certificatemixed"),
                URI.create(sts + "runtime/api/rest/wstrust/v1/issue"));
    }

    /**
     * Parses {@code test}, {@code production} (or {@code prod}), or a broker's {@code host:port} for a
     * {@linkplain #custom custom} environment whose services and STS are under {@code customBase}.
     *
     * @param customBase the base URL of the værdiliste service and the STS; needed only for {@code host:port}
     * @throws ValidationException at path {@code environment} when the text is none of these, or a custom environment
     *     has no base
     */
    public static BeskedfordelerEnvironment parse(String text, URI customBase) {
        Objects.requireNonNull(text, "text == null");
        String t = text.strip();
        switch (t) {
            case "test":
                return TEST;
            case "production", "prod":
                return PRODUCTION;
            default:
                break;
        }
        int colon = t.lastIndexOf(':');
        int port = -1;
        try {
            port = colon < 1 ? -1 : Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (port < 1 || port > 65535) {
            throw new ValidationException("environment", "must be test, production or host:port with a port between 1"
                    + " and 65535");
        }
        if (customBase == null) {
            throw new ValidationException("environment", "a custom broker needs the base URL of the STS");
        }
        return custom(t.substring(0, colon), port, customBase, customBase);
    }

    private static void check(Violations v, String field, URI uri) {
        if (EnvironmentUrls.absolute(v, field, uri)) {
            EnvironmentUrls.secure(v, field, uri);
        }
    }
}
