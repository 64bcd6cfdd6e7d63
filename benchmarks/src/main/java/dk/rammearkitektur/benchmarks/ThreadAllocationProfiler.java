package dk.rammearkitektur.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dk.rammearkitektur.benchmarks.ThreadAllocationProfiler}) that splits the bytes allocated
 * per operation by who allocated them: the benchmark's own threads ({@code alloc.callers}), the JDK HTTP clients'
 * selector and worker threads ({@code alloc.httpclient}), the in-process simulators' server threads
 * ({@code alloc.simulator}) and every other thread ({@code alloc.other}: JIT, GC, JMH). JMH's {@code -prof gc} gives
 * only the sum, in which the simulator's work (the same on both sides of a client benchmark) hides the client's.
 * Threads that end during an iteration are not counted.
 */
public final class ThreadAllocationProfiler implements InternalProfiler {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Map<Long, Long> before = new HashMap<>();

    @Override
    public String getDescription() {
        return "allocated bytes per operation by thread group (callers, HTTP client, simulator, other)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                before.put(ids[i], bytes[i]);
            }
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        java.lang.management.ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String g : List.of("callers", "httpclient", "simulator", "other")) {
            groups.put(g, 0L);
        }
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] < 0 || infos[i] == null) {
                continue;
            }
            long delta = bytes[i] - before.getOrDefault(ids[i], 0L);
            groups.merge(group(infos[i].getThreadName()), delta, Long::sum);
        }
        List<Result> out = new ArrayList<>();
        groups.forEach((g, b) -> out.add(new ScalarResult("alloc." + g, (double) b / ops, "B/op",
                AggregationPolicy.AVG)));
        return out;
    }

    /** The group of a thread by its name. */
    static String group(String name) {
        if (name.contains("-jmh-worker-")) {
            return "callers";
        }
        if (name.startsWith("HttpClient-")) {
            return "httpclient";
        }
        if (name.endsWith("-simulator") || name.startsWith("HTTP-Dispatcher")) {
            return "simulator";
        }
        return "other";
    }
}
