package dk.rammearkitektur.clients.beskedfordeler;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link Deduplication} store in a database table, shared by every instance of a fagsystem that uses the same
 * database, and kept across restarts.
 *
 * <p>{@link #runOnce} opens one connection, turns auto-commit off and inserts the id; when the insert claims it, the
 * work runs with that connection, so whatever the work writes through it commits together with the id, or rolls back
 * with it when the work throws. A caller (in this or another instance) inserting an id whose insert is not yet
 * committed waits in the database until it is committed (then it returns false) or rolled back (then it runs the
 * work). While it waits, it holds a connection; the database's lock timeout (PostgreSQL: none by default; H2: 2
 * seconds by default, {@code LOCK_TIMEOUT} in the URL) limits the wait and ends it with a
 * {@link DeduplicationStoreException}. The work must not commit, roll back, close the connection or change its
 * auto-commit. Connections are always closed, with their original auto-commit restored.
 *
 * <p>The table (default {@value #DEFAULT_TABLE}) is {@link #createTableStatement()}:
 * <pre>{@code
 * CREATE TABLE rammearkitektur_handled_message (
 *     message_id VARCHAR(255) PRIMARY KEY,
 *     handled_at TIMESTAMP WITH TIME ZONE NOT NULL)
 * }</pre>
 * Create it with {@link #createTableIfMissing()} or by a migration of your own, and bound it with
 * {@link #purgeOlderThan(Duration)} (an id purged and then redelivered is handled again).
 *
 * <pre>{@code
 * JdbcDeduplication dedupe = JdbcDeduplication.builder(dataSource).build();
 * dedupe.createTableIfMissing();
 * dedupe.runOnce(beskedId, transaction -> saveEvent(transaction.orElseThrow(), besked));
 * }</pre>
 */
public final class JdbcDeduplication implements Deduplication {
    /** The table name unless {@link Builder#table(String)} says otherwise. */
    public static final String DEFAULT_TABLE = "rammearkitektur_handled_message";
    /** The longest message id the table holds. */
    public static final int MAX_ID_LENGTH = 255;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /** How the id is inserted "if absent". */
    public enum Dialect {
        /**
         * {@code INSERT ... ON CONFLICT DO NOTHING} (no conflict target), update count 1 = claimed, 0 = already
         * there: PostgreSQL, and H2 in {@code MODE=PostgreSQL}.
         */
        ON_CONFLICT_DO_NOTHING,
        /**
         * A plain {@code INSERT} under a savepoint; an integrity violation (SQLState class 23) means already there,
         * and rolls back to the savepoint. Works on any database with savepoints, at the cost of an exception per
         * duplicate.
         */
        PORTABLE
    }

    private final DataSource dataSource;
    private final String table;
    private final Clock clock;
    private volatile Dialect dialect;

    private JdbcDeduplication(Builder builder) {
        this.dataSource = builder.dataSource;
        this.table = builder.table;
        this.clock = builder.clock;
        this.dialect = builder.dialect;
    }

    /** Starts a store on {@code dataSource}: the default table, the dialect detected from the database. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The table this store uses. */
    public String table() {
        return table;
    }

    /**
     * The dialect in use: the one {@linkplain Builder#dialect(Dialect) chosen}, or else the one detected from the
     * database ({@link Dialect#ON_CONFLICT_DO_NOTHING} for PostgreSQL and for H2 in PostgreSQL mode,
     * {@link Dialect#PORTABLE} for anything else). Detecting opens a connection the first time.
     *
     * @throws DeduplicationStoreException when the database cannot be reached to detect it
     */
    public Dialect dialect() {
        Dialect known = dialect;
        if (known == null) {
            known = withConnection("detect the database dialect", JdbcDeduplication::detect);
            dialect = known;
        }
        return known;
    }

    /** The {@code CREATE TABLE} statement of this store's table (for a migration tool or a DBA). */
    public String createTableStatement() {
        return "CREATE TABLE " + table + " (message_id VARCHAR(" + MAX_ID_LENGTH + ") PRIMARY KEY,"
                + " handled_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    }

    /**
     * Creates the table unless it exists. Safe to call from several instances at once.
     *
     * @return true when this call created it
     * @throws DeduplicationStoreException when the table neither exists nor could be created
     */
    public boolean createTableIfMissing() {
        return withConnection("create table " + table, connection -> {
            if (tableExists(connection)) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(createTableStatement());
                return true;
            } catch (SQLException e) {
                if (tableExists(connection)) {
                    return false; // another instance created it meanwhile
                }
                throw e;
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The work gets the transaction's connection. True is returned only after the commit of the id (and of the
     * work's writes) succeeded.
     *
     * @throws DeduplicationStoreException when the database failed (the id is then not recorded and the work's
     *     writes are rolled back; the work may or may not have run)
     * @throws NullPointerException when {@code messageId} or {@code work} is null
     * @throws IllegalArgumentException when {@code messageId} is blank or longer than {@value #MAX_ID_LENGTH}
     */
    @Override
    public boolean runOnce(String messageId, Work work) throws Exception {
        InMemoryDeduplication.requireId(messageId);
        if (messageId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("messageId is longer than " + MAX_ID_LENGTH + " characters");
        }
        Objects.requireNonNull(work, "work == null");
        Dialect insert = dialect();
        Connection connection = open("claim message " + messageId);
        try {
            boolean autoCommit = sql("read the auto-commit of a connection", connection::getAutoCommit);
            try {
                if (autoCommit) {
                    sql("turn auto-commit off", () -> {
                        connection.setAutoCommit(false);
                        return null;
                    });
                }
                return claimAndRun(connection, insert, messageId, work);
            } finally {
                if (autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        } finally {
            close(connection);
        }
    }

    private boolean claimAndRun(Connection connection, Dialect insert, String messageId, Work work) throws Exception {
        boolean claimed;
        try {
            claimed = insert == Dialect.ON_CONFLICT_DO_NOTHING ? insertOnConflict(connection, messageId)
                    : insertPortable(connection, messageId);
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw failure("claim message " + messageId + " in " + table, e);
        }
        if (!claimed) {
            sql("roll back after message " + messageId + " was found handled", () -> {
                connection.rollback();
                return null;
            });
            return false;
        }
        try {
            work.run(Optional.of(connection));
        } catch (Throwable t) {
            rollbackQuietly(connection, t);
            throw t;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw failure("commit message " + messageId + " in " + table, e);
        }
        return true;
    }

    /**
     * Deletes the ids handled more than {@code age} ago, to bound the table.
     *
     * @return how many were deleted
     * @throws DeduplicationStoreException when the delete failed
     */
    public int purgeOlderThan(Duration age) {
        Objects.requireNonNull(age, "age == null");
        if (age.isNegative()) {
            throw new IllegalArgumentException("age must not be negative, was " + age);
        }
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(age);
        return withConnection("purge " + table, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE handled_at < ?")) {
                delete.setObject(1, cutoff);
                return delete.executeUpdate();
            }
        });
    }

    private boolean insertOnConflict(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (message_id, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, messageId);
            insert.setObject(2, now());
            return insert.executeUpdate() == 1;
        }
    }

    private boolean insertPortable(Connection connection, String messageId) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (message_id, handled_at) VALUES (?, ?)")) {
            insert.setString(1, messageId);
            insert.setObject(2, now());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!isIntegrityViolation(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static boolean isIntegrityViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (next instanceof SQLIntegrityConstraintViolationException || state != null && state.startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private boolean tableExists(Connection connection) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT message_id FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Dialect detect(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return Dialect.ON_CONFLICT_DO_NOTHING;
        }
        if (product.equals("h2")) {
            try (Statement query = connection.createStatement();
                    ResultSet mode = query.executeQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'")) {
                if (mode.next() && "PostgreSQL".equalsIgnoreCase(mode.getString(1))) {
                    return Dialect.ON_CONFLICT_DO_NOTHING;
                }
            } catch (SQLException e) {
                // an H2 without that view: fall back to the portable insert
            }
        }
        return Dialect.PORTABLE;
    }

    /** Runs {@code action} on a connection of its own in auto-commit mode, restoring and closing it after. */
    private <T> T withConnection(String what, SqlFunction<T> action) {
        Connection connection = open(what);
        try {
            boolean autoCommit = sql(what, connection::getAutoCommit);
            try {
                if (!autoCommit) {
                    connection.setAutoCommit(true);
                }
                return action.apply(connection);
            } catch (SQLException e) {
                throw failure(what, e);
            } finally {
                if (!autoCommit) {
                    try {
                        connection.setAutoCommit(false);
                    } catch (SQLException e) {
                        // the connection is closed next; a pool discards or resets it
                    }
                }
            }
        } finally {
            close(connection);
        }
    }

    private Connection open(String what) {
        try {
            return Objects.requireNonNull(dataSource.getConnection(), "DataSource.getConnection() returned null");
        } catch (SQLException e) {
            throw failure("open a connection to " + what, e);
        }
    }

    private <T> T sql(String what, SqlAction<T> action) {
        try {
            return action.get();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private DeduplicationStoreException failure(String what, SQLException e) {
        return new DeduplicationStoreException("Could not " + what + " (table " + table + ", SQLState "
                + e.getSQLState() + ")", e);
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is closed next; a pool discards or resets it
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }

    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlAction<T> {
        T get() throws SQLException;
    }

    /** Chooses the table, the dialect and the clock of a {@link JdbcDeduplication}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String table = DEFAULT_TABLE;
        private Dialect dialect;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
        }

        /**
         * The table, optionally schema-qualified ({@code schema.table}); each part a plain SQL identifier of at
         * most 63 letters, digits and underscores, not starting with a digit. It goes into SQL unquoted.
         *
         * @throws IllegalArgumentException when it is not such an identifier
         */
        public Builder table(String table) {
            Objects.requireNonNull(table, "table == null");
            if (!IDENTIFIER.matcher(table).matches()) {
                throw new IllegalArgumentException("table must be a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*,"
                        + " at most 63 characters, optionally schema.table), was '" + table + "'");
            }
            this.table = table;
            return this;
        }

        /** The insert to use, instead of detecting it from the database. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect == null");
            return this;
        }

        /** The clock that dates handled ids, for {@link #purgeOlderThan(Duration)} (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Builds the store; nothing is opened until it is used. */
        public JdbcDeduplication build() {
            return new JdbcDeduplication(this);
        }
    }
}
