package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.model.CaseHistories;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Kind;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 7: the full import of a case with 50 documents and 5 years of history ({@link CaseHistories#closedCase})
 * through {@link CaseIndexClient#importCase} against the loopback {@link ServiceplatformSimulator}: the mapping and
 * usage-rule checks, the signed {@code importer} request (STS token, WS-Security signature, mutual TLS), the
 * simulator's envelope, signature and schema checks and its SF1470 rules on all 51 objects, its signed reply, and the
 * client's verification and reading of that reply. The SDK sets no goal for it; the ratio is recorded.
 *
 * <p><b>What is imported, and why the index is emptied before every call.</b> The measured call is a genuine
 * {@code importer} of a case the index does not hold, every time: a {@code @Setup(Level.Invocation)} empties the
 * simulator's index ({@link SagDokumentIndeksData#clear()}, an in-memory map clear, not a request, and outside the
 * measured time). The alternatives were worse:
 * <ul>
 *   <li>importing the same case again: the simulator takes it as a further registration, but the real index would
 *       not (importer is for a case it does not hold), the second and later calls run the "already held" checks, and
 *       every registration keeps its request's DOM, so the store and the heap grow for the whole run;</li>
 *   <li>{@code updateCase} (opdater) after one import: the same 51 objects and rule checks, but it is a different
 *       operation on the simulator (merging relations and states into the stored picture) and still adds a
 *       registration per call; it is not what the issue asks for;</li>
 *   <li>a pool of pre-built histories with fresh ids: the pool would have to outlast an iteration whose number of
 *       calls is not known in advance, and the store still grows by 51 objects per call.</li>
 * </ul>
 * JMH's warning on {@code Level.Invocation} concerns calls of microseconds, where the setup's own timestamps
 * distort the result; this call takes tens of milliseconds and the clear is microseconds. The store is thus at most
 * one case (1 Sag, 50 Dokumenter, one registration each) at any time; {@link #check()} verifies this, and that the
 * simulator recorded no conformance violation, after every iteration.
 *
 * <p><b>Baseline.</b> {@link CaseIndexClient#find} of a case id the index does not hold: the smallest signed round
 * trip on the same client, the same SF1470 endpoint, the same STS token, signing, TLS connection and simulator
 * checks, with nothing case-sized in the request or the reply. The ratio therefore reads as "the import of a big case
 * costs this many minimal round trips on the same path": what the case's size adds to the fixed cost of a call.
 * A Klassifikation {@code read} was the other candidate; it goes to another endpoint with other reply handling, so it
 * would mix a service difference into the ratio.
 *
 * <p><b>Mode.</b> Sample time (p50 latency), as benchmark 5: these are single calls of milliseconds to tens of
 * milliseconds, and the p50 is robust to the stalls a shared, loaded machine adds. Warmed up for 5 x 10 s, as
 * benchmark 5: the path JIT-compiles much XML and signature code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 10)
public class IndexImportBenchmark {
    private ServiceplatformSimulator sim;
    private KlassifikationClient klassifikation;
    private CaseIndexClient index;
    private History<Case> history;
    private CaseId caseId;
    private CaseId absent;

    /**
     * Starts the simulator and the clients, builds the case, and checks both sides: the import stores the case with
     * its 50 documents and is found with its history, one import is one SF1470 request and nothing else (classes,
     * token and Klasser come from the clients' caches), the baseline finds nothing, and nothing broke a rule.
     */
    @Setup(Level.Trial)
    public void setup() {
        sim = ServiceplatformSimulator.builder().build().start();
        klassifikation = SimulatorClients.klassifikation(sim).build();
        index = SimulatorClients.caseIndex(sim, klassifikation).build();
        caseId = CaseId.random();
        absent = CaseId.random();
        history = CaseHistories.closedCase(CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), caseId),
                Instant.parse("2020-01-01T08:00:00Z"), 5, 50, Instant.parse("2025-06-01T00:00:00Z"));
        sdk();
        IndexedCase found = index.find(caseId).orElseThrow(() -> new IllegalStateException("the import stored no case"));
        if (found.relations().stream().filter(r -> r.kind().equals("Journalpost")).count() != 50
                || found.progress().size() < 4) {
            throw new IllegalStateException("the stored case lacks its documents or history: " + found);
        }
        if (baseline().isPresent()) {
            throw new IllegalStateException("the baseline's case is in the index");
        }
        clearIndex();
        sim.reset();
        sdk();
        baseline();
        if (sim.requestCount("SF1470") != 2 || sim.requestCount("SF1510") != 0) {
            throw new IllegalStateException("an import and a find should be two SF1470 requests and nothing else, were "
                    + sim.requestCount("SF1470") + " SF1470 and " + sim.requestCount("SF1510") + " SF1510");
        }
        check();
    }

    /** Empties the simulator's index, so that the next import is of a case it does not hold. */
    @Setup(Level.Invocation)
    public void clearIndex() {
        sim.sagDokumentIndeks().clear();
    }

    /** After every iteration: no violations, and the store holds at most the one case with its 50 documents. */
    @TearDown(Level.Iteration)
    public void check() {
        if (!sim.violations().isEmpty()) {
            throw new IllegalStateException(sim.conformanceReport());
        }
        SagDokumentIndeksData data = sim.sagDokumentIndeks();
        int sager = data.count(Kind.SAG);
        int dokumenter = data.count(Kind.DOKUMENT);
        if (sager > 1 || dokumenter > 50 || data.registrations(caseId.value()).size() > 1) {
            throw new IllegalStateException("the index grew: " + sager + " Sager, " + dokumenter + " Dokumenter, "
                    + data.registrations(caseId.value()).size() + " registrations of the case");
        }
    }

    /** Closes the clients and stops the simulator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        klassifikation.close();
        sim.close();
    }

    /** The whole case (1 Sag, 50 Dokumenter, 5 years) imported through the SDK. */
    @Benchmark
    public void sdk() {
        index.importCase(history);
    }

    /** The smallest signed round trip on the same path: find a case the index does not hold. */
    @Benchmark
    public Optional<IndexedCase> baseline() {
        return index.find(absent);
    }
}
