package dk.rammearkitektur.clients.beskedfordeler;

import javax.sql.DataSource;

/**
 * The JDBC store on a real PostgreSQL ({@code RAMMEARKITEKTUR_PG_URL}, set by {@code .ci/services.sh}); skipped
 * when unset.
 */
class PostgresJdbcDeduplicationTest extends JdbcDeduplicationContractTest {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }

    @Override
    JdbcDeduplication.Dialect forcedDialect() {
        return null;
    }

    @Override
    JdbcDeduplication.Dialect expectedDialect() {
        return JdbcDeduplication.Dialect.ON_CONFLICT_DO_NOTHING;
    }
}
