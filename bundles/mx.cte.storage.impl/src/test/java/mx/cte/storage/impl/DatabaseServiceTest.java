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
    public void aChangelogAppliedWholeBeforeIsNotHandedToLiquibaseAgain() {
        database.migrate("notes", loader(), V1);
        assertEquals(1, count("SELECT COUNT(*) FROM " + LiquibaseMigrator.APPLIED_TABLE + " WHERE module = 'notes'"));
        // Were Liquibase run again, it would find no history and create the table 'note' a second time.
        database.inTransaction(connection -> connection.createStatement().execute("DROP TABLE notes_schema_history"));

        database.migrate("notes", loader(), V1);

        insert("la tabla sigue ahí");
        assertEquals(1, count("SELECT COUNT(*) FROM note"));
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
        assertThrows("a changelog that failed is tried again, not taken as applied", SchemaMigrationException.class,
                () -> database.migrate("notes", loader(), BROKEN));
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

    /** How many notes another connection sees: what is committed. */
    private int committedNotes() throws Exception {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return other.submit(() -> count("SELECT COUNT(*) FROM note")).get();
        } finally {
            other.shutdown();
        }
    }

    @Test
    public void aUnitOfWorkCommitsEveryPartOnceAndNothingBefore() throws Exception {
        database.migrate("notes", loader(), V1);
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            insert("la fila del módulo");
            insert("su entrada de auditoría");
            try (java.sql.Connection plain = database.dataSource().getConnection()) {
                plain.createStatement().executeUpdate("INSERT INTO note (body) VALUES ('la respuesta guardada')");
            }
            assertEquals("this thread sees its own work", 3, count("SELECT COUNT(*) FROM note"));
            assertEquals("nobody else sees it before the commit", 0, committedNotes());
            unit.commit();
        }
        assertEquals(3, committedNotes());
    }

    @Test
    public void workAfterTheUnitRunsOnceItEndedCommittedOrNotAndAtOnceWithoutOne() throws Exception {
        database.migrate("notes", loader(), V1);
        List<Integer> committedWhenRun = new java.util.ArrayList<>();
        Runnable countCommitted = () -> {
            try {
                committedWhenRun.add(committedNotes());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            insert("escrita");
            database.afterUnitOfWork(countCommitted);
            database.afterUnitOfWork(() -> {
                throw new IllegalStateException("una acción que falla no detiene las demás");
            });
            database.afterUnitOfWork(countCommitted);
            assertEquals("not before the unit ends", List.of(), committedWhenRun);
            unit.commit();
            assertEquals("not before the unit ends", List.of(), committedWhenRun);
        }
        assertEquals("after the commit, each action once", List.of(1, 1), committedWhenRun);
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            insert("deshecha");
            database.afterUnitOfWork(countCommitted);
        }
        assertEquals("after a rollback too", List.of(1, 1, 1), committedWhenRun);
        database.afterUnitOfWork(countCommitted);
        assertEquals("at once without a unit", List.of(1, 1, 1, 1), committedWhenRun);
    }

    @Test
    public void workInItsOwnTransactionCommitsAtOnceAndOutlivesTheUnitsRollback() throws Exception {
        database.migrate("notes", loader(), V1);
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            insert("del módulo, deshecha");
            database.inOwnTransaction(connection -> connection.createStatement()
                    .executeUpdate("INSERT INTO note (body) VALUES ('un bundle ya instalado')"));
            assertEquals("others see it before the unit ends", 1, committedNotes());
            insert("después, en la unidad");
            assertEquals("the unit goes on with its connection", 3, count("SELECT COUNT(*) FROM note"));
        }
        assertEquals("the unit's rollback leaves it, and only it", 1,
                count("SELECT COUNT(*) FROM note WHERE body = 'un bundle ya instalado'"));
        assertEquals(1, count("SELECT COUNT(*) FROM note"));
    }

    @Test
    public void aUnitOfWorkNotCommittedLeavesNothing() throws Exception {
        database.migrate("notes", loader(), V1);
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            insert("escrita");
            insert("también");
        }
        assertEquals(0, committedNotes());
        insert("después, sin unidad");
        assertEquals(1, committedNotes());
    }

    @Test
    public void aFailedPartRollsBackAloneAndTheUnitGoesOn() throws Exception {
        database.migrate("notes", loader(), V1);
        try (Database.UnitOfWork unit = database.beginUnitOfWork()) {
            insert("primera");
            // A stale version or a duplicate inside the request: the module answers 409 and the unit still commits
            // what it did, such as the answer kept for the idempotency key.
            assertThrows(StorageException.class, () -> insert("primera"));
            assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
                connection.createStatement().executeUpdate("INSERT INTO note (body) VALUES ('a medias')");
                throw new IllegalStateException("falla a la mitad");
            }));
            insert("segunda");
            unit.commit();
        }
        assertEquals(2, committedNotes());
        assertEquals(0, count("SELECT COUNT(*) FROM note WHERE body = 'a medias'"));
    }

    @Test
    public void aNestedUnitJoinsAndAnUncommittedOneDoomsTheOuter() throws Exception {
        database.migrate("notes", loader(), V1);
        try (Database.UnitOfWork outer = database.beginUnitOfWork()) {
            try (Database.UnitOfWork inner = database.beginUnitOfWork()) {
                insert("adentro");
                inner.commit();
            }
            assertEquals("the inner commit is the outer unit's to make", 0, committedNotes());
            outer.commit();
        }
        assertEquals(1, committedNotes());

        try (Database.UnitOfWork outer = database.beginUnitOfWork()) {
            try (Database.UnitOfWork inner = database.beginUnitOfWork()) {
                insert("se pierde");
            }
            assertThrows(StorageException.class, outer::commit);
        }
        assertEquals(1, committedNotes());
    }

    @Test
    public void aVersionedUpdateBasedOnAStaleVersionNamesTheRecord() {
        database.migrate("notes", loader(), V1);
        database.inTransaction(connection -> connection.createStatement().executeUpdate(
                "CREATE TABLE versioned (id INT, body VARCHAR(20), version BIGINT)"));
        database.inTransaction(connection -> connection.createStatement().executeUpdate(
                "INSERT INTO versioned VALUES (1, 'uno', 3)"));
        database.inTransaction(connection -> {
            mx.cte.storage.api.Sql.updateVersioned(connection, "La nota 1", 3, 3,
                    "UPDATE versioned SET body = ?, version = version + 1 WHERE id = ? AND version = ?", "dos", 1);
            return null;
        });
        mx.cte.storage.api.StaleVersionException stale = assertThrows(mx.cte.storage.api.StaleVersionException.class,
                () -> database.inTransaction(connection -> {
                    mx.cte.storage.api.Sql.updateVersioned(connection, "La nota 1", 3, 4,
                            "UPDATE versioned SET body = ?, version = version + 1 WHERE id = ? AND version = ?",
                            "tres", 1);
                    return null;
                }));
        assertTrue(stale.getMessage(), stale.getMessage().startsWith("La nota 1 cambió"));
        assertEquals(1, count("SELECT COUNT(*) FROM versioned WHERE body = 'dos' AND version = 4"));
        assertThrows(IllegalArgumentException.class, () -> database.inTransaction(connection -> {
            mx.cte.storage.api.Sql.updateVersioned(connection, "La nota 1", 4, 4,
                    "UPDATE versioned SET body = ? WHERE id = ?", "x", 1);
            return null;
        }));
    }

    @Test
    public void aSecondFirstSaveOfTheSameRecordIsStaleNotAFailure() {
        database.inTransaction(connection -> connection.createStatement().executeUpdate(
                "CREATE TABLE keyed (owner VARCHAR(20) PRIMARY KEY, body VARCHAR(20), version BIGINT)"));
        database.inTransaction(connection -> {
            mx.cte.storage.api.Sql.insertFirstVersion(connection, "La nota de A", "INSERT INTO keyed VALUES (?, ?,"
                    + " 1)", "A", "primera");
            return null;
        });
        mx.cte.storage.api.StaleVersionException stale = assertThrows(mx.cte.storage.api.StaleVersionException.class,
                () -> database.inTransaction(connection -> {
                    mx.cte.storage.api.Sql.insertFirstVersion(connection, "La nota de A", "INSERT INTO keyed"
                            + " VALUES (?, ?, 1)", "A", "de un colega");
                    return null;
                }));
        assertTrue(stale.getMessage(), stale.getMessage().startsWith("La nota de A cambió"));
        assertEquals("the first save stands", 1, count("SELECT COUNT(*) FROM keyed WHERE body = 'primera'"));
        assertThrows("another failure is not taken for a colleague's save", StorageException.class,
                () -> database.inTransaction(connection -> {
                    mx.cte.storage.api.Sql.insertFirstVersion(connection, "La nota de B", "INSERT INTO keyed"
                            + " VALUES (?, ?, 1)", "B", "demasiado largo para la columna");
                    return null;
                }));
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
