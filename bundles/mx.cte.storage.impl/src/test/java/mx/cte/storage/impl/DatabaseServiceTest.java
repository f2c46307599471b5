package mx.cte.storage.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.SchemaMigrationException;
import mx.cte.storage.api.StorageException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The storage layer on both engines: migrations per module, transactions, and the errors modules rely on. */
@RunWith(Parameterized.class)
public class DatabaseServiceTest {

    private static final String V1 = "mx/cte/storage/impl/test/changelog-v1.xml";
    private static final String V2 = "mx/cte/storage/impl/test/changelog-v2.xml";
    private static final String BROKEN = "mx/cte/storage/impl/test/changelog-broken.xml";

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final DatabaseKind kind;
    private final Database database;

    public DatabaseServiceTest(DatabaseKind kind) {
        this.kind = kind;
        this.database = TestDatabases.fresh(kind);
    }

    private ClassLoader loader() {
        return getClass().getClassLoader();
    }

    private int count(String sql) {
        return database.inTransaction(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private void insert(String body) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO note (body) VALUES (?)")) {
                insert.setString(1, body);
                return insert.executeUpdate();
            }
        });
    }

    @Test
    public void reportsItsEngine() {
        assertEquals(kind, database.kind());
    }

    @Test
    public void appliesPendingChangesetsOnceAndKeepsData() {
        database.migrate("notes", loader(), V1);
        insert("primera nota");
        database.migrate("notes", loader(), V1);
        assertEquals(1, count("SELECT COUNT(*) FROM notes_schema_history"));

        database.migrate("notes", loader(), V2);
        assertEquals(2, count("SELECT COUNT(*) FROM notes_schema_history"));
        assertEquals(1, count("SELECT COUNT(*) FROM note WHERE author = 'desconocido'"));
    }

    @Test
    public void eachModuleKeepsItsOwnHistory() {
        database.migrate("notes", loader(), V1);
        SchemaMigrationException clash = assertThrows(SchemaMigrationException.class,
                () -> database.migrate("other", loader(), V1));
        assertEquals("other", clash.module());
        assertEquals("the first module's history is untouched", 1, count("SELECT COUNT(*) FROM notes_schema_history"));
        assertEquals(0, count("SELECT COUNT(*) FROM other_schema_history"));
    }

    @Test
    public void aFailingChangesetNamesTheModuleAndLeavesEarlierChangesInPlace() {
        database.migrate("notes", loader(), V1);
        insert("se conserva");
        SchemaMigrationException failure = assertThrows(SchemaMigrationException.class,
                () -> database.migrate("notes", loader(), BROKEN));
        assertTrue(failure.getMessage(), failure.getMessage().contains("'notes'"));
        assertTrue(failure.getMessage(), failure.getMessage().contains("2-broken"));
        assertEquals(1, count("SELECT COUNT(*) FROM note"));
        assertEquals(1, count("SELECT COUNT(*) FROM notes_schema_history"));
    }

    @Test
    public void refusesBadModuleNamesAndMissingChangelogs() {
        assertThrows(IllegalArgumentException.class, () -> database.migrate("Notes", loader(), V1));
        assertThrows(IllegalArgumentException.class, () -> database.migrate("notes; DROP", loader(), V1));
        SchemaMigrationException missing = assertThrows(SchemaMigrationException.class,
                () -> database.migrate("notes", loader(), "mx/cte/storage/impl/test/none.xml"));
        assertTrue(missing.getMessage(), missing.getMessage().contains("none.xml"));
    }

    @Test
    public void rollsBackWhenWorkFailsAndFlagsDuplicates() {
        database.migrate("notes", loader(), V1);
        assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO note (body) VALUES (?)")) {
                insert.setString(1, "a medias");
                insert.executeUpdate();
            }
            throw new IllegalStateException("falla a la mitad");
        }));
        assertEquals(0, count("SELECT COUNT(*) FROM note"));

        insert("única");
        StorageException duplicate = assertThrows(StorageException.class, () -> insert("única"));
        assertTrue(duplicate.isUniqueViolation());
        assertEquals(1, count("SELECT COUNT(*) FROM note"));
    }

    @Test
    public void backsUpTheEmbeddedDatabaseAndPointsPostgresqlToItsOwnTools() throws Exception {
        java.nio.file.Path target = java.nio.file.Files.createTempDirectory("cte-backup").resolve("respaldo.zip");
        if (kind == DatabaseKind.H2) {
            database.migrate("notes", loader(), V1);
            insert("respaldada");
            database.backup(target);
            assertTrue(java.nio.file.Files.size(target) > 0);
        } else {
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> database.backup(target));
            assertTrue(refused.getMessage(), refused.getMessage().contains("pg_dump"));
        }
    }

    @Test
    public void hidesCredentialsWhenLoggingTheUrl() throws SQLException {
        assertEquals("jdbc:postgresql://db:5432/cte?user=…&password=…",
                DatabaseService.withoutCredentials("jdbc:postgresql://db:5432/cte?user=cte&password=secreto"));
    }
}
