package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment;
import dk.rammearkitektur.clients.serviceplatform.CvrOnlineService;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.ServiceDescription;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.Pem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.StoettesystemerEnvironment;

/**
 * The configuration every example reads: a properties file, overridden key by key by environment variables
 * {@code RAMMEARKITEKTUR_<KEY>} (upper case, dots and hyphens as underscores, e.g.
 * {@code RAMMEARKITEKTUR_CERTIFICATE_PASSWORD}). Pointing an example at the real test environment is a change of
 * configuration only.
 *
 * <p>Keys: {@code environment} ({@code test}, {@code production} or a base URL), {@code certificate.file} (PKCS#12),
 * {@code certificate.password}, {@code trust.anchors} (PEM file with the CAs of the platform's TLS certificate),
 * {@code auth} ({@code invocation-context}, {@code sts-soap} or {@code sts-rest}); for InvocationContext
 * {@code user-system.uuid}, {@code user.uuid}, {@code agreement.SF1520}, {@code agreement.SF1530}
 * (SF1500 has no InvocationContext model); for STS tokens {@code sts.cvr} and {@code sts.certificates} (PEM). Digital Post:
 * {@code digitalpost.environment}, {@code digitalpost.trust.anchors}, {@code digitalpost.sts.certificates},
 * {@code digitalpost.authority-cvr}. The support systems (Klassifikation, Sags- og Dokumentindeks) use
 * {@code environment}, the certificate, {@code trust.anchors}, {@code sts.cvr} and {@code sts.certificates}; the index
 * also {@code index.owner.uuid}, {@code index.owner.name}, {@code index.itsystem.uuid} and {@code index.itsystem.name}.
 * A service receiving calls: {@code service.entity-id}, {@code sts.issuer} and
 * {@code sts.certificates}. The Beskedfordeler: the certificate, {@code trust.anchors}, {@code sts.cvr},
 * {@code sts.certificates}, {@code beskedfordeler.dueslag}, and either {@code beskedfordeler.environment}
 * ({@code test} or {@code production}) or {@code beskedfordeler.host} and {@code beskedfordeler.port} with the STS under
 * {@code environment} (a simulator).
 */
public final class ExampleConfig {
    private final Properties properties;
    private final Map<String, String> environment;

    private ExampleConfig(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Reads {@code file} and the process's environment variables.
     *
     * @throws ValidationException with path {@code config} when the file cannot be read
     */
    public static ExampleConfig load(Path file) {
        return load(file, System.getenv());
    }

    /**
     * Reads {@code file}, with {@code environment} in place of the process's environment variables (for tests).
     *
     * @throws ValidationException with path {@code config} when the file cannot be read
     */
    public static ExampleConfig load(Path file, Map<String, String> environment) {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(environment, "environment == null");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ValidationException("config", "could not be read: " + e.getClass().getSimpleName());
        }
        return new ExampleConfig(p, environment);
    }

    /** A configuration from the given environment variables only (no file). */
    public static ExampleConfig fromEnvironment(Map<String, String> environment) {
        return new ExampleConfig(new Properties(), Objects.requireNonNull(environment, "environment == null"));
    }

    /** The value of {@code key}: the environment variable when set, else the property; empty when neither is set. */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key == null");
        String v = environment.get(variable(key));
        if (v == null) {
            v = properties.getProperty(key);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * The value of {@code key}.
     *
     * @throws ValidationException with path {@code config.<key>} when it is not set
     */
    public String required(String key) {
        return get(key).orElseThrow(() -> new ValidationException("config." + key,
                "must be set (in the properties file or " + variable(key) + ")"));
    }

    /** A client builder for Serviceplatformen with the environment, certificate, trust and auth model configured. */
    public ServiceplatformClient.Builder serviceplatformClient() {
        char[] password = required("certificate.password").toCharArray();
        ServiceplatformClient.Builder b = ServiceplatformClient.builder()
                .environment(Environment.parse(required("environment")))
                .systemCertificate(file("certificate.file"), password)
                .trustAnchors(certificates("trust.anchors"));
        String auth = get("auth").orElse("invocation-context");
        switch (auth) {
            case "invocation-context" -> {
                b.invocationContext(uuid("user-system.uuid"), uuid("user.uuid"));
                agreement(b, "SF1520", PersonBaseDataExtendedService.INSTANCE);
                agreement(b, "SF1530", CvrOnlineService.INSTANCE);
            }
            case "sts-soap", "sts-rest" -> b.stsToken(required("sts.cvr"))
                    .stsProtocol(auth.equals("sts-rest") ? StsProtocol.REST : StsProtocol.SOAP)
                    .stsCertificates(certificates("sts.certificates"));
            default -> throw new ValidationException("config.auth", "must be invocation-context, sts-soap or sts-rest");
        }
        return b;
    }

    /** A client builder for Klassifikation (SF1510) with the environment, certificate, trust and STS configured. */
    public KlassifikationClient.Builder klassifikationClient() {
        char[] password = required("certificate.password").toCharArray();
        return KlassifikationClient.builder()
                .environment(StoettesystemerEnvironment.parse(required("environment")))
                .systemCertificate(file("certificate.file"), password)
                .trustAnchors(certificates("trust.anchors"))
                .stsCertificates(certificates("sts.certificates"))
                .stsProtocol("sts-rest".equals(get("auth").orElse("")) ? StsProtocol.REST : StsProtocol.SOAP)
                .authorityCvr(required("sts.cvr"));
    }

    /** A client builder for the Sags- og Dokumentindeks (SF1470) on {@code klassifikation}, owner and IT system set. */
    public CaseIndexClient.Builder caseIndexClient(KlassifikationClient klassifikation) {
        return CaseIndexClient.builder().klassifikation(klassifikation)
                .owner(uuid("index.owner.uuid"), required("sts.cvr"), required("index.owner.name"))
                .itSystem(uuid("index.itsystem.uuid"), required("index.itsystem.name"));
    }

    /**
     * Reads a case history ({@code History<Case>}) from a file in the model's JSON, as the index examples take it.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static dk.rammearkitektur.model.History<dk.rammearkitektur.model.Case> caseHistory(Path file) {
        try {
            return dk.rammearkitektur.model.json.RammearkitekturJson.readHistory(java.nio.file.Files.readString(file,
                    java.nio.charset.StandardCharsets.UTF_8), dk.rammearkitektur.model.Case.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Ydelsesindeks client builder on {@code klassifikation}, with the same owner and IT system as the case index. */
    public BenefitIndexClient.Builder benefitIndexClient(KlassifikationClient klassifikation) {
        return BenefitIndexClient.builder().klassifikation(klassifikation)
                .owner(uuid("index.owner.uuid"), required("sts.cvr"), required("index.owner.name"))
                .itSystem(uuid("index.itsystem.uuid"), required("index.itsystem.name"));
    }

    /** A client builder for the Beskedfordeler with the environment, certificate, trust and STS configured. */
    public BeskedfordelerClient.Builder beskedfordelerClient() {
        char[] password = required("certificate.password").toCharArray();
        return BeskedfordelerClient.builder().environment(beskedfordelerEnvironment())
                .systemCertificate(file("certificate.file"), password)
                .trustAnchors(certificates("trust.anchors"))
                .stsCertificates(certificates("sts.certificates"))
                .stsProtocol("sts-rest".equals(get("auth").orElse("")) ? StsProtocol.REST : StsProtocol.SOAP)
                .authorityCvr(required("sts.cvr"));
    }

    /** The dueslag to receive from ({@code beskedfordeler.dueslag}). */
    public UUID dueslag() {
        return uuid("beskedfordeler.dueslag");
    }

    private BeskedfordelerEnvironment beskedfordelerEnvironment() {
        Optional<String> host = get("beskedfordeler.host");
        return host.isEmpty() ? BeskedfordelerEnvironment.parse(required("beskedfordeler.environment"), null)
                : BeskedfordelerEnvironment.parse(host.get() + ":" + required("beskedfordeler.port"),
                        java.net.URI.create(required("environment")));
    }

    /** A client builder for Digital Post with the environment, certificate, trust and authority configured. */
    public DigitalPostClient.Builder digitalPostClient() {
        char[] password = required("certificate.password").toCharArray();
        return DigitalPostClient.builder()
                .environment(DigitalPostEnvironment.parse(required("digitalpost.environment")))
                .systemCertificate(file("certificate.file"), password)
                .trustAnchors(certificates("digitalpost.trust.anchors"))
                .stsCertificates(certificates("digitalpost.sts.certificates"))
                .authorityCvr(required("digitalpost.authority-cvr"));
    }

    private void agreement(ServiceplatformClient.Builder b, String serviceId, ServiceDescription service) {
        Optional<String> v = get("agreement." + serviceId);
        if (v.isPresent()) {
            b.serviceAgreement(service, parseUuid("agreement." + serviceId, v.get()));
        }
    }

    private UUID uuid(String key) {
        return parseUuid(key, required(key));
    }

    private static UUID parseUuid(String key, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("config." + key, "must be a UUID");
        }
    }

    private Path file(String key) {
        Path p = Path.of(required(key));
        if (!Files.isReadable(p)) {
            throw new ValidationException("config." + key, "must name a readable file");
        }
        return p;
    }

    /**
     * The certificates in the PEM file named by {@code key}.
     *
     * @throws ValidationException with path {@code config.<key>} when it is not set or the file cannot be read
     */
    public List<X509Certificate> certificates(String key) {
        try {
            return Pem.certificates(Files.readString(file(key), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ValidationException("config." + key, "could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static String variable(String key) {
        return "RAMMEARKITEKTUR_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
