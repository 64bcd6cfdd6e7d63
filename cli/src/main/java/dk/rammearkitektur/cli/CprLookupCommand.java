package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.serviceplatform.CprSubscriptionService;
import dk.rammearkitektur.clients.serviceplatform.CvrOnlineService;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur cpr-lookup <cpr>}: looks a person up with SF1520 against a configured environment and prints
 * name, status, civil status and address (masked CPR; a protected address is not printed). Exit 0 when found, 4 when
 * the register has no such person, 2 for invalid input or configuration.
 */
@Command(name = "cpr-lookup", description = "Look up a person by CPR number on Serviceplatformen (SF1520).")
final class CprLookupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Config config = new Config();

    @CommandLine.Parameters(index = "0", paramLabel = "<cpr>", description = "The CPR number (DDMMYYSSSS or DDMMYY-SSSS).")
    String cpr;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ServiceplatformClient client = config.client()) {
            Optional<PersonRecord> found = client.lookupPerson(cpr);
            if (found.isEmpty()) {
                out.println("no person with CPR number " + PersonalData.maskCpr(cpr.strip()));
                out.flush();
                return ExitCodes.NOT_FOUND;
            }
            PersonRecord p = found.get();
            out.println("cpr:          " + PersonalData.maskCpr(p.cpr()));
            out.println("name:         " + p.name());
            out.println("status:       " + p.status().name().toLowerCase(Locale.ROOT));
            out.println("civil status: " + (p.civilStatus() == null ? "-" : p.civilStatus().name().toLowerCase(Locale.ROOT)));
            out.println("birth date:   " + (p.birthDate() == null ? "-" : p.birthDate()));
            out.println("address:      " + (p.addressProtected() ? "(protected)" : p.address() == null ? "-" : p.address().oneLine()));
            if (p.emigrationDate() != null) {
                out.println("emigrated:    " + p.emigrationDate());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /**
     * The client configuration shared by {@code cpr-lookup} and {@code cvr-lookup}: a properties file
     * ({@code --config}) and environment variables ({@code RAMMEARKITEKTUR_<KEY>}, the key upper-cased with dots and
     * hyphens as underscores), the latter winning. Keys: {@code environment} (test, production or a base URL),
     * {@code certificate.file}, {@code certificate.password}, {@code trust.anchors} (PEM file), {@code auth}
     * ({@code invocation-context}, {@code sts-soap} or {@code sts-rest}), {@code user-system.uuid}, {@code user.uuid},
     * {@code agreement.SF1520}/{@code SF1530}/{@code SF6002}/{@code SF1500}, {@code sts.cvr}, {@code sts.certificates} (PEM file).
     */
    static final class Config {
        @CommandLine.Option(names = "--config", paramLabel = "<file>", description = "Client configuration (properties).")
        Path file;

        Map<String, String> env = System.getenv();

        String get(Properties p, String key) {
            String e = env.get("RAMMEARKITEKTUR_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            String v = e != null ? e : p.getProperty(key);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String required(Properties p, String key) {
            String v = get(p, key);
            if (v == null) {
                throw new ValidationException("config." + key, "must be set (in --config or RAMMEARKITEKTUR_"
                        + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")");
            }
            return v;
        }

        ServiceplatformClient client() {
            Properties p = new Properties();
            if (file != null) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new ValidationException("config", "could not be read: " + e.getMessage());
                }
            }
            char[] password = required(p, "certificate.password").toCharArray();
            ServiceplatformClient.Builder b = ServiceplatformClient.builder()
                    .environment(Environment.parse(required(p, "environment")))
                    .systemCertificate(Path.of(required(p, "certificate.file")), password)
                    .trustAnchors(Pem.certificates(read(required(p, "trust.anchors"), "trust.anchors")));
            String auth = Optional.ofNullable(get(p, "auth")).orElse("invocation-context");
            switch (auth) {
                case "invocation-context":
                    b.invocationContext(uuid(p, "user-system.uuid"), uuid(p, "user.uuid"));
                    agreement(p, b, "SF1520", PersonBaseDataExtendedService.INSTANCE);
                    agreement(p, b, "SF1530", CvrOnlineService.INSTANCE);
                    agreement(p, b, "SF6002", CprSubscriptionService.INSTANCE);
                    break;
                case "sts-soap":
                case "sts-rest":
                    b.stsToken(required(p, "sts.cvr"))
                            .stsProtocol(auth.equals("sts-rest") ? StsProtocol.REST : StsProtocol.SOAP)
                            .stsCertificates(Pem.certificates(read(required(p, "sts.certificates"), "sts.certificates")));
                    break;
                default:
                    throw new ValidationException("config.auth", "must be invocation-context, sts-soap or sts-rest");
            }
            return b.build();
        }

        private void agreement(Properties p, ServiceplatformClient.Builder b, String id,
                dk.rammearkitektur.clients.serviceplatform.ServiceDescription service) {
            String v = get(p, "agreement." + id);
            if (v != null) {
                b.serviceAgreement(service, parseUuid("agreement." + id, v));
            }
        }

        private UUID uuid(Properties p, String key) {
            return parseUuid(key, required(p, key));
        }

        private static UUID parseUuid(String key, String v) {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("config." + key, "must be a UUID");
            }
        }

        static String read(String path, String key) {
            try {
                return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new ValidationException("config." + key, "could not be read: " + e.getMessage());
            }
        }
    }
}
