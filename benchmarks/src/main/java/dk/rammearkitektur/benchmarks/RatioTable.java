package dk.rammearkitektur.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Reads a JMH JSON result ({@code -rf json}) and prints one line per benchmark class: the ratio of its {@code sdk}
 * method to its {@code baseline} method with the error, the goal and whether it is met. Throughput benchmarks: ratio
 * of operations per second, error propagated from JMH's 99.9% confidence half-widths (relative errors added in
 * quadrature). Sample-time benchmarks: ratio of the p50 latencies; the error of each p50 is the 99.9% confidence
 * half-width of the per-iteration p50s (Student t), propagated the same way. When the run used
 * {@link CpuTimeProfiler}, a second ratio from CPU time per operation is printed: steadier on a loaded machine.
 * When it used JMH's {@code -prof gc}, the allocation per operation ({@code gc.alloc.rate.norm}) of both methods
 * follows the table, with the difference.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dk.rammearkitektur.benchmarks.RatioTable result.json}
 */
public final class RatioTable {
    private static final Logger LOG = LoggerFactory.getLogger(RatioTable.class);
    /** Result lines: plain text on stdout (see logback.xml). */
    private static final Logger RESULTS = LoggerFactory.getLogger("results");
    /** The goals: ratio at least (or, for latency, at most) this. */
    private static final Map<String, Goal> GOALS = new LinkedHashMap<>();

    static {
        GOALS.put("SignRequestBenchmark", new Goal("1 signed SOAP request creation vs raw RSA-2048 sign", 0.95, true));
        GOALS.put("VerifyRequestBenchmark", new Goal("2 request verification, token seen before, vs raw RSA-2048 verify", 0.6, true));
        GOALS.put("VerifyNewTokenBenchmark", new Goal("2b request verification, new token, vs raw RSA-2048 verify", 0.4, true));
        GOALS.put("VerifyNewTokenFloorBenchmark", new Goal("2b's floor: only the c14n, digests and two RSA of 2b", Double.NaN, true));
        GOALS.put("MemoWriteBenchmark", new Goal("3 MeMo write, 10 MB attachment vs Base64 (MB/s)", 0.9, true));
        GOALS.put("JsonRoundTripBenchmark", new Goal("4 model JSON round trip vs plain Jackson POJO", 0.9, true));
        GOALS.put("CprLookupBenchmark", new Goal("5 CPR lookup via client vs raw HTTPS POST (p50 latency)", 1.5, false));
        GOALS.put("IndexMappingBenchmark", new Goal("6 case (50 docs, 5 y) to SF1470 request vs its JSON", Double.NaN, true));
        GOALS.put("IndexImportBenchmark", new Goal("7 case (50 docs, 5 y) import via simulator vs find (p50)", Double.NaN, false));
        GOALS.put("EventSubscriptionBenchmark", new Goal("8 events via EventSubscription vs raw basicConsume (msg/s)", 0.8, true));
        GOALS.put("CprThroughputBenchmark", new Goal("9 CPR lookups, 64 callers, one client vs raw POSTs (req/s)", 0.7, true));
    }

    private record Goal(String title, double target, boolean atLeast) {
    }

    /** One measured method: its score, the 99.9% error, the unit, the mode, and its CPU time per op (or null). */
    record Score(double value, double error, String unit, String mode, Score cpu) {
    }

    /** A computed ratio with its absolute error. */
    record Ratio(double value, double error) {
        static Ratio of(Score sdk, Score baseline) {
            double v = sdk.value / baseline.value;
            double rel = Math.sqrt(sq(sdk.error / sdk.value) + sq(baseline.error / baseline.value));
            return new Ratio(v, Math.abs(v) * rel);
        }

        private static double sq(double x) {
            return x * x;
        }
    }

    private RatioTable() {
    }

    /** Prints the table for the JMH JSON file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            LOG.error("usage: RatioTable <jmh-result.json>");
            System.exit(2);
        }
        java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
        print(Files.readString(Path.of(args[0])), new PrintStream(table, true, java.nio.charset.StandardCharsets.UTF_8));
        RESULTS.info(table.toString(java.nio.charset.StandardCharsets.UTF_8).stripTrailing());
    }

    /** Parses the JMH JSON and prints the table to {@code out}; returns the number of goals not met. */
    static int print(String json, PrintStream out) throws IOException {
        Map<String, Map<String, Score>> byClass = new LinkedHashMap<>();
        Map<String, Map<String, Score>> allocByClass = new LinkedHashMap<>();
        for (JsonNode b : new ObjectMapper().readTree(json)) {
            String name = b.get("benchmark").asText();
            int dot = name.lastIndexOf('.');
            String method = name.substring(dot + 1);
            String cls = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
            byClass.computeIfAbsent(cls, k -> new LinkedHashMap<>()).put(method, score(b));
            Score alloc = allocation(b);
            if (alloc != null) {
                allocByClass.computeIfAbsent(cls, k -> new LinkedHashMap<>()).put(method, alloc);
            }
        }
        out.printf(Locale.ROOT, "%-58s %-24s %-24s %-13s %-7s %-18s %s%n", "benchmark", "sdk", "baseline", "ratio",
                "goal", "met", "CPU-time ratio");
        int missed = 0;
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, Goal> g : GOALS.entrySet()) {
            Map<String, Score> m = byClass.get(g.getKey());
            if (m == null || !m.containsKey("sdk") || !m.containsKey("baseline")) {
                absent.add(g.getValue().title);
                continue;
            }
            Score s = m.get("sdk");
            Score base = m.get("baseline");
            Ratio r = Ratio.of(s, base);
            Goal goal = g.getValue();
            boolean recorded = Double.isNaN(goal.target);
            boolean met = recorded || (goal.atLeast ? r.value >= goal.target : r.value <= goal.target);
            if (!met) {
                missed++;
            }
            String cpu = "-";
            if (s.cpu != null && base.cpu != null) {
                // CPU time per op is a cost: for throughput the ratio is baseline cost over sdk cost.
                Ratio c = goal.atLeast ? Ratio.of(base.cpu, s.cpu) : Ratio.of(s.cpu, base.cpu);
                cpu = String.format(Locale.ROOT, "%.2f ± %.2f", c.value, c.error);
            }
            out.printf(Locale.ROOT, "%-58s %-24s %-24s %-13s %-7s %-18s %s%n", goal.title, fmt(s), fmt(base),
                    String.format(Locale.ROOT, "%.2f ± %.2f", r.value, r.error),
                    recorded ? "none" : (goal.atLeast ? ">= " : "<= ") + goal.target,
                    recorded ? "recorded" : met ? (goal.atLeast ? r.value - r.error >= goal.target : r.value + r.error <= goal.target)
                            ? "yes" : "yes (in error)" : (goal.atLeast ? r.value + r.error >= goal.target
                            : r.value - r.error <= goal.target) ? "no (in error)" : "NO", cpu);
        }
        for (String a : absent) {
            out.println(a + ": not in this result");
        }
        printAllocation(allocByClass, out);
        return missed;
    }

    /** One line per benchmark class with {@code gc.alloc.rate.norm} for both methods: bytes per operation. */
    private static void printAllocation(Map<String, Map<String, Score>> allocByClass, PrintStream out) {
        boolean header = false;
        for (Map.Entry<String, Goal> g : GOALS.entrySet()) {
            Map<String, Score> m = allocByClass.get(g.getKey());
            if (m == null || !m.containsKey("sdk") || !m.containsKey("baseline")) {
                continue;
            }
            if (!header) {
                out.printf(Locale.ROOT, "%nallocation per operation (-prof gc, gc.alloc.rate.norm; all threads of the"
                        + " JVM, in-process simulators included)%n%-58s %-24s %-24s %s%n", "benchmark", "sdk",
                        "baseline", "sdk - baseline");
                header = true;
            }
            Score s = m.get("sdk");
            Score base = m.get("baseline");
            out.printf(Locale.ROOT, "%-58s %-24s %-24s %.0f B/op%n", g.getValue().title, fmtBytes(s), fmtBytes(base),
                    s.value - base.value);
        }
    }

    private static String fmtBytes(Score s) {
        return String.format(Locale.ROOT, "%.0f ± %.0f B/op", s.value, s.error);
    }

    /** The benchmark's {@code gc.alloc.rate.norm} (bytes per operation, from {@code -prof gc}), or null. */
    static Score allocation(JsonNode benchmark) {
        JsonNode m = benchmark.path("secondaryMetrics").path("gc.alloc.rate.norm");
        if (m.isMissingNode()) {
            return null;
        }
        double err = m.path("scoreError").asDouble(Double.NaN);
        return new Score(m.get("score").asDouble(), Double.isNaN(err) ? 0 : err, "B/op", "gc", null);
    }

    private static String fmt(Score s) {
        return String.format(Locale.ROOT, "%.4g ± %.2g %s", s.value, s.error, s.unit);
    }

    static Score score(JsonNode benchmark) {
        String mode = benchmark.get("mode").asText();
        JsonNode pm = benchmark.get("primaryMetric");
        String unit = pm.get("scoreUnit").asText();
        Score cpu = null;
        JsonNode secondary = benchmark.path("secondaryMetrics").path("cpu.ns/op");
        if (!secondary.isMissingNode()) {
            double err = secondary.get("scoreError").asDouble();
            cpu = new Score(secondary.get("score").asDouble(), Double.isNaN(err) ? 0 : err, "ns/op", "cpu", null);
        }
        if (!mode.equals("sample")) {
            double err = pm.get("scoreError").asDouble();
            return new Score(pm.get("score").asDouble(), Double.isNaN(err) ? 0 : err, unit, mode, cpu);
        }
        double p50 = pm.get("scorePercentiles").get("50.0").asDouble();
        List<Double> perIteration = new ArrayList<>();
        for (JsonNode fork : pm.get("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                perIteration.add(median(iteration));
            }
        }
        return new Score(p50, halfWidth(perIteration), unit + " (p50)", mode, cpu);
    }

    /** The median of a JMH histogram: a list of [value, count] pairs. */
    static double median(JsonNode histogram) {
        List<double[]> pairs = new ArrayList<>();
        long total = 0;
        for (JsonNode p : histogram) {
            pairs.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            total += p.get(1).asLong();
        }
        pairs.sort((a, b) -> Double.compare(a[0], b[0]));
        double half = total / 2.0;
        double seen = 0;
        for (double[] p : pairs) {
            seen += p[1];
            if (seen >= half) {
                return p[0];
            }
        }
        return Double.NaN;
    }

    /** The 99.9% confidence half-width of the mean of {@code xs} (Student t), as JMH reports errors. */
    static double halfWidth(List<Double> xs) {
        int n = xs.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        double var = 0;
        for (double x : xs) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2);
        return t * sd / Math.sqrt(n);
    }
}
