package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.clients.common.testkeys.CiServices;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** DataSources on the databases the JDBC store is tested against. */
final class TestDatabases {
    /** H2 waits this long for a row lock (its default, 2 s, is shorter than the tests' waits). */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=30000";

    private TestDatabases() {
    }

    /** An in-memory H2 database in PostgreSQL mode, kept until the JVM ends. */
    static DataSource h2Memory(String name) {
        return h2("jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1");
    }

    /** An H2 database in PostgreSQL mode in {@code dir}, closed when its last connection closes. */
    static DataSource h2File(Path dir) {
        return h2("jdbc:h2:file:" + dir.resolve("dedupe").toAbsolutePath() + H2_OPTIONS);
    }

    /** H2 at {@code url} as given. */
    static DataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** The PostgreSQL of {@code RAMMEARKITEKTUR_PG_URL}, or the test is skipped. */
    static DataSource postgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(CiServices.postgresUrl());
        return dataSource;
    }
}
