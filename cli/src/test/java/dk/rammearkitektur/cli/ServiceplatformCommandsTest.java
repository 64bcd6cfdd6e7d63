package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulator}, {@code cpr-lookup} and {@code cvr-lookup} together: the lookups run against the simulator command. */
class ServiceplatformCommandsTest {
    @TempDir
    static Path dir;
    private static Thread simulator;
    private static final StringWriter SIM_OUT = new StringWriter();
    /** The published Serviceplatformen contracts next to the project, or null (then the simulator uses its subsets). */
    private static final Path PUBLISHED = published();

    private static Path published() {
        String shared = System.getProperty("rammearkitektur.shared.dir");
        Path p = shared == null ? null : Path.of(shared, "conformance", "serviceplatformen");
        return p != null && Files.isDirectory(p.resolve("sf1520-cpr-personbasedataextended-4")) ? p : null;
    }
    private static Path config;

    private record Result(int code, String out, String err) {
    }

    private static Result run(Object command, String... args) {
        CommandLine cl = command == null ? Main.newCommandLine() : new CommandLine(command);
        cl.setExecutionExceptionHandler(new ExceptionHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static final String SP_ENTITY_ID = "https://saml.fagsystem.cli.test";

    /** SP metadata as a tester would hand it to {@code --sp-metadata}, with a certificate of the test PKI. */
    static String spMetadata() throws Exception {
        java.security.cert.X509Certificate c = dk.rammearkitektur.testkit.pki.TestPki.generateFast(2020)
                .oces3Organisation().certificate();
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + SP_ENTITY_ID + "\">"
                + "<md:SPSSODescriptor AuthnRequestsSigned=\"true\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor><ds:KeyInfo>"
                + "<ds:X509Data><ds:X509Certificate>" + java.util.Base64.getEncoder().encodeToString(c.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + " Location=\"https://127.0.0.1:9/fagsystem/saml/acs\" index=\"0\"/></md:SPSSODescriptor>"
                + "</md:EntityDescriptor>";
    }

    @BeforeAll
    static void startSimulator() throws Exception {
        Path sp = Files.writeString(Files.createDirectories(dir.resolve("sp")).resolve("sp-metadata.xml"), spMetadata());
        simulator = new Thread(() -> {
            CommandLine cl = Main.newCommandLine();
            cl.setOut(new PrintWriter(SIM_OUT, true));
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("simulator", "--port", "0", "--out",
                    dir.toString(), "--run-for", "PT120S", "--sp-metadata", sp.toString()));
            if (PUBLISHED != null) {
                args.addAll(java.util.List.of("--contracts", PUBLISHED.toString()));
            }
            cl.execute(args.toArray(String[]::new));
        }, "simulator-command");
        simulator.start();
        config = dir.resolve("client.properties");
        for (int i = 0; i < 200 && !(Files.exists(config) && SIM_OUT.toString().contains("Ctrl-C")); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(config), "the simulator wrote no client.properties: " + SIM_OUT);
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        simulator.interrupt();
        simulator.join(10_000);
        assertFalse(simulator.isAlive());
        assertTrue(SIM_OUT.toString().contains("Stopped. Conformance: no violations"), SIM_OUT.toString());
        Path xml = dir.resolve("TEST-conformance-report.xml");
        assertTrue(SIM_OUT.toString().contains("Conformance report: " + dir.resolve("conformance-report.html")
                + " (HTML), " + xml + " (JUnit XML)"), SIM_OUT.toString());
        org.w3c.dom.Element suite = dk.rammearkitektur.core.xml.SecureXml.parse(Files.readString(xml))
                .getDocumentElement();
        assertTrue(Integer.parseInt(suite.getAttribute("tests")) >= 5, "one test case per endpoint the tests called: "
                + Files.readString(xml));
        assertEquals("0", suite.getAttribute("failures"), Files.readString(xml));
        assertTrue(Files.readString(dir.resolve("conformance-report.html")).contains("<td>SF1490-YI</td>"));
        assertTrue(Files.readString(dir.resolve("conformance-report.html")).contains("<td>Digital Post KOMBI</td>"));
        // the identity provider simulator is in the report too: a test below fetched its metadata
        assertTrue(Files.readString(dir.resolve("conformance-report.html")).contains("<td>IdP Metadata</td>"),
                Files.readString(dir.resolve("conformance-report.html")));
        assertTrue(SIM_OUT.toString().matches("(?s).*Digital Post conformance: [^\\n]*\\R(?:[^\\n]*\\R)?no violations\\R.*"),
                SIM_OUT.toString());
        assertTrue(SIM_OUT.toString().contains("Identity provider conformance: no violations"), SIM_OUT.toString());
    }

    /** An HTTP client trusting only the PEM file {@code anchors}. */
    private static java.net.http.HttpClient trusting(Path anchors) throws Exception {
        java.security.KeyStore ts = java.security.KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        int i = 0;
        for (java.security.cert.X509Certificate c : dk.rammearkitektur.signing.Pem.certificates(Files.readString(anchors))) {
            ts.setCertificateEntry("ca" + i++, c);
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return java.net.http.HttpClient.newBuilder().sslContext(ctx)
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
    }

    private static java.util.Properties properties(Path file) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void simulatorServesTheIdentityProviderWithItsMetadataAndKeys() throws Exception {
        java.util.Properties p = properties(config);
        String metadataUrl = p.getProperty("idp.metadata-url");
        assertTrue(metadataUrl != null && metadataUrl.startsWith("https://127.0.0.1:")
                && metadataUrl.endsWith("/idp/metadata"), String.valueOf(p));
        java.net.http.HttpResponse<String> md = trusting(Path.of(p.getProperty("idp.trust-anchors"))).send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(metadataUrl))
                        .timeout(java.time.Duration.ofSeconds(20)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, md.statusCode(), md.body());
        org.w3c.dom.Element root = dk.rammearkitektur.core.xml.SecureXml.parse(md.body()).getDocumentElement();
        assertEquals("EntityDescriptor", root.getLocalName());
        assertEquals("urn:oasis:names:tc:SAML:2.0:metadata", root.getNamespaceURI());
        assertEquals(p.getProperty("idp.entity-id"), root.getAttribute("entityID"));
        assertEquals("https://saml.n2adgangsstyring.simulator.test/runtime", p.getProperty("idp.entity-id"),
                "the default profile is the Context Handler's NSIS profile");
        org.w3c.dom.Element sso = (org.w3c.dom.Element) root.getElementsByTagNameNS(
                "urn:oasis:names:tc:SAML:2.0:metadata", "SingleSignOnService").item(0);
        assertEquals(p.getProperty("idp.sso-url"), sso.getAttribute("Location"));
        java.security.cert.X509Certificate signing = dk.rammearkitektur.signing.Pem.certificates(
                Files.readString(Path.of(p.getProperty("idp.signing-certificate")))).get(0);
        org.w3c.dom.NodeList certs = root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate");
        boolean found = false;
        for (int i = 0; i < certs.getLength(); i++) {
            found |= java.util.Arrays.equals(signing.getEncoded(),
                    java.util.Base64.getMimeDecoder().decode(certs.item(i).getTextContent()));
        }
        assertTrue(found, "the signing certificate written is the one in the metadata: " + md.body());
        String out = SIM_OUT.toString();
        assertTrue(out.contains("  metadata  " + metadataUrl), out);
        assertTrue(out.contains("  SSO       " + p.getProperty("idp.sso-url")), out);
        assertTrue(out.contains("service providers: " + SP_ENTITY_ID + " (ACS https://127.0.0.1:9/fagsystem/saml/acs)"),
                out);
        assertTrue(out.contains("Citizen citizen (Jens Hansen, CPR 150582-****"), out);
        assertTrue(out.contains("Professional caseworker (Karen Sagsbehandler, CVR "), out);
        assertFalse(out.contains("1505821234"), "the citizen's CPR number is masked");
    }

    @Test
    void simulatorWithoutTheIdentityProviderWritesNoIdpKeys() throws Exception {
        Path other = Files.createDirectories(dir.resolve("no-idp"));
        Result r = run(null, "simulator", "--port", "0", "--out", other.toString(), "--no-idp", "--no-beskedfordeler",
                "--no-digital-post", "--no-console", "--run-for", "PT0S");
        assertEquals(0, r.code(), r.out() + r.err());
        java.util.Properties p = properties(other.resolve("client.properties"));
        assertTrue(p.stringPropertyNames().stream().noneMatch(k -> k.startsWith("idp.")), String.valueOf(p));
        assertTrue(p.containsKey("sts.cvr"), String.valueOf(p));
        assertFalse(r.out().contains("Identity provider"), r.out());
        assertFalse(Files.exists(other.resolve("idp-signing-certificate.pem")));
    }

    @Test
    void idpProfileChoosesWhichIdentityProviderIsPlayed() throws Exception {
        Path other = Files.createDirectories(dir.resolve("nemlogin"));
        Result r = run(null, "simulator", "--port", "0", "--out", other.toString(), "--idp-profile", "nemlogin",
                "--no-beskedfordeler", "--no-digital-post", "--no-console", "--run-for", "PT0S");
        assertEquals(0, r.code(), r.out() + r.err());
        java.util.Properties p = properties(other.resolve("client.properties"));
        assertEquals("https://saml.nemlog-in.simulator.test/", p.getProperty("idp.entity-id"), String.valueOf(p));
        assertTrue(r.out().contains("Identity provider simulator (nemlogin) on https://127.0.0.1:"), r.out());
        assertTrue(Files.readString(other.resolve("client.properties")).contains("SAML login; give an SP under test its"
                + " metadata): nemlogin"));
        assertTrue(r.out().contains("service providers: none (add them with --sp-metadata <file>)"), r.out());
    }

    @Test
    void badSpMetadataIsAUsageErrorNamingTheOption() throws Exception {
        Path sp = Files.createDirectories(dir.resolve("bad-sp"));
        Path notXml = Files.writeString(sp.resolve("not-xml.xml"), "<md:EntityDescriptor");
        Path dtd = Files.writeString(sp.resolve("dtd.xml"), "<!DOCTYPE x [<!ENTITY e \"e\">]>" + spMetadata());
        Path noAcs = Files.writeString(sp.resolve("no-acs.xml"), spMetadata().replaceAll(
                "<md:AssertionConsumerService[^>]*/>", ""));
        for (Path bad : java.util.List.of(notXml, dtd, noAcs, sp.resolve("missing.xml"))) {
            Result r = run(null, "simulator", "--port", "0", "--out", sp.resolve("out").toString(), "--sp-metadata",
                    bad.toString(), "--run-for", "PT0S");
            assertEquals(2, r.code(), bad + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("rammearkitektur simulator: Invalid value for option '--sp-metadata': " + bad),
                    r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("", r.out(), "nothing started");
        }
        Result both = run(null, "simulator", "--no-idp", "--sp-metadata", notXml.toString(), "--run-for", "PT0S");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("'--sp-metadata'") && both.err().contains("'--no-idp'"), both.err());
        Result profile = run(null, "simulator", "--idp-profile", "shibboleth", "--run-for", "PT0S");
        assertEquals(2, profile.code(), profile.err());
        assertTrue(profile.err().contains("--idp-profile") && profile.err().contains("context-handler-nsis"),
                profile.err());
    }

    @Test
    void simulatorPrintsEndpointsAnchorsAndCertificate() {
        String out = SIM_OUT.toString();
        assertTrue(out.contains("SF1520  https://127.0.0.1:"), out);
        assertTrue(out.contains("STS REST  https://127.0.0.1:"), out);
        assertTrue(out.contains("-----BEGIN CERTIFICATE-----"), out);
        assertTrue(out.contains("System certificate (PKCS#12): " + dir.resolve("system.p12") + "  password: simulator"), out);
    }

    @Test
    void simulatorServesTheWebConsoleAndPrintsItsUrl() throws Exception {
        String out = SIM_OUT.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Web console: (https://127\\.0\\.0\\.1:[0-9]+/console/) ")
                .matcher(out);
        assertTrue(m.find(), out);
        java.net.http.HttpResponse<String> page = trusting(dir.resolve("tls-trust-anchor.pem")).send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "requests"))
                        .timeout(java.time.Duration.ofSeconds(20)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Serviceplatformen, STS and support systems"), page.body());
        assertTrue(page.body().contains("Digital Post and NemSMS"), page.body());
        assertTrue(Files.readString(config).contains("agreement.SF6002="), "one client.properties for every service");
    }

    @Test
    void cprLookupPrintsThePersonMasked() {
        Result r = run(null, "cpr-lookup", "--config", config.toString(), "150582-1234");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cpr:          150582-****"), r.out());
        assertTrue(r.out().contains("name:         Jens Test Hansen"), r.out());
        assertTrue(r.out().contains("address:      Testvej 12, 2. tv, 8000 Aarhus C"), r.out());
        assertFalse(r.out().contains("1505821234"), r.out());
    }

    @Test
    void protectedAddressIsNotPrinted() {
        Result r = run(null, "cpr-lookup", "--config", config.toString(), "1103754012");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("address:      (protected)"), r.out());
        assertFalse(r.out().contains("Prøvegade"), r.out());
    }

    @Test
    void unknownPersonExitsFour() {
        Result r = run(null, "cpr-lookup", "--config", config.toString(), "0101010000");
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("010101-****"), r.out());
    }

    @Test
    void simulatorSaysWhichContractsItValidatesAgainst() {
        org.junit.jupiter.api.Assumptions.assumeTrue(PUBLISHED != null, "published contracts not found (rammearkitektur.shared.dir)");
        assertTrue(SIM_OUT.toString().contains("validating against the published contracts in "), SIM_OUT.toString());
    }

    @Test
    void contractsFolderWithoutTheContractsExitsTwo() {
        Result r = run(null, "simulator", "--port", "0", "--contracts", dir.resolve("nothing-here").toString(),
                "--run-for", "PT0S");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("contracts: must be a folder with the published contracts"), r.err());
    }

    @Test
    void invalidCprExitsTwo() {
        Result r = run(null, "cpr-lookup", "--config", config.toString(), "12345");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cpr: must be 10 digits"), r.err());
    }

    @Test
    void cvrAndPNumber() {
        Result c = run(null, "cvr-lookup", "--config", config.toString(), "11223346");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("name:      Simuleret ApS"), c.out());
        assertTrue(c.out().contains("p-numbers: 1000000001, 1000000002"), c.out());
        Result p = run(null, "cvr-lookup", "--config", config.toString(), "--p-number", "1000000002");
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("name:      Simuleret ApS, lager"), p.out());
    }

    @Test
    void klasseResolvesASubjectAndAnActionFacetWithAnStsToken() {
        Result r = run(null, "klasse", "--config", config.toString(), "32.18.02", "--facet", "G01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)kle: +32\\.18\\.02  [0-9a-f-]{36}  Sygedagpenge, lønmodtagere\\R"
                + "facet: +G01  [0-9a-f-]{36}  Generelle sager\\R"), r.out());
        Result missing = run(null, "klasse", "--config", config.toString(), "99.99.99");
        assertEquals(4, missing.code(), missing.err());
        assertTrue(missing.out().contains("99.99.99  not found"), missing.out());
        Result bad = run(null, "klasse", "--config", config.toString(), "32.18.02", "--facet", "g1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("actionFacet: must be a capital letter and two digits"), bad.err());
    }

    @Test
    void stsTokenModelChosenByEnvironmentVariable() {
        CvrLookupCommand cmd = new CvrLookupCommand();
        cmd.config.env = Map.of("RAMMEARKITEKTUR_AUTH", "sts-rest");
        Result r = run(cmd, "--config", config.toString(), "44332213");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(not active)"), r.out());
    }

    @Test
    void missingConfigurationNamesTheKey() {
        CprLookupCommand cmd = new CprLookupCommand();
        cmd.config.env = Map.of();
        Result r = run(cmd, "1505821234");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("config.certificate.password: must be set"), r.err());
        assertFalse(r.err().contains("1505821234"), r.err());
    }
    @Test
    void indexCaseImportsThenUpdatesAndSearchFindsTheCaseByTheCitizen() throws Exception {
        java.util.Properties p = properties(config);
        String cvr = p.getProperty("sts.cvr");
        dk.rammearkitektur.model.CaseId id = dk.rammearkitektur.model.CaseId.random();
        dk.rammearkitektur.model.History<dk.rammearkitektur.model.Case> h =
                dk.rammearkitektur.testkit.model.CaseHistories.closedCase(dk.rammearkitektur.testkit.model.CaseHistories
                        .forSimulator(dk.rammearkitektur.testkit.serviceplatform.SimulatorData.seeded(cvr), cvr, id),
                        java.time.Instant.parse("2022-01-03T08:00:00Z"), 2, 3,
                        java.time.Instant.parse("2024-06-01T00:00:00Z"));
        Path file = dir.resolve("case-history.json");
        Files.writeString(file, dk.rammearkitektur.model.json.RammearkitekturJson.write(h));
        Result first = run(null, "index", "case", "--config", config.toString(), file.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("imported: " + id + "  2021-32.18.02-"), first.out());
        assertTrue(first.out().contains("CLOSED") && first.out().contains("3 documents"), first.out());
        Result second = run(null, "index", "case", "--config", config.toString(), file.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().startsWith("updated:  " + id), second.out());

        String cpr = dk.rammearkitektur.testkit.serviceplatform.SimulatorData.CPR_ACTIVE_1900S;
        Result search = run(null, "index", "search", "--config", config.toString(), "--cpr", cpr);
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().matches("(?s)" + id + "  2021-32\\.18\\.02-\\S+  Sygedagpenge  CLOSED  Primær part\\R"
                + "1 case\\(s\\) for " + cpr.substring(0, 6) + "-\\*{4}\\R(?:.*\\R)*[0-9]+ benefit\\(s\\) for "
                + cpr.substring(0, 6) + "-\\*{4}\\R"), search.out());
        assertFalse(search.out().contains(cpr), "CPR masked");
        Result none = run(null, "index", "search", "--config", config.toString(), "--cpr",
                dk.rammearkitektur.testkit.serviceplatform.SimulatorData.CPR_PROTECTED);
        assertEquals(4, none.code(), none.err());

        Path lateCase = dir.resolve("late-case.json");
        Files.writeString(lateCase, dk.rammearkitektur.model.json.RammearkitekturJson.write(h.latest().orElseThrow()
                .effects().get(1).value()));
        Result late = run(null, "index", "case", "--config", config.toString(), lateCase.toString());
        assertEquals(2, late.code(), late.out());
        assertTrue(late.err().contains("history.effects[0].value.status: must be CREATED"), late.err());
    }

    @Test
    void indexBenefitReportsTheGrantAndItsPaymentsAndSearchListsThem() throws Exception {
        java.util.Properties p = properties(config);
        String cvr = p.getProperty("sts.cvr");
        dk.rammearkitektur.testkit.model.CaseHistories.Setup setup = dk.rammearkitektur.testkit.model.CaseHistories
                .forSimulator(dk.rammearkitektur.testkit.serviceplatform.SimulatorData.seeded(cvr), cvr,
                        dk.rammearkitektur.model.CaseId.random());
        dk.rammearkitektur.model.History<dk.rammearkitektur.model.Case> h = dk.rammearkitektur.testkit.model
                .CaseHistories.grantedBenefit(setup, java.time.Instant.parse("2024-03-04T08:00:00Z"), 2);
        String benefit = dk.rammearkitektur.testkit.model.CaseHistories.benefitId(setup).toString();
        Path file = dir.resolve("benefit-history.json");
        Files.writeString(file, dk.rammearkitektur.model.json.RammearkitekturJson.write(h));
        Result first = run(null, "index", "benefit", "--config", config.toString(), file.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().matches("(?s)imported: " + benefit + "  Sygedagpenge  from 2024-02-19  DKK 4955\\.00\\R"
                + "payments: 2 imported, 0 updated, 0 removed, 2 in the index\\R"), first.out());
        Result second = run(null, "index", "benefit", "--config", config.toString(), file.toString(), "--benefit",
                benefit);
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().startsWith("updated:  " + benefit) && second.out().contains("0 imported, 2 updated"),
                second.out());

        String cpr = dk.rammearkitektur.testkit.serviceplatform.SimulatorData.CPR_ACTIVE_1900S;
        Result search = run(null, "index", "search", "--config", config.toString(), "--cpr", cpr);
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains(benefit + "  Sygedagpenge  from 2024-02-19  DKK 4955.00  Ydelsesmodtager  "
                + "2 payment(s)"), search.out());
        assertTrue(search.out().contains("1 benefit(s) for " + cpr.substring(0, 6) + "-****"), search.out());
        assertFalse(search.out().contains(cpr), "CPR masked");

        Result unknown = run(null, "index", "benefit", "--config", config.toString(), file.toString(), "--benefit",
                java.util.UUID.randomUUID().toString());
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.err().contains("benefitId"), unknown.err());
        Path applied = dir.resolve("applied.json");
        Files.writeString(applied, dk.rammearkitektur.model.json.RammearkitekturJson.write(h.registrations().get(0)
                .effects().get(0).value()));
        Result none = run(null, "index", "benefit", "--config", config.toString(), applied.toString());
        assertEquals(2, none.code(), none.out());
        assertTrue(none.err().contains("benefit: the case has 0 granted or ended benefits"), none.err());
    }

    @Test
    void memoSendReachesTheStandaloneDigitalPostSimulatorWithTheSameConfiguration() throws Exception {
        Path pdf = Files.write(dir.resolve("brev.pdf"), "%PDF-1.7 brev".getBytes(StandardCharsets.US_ASCII));
        String cpr = dk.rammearkitektur.testkit.serviceplatform.SimulatorData.CPR_ACTIVE_1900S;
        Result r = run(null, "memo", "send", "--config", config.toString(), "--cpr", cpr, "--pdf", pdf.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("sent: Digital Post letter"), r.out());
        assertFalse(r.out().contains(cpr), "CPR masked");
        assertTrue(SIM_OUT.toString().contains("Digital Post and NemSMS simulator on https://127.0.0.1:"),
                SIM_OUT.toString());
    }

    @Test
    void eventsPublishedAreListenedToWithCprNumbersMasked() throws Exception {
        String cpr = dk.rammearkitektur.testkit.serviceplatform.SimulatorData.CPR_ACTIVE_1900S;
        String id = java.util.UUID.randomUUID().toString();
        Path event = dir.resolve("event.xml");
        Files.writeString(event, "<b:Haendelsesbesked xmlns:b=\"urn:oio:besked:kuvert:1.0\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">"
                + "<b:BeskedId><sd:UUIDIdentifikator>" + id + "</sd:UUIDIdentifikator></b:BeskedId>"
                + "<b:BeskedVersion>1.0</b:BeskedVersion><b:Beskedkuvert><b:Filtreringsdata><b:Beskedtype>"
                + "<sd:URNIdentifikator>" + SimulatorCommand.EVENT_TYPE + "</sd:URNIdentifikator></b:Beskedtype>"
                + "<b:RelateretObjekt><b:ObjektId><sd:URNIdentifikator>urn:oio:cpr-nr:" + cpr
                + "</sd:URNIdentifikator></b:ObjektId><b:ObjektType><sd:URNIdentifikator>urn:oio:objekttype:person"
                + "</sd:URNIdentifikator></b:ObjektType></b:RelateretObjekt></b:Filtreringsdata>"
                + "<b:Leveranceinformation/></b:Beskedkuvert></b:Haendelsesbesked>");
        Result published = run(null, "events", "publish", "--config", config.toString(), event.toString());
        assertEquals(0, published.code(), published.err());
        assertTrue(published.out().startsWith("accepted  " + id + "  type " + SimulatorCommand.EVENT_TYPE),
                published.out());
        Result listened = run(null, "events", "listen", "--config", config.toString(), "--count", "1", "--timeout",
                "PT60S");
        assertEquals(0, listened.code(), listened.err());
        assertTrue(listened.out().contains("event  " + id + "  type " + SimulatorCommand.EVENT_TYPE
                + "  urn:oio:objekttype:person=urn:oio:cpr-nr:" + cpr.substring(0, 6) + "-****"), listened.out());
        assertFalse(published.out().contains(cpr) || listened.out().contains(cpr), "CPR masked");
        Result nothing = run(null, "events", "listen", "--config", config.toString(), "--count", "1", "--timeout",
                "PT1S");
        assertEquals(4, nothing.code(), nothing.out());
        Files.writeString(event, "<not-an-event/>");
        Result bad = run(null, "events", "publish", "--config", config.toString(), event.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("Haendelsesbesked"), bad.err());
    }
}
