package dk.rammearkitektur.reliability.beskedfordeler;

import static dk.rammearkitektur.reliability.beskedfordeler.BfRig.await;
import static dk.rammearkitektur.reliability.beskedfordeler.BfRig.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.Deduplication;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.InMemoryDeduplication;
import dk.rammearkitektur.clients.beskedfordeler.JdbcDeduplication;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulatorExtension;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A consumer killed at the worst moments, and consumers racing, on a {@link JdbcDeduplication} whose handler writes
 * one row per event in the store's transaction. The kill is the broker closing the consumer's connection (as when
 * the process dies: its unacknowledged deliveries go back to the dueslag), made from a store wrapper at the exact
 * point: right after the store committed the id and the handler's row but before the loop acknowledges, and inside
 * the transaction before it commits (the work then fails, as a dying process's transaction is rolled back). The
 * killed client stays down (a long reconnect backoff) until it is closed, and a new client on the same database
 * takes over. Afterwards every event has exactly one row: nothing lost, nothing handled twice. A store that forgets
 * over a restart ({@link InMemoryDeduplication}) is caught by the same check.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class KillBeforeAcknowledgeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int EVENTS = 60;
    /** Kills after the commit (indexes into the events), then kills before it. */
    private static final int[] AFTER_COMMIT = {5, 25, 45};
    private static final int[] BEFORE_COMMIT = {15, 35};

    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final UUID dueslag;
    private final List<BeskedfordelerClient> clients = new ArrayList<>();
    private DataSource db;
    private final List<String> tables = new ArrayList<>();

    KillBeforeAcknowledgeTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        this.bf = bf;
        this.sts = sts;
        this.dueslag = bf.createDueslag();
    }

    @AfterEach
    void tearDown() throws Exception {
        clients.forEach(BeskedfordelerClient::close);
        bf.faults().clear();
        for (String t : tables) {
            BfRig.drop(db, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void killedBeforeTheAcknowledgementNothingIsLostAndNothingHandledTwice(String database, @TempDir Path dir)
            throws Exception {
        db = BfRig.database(database, dir);
        JdbcDeduplication store = JdbcDeduplication.builder(db).table(table("dedupe")).build();
        store.createTableIfMissing();
        Run run = killAndRestart(() -> store, table("rows"));

        assertEachOnce(run);
        assertEquals(AFTER_COMMIT.length + BEFORE_COMMIT.length, run.kills, "every kill happened");
        assertTrue(run.duplicates >= AFTER_COMMIT.length, "each event killed after its commit came again and was "
                + "recognised (so the kill did beat the acknowledgement): " + run.duplicates + " duplicates");
        assertTrue(run.rounds >= AFTER_COMMIT.length + BEFORE_COMMIT.length + 1, "a new client after each kill");
    }

    /** The control: the same kills with a store that forgets on restart leave events handled twice. */
    @Test
    void aStoreThatForgetsOnRestartIsCaught(@TempDir Path dir) throws Exception {
        db = BfRig.database("h2", dir);
        Run run = killAndRestart(InMemoryDeduplication::create, table("rows"));
        long twice = run.rows.values().stream().filter(n -> n > 1).count();
        assertTrue(twice >= AFTER_COMMIT.length, "events handled twice after a restart: " + twice + " " + run.rows);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void twoConsumersRacingHandleEachEventOnce(String database, @TempDir Path dir) throws Exception {
        db = BfRig.database(database, dir);
        String dedupe = table("dedupe");
        String rows = table("rows");
        createRowTable(rows);
        JdbcDeduplication.builder(db).table(dedupe).build().createTableIfMissing();
        List<EventSubscription> subs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // each instance has its own client and its own store object on the shared table
            JdbcDeduplication store = JdbcDeduplication.builder(db).table(dedupe).build();
            EventSubscription s = newClient().subscription(dueslag).deduplication(store).prefetch(5).concurrency(2)
                    .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                    .handler(e -> BfRig.writeRow(db, rows, e)).start();
            assertTrue(s.awaitConsuming(WAIT), "consuming: " + s.lastFailure());
            subs.add(s);
        }
        int n = 300;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            if (i % 10 == 0) {
                bf.faults().deliverTwice(dueslag, id, BfRig.envelope(id));
            } else {
                bf.deliver(dueslag, id, BfRig.envelope(id));
            }
            ids.add(id);
            if (i == n / 3 || i == 2 * n / 3) {
                bf.faults().dropConnections();
            }
        }
        await(sql(() -> BfRig.rows(db, rows).size() == n), WAIT, n + " events with rows");
        await(() -> bf.depth(dueslag) == 0, WAIT, "an empty dueslag");
        Map<String, Integer> got = BfRig.rows(db, rows);
        assertEquals(new HashSet<>(ids), got.keySet());
        assertEquals(Set.of(1), new HashSet<>(got.values()), "each event once: " + got);
        long handled = subs.stream().mapToLong(s -> s.counts().handled()).sum();
        assertEquals(n, handled, "handled counts");
        for (EventSubscription s : subs) {
            assertTrue(s.counts().handled() + s.counts().duplicates() > 0, "both consumers took part: " + s.counts());
        }
    }

    private String table(String what) {
        String t = what + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        tables.add(t);
        return t;
    }

    private void createRowTable(String table) throws java.sql.SQLException {
        BfRig.createRowTable(db, table);
    }

    private BeskedfordelerClient newClient() {
        BeskedfordelerClient c = BfRig.client(bf, sts);
        clients.add(c);
        return c;
    }

    /**
     * Delivers the events and runs clients one after the other: each is killed at the next kill point (or runs until
     * every event has a row and the dueslag is empty), then closed, and a new one starts on the same store.
     */
    private Run killAndRestart(Supplier<Deduplication> stores, String rowTable) throws Exception {
        createRowTable(rowTable);
        List<String> ids = BfRig.deliver(bf, dueslag, EVENTS);
        Map<String, Boolean> kills = new ConcurrentHashMap<>(); // id -> after the commit?
        for (int i : AFTER_COMMIT) {
            kills.put(ids.get(i), true);
        }
        for (int i : BEFORE_COMMIT) {
            kills.put(ids.get(i), false);
        }
        Run run = new Run(ids);
        int maxRounds = kills.size() + 3;
        while (!done(run, rowTable) && run.rounds < maxRounds) {
            run.rounds++;
            CountDownLatch killed = new CountDownLatch(1);
            Deduplication store = new Killing(stores.get(), kills, () -> {
                bf.faults().dropConnections();
                killed.countDown();
            });
            BeskedfordelerClient client = newClient();
            EventSubscription s = client.subscription(dueslag).deduplication(store).prefetch(10)
                    .maxAttempts(100).retryDelay(Duration.ZERO)
                    // the killed consumer stays down until it is closed and replaced
                    .reconnectBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10))
                    .handler(e -> BfRig.writeRow(db, rowTable, e)).start();
            long end = System.nanoTime() + WAIT.toNanos();
            while (!killed.await(20, TimeUnit.MILLISECONDS) && !done(run, rowTable)) {
                assertTrue(System.nanoTime() < end, "round " + run.rounds + " neither killed nor done: " + s.counts());
            }
            run.kills += killed.getCount() == 0 ? 1 : 0;
            client.close();
            assertEquals(EventSubscription.State.CLOSED, s.state());
            run.duplicates += s.counts().duplicates();
        }
        run.rows = BfRig.rows(db, rowTable);
        return run;
    }

    private boolean done(Run run, String rowTable) throws Exception {
        return bf.depth(dueslag) == 0 && BfRig.rows(db, rowTable).keySet().containsAll(run.ids);
    }

    private void assertEachOnce(Run run) {
        assertEquals(new HashSet<>(run.ids), run.rows.keySet(), "every event has a row, and no other");
        assertEquals(Set.of(1), new HashSet<>(run.rows.values()), "each event exactly once: " + run.rows);
        assertEquals(0, bf.depth(dueslag), "nothing left on the dueslag");
        assertTrue(bf.fejlkoe(dueslag).isEmpty(), "nothing in the fejlkø");
    }

    private static final class Run {
        final List<String> ids;
        int rounds;
        int kills;
        long duplicates;
        Map<String, Integer> rows;

        Run(List<String> ids) {
            this.ids = ids;
        }
    }

    /** The process dying: thrown out of the work after the kill, so the store rolls back as a dead process's would. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed before the commit");
        }
    }

    /**
     * Wraps a store and kills the consumer (once per chosen event) right after the store committed, or inside the
     * store's transaction before the commit.
     */
    private record Killing(Deduplication store, Map<String, Boolean> kills, Runnable kill) implements Deduplication {
        @Override
        public boolean runOnce(String messageId, Work work) throws Exception {
            Boolean afterCommit = kills.get(messageId);
            if (Boolean.FALSE.equals(afterCommit) && kills.remove(messageId) != null) {
                return store.runOnce(messageId, tx -> {
                    work.run(tx);
                    kill.run();
                    throw new Killed();
                });
            }
            boolean ran = store.runOnce(messageId, work);
            if (ran && Boolean.TRUE.equals(afterCommit) && kills.remove(messageId) != null) {
                kill.run();
            }
            return ran;
        }
    }
}
