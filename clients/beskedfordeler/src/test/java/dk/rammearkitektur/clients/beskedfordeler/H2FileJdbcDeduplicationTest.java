package dk.rammearkitektur.clients.beskedfordeler;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC store on an H2 file database in a temporary folder: the database closes when the store's last connection
 * closes, so {@link #afterRestart()} really reopens it from disk.
 */
class H2FileJdbcDeduplicationTest extends JdbcDeduplicationContractTest {
    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        return TestDatabases.h2File(dir);
    }

    @Override
    DataSource afterRestart() throws Exception {
        sql("SHUTDOWN"); // closes the database (it would close anyway: no connection is left open)
        return dataSource();
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
