package dk.rammearkitektur.clients.beskedfordeler;

import javax.sql.DataSource;

/** The JDBC store's portable dialect on a real PostgreSQL, where a duplicate aborts the transaction (savepoint). */
class PostgresPortableJdbcDeduplicationTest extends JdbcDeduplicationContractTest {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }

    @Override
    JdbcDeduplication.Dialect forcedDialect() {
        return JdbcDeduplication.Dialect.PORTABLE;
    }

    @Override
    JdbcDeduplication.Dialect expectedDialect() {
        return JdbcDeduplication.Dialect.PORTABLE;
    }
}
