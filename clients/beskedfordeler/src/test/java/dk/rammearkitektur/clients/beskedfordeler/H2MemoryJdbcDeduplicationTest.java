package dk.rammearkitektur.clients.beskedfordeler;

import javax.sql.DataSource;

/** The JDBC store on in-memory H2 in PostgreSQL mode, with the detected dialect ({@code ON CONFLICT DO NOTHING}). */
class H2MemoryJdbcDeduplicationTest extends JdbcDeduplicationContractTest {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2Memory("dedupe");
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
