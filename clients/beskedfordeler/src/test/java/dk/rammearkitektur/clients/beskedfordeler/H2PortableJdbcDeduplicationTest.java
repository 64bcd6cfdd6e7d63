package dk.rammearkitektur.clients.beskedfordeler;

import javax.sql.DataSource;

/** The JDBC store's portable dialect (plain insert under a savepoint) on in-memory H2. */
class H2PortableJdbcDeduplicationTest extends JdbcDeduplicationContractTest {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2Memory("dedupe-portable");
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
