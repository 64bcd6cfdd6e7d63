package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import dk.rammearkitektur.testkit.idp.IdentityProviderSimulator;
import dk.rammearkitektur.testkit.idp.IdpProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The conformance report files: JUnit XML a CI system can read, HTML a tester can, nothing unescaped or unmasked. */
class ConformanceReportsTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123Z");
    private static final ConformanceViolation CPR_RULE = new ConformanceViolation(AT, "SF1520",
            "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", "InvocationContext",
            "no InvocationContext in the request for 150582-1234 <script>&\"'\u0001");
    private static final ConformanceViolation INDEX_RULE = new ConformanceViolation(AT, "SF1490-YI", null,
            "YDI-OEF-TEKST", "SendtTilUdbetalingTekst missing");

    private static final ConformanceReports.Run RUN = new ConformanceReports.Run("demo-run", AT,
            Map.of("SF1520", 3, "SF1490-YI", 2, "STS", 5), List.of(CPR_RULE, INDEX_RULE,
                    new ConformanceViolation(AT, "SF1520", null, "Security", "token expired")));

    @Test
    void junitXmlHasOneTestCasePerEndpointFailedWhenItBrokeARule() {
        String xml = ConformanceReports.junitXml(RUN);
        Document d = SecureXml.parse(xml);
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("demo-run", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("2026-12-06T10:15:30", suite.getAttribute("timestamp"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(List.of("SF1490-YI: 2 request(s)", "SF1520: 3 request(s)", "STS: 5 request(s)"),
                List.of(name(cases, 0), name(cases, 1), name(cases, 2)));
        Element sf1520 = (Element) cases.item(1);
        Element failure = (Element) sf1520.getElementsByTagName("failure").item(0);
        assertEquals("2 violation(s)", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("[InvocationContext] no InvocationContext in the request for "
                + "150582-**** <script>&\"'?"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("[Security] token expired"), failure.getTextContent());
        assertEquals(0, ((Element) cases.item(2)).getElementsByTagName("failure").getLength(), "STS broke no rule");
        assertFalse(xml.contains("150582-1234"), "CPR masked");
    }

    @Test
    void htmlEscapesEverythingAndMasksCprNumbers() {
        String html = ConformanceReports.html(RUN);
        assertTrue(html.contains("<h1>Conformance report demo-run</h1>"), html);
        assertTrue(html.contains("10 request(s), 3 violation(s)"), html);
        assertTrue(html.contains("<tr><td>SF1520</td><td>3</td><td>2</td></tr>"), html);
        assertTrue(html.contains("150582-**** &lt;script&gt;&amp;&quot;&#39;?"), html);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("150582-1234"), html);
        String clean = ConformanceReports.html(new ConformanceReports.Run("clean", AT, Map.of("SF1520", 1),
                List.of()));
        assertFalse(clean.contains("<h2>Violations</h2>"), clean);
    }

    @Test
    void writesBothFilesAndRefusesANameThatIsNoFileName(@TempDir Path dir) throws Exception {
        List<Path> files = ConformanceReports.write(dir.resolve("reports"), RUN);
        assertEquals(List.of(dir.resolve("reports/demo-run.html"), dir.resolve("reports/TEST-demo-run.xml")), files);
        assertEquals(ConformanceReports.junitXml(RUN), Files.readString(files.get(1), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> new ConformanceReports.Run("../x", AT, Map.of(),
                List.of()));
    }

    @Test
    void aSimulatorRunIsReportedWithItsRequestCounts() {
        try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder().build().start()) {
            assertTrue(ConformanceReports.Run.of("sim", sim).requests().isEmpty());
            try (dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient k =
                    dk.rammearkitektur.testkit.junit.SimulatorClients.klassifikation(sim).build()) {
                k.resolveSubject(dk.rammearkitektur.model.KleNumber.parse("32.18.02"));
            }
            ConformanceReports.Run run = ConformanceReports.Run.of("sim", sim);
            assertEquals(Map.of("STS", 1, "SF1510", run.requests().get("SF1510")), run.requests());
            assertTrue(run.requests().get("SF1510") >= 1, run.requests().toString());
            assertTrue(run.violations().isEmpty(), sim.conformanceReport());
            Element suite = SecureXml.parse(ConformanceReports.junitXml(run)).getDocumentElement();
            assertEquals("2", suite.getAttribute("tests"));
            assertEquals("0", suite.getAttribute("failures"));
        }
    }

    @Test
    void theIdentityProviderSimulatorIsReportedBesideTheOthers() throws Exception {
        try (IdentityProviderSimulator idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS).start();
                ServiceplatformSimulator sim = ServiceplatformSimulator.builder().build().start()) {
            assertTrue(ConformanceReports.Run.of("idp", idp).requests().isEmpty());
            // an unsigned AuthnRequest from an unregistered SP whose entity id holds a CPR-shaped number
            String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\" "
                    + "Version=\"2.0\"><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
                    + "https://saml.150582-1234.test</saml:Issuer></samlp:AuthnRequest>";
            Deflater d = new Deflater(9, true);
            d.setInput(xml.getBytes(StandardCharsets.UTF_8));
            d.finish();
            byte[] buf = new byte[4096];
            int n = d.deflate(buf);
            d.end();
            URI u = URI.create(idp.ssoUri() + "?SAMLRequest=" + URLEncoder.encode(
                    Base64.getEncoder().encodeToString(Arrays.copyOf(buf, n)), StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newBuilder().sslContext(WebTestSupport.trusting(idp.tlsTrustAnchor())).connectTimeout(Duration.ofSeconds(10)).build();
            assertEquals(403, http.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            ConformanceReports.Run run = ConformanceReports.Run.of("all", sim).withIdentityProvider(idp);
            assertEquals(Map.of("IdP SSO", 1), run.requests());
            assertEquals(List.of("IdP SSO"), run.violations().stream().map(ConformanceViolation::endpoint).toList());
            assertEquals("UnknownServiceProvider", run.violations().get(0).code());
            String junit = ConformanceReports.junitXml(run);
            Element suite = SecureXml.parse(junit).getDocumentElement();
            assertEquals("1", suite.getAttribute("tests"));
            assertEquals("1", suite.getAttribute("failures"));
            assertEquals("IdP SSO: 1 request(s)", name(suite.getElementsByTagName("testcase"), 0));
            String html = ConformanceReports.html(ConformanceReports.Run.of("idp", idp));
            assertTrue(html.contains("<tr><td>IdP SSO</td><td>1</td><td>1</td></tr>"), html);
            assertTrue(html.contains("UnknownServiceProvider") && html.contains("150582-****"), html);
            assertFalse(junit.contains("150582-1234") || html.contains("150582-1234"), "CPR masked");
        }
    }

    private static String name(NodeList cases, int i) {
        return ((Element) cases.item(i)).getAttribute("name");
    }
}
