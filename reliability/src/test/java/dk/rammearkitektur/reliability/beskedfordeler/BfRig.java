package dk.rammearkitektur.reliability.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the Beskedfordeler reliability tests share: a client against the simulators, event envelopes, the databases
 * (H2 in a file in PostgreSQL mode always, the CI PostgreSQL when {@code RAMMEARKITEKTUR_PG_URL} is set), the table a
 * handler writes one row per handled event to, and bounded waits.
 */
final class BfRig {
    static final String TYPE = "5d2e0a9c-1b7f-4c3e-8a6d-0f1e2d3c4b5a";
    private static final String PG_URL = "RAMMEARKITEKTUR_PG_URL";

    private BfRig() {
    }

    /** A client of the simulator's broker, with the STS simulator's system identity. */
    static BeskedfordelerClient client(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        return BeskedfordelerClient.builder()
                .environment(BeskedfordelerEnvironment.custom(bf.host(), bf.port(), sts.baseUri(), sts.baseUri()))
                .systemCertificate(sts.systemIdentity().pkcs12("pw".toCharArray()), "pw".toCharArray())
                .trustAnchors(List.of(bf.tlsTrustAnchor(), sts.tlsTrustAnchor()))
                .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr()).build();
    }

    /** A minimal Haendelsesbesked with this BeskedId. */
    static byte[] envelope(String beskedId) {
        return ("<Haendelsesbesked xmlns=\"urn:oio:besked:kuvert:1.0\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">"
                + "<BeskedId><sd:UUIDIdentifikator>" + beskedId + "</sd:UUIDIdentifikator></BeskedId>"
                + "<BeskedVersion>1.0</BeskedVersion><Beskedkuvert><Filtreringsdata><Beskedtype><sd:UUIDIdentifikator>"
                + TYPE + "</sd:UUIDIdentifikator></Beskedtype></Filtreringsdata><Leveranceinformation/>"
                + "</Beskedkuvert></Haendelsesbesked>").getBytes(StandardCharsets.UTF_8);
    }

    /** Puts {@code n} new events on the dueslag; returns their ids in order. */
    static List<String> deliver(BeskedfordelerSimulator bf, UUID dueslag, int n) {
        List<String> ids = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            bf.deliver(dueslag, id, envelope(id));
            ids.add(id);
        }
        return ids;
    }

    /** The database named {@code h2} (a file under {@code dir}) or {@code postgresql} (skipped when not set up). */
    static DataSource database(String which, Path dir) {
        if (which.equals("postgresql")) {
            String url = System.getenv(PG_URL);
            assumeTrue(url != null && !url.isBlank(),
                    PG_URL + " is not set: run `.ci/services.sh start` and source the services.env it prints");
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            return pg;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("bf").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=30000");
        return h2;
    }

    /** Creates the table (no unique key, so a second row for an event shows) that handlers write handled events to. */
    static void createRowTable(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (message_id varchar(255) not null)");
        }
    }

    /** Drops a table made by a test (tables on the shared PostgreSQL would otherwise pile up). */
    static void drop(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + table);
        }
    }

    /**
     * The handler's write: one row for the event, through the store's transaction when it has one, else on a
     * connection of its own (committed at once).
     */
    static void writeRow(DataSource db, String table, ReceivedEvent event) throws SQLException {
        Optional<Connection> tx = event.transaction();
        if (tx.isPresent()) {
            insert(tx.get(), table, event.message().messageId());
        } else {
            try (Connection c = db.getConnection()) {
                insert(c, table, event.message().messageId());
            }
        }
    }

    private static void insert(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into " + table + " (message_id) values (?)")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    /** How many rows each event has. */
    static Map<String, Integer> rows(DataSource db, String table) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select message_id, count(*) from " + table + " group by message_id")) {
            while (r.next()) {
                rows.put(r.getString(1), r.getInt(2));
            }
        }
        return rows;
    }

    /** Waits for {@code condition}, failing after {@code timeout}. */
    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out after " + timeout + " waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** {@code condition}, with an SQL failure as an assertion failure. */
    static BooleanSupplier sql(SqlCondition condition) {
        return () -> {
            try {
                return condition.test();
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        };
    }

    /** A condition that reads the database. */
    @FunctionalInterface
    interface SqlCondition {
        /** Tests it. */
        boolean test() throws SQLException;
    }
}
