package dk.rammearkitektur.reliability.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.TransportException;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.Transmission;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.reliability.Letters;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostFault;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.MailboxEntry;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import dk.rammearkitektur.reliability.Leaks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soak: 20,000 mixed calls (Serviceplatformen CPR, CVR, P-number and Organisation reads over InvocationContext;
 * Digital Post lookups and letter sends) from 32 threads against both simulators, about 10% of requests hit by an
 * injected fault. Checks: no call hangs (overall deadline and a per-call bound), every call ends in success or one
 * of our typed exceptions, no CPR number in any message, no thread or connection leak (counted before and after,
 * with a bounded settle), and every letter that was acknowledged is in the mailbox exactly once, none twice.
 *
 * <p>The number of calls can be lowered with {@code -Dreliability.soak.calls=N} for quick local runs.
 */
class SoakTest {
    private static final Logger LOG = LoggerFactory.getLogger(SoakTest.class);
    static final int CALLS = Integer.getInteger("reliability.soak.calls", 20_000);
    static final int THREADS = 32;
    static final Duration SP_TOTAL = Duration.ofMillis(1500);
    static final Duration SP_CONNECT = Duration.ofSeconds(1);
    /**
     * Per-call bound for Serviceplatformen reads: the total timeout, plus the wait for a pooled connection (bounded by
     * the connect timeout, outside the total), plus slack for garbage collection and 60-odd busy threads on two cores.
     */
    static final long SP_CALL_BOUND_MS = SP_TOTAL.toMillis() + SP_CONNECT.toMillis() + 1500;
    static final long DEADLINE_S = 120;
    static final int SEND_ATTEMPTS = 10;
    /** Threads and descriptors that pooled, idle resources may add after warm-up; a per-call leak is far above. */
    static final int THREAD_SLACK = 16;
    static final int FD_SLACK = 48;

    private static final List<String> CPRS = List.of(SimulatorData.CPR_ACTIVE_1900S, SimulatorData.CPR_CHILD_2000S,
            SimulatorData.CPR_DEAD_1800S, SimulatorData.CPR_PROTECTED, SimulatorData.CPR_EMIGRATED,
            SimulatorData.CPR_2020, "0101901234");

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Throwable> untyped = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> cprLeaks = new ConcurrentLinkedQueue<>();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<UUID> attempted = ConcurrentHashMap.newKeySet();
    private final AtomicLong slowestSpMs = new AtomicLong();
    private final LongAdder spOverTotal = new LongAdder();
    private final AtomicInteger faultedSends = new AtomicInteger();
    private volatile String orgCvr;

    @Test
    void mixedCallsUnderFaultsEndTypedWithoutLeaksOrDuplicateDeliveries() throws Exception {
        try (ServiceplatformSimulator sp = ServiceplatformSimulator.builder().build().start();
                DigitalPostSimulator dp = DigitalPostSimulator.builder().build().start()) {
            orgCvr = sp.municipalityCvr();
            ServiceplatformClient spClient = SimulatorClients.invocationContext(sp)
                    .timeouts(Timeouts.of(SP_CONNECT, Duration.ofMillis(600), SP_TOTAL))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(5))
                            .maxDelay(Duration.ofMillis(20)).build())
                    .poolSize(THREADS).build();
            DigitalPostClient dpClient = dp.clientBuilder()
                    .timeouts(Timeouts.of(Duration.ofSeconds(1), Duration.ofMillis(600), SP_TOTAL))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(5))
                            .maxDelay(Duration.ofMillis(20)).build()).build();
            try {
                run(spClient, dpClient, Math.min(CALLS, 1_000), "warm-up");
                settle();
                int threadsBefore = clientThreads().size();
                long fdsBefore = Leaks.openFiles();
                outcomes.clear();
                slowestSpMs.set(0);
                spOverTotal.reset();
                faultedSends.set(0);
                acknowledged.clear();
                attempted.clear();
                dp.reset();
                sp.reset();
                faults(sp, dp);

                long t0 = System.nanoTime();
                run(spClient, dpClient, CALLS, "soak");
                long wallMs = (System.nanoTime() - t0) / 1_000_000;
                sp.faults().clear();
                dp.faults().clear();
                settle();

                List<String> threadsAfter = clientThreads();
                long fdsAfter = Leaks.openFiles();
                long total = outcomes.values().stream().mapToLong(LongAdder::sum).sum();
                LOG.info("soak: {} calls from {} threads in {} ms ({} calls/s); outcomes {}; slowest Serviceplatformen "
                        + "call {} ms ({} over the total timeout); sends {} acknowledged of {}, {} needed a resend; mailbox {}; client threads "
                        + "{} -> {}; open files {} -> {}; Serviceplatformen connections seen {}",
                        CALLS, THREADS, wallMs, CALLS * 1000L / Math.max(1, wallMs), new TreeMap<>(sums()),
                        slowestSpMs.get(), spOverTotal.sum(), acknowledged.size(), attempted.size(), faultedSends.get(),
                        dp.mailboxTotal(), threadsBefore, threadsAfter.size(), fdsBefore, fdsAfter,
                        sp.connectionCount());

                assertTrue(untyped.isEmpty(), "untyped failures: " + untyped);
                assertTrue(cprLeaks.isEmpty(), "CPR number in messages: " + cprLeaks);
                assertEquals(CALLS, total - sums().getOrDefault("send attempt failed", 0L),
                        "every call ended: " + sums());
                long faulted = total - sums().getOrDefault("ok", 0L);
                assertTrue(faulted > CALLS / 40, "faults were injected: " + sums());
                assertTrue(slowestSpMs.get() <= SP_CALL_BOUND_MS, "slowest read " + slowestSpMs.get() + " ms");
                assertDeliveredOnce(dp);
                assertTrue(threadsAfter.size() <= threadsBefore + THREAD_SLACK,
                        "thread leak: " + threadsBefore + " -> " + threadsAfter.size() + " " + threadsAfter);
                if (fdsBefore >= 0) {
                    assertTrue(fdsAfter <= fdsBefore + FD_SLACK, "descriptor leak: " + fdsBefore + " -> " + fdsAfter);
                }
            } finally {
                spClient.close();
                dpClient.close();
            }
        }
    }

    private void assertDeliveredOnce(DigitalPostSimulator dp) {
        Map<UUID, Integer> delivered = new HashMap<>();
        for (MailboxEntry e : dp.mailbox(Letters.CPR)) {
            delivered.merge(e.messageUuid(), 1, Integer::sum);
        }
        delivered.forEach((uuid, n) -> assertEquals(1, n, uuid + " delivered " + n + " times"));
        for (UUID uuid : acknowledged) {
            assertTrue(delivered.containsKey(uuid), "acknowledged but lost: " + uuid);
        }
        assertTrue(attempted.containsAll(delivered.keySet()), "a letter nobody sent was delivered");
        assertEquals(delivered.size(), dp.mailboxTotal());
        assertTrue(!acknowledged.isEmpty(), "letters were sent");
    }

    private static void faults(ServiceplatformSimulator sp, DigitalPostSimulator dp) {
        sp.faults().seed(2026)
                .rate(Fault.latency(Duration.ofMillis(1000)), 0.01)
                .rate(Fault.connectionReset(), 0.02)
                .rate(Fault.httpStatus(503), 0.02)
                .rate(Fault.httpStatus(500), 0.015)
                .rate(Fault.soapFault("SP.SOAK"), 0.015)
                .rate(Fault.malformedXml(), 0.01)
                .rate(Fault.truncatedXml(), 0.01);
        dp.faults().seed(2026)
                .rate(DigitalPostFault.timeout(Duration.ofMillis(1000)), 0.01)
                .rate(DigitalPostFault.latency(Duration.ofMillis(1000)), 0.01)
                .rate(DigitalPostFault.connectionReset(), 0.02)
                .rate(DigitalPostFault.httpStatus(503), 0.02)
                .rate(DigitalPostFault.httpStatus(500), 0.015)
                .rate(DigitalPostFault.malformedReply(), 0.015)
                .rate(DigitalPostFault.truncatedReply(), 0.015);
    }

    private void run(ServiceplatformClient sp, DigitalPostClient dp, int calls, String name) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "soak-" + name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < THREADS; w++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        call(sp, dp, i);
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(DEADLINE_S, TimeUnit.SECONDS)) {
                throw new AssertionError(name + ": hang, calls still running after " + DEADLINE_S + " s at index "
                        + next.get() + " of " + calls + "\n" + dump());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void call(ServiceplatformClient sp, DigitalPostClient dp, int i) {
        int kind = i % 20;
        String cpr = CPRS.get((i / 20) % CPRS.size());
        long t0 = System.nanoTime();
        boolean serviceplatform = kind < 14;
        try {
            switch (kind) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> sp.lookupPerson(cpr);
                case 8, 9 -> sp.lookupCompany(i % 2 == 0 ? SimulatorData.CVR_ACTIVE : SimulatorData.CVR_CEASED);
                case 10, 11 -> sp.lookupProductionUnit(SimulatorData.PNUMBER_1);
                case 12, 13 -> sp.lookupCompany(SimulatorData.CVR_ACTIVE); // SF1500 needs STS tokens: see OrganisationEndToEndTest
                case 14, 15, 16 -> dp.isRegisteredForDigitalPost(cpr);
                case 17, 18 -> dp.isRegisteredForNemSms(cpr);
                default -> {
                    send(dp);
                    return;
                }
            }
            count("ok");
        } catch (RammearkitekturException e) {
            count(e.getClass().getSimpleName());
            checkMasked(e);
        } catch (Throwable t) {
            untyped.add(t);
        } finally {
            if (serviceplatform) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                slowestSpMs.accumulateAndGet(ms, Math::max);
                if (ms > SP_TOTAL.toMillis()) {
                    spOverTotal.increment();
                }
            }
        }
    }

    private void send(DigitalPostClient dp) {
        Transmission t = dp.prepare(KombiRequest.digitalPost(Letters.letter(Letters.CPR, UUID.randomUUID())));
        attempted.add(t.messageUuid());
        for (int attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
            try {
                if (attempt == 1) {
                    dp.send(t);
                } else {
                    dp.resend(t);
                }
                acknowledged.add(t.messageUuid());
                count(attempt == 1 ? "ok" : "ok after resend");
                return;
            } catch (TransportException e) {
                checkMasked(e);
                if (attempt == 1) {
                    faultedSends.incrementAndGet();
                }
                t = e.request(Transmission.class).orElse(t);
                count(attempt == SEND_ATTEMPTS ? e.getClass().getSimpleName() : "send attempt failed");
            } catch (ServiceFaultException e) {
                checkMasked(e);
                count(e.getClass().getSimpleName());
                return;
            } catch (RammearkitekturException e) {
                checkMasked(e);
                count(e.getClass().getSimpleName());
                return;
            } catch (Throwable e) {
                untyped.add(e);
                return;
            }
        }
    }

    private void checkMasked(RammearkitekturException e) {
        if (PersonalData.containsCprNumber(e.getMessage())) {
            cprLeaks.add(e.getMessage());
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    private Map<String, Long> sums() {
        Map<String, Long> m = new HashMap<>();
        outcomes.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Lets held requests finish and idle pooled resources settle; bounded. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1500);
    }

    /**
     * Live threads that are not the simulators', the JDK HTTP server's or this test's own, nor the JDK HTTP client's
     * pooled workers ({@code HttpClient-<n>-Worker-<m>}): that cached pool grows with how many calls happened to
     * overlap (a run with 40 callers has grown it by 23 beyond the warm-up's size) and its threads end when idle, so
     * counting them measured the scheduler, not a leak. A leaked client still shows, as its
     * {@code HttpClient-<n>-SelectorManager} thread.
     */
    private static List<String> clientThreads() {
        return Leaks.threads(n -> !n.startsWith("serviceplatform-simulator") && !n.startsWith("digitalpost-simulator")
                && !n.startsWith("HTTP-Dispatcher") && !n.startsWith("soak-")
                && !n.matches("HttpClient-[0-9]+-Worker-[0-9]+"));
    }

    private static String dump() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, st) -> {
            if (t.getName().startsWith("soak-")) {
                b.append(t.getName()).append('\n');
                for (int k = 0; k < Math.min(st.length, 12); k++) {
                    b.append("    at ").append(st[k]).append('\n');
                }
            }
        });
        return b.toString();
    }
}
