package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDBC store's checks, dialect detection and failure reporting, on H2. */
class JdbcDeduplicationTest {
    private static final Deduplication.Work NOTHING = tx -> { };

    @ParameterizedTest
    @ValueSource(strings = {"handled", "_t1", "myschema.handled_message", "A23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsPlainIdentifiers(String table) {
        assertEquals(table, JdbcDeduplication.builder(TestDatabases.h2Memory("unused")).table(table).build().table());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1table", "handled message", "t;DROP TABLE x", "\"quoted\"", "a.b.c", "t-1", "æble",
        "A234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsAnythingElseAsTableName(String table) {
        JdbcDeduplication.Builder builder = JdbcDeduplication.builder(TestDatabases.h2Memory("unused"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.table(table));
        assertTrue(e.getMessage().contains("plain SQL identifier"), e.getMessage());
    }

    @Test
    void defaultsToItsTable() {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2Memory("unused")).build();
        assertEquals("rammearkitektur_handled_message", store.table());
        assertEquals("CREATE TABLE rammearkitektur_handled_message (message_id VARCHAR(255) PRIMARY KEY,"
                + " handled_at TIMESTAMP WITH TIME ZONE NOT NULL)", store.createTableStatement());
    }

    @Test
    void checksTheMessageId() {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2Memory("unused"))
                .dialect(JdbcDeduplication.Dialect.PORTABLE).build();
        assertThrows(NullPointerException.class, () -> store.runOnce(null, NOTHING));
        assertThrows(IllegalArgumentException.class, () -> store.runOnce("", NOTHING));
        assertThrows(IllegalArgumentException.class, () -> store.runOnce("x".repeat(256), NOTHING));
        assertThrows(NullPointerException.class, () -> store.runOnce("a", null));
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:h2:mem:detect1;MODE=PostgreSQL;DB_CLOSE_DELAY=-1, ON_CONFLICT_DO_NOTHING",
        "jdbc:h2:mem:detect2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1, ON_CONFLICT_DO_NOTHING",
        "jdbc:h2:mem:detect3;DB_CLOSE_DELAY=-1, PORTABLE",
        "jdbc:h2:mem:detect4;MODE=MySQL;DB_CLOSE_DELAY=-1, PORTABLE"})
    void detectsTheDialectFromTheDatabase(String url, JdbcDeduplication.Dialect expected) throws Exception {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2(url)).build();
        assertEquals(expected, store.dialect());
        assertTrue(store.createTableIfMissing());
        assertTrue(store.runOnce("m1", NOTHING));
        assertFalse(store.runOnce("m1", NOTHING));
    }

    @Test
    void detectsThePortableDialectOnH2OutsidePostgresModeAndWorks() throws Exception {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2("jdbc:h2:mem:regular;DB_CLOSE_DELAY=-1"))
                .build();
        assertEquals(JdbcDeduplication.Dialect.PORTABLE, store.dialect());
        assertTrue(store.createTableIfMissing());
        String id = "0b6f8d5e-3c1a-4e7b-9f2d-5a4c3b2a1f00";
        assertTrue(store.runOnce(id, NOTHING));
        assertFalse(store.runOnce(id, NOTHING));
    }

    @Test
    void aMissingTableIsAStoreFailureNamingTheTableAndTheWorkDoesNotRun() {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2Memory("no-table")).table("missing").build();
        AtomicInteger runs = new AtomicInteger();
        DeduplicationStoreException e = assertThrows(DeduplicationStoreException.class,
                () -> store.runOnce("m1", tx -> runs.incrementAndGet()));
        assertTrue(e.getMessage().startsWith("Could not claim message m1 in missing (table missing, SQLState 42"),
                e.getMessage());
        assertTrue(e.getCause() instanceof SQLException);
        assertEquals(0, runs.get());
        assertThrows(DeduplicationStoreException.class, () -> store.purgeOlderThan(Duration.ofDays(1)));
    }

    @Test
    void anUnreachableDatabaseIsAStoreFailure() {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2("jdbc:h2:mem:x;IFEXISTS=TRUE"))
                .dialect(JdbcDeduplication.Dialect.ON_CONFLICT_DO_NOTHING).build();
        DeduplicationStoreException e = assertThrows(DeduplicationStoreException.class,
                () -> store.runOnce("m1", NOTHING));
        assertTrue(e.getMessage().startsWith("Could not open a connection to claim message m1"), e.getMessage());
        assertThrows(DeduplicationStoreException.class, store::createTableIfMissing);
        assertThrows(DeduplicationStoreException.class, JdbcDeduplication.builder(
                TestDatabases.h2("jdbc:h2:mem:x;IFEXISTS=TRUE")).build()::dialect);
    }

    @Test
    void theWorksOwnSqlExceptionReachesTheCallerUnwrapped() throws Exception {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2Memory("own-failure")).build();
        store.createTableIfMissing();
        SQLException own = new SQLException("the handler's own write failed", "23505");
        assertSame(own, assertThrows(SQLException.class, () -> store.runOnce("m1", tx -> {
            throw own;
        })));
        assertTrue(store.runOnce("m1", NOTHING), "the failed attempt left no trace");
    }

    @Test
    void integrityViolationsAreSqlStateClass23() {
        assertTrue(JdbcDeduplication.isIntegrityViolation(new SQLException("dup", "23505")));
        assertTrue(JdbcDeduplication.isIntegrityViolation(new SQLException("dup", "23000")));
        assertTrue(JdbcDeduplication.isIntegrityViolation(new java.sql.SQLIntegrityConstraintViolationException("dup")));
        SQLException chained = new SQLException("batch", "HY000");
        chained.setNextException(new SQLException("dup", "23505"));
        assertTrue(JdbcDeduplication.isIntegrityViolation(chained));
        assertFalse(JdbcDeduplication.isIntegrityViolation(new SQLException("syntax", "42000")));
        assertFalse(JdbcDeduplication.isIntegrityViolation(new SQLException("no state")));
    }
}
