package mx.cte.storage.impl;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import mx.cte.storage.api.Database.UnitOfWork;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * What a module sees of a unit of work: each connection it opens is a part of the unit's transaction, which commits
 * into the unit and rolls back only its own work since its last commit. On both databases.
 */
@RunWith(Parameterized.class)
public class UnitPartsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final DatabaseKind kind;
    private DataSource pool;
    /** Savepoints set on the pool's connections. */
    private final AtomicInteger savepoints = new AtomicInteger();

    public UnitPartsTest(DatabaseKind kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() throws SQLException {
        DataSource database = TestDatabases.freshDataSource(kind);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (body VARCHAR(100))");
        }
        pool = countingSavepoints(database);
    }

    private DataSource countingSavepoints(DataSource database) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(database, method, args);
                    if (method.getName().equals("getConnection")) {
                        Connection connection = (Connection) result;
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                (inner, call, callArgs) -> {
                                    if (call.getName().equals("setSavepoint")) {
                                        savepoints.incrementAndGet();
                                    }
                                    return invoke(connection, call, callArgs);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** What {@code Database.inTransaction} does with a connection from the unit's DataSource. */
    private static void insertInOwnPart(UnitsOfWork units, String body) throws SQLException {
        try (Connection part = units.dataSource().getConnection()) {
            part.setAutoCommit(false);
            insert(part, body);
            part.commit();
            part.setAutoCommit(true);
        }
    }

    private static void insert(Connection connection, String body) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO note (body) VALUES (?)")) {
            insert.setString(1, body);
            insert.executeUpdate();
        }
    }

    private List<String> committedNotes() throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT body FROM note ORDER BY body")) {
            while (rows.next()) {
                bodies.add(rows.getString(1));
            }
        }
        return bodies;
    }

    @Test
    public void aPartThatGoesOnAfterItsCommitRollsBackOnlyWhatFollowed() throws Exception {
        UnitsOfWork units = new UnitsOfWork(pool);
        try (UnitOfWork unit = units.begin(); Connection part = units.dataSource().getConnection()) {
            part.setAutoCommit(false);
            insert(part, "a, guardada en la unidad");
            part.commit();
            part.rollback(); // nothing since the commit
            insert(part, "b, deshecha");
            part.rollback();
            insert(part, "c, guardada");
            part.commit();
            unit.commit();
        }

        assertEquals(List.of("a, guardada en la unidad", "c, guardada"), committedNotes());
    }

    @Test
    public void aPartThatCommitsAndClosesCostsOneSavepoint() throws Exception {
        UnitsOfWork units = new UnitsOfWork(pool);
        try (UnitOfWork unit = units.begin()) {
            for (int i = 0; i < 5; i++) {
                insertInOwnPart(units, "parte " + i);
            }
            unit.commit();
        }

        assertEquals(5, committedNotes().size());
        assertEquals("one savepoint per part, none after its commit", 5, savepoints.get());
    }
}
