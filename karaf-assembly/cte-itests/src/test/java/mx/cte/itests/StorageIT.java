package mx.cte.itests;

import static org.junit.Assert.assertEquals;

import java.sql.ResultSet;
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
}
