package dk.rammearkitektur.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadAllocationProfilerTest {
    @Test
    void threadsAreGroupedByTheirNames() {
        assertEquals("callers", ThreadAllocationProfiler.group(
                "dk.rammearkitektur.benchmarks.CprThroughputBenchmark.sdk-jmh-worker-17"));
        assertEquals("httpclient", ThreadAllocationProfiler.group("HttpClient-3-SelectorManager"));
        assertEquals("httpclient", ThreadAllocationProfiler.group("HttpClient-3-Worker-0"));
        assertEquals("simulator", ThreadAllocationProfiler.group("serviceplatform-simulator"));
        assertEquals("simulator", ThreadAllocationProfiler.group("HTTP-Dispatcher"));
        assertEquals("other", ThreadAllocationProfiler.group("rammearkitektur-http-deadlines"));
        assertEquals("other", ThreadAllocationProfiler.group("C2 CompilerThread0"));
    }
}
