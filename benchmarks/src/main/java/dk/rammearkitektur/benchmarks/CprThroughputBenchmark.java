package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 9: throughput of CPR person lookups (SF1520, InvocationContext auth) from {@value #THREADS} threads through
 * one shared {@link ServiceplatformClient} against the loopback simulator, against the same number of threads POSTing
 * the same request bytes raw over mutual TLS through one shared JDK HTTP client with the same key material (as
 * {@link CprLookupBenchmark}'s baseline). Goal: requests per second, sdk ÷ baseline, at least 0.7.
 *
 * <p>Like for like: the SDK's transport lets at most {@code poolSize} calls (so connections) be in flight, 20 by
 * default; the JDK client of the baseline has no limit. The SDK client is built with {@code poolSize(64)}, so both
 * sides may keep 64 keep-alive connections open and neither queues its callers. Both sides get the same server work:
 * the simulator parses, validates and answers each request on a cached (unbounded) thread pool, so all 64 requests
 * can be handled at once; the JDK HTTP server in front of it has one dispatcher thread that accepts connections and
 * hands each readable one to the pool. The simulator keeps the latest 1,000 requests, a count per endpoint and at
 * most 100,000 client addresses, so a long run does not grow it; {@link #tearDown} fails the run if any request was
 * recorded as a conformance violation (which would have been answered with a fault, not a person).
 *
 * <p>Warmed up for 20 x 10 s: the simulator's request handling and both client paths JIT-compile slowly when 64
 * threads share the cores. On a loaded 2-core machine the baseline's throughput was still rising tenfold through
 * 5 x 10 s (from 30 to 360 requests per second) and levelled out only after about 10 x 10 s; with 12 x 10 s the SDK
 * was still speeding up through the five measured iterations, on a quiet machine (1,925 to 2,507 requests per
 * second, baseline flat) and under load (process CPU per lookup 1.02, 0.93, 0.94, 0.81, 0.83 ms at 01:26-01:30 on
 * 2026-12-07, load average 24 to 40), so the SDK's longer path needs the longer warm-up. Measure with 10 s
 * iterations ({@code ITERATION_TIME=10s}) on a loaded machine: with 2 s each caller completes only a few calls.
 *
 * <p>The SDK client gets longer timeouts than the simulator clients' default (10 s connect, 30 s read, 60 s total),
 * since 64 callers on a loaded machine can wait seconds for the first connections; the baseline has no timeouts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(CprThroughputBenchmark.THREADS)
@Warmup(iterations = 20, time = 10)
public class CprThroughputBenchmark {
    /** The concurrent callers. */
    static final int THREADS = 64;

    private ServiceplatformSimulator sim;
    private ServiceplatformClient client;
    private HttpClient http;
    private HttpRequest raw;

    /** Starts the simulator, the SDK client and the raw HTTP client, and checks one call of each. */
    @Setup
    public void setup() throws GeneralSecurityException, IOException, InterruptedException {
        sim = ServiceplatformSimulator.builder().build().start();
        client = SimulatorClients.invocationContext(sim).poolSize(THREADS)
                .timeouts(Timeouts.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)))
                .build();
        http = HttpClient.newBuilder().sslContext(CprLookupBenchmark.sslContext(sim))
                .version(HttpClient.Version.HTTP_1_1).build();
        raw = CprLookupBenchmark.rawLookup(sim);
        sdk();
        baseline();
    }

    /** Fails the run if the simulator recorded a violation; stops the clients and the simulator. */
    @TearDown
    public void tearDown() {
        try {
            if (!sim.violations().isEmpty()) {
                throw new IllegalStateException("the simulator recorded violations: " + sim.conformanceReport());
            }
        } finally {
            client.close();
            sim.close();
        }
    }

    /** One lookup through the shared SDK client: envelope, transport, reply parsing and mapping. */
    @Benchmark
    public PersonRecord sdk() {
        return client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).orElseThrow(() ->
                new IllegalStateException("the simulator does not know the person"));
    }

    /** The same request bytes POSTed raw through the shared JDK client; the reply read as bytes. */
    @Benchmark
    public byte[] baseline() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(raw, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("raw POST answered " + r.statusCode());
        }
        return r.body();
    }
}
