package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.xml.XmlText;
import dk.rammearkitektur.testkit.idp.IdentityProviderSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A simulator run's conformance report as files a tester or a CI system reads: an HTML page and a JUnit XML report
 * ({@code TEST-<name>.xml}, the Ant/Surefire format CI systems show as test results). Each endpoint that received
 * requests or has violations is one test case, failed when any request to it broke a rule; the failure lists every
 * violation (time, rule or fault code, detail, correlation id). CPR numbers are masked in both. Serviceplatformen,
 * Digital Post and the identity provider simulator can be reported together.
 */
public final class ConformanceReports {
    private static final String DIGITAL_POST = "Digital Post ";
    private static final String IDP = "IdP ";

    private ConformanceReports() {
    }

    /** What one run saw: when it was reported, its requests per endpoint and its violations. */
    public record Run(String name, Instant at, Map<String, Integer> requests, List<ConformanceViolation> violations) {
        /** Copies the collections; checks the name is a plain file-name part. */
        public Run {
            Objects.requireNonNull(name, "name == null");
            if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new IllegalArgumentException("name must be 1 to 100 letters, digits, '.', '_' or '-'");
            }
            Objects.requireNonNull(at, "at == null");
            requests = Map.copyOf(requests);
            violations = List.copyOf(violations);
        }

        /** The run of {@code sim} now: its request counts and violations. */
        public static Run of(String name, ServiceplatformSimulator sim) {
            return new Run(name, sim.now(), sim.requestCounts(), sim.violations());
        }

        /**
         * The run of both simulators now; the Digital Post simulator's endpoints are named {@code Digital Post <name>}
         * ({@code Digital Post KOMBI}, {@code Digital Post STS}, ...), so they stand apart from Serviceplatformen's.
         */
        public static Run of(String name, ServiceplatformSimulator sim,
                dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator digitalPost) {
            Map<String, Integer> requests = new TreeMap<>(sim.requestCounts());
            digitalPost.requestCounts().forEach((e, n) -> requests.put(DIGITAL_POST + e, n));
            List<ConformanceViolation> violations = new ArrayList<>(sim.violations());
            for (ConformanceViolation v : digitalPost.violations()) {
                violations.add(new ConformanceViolation(v.at(), DIGITAL_POST + v.endpoint(), v.correlationId(),
                        v.code(), v.detail()));
            }
            return new Run(name, sim.now(), requests, violations);
        }

        /**
         * The run of the identity provider simulator alone now; its endpoints are named {@code IdP <name>}
         * ({@code IdP SSO}, {@code IdP SLO}, ...).
         */
        public static Run of(String name, IdentityProviderSimulator idp) {
            return new Run(name, idp.now(), Map.of(), List.of()).withIdentityProvider(idp);
        }

        /**
         * This run with the identity provider simulator's requests and violations added, its endpoints named
         * {@code IdP <name>} so they stand apart from the other simulators'.
         */
        public Run withIdentityProvider(IdentityProviderSimulator idp) {
            Objects.requireNonNull(idp, "idp == null");
            Map<String, Integer> counts = new TreeMap<>(requests);
            idp.requestCounts().forEach((e, n) -> counts.put(IDP + e, n));
            List<ConformanceViolation> seen = new ArrayList<>(violations);
            for (ConformanceViolation v : idp.violations()) {
                seen.add(new ConformanceViolation(v.at(), IDP + v.endpoint(), v.correlationId(), v.code(), v.detail()));
            }
            return new Run(name, at, counts, seen);
        }

        /** Every endpoint with requests or violations, by id, with its violations. */
        Map<String, List<ConformanceViolation>> byEndpoint() {
            Map<String, List<ConformanceViolation>> out = new TreeMap<>();
            requests.keySet().forEach(e -> out.put(e, new ArrayList<>()));
            for (ConformanceViolation v : violations) {
                out.computeIfAbsent(v.endpoint(), e -> new ArrayList<>()).add(v);
            }
            return out;
        }
    }

    /**
     * Writes {@code <name>.html} and {@code TEST-<name>.xml} into {@code dir} (created when missing).
     *
     * @return the two files, HTML first
     * @throws UncheckedIOException when they cannot be written
     */
    public static List<Path> write(Path dir, Run run) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve(run.name() + ".html");
            Path xml = dir.resolve("TEST-" + run.name() + ".xml");
            Files.writeString(html, html(run), StandardCharsets.UTF_8);
            Files.writeString(xml, junitXml(run), StandardCharsets.UTF_8);
            return List.of(html, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JUnit XML report: a {@code testsuite} with one {@code testcase} per endpoint. */
    public static String junitXml(Run run) {
        Map<String, List<ConformanceViolation>> byEndpoint = run.byEndpoint();
        long failed = byEndpoint.values().stream().filter(l -> !l.isEmpty()).count();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"").append(escape(run.name())).append("\" tests=\"").append(byEndpoint.size())
                .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"")
                .append(run.at().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "")).append("\">\n");
        for (Map.Entry<String, List<ConformanceViolation>> e : byEndpoint.entrySet()) {
            int requests = run.requests().getOrDefault(e.getKey(), 0);
            b.append("  <testcase classname=\"rammearkitektur.conformance\" name=\"")
                    .append(escape(e.getKey() + ": " + requests + " request(s)")).append("\" time=\"0\"");
            if (e.getValue().isEmpty()) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n    <failure type=\"conformance\" message=\"").append(e.getValue().size())
                    .append(" violation(s)\">");
            for (ConformanceViolation v : e.getValue()) {
                b.append(escape(line(v))).append('\n');
            }
            b.append("</failure>\n  </testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    /** The HTML page: a summary, a table of endpoints with their request counts, a table of violations. */
    public static String html(Run run) {
        Map<String, List<ConformanceViolation>> byEndpoint = run.byEndpoint();
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Conformance report " + escape(run.name()) + "</title></head><body>\n");
        b.append("<h1>Conformance report ").append(escape(run.name())).append("</h1>\n<p>")
                .append(escape(run.at().toString())).append(": ")
                .append(run.requests().values().stream().mapToInt(Integer::intValue).sum()).append(" request(s), ")
                .append(run.violations().size()).append(" violation(s)</p>\n");
        b.append("<table><thead><tr><th>Endpoint</th><th>Requests</th><th>Violations</th></tr></thead><tbody>\n");
        for (Map.Entry<String, List<ConformanceViolation>> e : byEndpoint.entrySet()) {
            b.append("<tr><td>").append(escape(e.getKey())).append("</td><td>")
                    .append(run.requests().getOrDefault(e.getKey(), 0)).append("</td><td>")
                    .append(e.getValue().size()).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (!run.violations().isEmpty()) {
            b.append("<h2>Violations</h2>\n<table><thead><tr><th>Time</th><th>Endpoint</th><th>Code</th>"
                    + "<th>Detail</th><th>Correlation id</th></tr></thead><tbody>\n");
            for (ConformanceViolation v : run.violations()) {
                b.append("<tr><td>").append(escape(v.at().toString())).append("</td><td>").append(escape(v.endpoint()))
                        .append("</td><td>").append(escape(v.code())).append("</td><td>")
                        .append(escape(PersonalData.maskCprNumbers(v.detail()))).append("</td><td>")
                        .append(escape(Objects.toString(v.correlationId(), ""))).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String line(ConformanceViolation v) {
        return v.at() + " [" + v.code() + "] " + PersonalData.maskCprNumbers(v.detail())
                + (v.correlationId() == null ? "" : " (" + v.correlationId() + ")");
    }

    /** Text for XML and HTML content and attribute values; characters XML 1.0 cannot carry become '?'. */
    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            b.appendCodePoint(legal ? c : '?');
        });
        return XmlText.escape(b.toString());
    }
}
