package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.StoettesystemerEnvironment;
import dk.rammearkitektur.model.KleNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur klasse <kle> [--facet <handlingsfacet>]}: resolves a KLE subject (and an action facet) to its
 * Klasse UUID with Klassifikation (SF1510), called directly with an STS token, and prints key, UUID and title. Uses the
 * configuration of {@code cpr-lookup} ({@code environment}, {@code certificate.*}, {@code trust.anchors},
 * {@code sts.cvr}, {@code sts.certificates}; {@code auth=sts-rest} picks the REST STS). Exit 0 when everything asked
 * for is found, 4 when something is not, 2 for invalid input or configuration.
 */
@Command(name = "klasse", description = "Resolve a KLE subject (and an action facet) to Klasse UUIDs (SF1510).")
final class KlasseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CprLookupCommand.Config config = new CprLookupCommand.Config();

    @CommandLine.Parameters(index = "0", paramLabel = "<kle>", description = "The KLE subject, e.g. 32.18.02.")
    String kle;

    @CommandLine.Option(names = "--facet", paramLabel = "<handlingsfacet>",
            description = "An action facet to resolve as well, e.g. G01.")
    String facet;

    @Override
    public Integer call() {
        KleNumber subject = KleNumber.parse(kle);
        PrintWriter out = spec.commandLine().getOut();
        boolean all = true;
        try (KlassifikationClient client = client(config)) {
            all &= print(out, "kle", subject.number(), client.resolveSubject(subject));
            if (facet != null) {
                all &= print(out, "facet", facet, client.resolveActionFacet(facet));
            }
        }
        out.flush();
        return all ? ExitCodes.OK : ExitCodes.NOT_FOUND;
    }

    private static boolean print(PrintWriter out, String what, String key, Optional<Classification> found) {
        if (found.isEmpty()) {
            out.println(what + ":   " + key + "  not found");
            return false;
        }
        Classification c = found.get();
        out.println(what + ":   " + c.key() + "  " + c.uuid() + "  " + c.title());
        return true;
    }

    /** The configuration's properties (empty without {@code --config}). */
    static Properties properties(CprLookupCommand.Config config) {
        Properties p = new Properties();
        if (config.file != null) {
            try (InputStream in = Files.newInputStream(config.file)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new dk.rammearkitektur.core.ValidationException("config", "could not be read: " + e.getMessage());
            }
        }
        return p;
    }

    /** A Klassifikation client from the configuration (shared by the {@code index} commands). */
    static KlassifikationClient client(CprLookupCommand.Config config) {
        Properties p = properties(config);
        StoettesystemerEnvironment environment = StoettesystemerEnvironment.parse(config.required(p, "environment"));
        StsClientSettings s = StsClientSettings.of(config, p);
        return KlassifikationClient.builder().environment(environment)
                .systemCertificate(s.certificate(), s.password()).trustAnchors(s.trustAnchors())
                .authorityCvr(s.cvr()).stsProtocol(s.protocol()).stsCertificates(s.stsCertificates())
                .build();
    }
}
