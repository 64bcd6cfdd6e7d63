package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's code sample compiles (it is {@link ReadmeSample}), runs, and is quoted verbatim. */
class ReadmeSampleTest {
    static final String SOURCE = "examples/src/test/java/dk/rammearkitektur/examples/ReadmeSample.java";

    @Test
    void theSampleRunsAgainstTheSimulator(@TempDir Path dir) throws IOException {
        char[] password = "sample".toCharArray();
        try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder().build().start()) {
            Path p12 = Files.write(dir.resolve("system.p12"), sim.systemIdentity().pkcs12(password));
            Caseworker worker = Caseworker.of(UUID.randomUUID(), "Bo Berg");
            OrganisationUnit unit = OrganisationUnit.of(PartyId.random(), "Jobcenter");
            Case c = ReadmeSample.openSicknessBenefitCase(Environment.custom(sim.baseUri()), p12, password,
                    List.of(sim.tlsTrustAnchor()), List.of(sim.stsCertificate()), sim.municipalityCvr(),
                    SimulatorData.CPR_ACTIVE_1900S, worker, unit);
            assertEquals(SimulatorData.CPR_ACTIVE_1900S, ((Person) c.primaryParty().orElseThrow()).cpr().value());
            ValidationException e = assertThrows(ValidationException.class,
                    () -> ReadmeSample.openSicknessBenefitCase(Environment.custom(sim.baseUri()), p12, password,
                            List.of(sim.tlsTrustAnchor()), List.of(sim.stsCertificate()), sim.municipalityCvr(),
                            "0101011234", worker, unit));
            assertEquals("cpr", e.violations().get(0).path());
            assertEquals("no violations", sim.conformanceReport());
        }
    }

    @Test
    void theReadmeQuotesTheSampleVerbatim() throws IOException {
        Path root = projectRoot();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(region(Files.readString(root.resolve(SOURCE), StandardCharsets.UTF_8)), readmeBlock(readme));
    }

    @Test
    void theSampleIsAboutTwentyLines() throws IOException {
        int lines = region(Files.readString(projectRoot().resolve(SOURCE), StandardCharsets.UTF_8)).split("\n").length;
        assertTrue(lines >= 15 && lines <= 22, lines + " lines");
    }

    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(SOURCE))) {
            p = p.getParent();
        }
        assertTrue(p != null, "the project root (with " + SOURCE + ") is not above the working directory");
        return p;
    }

    /** The lines between the markers, without the common indentation. */
    static String region(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder b = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.strip().equals("// README-SAMPLE-END")) {
                break;
            }
            if (inside) {
                b.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
            }
            if (line.strip().equals("// README-SAMPLE-BEGIN")) {
                inside = true;
            }
        }
        assertTrue(b.length() > 0, "no README-SAMPLE region");
        return b.toString();
    }

    /** The first java code block after the code-sample comment in the README. */
    static String readmeBlock(String readme) {
        int marker = readme.indexOf("<!-- code sample: " + SOURCE + " -->");
        assertTrue(marker >= 0, "the README has no code-sample marker for " + SOURCE);
        int start = readme.indexOf("```java\n", marker);
        int end = readme.indexOf("\n```", start);
        assertTrue(start >= 0 && end > start, "no java block after the marker");
        return readme.substring(start + "```java\n".length(), end + 1);
    }
}
