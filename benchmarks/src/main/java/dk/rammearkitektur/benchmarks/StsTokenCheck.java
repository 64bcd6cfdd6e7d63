package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Absolute check: 10,000 CPR lookups from 64 threads through one client with the STS token auth model cause exactly
 * one token request per token lifetime, as counted by the simulated STS. Two runs: with the default 8-hour lifetime
 * (expect exactly 1 token request), and with a short lifetime so the run spans several (expect one per renewal
 * period, lifetime minus the client's renewal margin, within the range the run's duration allows).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dk.rammearkitektur.benchmarks.StsTokenCheck}
 */
public final class StsTokenCheck {
    private static final Logger LOG = LoggerFactory.getLogger(StsTokenCheck.class);
    /** Result lines: plain text on stdout (see logback.xml). */
    private static final Logger RESULTS = LoggerFactory.getLogger("results");
    static final int THREADS = 64;
    private static int requests = 10_000;

    private StsTokenCheck() {
    }

    /** Runs both checks ({@code args[0]}: number of lookups, default 10,000); exits 1 if either fails. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            requests = Integer.parseInt(args[0]);
        }
        boolean ok = run(Duration.ofHours(8), Duration.ofMinutes(5));
        ok &= run(Duration.ofSeconds(12), Duration.ofSeconds(4));
        System.exit(ok ? 0 : 1);
    }

    private static void lookup(ServiceplatformClient client, ServiceplatformSimulator sim, AtomicInteger found,
            AtomicInteger failed, long t0) {
        try {
            if (client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent() && found.incrementAndGet() % 1000 == 0) {
                LOG.info(String.format(Locale.ROOT, "  %d lookups, %d STS requests, %.0f s", found.get(),
                        sim.requestCount("STS"), (System.nanoTime() - t0) / 1e9));
            }
        } catch (RammearkitekturException e) {
            if (failed.incrementAndGet() <= 3) {
                LOG.warn("  lookup failed: {}", e.toString());
            }
        }
    }

    private static boolean run(Duration lifetime, Duration margin) throws Exception {
        try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder().tokenLifetime(lifetime).build().start();
                ServiceplatformClient client = SimulatorClients.stsToken(sim, StsProtocol.SOAP).poolSize(THREADS)
                        .timeouts(Timeouts.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)))
                        .tokenRenewalMargin(margin).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "sts-check");
                t.setDaemon(true);
                return t;
            });
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger found = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    while (next.getAndIncrement() < requests) {
                        lookup(client, sim, found, failed, t0);
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : done) {
                    f.get(10, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int tokens = sim.requestCount("STS");
            double period = lifetime.minus(margin).toMillis() / 1000.0;
            // Tokens are fetched at s, s + period, s + 2 period, ... for a first call at s just after the start.
            long max = (long) Math.floor(seconds / period) + 1;
            long min = Math.max(1, max - 1);
            boolean ok = found.get() == requests && tokens >= min && tokens <= max;
            RESULTS.info(String.format(Locale.ROOT, "sts tokens: %d lookups (%d answered, %d failed) from %d threads in %.1f s, token lifetime"
                            + " %s, renewal margin %s: %d STS requests, expected %s: %s", requests, found.get(), failed.get(), THREADS,
                    seconds, lifetime, margin, tokens, min == max ? String.valueOf(min) : min + ".." + max,
                    ok ? "PASS" : "FAIL"));
            return ok;
        }
    }
}
