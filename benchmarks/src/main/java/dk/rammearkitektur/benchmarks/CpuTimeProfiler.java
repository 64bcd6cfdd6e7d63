package dk.rammearkitektur.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dk.rammearkitektur.benchmarks.CpuTimeProfiler}) reporting the benchmark JVM's CPU time
 * per operation ({@code cpu.ns/op}, all threads: benchmark, JIT, GC and, for the CPR lookup, the in-process
 * simulator). On a machine shared with other work, wall-clock throughput swings with the load while CPU time per
 * operation hardly does, so the ratio of CPU times is the steadier second opinion on each ratio.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private long start;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = cpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.ns/op", (double) (cpuNanos() - start) / ops, "ns/op",
                AggregationPolicy.AVG));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
