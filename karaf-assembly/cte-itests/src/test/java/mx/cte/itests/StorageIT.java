package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The database as the distribution boots it: the embedded H2 from etc/org.ops4j.datasource-cte.cfg, published as the
 * Database service, with Liquibase migrations working inside OSGi for a module's own changelog.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StorageIT {

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    @Inject
    private Database database;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @Test
    public void embeddedDatabaseMigratesAModuleSchemaOnceAndStoresRows() {
        assertEquals(DatabaseKind.H2, database.kind());
        database.migrate("itest_notes", getClass().getClassLoader(), "storage/changelog.xml");
        database.migrate("itest_notes", getClass().getClassLoader(), "storage/changelog.xml");
        int rows = database.inTransaction(connection -> {
            connection.createStatement().executeUpdate("INSERT INTO note (body) VALUES ('guardada en H2')");
            try (ResultSet count = connection.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM itest_notes_schema_history")) {
                count.next();
                return count.getInt(1);
            }
        });
        assertEquals("the changeset ran once", 1, rows);
    }

    /**
     * The upkeep bundle (mx.cte.storage.h2) reaches H2's store from inside OSGi and rewrites the chunks that durable
     * commits leave behind: without it, some 95 % of the chunks' space stays dead (H2StoreUpkeepTest, the same
     * writes). H2 keeps a dead chunk 45 s before it can go; the test lowers that to 0 for itself.
     */
    @Test
    public void theEmbeddedFileIsCompactedWhileThePlatformRuns() throws Exception {
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE itest_upkeep(id INT PRIMARY KEY, school VARCHAR(10) NOT NULL,"
                        + " version INT NOT NULL, body VARCHAR(200) NOT NULL)");
                statement.execute("CREATE INDEX itest_upkeep_school ON itest_upkeep(school)");
                statement.execute("CREATE TABLE itest_upkeep_log(id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " at TIMESTAMP NOT NULL, what VARCHAR(200) NOT NULL)");
                statement.execute("CREATE INDEX itest_upkeep_log_at ON itest_upkeep_log(at)");
                statement.execute("INSERT INTO itest_upkeep SELECT X, 'ESC' || MOD(X, 2000), 0,"
                        + " 'Acuerdo ' || X || ' del Consejo Técnico Escolar' FROM SYSTEM_RANGE(1, 20000)");
                statement.execute("SET RETENTION_TIME 0");
            }
            return null;
        });
        int edits = 2000;
        try {
            for (int i = 0; i < edits; i++) {
                int id = 1 + (int) ((i * 7919L) % 20000);
                database.inTransaction(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("UPDATE itest_upkeep SET version = version + 1 WHERE id = " + id);
                        return statement.executeUpdate("INSERT INTO itest_upkeep_log(at, what)"
                                + " VALUES (CURRENT_TIMESTAMP, 'acuerdo " + id + " editado')");
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long live = h2Info("info.CHUNKS_FILL_RATE");
            while (live < 50 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                live = h2Info("info.CHUNKS_FILL_RATE");
            }
            assertTrue("live share of the chunks' space " + live + " %, " + h2Info("info.CHUNK_COUNT")
                    + " chunks, 30 s after " + edits + " commits", live >= 50);
            int versions = database.inTransaction(connection -> {
                try (ResultSet sum = connection.createStatement().executeQuery(
                        "SELECT SUM(version) FROM itest_upkeep")) {
                    sum.next();
                    return sum.getInt(1);
                }
            });
            assertEquals("every edit kept", edits, versions);
        } finally {
            database.inTransaction(connection -> connection.createStatement().execute("SET RETENTION_TIME 45000"));
            database.inTransaction(connection -> connection.createStatement().execute(
                    "DROP TABLE itest_upkeep, itest_upkeep_log"));
        }
    }

    private long h2Info(String name) {
        return database.inTransaction(connection -> {
            try (ResultSet value = connection.createStatement().executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
                value.next();
                return Long.parseLong(value.getString(1));
            }
        });
    }
}
