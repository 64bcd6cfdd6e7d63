package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Deduplication} contract plus what a database store adds (the shared transaction, restarts, purging,
 * connection hygiene), run by one subclass per database and dialect. Each test gets tables of its own.
 */
abstract class JdbcDeduplicationContractTest extends DeduplicationContractTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final Deduplication.Work NOTHING = tx -> { };

    private final String table = "dedupe_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
    private final String effects = table + "_effect";
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

    /** A new DataSource on the test database (every call reaches the same data). */
    abstract DataSource dataSource() throws Exception;

    /** The dialect to force, or null to detect it. */
    abstract JdbcDeduplication.Dialect forcedDialect();

    /** The dialect the store should end up using. */
    abstract JdbcDeduplication.Dialect expectedDialect();

    /** A DataSource on the same data after the database was closed and reopened (a restart). */
    DataSource afterRestart() throws Exception {
        return dataSource();
    }

    JdbcDeduplication store(DataSource dataSource) {
        JdbcDeduplication.Builder builder = JdbcDeduplication.builder(dataSource).table(table).clock(clock);
        if (forcedDialect() != null) {
            builder.dialect(forcedDialect());
        }
        return builder.build();
    }

    @Override
    Deduplication newStore() throws Exception {
        JdbcDeduplication store = store(dataSource());
        assertTrue(store.createTableIfMissing());
        sql("CREATE TABLE " + effects + " (message_id VARCHAR(255) NOT NULL)");
        return store;
    }

    @Override
    Deduplication sameStateElsewhere(Deduplication store) throws Exception {
        return store(dataSource());
    }

    @AfterEach
    void dropTables() throws Exception {
        if (store() == null) {
            return; // skipped before it started
        }
        sql("DROP TABLE IF EXISTS " + effects);
        sql("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void usesTheExpectedDialectAndCreatesTheTableOnce() throws Exception {
        JdbcDeduplication store = (JdbcDeduplication) store();
        assertEquals(expectedDialect(), store.dialect());
        assertEquals(table, store.table());
        assertFalse(store.createTableIfMissing(), "the table exists already");
    }

    @Test
    void theWorksWritesCommitWithTheId() throws Exception {
        assertTrue(store().runOnce("a", tx -> writeEffect(tx.orElseThrow(), "a")));
        assertEquals(1, count(table, "a"));
        assertEquals(1, count(effects, "a"));
    }

    @Test
    void whenTheWorkThrowsNeitherTheIdNorItsWritesPersist() throws Exception {
        assertThrows(IllegalStateException.class, () -> store().runOnce("a", tx -> {
            writeEffect(tx.orElseThrow(), "a");
            throw new IllegalStateException("handler failed after writing");
        }));
        assertEquals(0, count(table, "a"));
        assertEquals(0, count(effects, "a"));
        assertTrue(store().runOnce("a", tx -> writeEffect(tx.orElseThrow(), "a")));
        assertEquals(1, count(effects, "a"));
    }

    @Test
    void aRestartedInstanceRemembersHandledIds() throws Exception {
        assertTrue(store().runOnce("a", NOTHING));
        AtomicInteger runs = new AtomicInteger();
        JdbcDeduplication restarted = store(afterRestart());
        assertFalse(restarted.runOnce("a", tx -> runs.incrementAndGet()));
        assertTrue(restarted.runOnce("b", tx -> runs.incrementAndGet()));
        assertEquals(1, runs.get());
    }

    @Test
    void purgeForgetsIdsHandledBeforeTheCutoff() throws Exception {
        JdbcDeduplication store = (JdbcDeduplication) store();
        assertTrue(store.runOnce("old", NOTHING));
        clock.advance(Duration.ofDays(2));
        assertTrue(store.runOnce("new", NOTHING));
        clock.advance(Duration.ofHours(1));
        assertEquals(1, store.purgeOlderThan(Duration.ofDays(1)));
        assertEquals(0, store.purgeOlderThan(Duration.ofDays(1)));
        assertTrue(store.runOnce("old", NOTHING), "a purged id is handled again");
        assertFalse(store.runOnce("new", NOTHING));
    }

    @Test
    void closesEveryConnectionAndRestoresItsAutoCommit() throws Exception {
        List<String> closed = new CopyOnWriteArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        DataSource real = dataSource();
        DataSource tracking = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (ds, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (!(result instanceof Connection)) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    boolean autoCommitWhenOpened = connection.getAutoCommit();
                    opened.incrementAndGet();
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (c, m, a) -> {
                                if (m.getName().equals("close")) {
                                    closed.add(connection.getAutoCommit() == autoCommitWhenOpened ? "restored"
                                            : "autoCommit changed");
                                }
                                return invoke(m, connection, a);
                            });
                });
        JdbcDeduplication store = store(tracking);
        store.dialect();
        assertTrue(store.runOnce("a", NOTHING));
        assertFalse(store.runOnce("a", NOTHING));
        assertThrows(IllegalStateException.class, () -> store.runOnce("b", tx -> {
            throw new IllegalStateException("handler failed");
        }));
        store.purgeOlderThan(Duration.ofDays(1));
        assertFalse(store.createTableIfMissing());
        assertTrue(opened.get() >= 5, "opened " + opened.get());
        assertEquals(opened.get(), closed.size(), "every connection closed");
        assertTrue(closed.stream().allMatch("restored"::equals), closed::toString);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void writeEffect(Connection transaction, String id) throws SQLException {
        try (PreparedStatement insert = transaction.prepareStatement("INSERT INTO " + effects + " VALUES (?)")) {
            insert.setString(1, id);
            assertEquals(1, insert.executeUpdate());
        }
    }

    int count(String inTable, String id) throws Exception {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM " + inTable + " WHERE message_id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getInt(1);
            }
        }
    }

    void sql(String statement) throws Exception {
        try (Connection connection = dataSource().getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
