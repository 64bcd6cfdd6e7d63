package dk.rammearkitektur.cli;

import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.idp.IdentityProviderSimulator;
import dk.rammearkitektur.testkit.idp.IdpProfile;
import dk.rammearkitektur.testkit.idp.RegisteredSp;
import dk.rammearkitektur.testkit.idp.TestUser;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceReports;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur simulator --port N}: runs the Serviceplatformen and STS, Digital Post and NemSMS, Beskedfordeler
 * (an AMQP broker) and identity provider simulators on 127.0.0.1 and prints the endpoints, the trust anchors (PEM) and a test system
 * certificate (PKCS#12 file and password), and writes a client configuration usable with {@code cpr-lookup --config}
 * and {@code events listen --config}, until interrupted (Ctrl-C). The broker has one dueslag for the municipality,
 * subscribed to {@value #EVENT_TYPE} (what {@code events publish} sends) and to Digital Post's PKO_PostStatus. Unless
 * {@code --no-console}, the web console is served under {@code /console/} on the Serviceplatformen simulator's port
 * and its URL printed. Unless {@code --no-idp}, the identity provider simulator runs on its own port with a caseworker
 * of the municipality and a citizen as test users and the service providers of {@code --sp-metadata}; its metadata
 * and SSO URLs are printed and written as {@code idp.*} keys.
 */
@Command(name = "simulator", description = "Run the Serviceplatformen and STS, Digital Post, Beskedfordeler and identity provider simulators on 127.0.0.1 until interrupted.")
final class SimulatorCommand implements Callable<Integer> {
    /** The password of the written PKCS#12 file. */
    static final String PASSWORD = "simulator";
    /** The Beskedtype the written configuration's dueslag is subscribed to, besides PKO_PostStatus. */
    static final String EVENT_TYPE = "urn:rammearkitektur:simulator:beskedtype:test";
    /** The privilege the IdP simulator's caseworker holds for the municipality (a made-up user-system role). */
    static final String CASEWORKER_PRIVILEGE = "http://rammearkitektur.simulator.test/roles/usersystemrole/sagsbehandler/1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--port", defaultValue = "8443", description = "Port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @CommandLine.Option(names = "--out", paramLabel = "<dir>", description = "Where to write the certificate files and client.properties (default: a new temporary directory).")
    Path out;

    @CommandLine.Option(names = "--lenient", description = "Record conformance violations without failing the calls.")
    boolean lenient;

    @CommandLine.Option(names = "--contracts", paramLabel = "<dir>", description = "Validate incoming SF1520/SF1530 requests against the published contracts in this folder (laid out as shared/conformance/serviceplatformen) instead of the SDK's own contract subsets.")
    Path contracts;

    @CommandLine.Option(names = "--no-beskedfordeler", description = "Do not start the Beskedfordeler simulator (an embedded AMQP broker; it takes a few seconds).")
    boolean noBeskedfordeler;

    @CommandLine.Option(names = "--no-digital-post", description = "Do not start the Digital Post and NemSMS simulator (SF1601 KombiPostAfsend, PostForespoerg, its STS and token exchange).")
    boolean noDigitalPost;

    @CommandLine.Option(names = "--no-console", description = "Do not serve the web console under /console/ (with it, the"
            + " TLS handshake asks for a client certificate instead of requiring one, and the service paths refuse a request"
            + " without one with HTTP 403).")
    boolean noConsole;

    @CommandLine.Option(names = "--no-idp", description = "Do not start the identity provider simulator (SAML login"
            + " as the Context Handler or NemLog-in, with a login page a browser can click through).")
    boolean noIdp;

    @CommandLine.Option(names = "--idp-profile", paramLabel = "<profile>", defaultValue = "context-handler-nsis",
            converter = ProfileConverter.class, description = "Which identity provider the IdP simulator plays:"
            + " context-handler-nsis, context-handler-oiosaml2 or nemlogin. Default: ${DEFAULT-VALUE} (the SDK's"
            + " choice: a fagsystem logs caseworkers in through KOMBIT's Context Handler, and NSIS is its current"
            + " profile).")
    IdpProfile idpProfile;

    @CommandLine.Option(names = "--sp-metadata", paramLabel = "<file>", description = "Register the service provider"
            + " described by this SAML metadata file (EntityDescriptor with an SPSSODescriptor) with the IdP"
            + " simulator. Repeatable.")
    List<Path> spMetadata = new java.util.ArrayList<>();

    @CommandLine.Option(names = "--run-for", paramLabel = "<duration>", hidden = true, description = "Stop after this ISO-8601 duration (for tests).")
    Duration runFor;

    /** The Digital Post simulator on the same test PKI, so one system certificate serves both. */
    private DigitalPostSimulator digitalPost(ServiceplatformSimulator sim) {
        DigitalPostSimulator.Builder b = DigitalPostSimulator.builder().pki(sim.pki()).strict(!lenient);
        if (contracts != null) {
            b.contracts(contracts);
        }
        return b.build().start();
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new dk.rammearkitektur.core.ValidationException("port", "must be between 0 and 65535");
        }
        if (contracts != null && !java.nio.file.Files.isRegularFile(contracts.resolve(
                "sf1520-cpr-personbasedataextended-4/PersonBaseDataExtendedServiceMsg.xsd"))) {
            throw new dk.rammearkitektur.core.ValidationException("contracts",
                    "must be a folder with the published contracts (sf1520-cpr-personbasedataextended-4/, sf1530-cvr-online-2/)");
        }
        if (noIdp && !spMetadata.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Option '--sp-metadata' registers with the IdP simulator and cannot be used with '--no-idp'");
        }
        List<RegisteredSp> sps = noIdp ? List.of() : serviceProviders();
        Path dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("rammearkitektur-simulator");
        PrintWriter w = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder().port(port).strict(!lenient)
                .contracts(contracts).build().start();
                DigitalPostSimulator dp = noDigitalPost ? null : digitalPost(sim);
                BeskedfordelerSimulator bf = noBeskedfordeler ? null : BeskedfordelerSimulator.builder().sts(sim)
                        .start();
                IdentityProviderSimulator idp = noIdp ? null : identityProvider(sim, sps)) {
            if (bf != null && dp != null) {
                bf.followDigitalPost(dp);
            }
            java.util.UUID dueslag = bf == null ? null : bf.createDueslag(sim.municipalityCvr());
            if (bf != null) {
                bf.subscribe(dueslag, EVENT_TYPE);
                bf.subscribe(dueslag, dk.rammearkitektur.testkit.digitalpost.PostStatusEvent.BESKEDTYPE);
            }
            Path p12 = dir.resolve("system.p12");
            Files.write(p12, sim.systemIdentity().pkcs12(PASSWORD.toCharArray()));
            Path tls = write(dir.resolve("tls-trust-anchor.pem"), sim.tlsTrustAnchorPem());
            Path sts = write(dir.resolve("sts-certificate.pem"), Pem.encode(sim.stsCertificate()));
            Path oces = write(dir.resolve("oces-test-roots.pem"), sim.pki().trustAnchorsPem());
            java.util.UUID master = dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.SEEDED_MASTER_SYSTEM;
            SimulatorData.Organisation organisation = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
            Path config = write(dir.resolve("client.properties"), String.join("\n",
                    "# rammearkitektur cpr-lookup --config " + dir.resolve("client.properties"),
                    "environment=" + sim.baseUri(),
                    "certificate.file=" + p12,
                    "certificate.password=" + PASSWORD,
                    "trust.anchors=" + tls,
                    "auth=invocation-context",
                    "user-system.uuid=" + sim.userSystemUuid(),
                    "user.uuid=" + sim.userUuid(),
                    "agreement.SF1520=" + sim.serviceAgreement("SF1520"),
                    "agreement.SF1530=" + sim.serviceAgreement("SF1530"),
                    "agreement.SF6002=" + sim.serviceAgreement("SF6002"),
                    "# for the STS token model (SF1500 Organisation 6 has only this one): auth=sts-soap or auth=sts-rest",
                    "sts.cvr=" + sim.municipalityCvr(),
                    "sts.certificates=" + sts,
                    "# the Sags- og Dokumentindeks (rammearkitektur index ...): the Ejer organisation and the IT system",
                    "index.owner.uuid=" + organisation.uuid(),
                    "index.owner.name=" + organisation.name(),
                    "index.itsystem.uuid=" + master,
                    "index.itsystem.name=" + sim.sagDokumentIndeks().itSystem(master).orElseThrow().name(),
                    "# the Beskedfordeler (rammearkitektur events ...): the broker and the municipality's dueslag",
                    bf == null ? "# (not started)" : "beskedfordeler.host=" + bf.host(),
                    bf == null ? "" : "beskedfordeler.port=" + bf.port(),
                    bf == null ? "" : "beskedfordeler.dueslag=" + dueslag,
                    "# Digital Post and NemSMS (rammearkitektur memo send --config ...): its own host, STS and TLS",
                    dp == null ? "# (not started)" : "digitalpost.environment=" + dp.baseUri(),
                    dp == null ? "" : "digitalpost.certificate=" + p12,
                    dp == null ? "" : "digitalpost.certificate.password=" + PASSWORD,
                    dp == null ? "" : "digitalpost.trust-anchors=" + write(dir.resolve("digitalpost-tls-trust-anchor.pem"),
                            Pem.encode(dp.tlsTrustAnchor())),
                    dp == null ? "" : "digitalpost.sts-certificates=" + write(dir.resolve("digitalpost-sts-certificate.pem"),
                            Pem.encode(dp.stsCertificate())),
                    dp == null ? "" : "digitalpost.authority-cvr=" + sim.municipalityCvr(),
                    dp == null ? "" : "digitalpost.sender-name=" + organisation.name(),
                    "# the identity provider simulator (SAML login; give an SP under test its metadata)"
                            + (idp == null ? "" : ": " + option(idp.profile())),
                    idp == null ? "# (not started)" : "idp.metadata-url=" + idp.metadataUri(),
                    idp == null ? "" : "idp.entity-id=" + idp.entityId(),
                    idp == null ? "" : "idp.sso-url=" + idp.ssoUri(),
                    idp == null ? "" : "idp.signing-certificate=" + write(dir.resolve("idp-signing-certificate.pem"),
                            Pem.encode(idp.signingCertificate())),
                    idp == null ? "" : "idp.trust-anchors=" + write(dir.resolve("idp-tls-trust-anchor.pem"),
                            Pem.encode(idp.tlsTrustAnchor())), ""));
            w.println("Serviceplatformen simulator on " + sim.baseUri() + (lenient ? " (lenient)" : " (strict)")
                    + (sim.contracts() == null ? "" : ", validating against the published contracts in " + sim.contracts()));
            for (Map.Entry<String, java.net.URI> e : sim.endpoints().entrySet()) {
                w.println("  " + e.getKey() + "  " + e.getValue());
            }
            w.println("  STS SOAP  " + sim.baseUri().resolve(ServiceplatformSimulator.STS_SOAP_PATH.substring(1)));
            w.println("  STS REST  " + sim.baseUri().resolve(ServiceplatformSimulator.STS_REST_PATH.substring(1)));
            if (dp != null) {
                w.println("Digital Post and NemSMS simulator on " + dp.baseUri() + (lenient ? " (lenient)" : " (strict)")
                        + ": KombiPostAfsend (SF1601), PostForespoerg, its STS and access-token exchange; its delivery"
                        + " statuses go to the Beskedfordeler's dueslag" + (bf == null ? " (not started)" : ""));
            }
            if (bf != null) {
                w.println("Beskedfordeler simulator on amqps://" + bf.host() + ":" + bf.port() + "/"
                        + BeskedfordelerSimulator.VIRTUAL_HOST + " (TLS with client certificates, the STS token as the"
                        + " SASL EXTERNAL response)  dueslag " + dueslag + " (Beskedtype " + EVENT_TYPE
                        + " and PKO_PostStatus)");
            }
            if (idp != null) {
                w.println("Identity provider simulator (" + option(idp.profile()) + ") on " + idp.baseUri()
                        + "  entity ID " + idp.entityId());
                w.println("  metadata  " + idp.metadataUri());
                w.println("  SSO       " + idp.ssoUri() + " (signed AuthnRequests over HTTP-Redirect; the login page"
                        + " lists the test users)");
                w.println("  SLO       " + idp.sloUri());
                w.println("  test users: " + users(sim).stream().map(TestUser::toString)
                        .collect(java.util.stream.Collectors.joining("; ")));
                w.println("  service providers: " + (sps.isEmpty() ? "none (add them with --sp-metadata <file>)"
                        : sps.stream().map(sp -> sp.entityId() + " (ACS " + sp.acs() + ")")
                                .collect(java.util.stream.Collectors.joining("; "))));
            }
            if (!noConsole) {
                java.net.URI console = dp == null ? sim.startConsole() : sim.startConsole(dp);
                w.println("Web console: " + console + " (127.0.0.1 only; the browser must trust " + tls
                        + " or accept the simulator's certificate; service paths refuse callers without a client"
                        + " certificate with HTTP 403)");
            }
            w.println("System certificate (PKCS#12): " + p12 + "  password: " + PASSWORD);
            w.println("Municipality CVR: " + sim.municipalityCvr() + "  UserSystemUUID: " + sim.userSystemUuid()
                    + "  UserUUID: " + sim.userUuid());
            sim.data().organisation(sim.municipalityCvr()).ifPresent(o -> w.println(
                    "Organisation UUID (SF1470/SF1490 Ejer): " + o.uuid()));
            w.println("SF1470 and SF1490 IT systems: Master "
                    + dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.SEEDED_MASTER_SYSTEM
                    + "  Afsender " + dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData
                    .SEEDED_SENDER_SYSTEM + "  (role and type classes: Klassifikation, facets"
                    + " Relationsrolle and Objekttype)");
            w.println("Client configuration: " + config);
            w.println("OCES test roots the simulator trusts for client certificates: " + oces);
            w.println("TLS trust anchor (" + tls + "):");
            w.print(sim.tlsTrustAnchorPem());
            w.println("STS signing certificate (" + sts + "):");
            w.print(Pem.encode(sim.stsCertificate()));
            w.println("Press Ctrl-C to stop.");
            w.flush();
            Thread hook = new Thread(stop::countDown, "simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (runFor != null) {
                    stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stop.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping
                }
            }
            w.println("Stopped. Conformance: " + sim.conformanceReport().strip());
            if (dp != null) {
                w.println("Digital Post conformance: " + dp.conformanceReport().strip());
            }
            if (idp != null) {
                w.println("Identity provider conformance: " + idp.conformanceReport().strip());
            }
            ConformanceReports.Run run = dp == null
                    ? ConformanceReports.Run.of("conformance-report", sim)
                    : ConformanceReports.Run.of("conformance-report", sim, dp);
            List<Path> reports = ConformanceReports.write(dir, idp == null ? run : run.withIdentityProvider(idp));
            w.println("Conformance report: " + reports.get(0) + " (HTML), " + reports.get(1) + " (JUnit XML)");
            w.flush();
        }
        return ExitCodes.OK;
    }

    /** The SPs of {@code --sp-metadata}, read before any server starts; a bad file is a usage error naming the option. */
    private List<RegisteredSp> serviceProviders() {
        List<RegisteredSp> sps = new java.util.ArrayList<>();
        for (Path file : spMetadata) {
            String why;
            try {
                sps.add(RegisteredSp.fromMetadata(Files.readString(file, StandardCharsets.UTF_8)));
                continue;
            } catch (java.nio.file.NoSuchFileException e) {
                why = "no such file";
            } catch (IOException e) {
                why = "cannot be read (" + e.getClass().getSimpleName() + ")";
            } catch (dk.rammearkitektur.core.RammearkitekturException e) {
                why = e.getMessage();
            }
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--sp-metadata': " + file + ": " + why);
        }
        return sps;
    }

    /** The test users: a caseworker of the municipality the other simulators use, and a citizen of the CPR register. */
    static List<TestUser> users(ServiceplatformSimulator sim) {
        String cvr = sim.municipalityCvr();
        String orgName = sim.data().organisation(cvr).map(SimulatorData.Organisation::name).orElse("Testkommune");
        dk.rammearkitektur.sso.privileges.PrivilegeList privileges = dk.rammearkitektur.sso.privileges.PrivilegeList.of(
                dk.rammearkitektur.sso.privileges.PrivilegeGroup.of(
                        dk.rammearkitektur.sso.privileges.PrivilegeScope.cvr(cvr), CASEWORKER_PRIVILEGE));
        SimulatorData.Person citizen = sim.data().person(SimulatorData.CPR_ACTIVE_1900S).orElseThrow();
        return List.of(
                TestUser.professional("caseworker").cvr(cvr).orgName(orgName).name("Karen", "Sagsbehandler")
                        .email("caseworker@kommune.test").privileges(privileges,
                                dk.rammearkitektur.sso.privileges.BppNamespace.V1_0_1).build(),
                TestUser.citizen("citizen").cpr(SimulatorData.CPR_ACTIVE_1900S)
                        .name(citizen.firstName(), citizen.lastName()).build());
    }

    private IdentityProviderSimulator identityProvider(ServiceplatformSimulator sim, List<RegisteredSp> sps)
            throws IOException {
        IdentityProviderSimulator.Builder b = IdentityProviderSimulator.builder(idpProfile).strict(!lenient);
        users(sim).forEach(b::user);
        sps.forEach(b::serviceProvider);
        return b.start();
    }

    /** The {@code --idp-profile} value of a profile: its name in lower case with dashes. */
    static String option(IdpProfile profile) {
        return profile.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code --idp-profile}. */
    static final class ProfileConverter implements CommandLine.ITypeConverter<IdpProfile> {
        @Override
        public IdpProfile convert(String value) {
            for (IdpProfile p : IdpProfile.values()) {
                if (option(p).equals(value)) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("expected one of context-handler-nsis,"
                    + " context-handler-oiosaml2, nemlogin but was '" + value + "'");
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
