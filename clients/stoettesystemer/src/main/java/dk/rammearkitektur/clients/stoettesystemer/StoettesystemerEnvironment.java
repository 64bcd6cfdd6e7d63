package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.clients.common.internal.EnvironmentUrls;
import dk.rammearkitektur.core.Violations;
import java.net.URI;

/**
 * Where the support systems (Støttesystemerne) and the security token service (STS) live: the public test and
 * production presets, or custom URLs (for example a simulator).
 *
 * <p>The test preset's Klassifikation endpoint {@code https://klassifikation.eksterntest-stoettesystemerne.dk/klasse/7}
 * is the one KOMBIT's own samples use (kombit/kosdy_infrastructureSamples-java, {@code client.properties},
 * {@code klassifikationEndpointUrl}). The production preset's {@code https://klassifikation.stoettesystemerne.dk/klasse/7}
 * is the SDK's inference from the test host by analogy with Organisation's hosts, not a published value; replace it
 * with {@link #withKlassifikation(URI)} if KOMBIT's connection papers say otherwise. The STS endpoints are those of
 * the Serviceplatformen client's presets.
 *
 * <p>Organisation 6's services live under one base URL, each at {@code organisation/<service>/6/} below it (for
 * example {@code organisation/bruger/6/}), on the hosts {@code organisation.[eksterntest-]stoettesystemerne.dk}
 * (research note {@code services-breadth.md}, section 1; the path layout below the host is the SDK's reading of it).
 * The test preset's Sags- og Dokumentindeks endpoint
 * {@code https://sagsogdokumentindeks.eksterntest-stoettesystemerne.dk/sts-soap-sagdok/sagdokumentindeks/6} is the
 * address in the published {@code SagDokumentIndeksService_6.wsdl}; the production one drops {@code eksterntest-}
 * from the host, the SDK's inference.
 *
 * <p>The Ydelsesindeks (SF1490) has three services under one base URL, each at {@code <service>/6/} below it
 * ({@code ydelseindeks}, {@code bevillingindeks}, {@code oekonomiskeffektueringindeks}): the test preset's base
 * {@code https://ydelsesindeks.eksterntest-stoettesystemerne.dk/} and the layout are those of KOMBIT's sample
 * ({@code kombit/kosdy_infrastructureSamplesYdelse-java}, {@code client.properties}); the production base drops
 * {@code eksterntest-} from the host, the SDK's inference.
 *
 * @param name a short name for logs, e.g. {@code test}
 * @param klassifikation the endpoint of Klassifikation's KlasseService 7
 * @param organisationBase the base URL of Organisation 6's services, ending in {@code /}
 * @param sagDokumentIndeks the endpoint of SagDokumentIndeksService 6 (SF1470)
 * @param ydelsesIndeksBase the base URL of the Ydelsesindeks's services (SF1490), ending in {@code /}
 * @param stsSoap the STS's WS-Trust 1.3 SOAP issue endpoint
 * @param stsRest the STS's REST (JSON) issue endpoint
 */
public record StoettesystemerEnvironment(String name, URI klassifikation, URI organisationBase, URI sagDokumentIndeks,
        URI ydelsesIndeksBase, URI stsSoap, URI stsRest) {

    /** The external test environment (eksterntest). */
    public static final StoettesystemerEnvironment TEST = new StoettesystemerEnvironment("test",
            URI.create("https://klassifikation.eksterntest-stoettesystemerne.dk/klasse/7"),
            URI.create("https://organisation.eksterntest-stoettesystemerne.dk/"),
            URI.create("https://sagsogdokumentindeks.eksterntest-stoettesystemerne.dk/sts-soap-sagdok/sagdokumentindeks/6"),
            URI.create("https://ydelsesindeks.eksterntest-stoettesystemerne.dk/"),
            URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://n2adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

    /** The production environment (the Klassifikation host is the SDK's inference, see above). */
    public static final StoettesystemerEnvironment PRODUCTION = new StoettesystemerEnvironment("production",
            URI.create("https://klassifikation.stoettesystemerne.dk/klasse/7"),
            URI.create("https://organisation.stoettesystemerne.dk/"),
            URI.create("https://sagsogdokumentindeks.stoettesystemerne.dk/sts-soap-sagdok/sagdokumentindeks/6"),
            URI.create("https://ydelsesindeks.stoettesystemerne.dk/"),
            URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/services/kombittrust/14/certificatemixed"),
            URI.create("https://n2adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue"));

    /** Checks that every URL is absolute https (or http on loopback only). */
    public StoettesystemerEnvironment {
        Violations v = Violations.at("environment");
        v.require(name != null && !name.isBlank(), "name", "must not be blank");
        check(v, "klassifikation", klassifikation);
        check(v, "organisationBase", organisationBase);
        if (organisationBase != null && !organisationBase.getPath().endsWith("/")) {
            v.add("organisationBase", "must end in /");
        }
        check(v, "sagDokumentIndeks", sagDokumentIndeks);
        check(v, "ydelsesIndeksBase", ydelsesIndeksBase);
        if (ydelsesIndeksBase != null && !ydelsesIndeksBase.getPath().endsWith("/")) {
            v.add("ydelsesIndeksBase", "must end in /");
        }
        check(v, "stsSoap", stsSoap);
        check(v, "stsRest", stsRest);
        v.throwIfAny();
    }

    /**
     * A custom environment where every service shares one base URL, as the testkit's simulator serves them:
     * Klassifikation under {@code <base>klassifikation/klasse/7/}, Organisation's services under
     * {@code <base>organisation/<service>/6/}, Sags- og Dokumentindeks under
     * {@code <base>sts-soap-sagdok/sagdokumentindeks/6/}, the Ydelsesindeks's services under
     * {@code <base>ydelsesindeks/<service>/6/}, the STS under {@code <base>runtime/...}.
     */
    public static StoettesystemerEnvironment custom(URI base) {
        String b = EnvironmentUrls.withSlash(base);
        return new StoettesystemerEnvironment("custom", URI.create(b + "klassifikation/klasse/7/"), URI.create(b),
                URI.create(b + "sts-soap-sagdok/sagdokumentindeks/6/"), URI.create(b + "ydelsesindeks/"),
                URI.create(b + "runtime/services/kombittrust/14/certificatemixed"),
                URI.create(b + "runtime/api/rest/wstrust/v1/issue"));
    }

    /** Parses {@code test}, {@code production} (or {@code prod}) or an https base URL as for {@link #custom(URI)}. */
    public static StoettesystemerEnvironment parse(String text) {
        java.util.Objects.requireNonNull(text, "text == null");
        return EnvironmentUrls.parse(text.trim(), TEST, PRODUCTION, StoettesystemerEnvironment::custom);
    }

    /** This environment with another Klassifikation endpoint. */
    public StoettesystemerEnvironment withKlassifikation(URI url) {
        return new StoettesystemerEnvironment(name, url, organisationBase, sagDokumentIndeks, ydelsesIndeksBase, stsSoap,
                stsRest);
    }

    /** This environment with another base URL for Organisation 6's services (ending in {@code /}). */
    public StoettesystemerEnvironment withOrganisationBase(URI url) {
        return new StoettesystemerEnvironment(name, klassifikation, url, sagDokumentIndeks, ydelsesIndeksBase, stsSoap,
                stsRest);
    }

    /** This environment with another Sags- og Dokumentindeks endpoint. */
    public StoettesystemerEnvironment withSagDokumentIndeks(URI url) {
        return new StoettesystemerEnvironment(name, klassifikation, organisationBase, url, ydelsesIndeksBase, stsSoap,
                stsRest);
    }

    /** This environment with another base URL for the Ydelsesindeks's services (ending in {@code /}). */
    public StoettesystemerEnvironment withYdelsesIndeksBase(URI url) {
        return new StoettesystemerEnvironment(name, klassifikation, organisationBase, sagDokumentIndeks, url, stsSoap,
                stsRest);
    }

    /**
     * The endpoint of one Ydelsesindeks (SF1490) service: {@code ydelseindeks}, {@code bevillingindeks} or
     * {@code oekonomiskeffektueringindeks}, at {@code <ydelsesIndeksBase><service>/6/}.
     */
    public URI ydelsesIndeks(String service) {
        return ydelsesIndeksBase.resolve(service + "/6/");
    }

    /** The endpoint of one Organisation 6 service, e.g. {@code organisation("bruger")}. */
    public URI organisation(String service) {
        return organisationBase.resolve("organisation/" + service + "/6/");
    }

    /** This environment with another STS WS-Trust 1.3 (SOAP) issue endpoint. */
    public StoettesystemerEnvironment withStsSoap(URI url) {
        return new StoettesystemerEnvironment(name, klassifikation, organisationBase, sagDokumentIndeks, ydelsesIndeksBase,
                url, stsRest);
    }

    /** This environment with another STS REST issue endpoint. */
    public StoettesystemerEnvironment withStsRest(URI url) {
        return new StoettesystemerEnvironment(name, klassifikation, organisationBase, sagDokumentIndeks, ydelsesIndeksBase,
                stsSoap, url);
    }

    private static void check(Violations v, String field, URI uri) {
        if (EnvironmentUrls.absolute(v, field, uri)) {
            EnvironmentUrls.secure(v, field, uri);
        }
    }
}
