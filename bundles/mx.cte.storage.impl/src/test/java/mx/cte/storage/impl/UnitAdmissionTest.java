package mx.cte.storage.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import mx.cte.storage.api.Database.UnitOfWork;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StorageException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The limit on units of work holding a connection at once: who waits, who does not, and that nothing leaks. */
public class UnitAdmissionTest {

    private static final long LONG_WAIT = TimeUnit.SECONDS.toMillis(30);

    private DataSource pool;
    private ExecutorService others;

    @Before
    public void setUp() throws SQLException {
        pool = TestDatabases.freshDataSource(DatabaseKind.H2);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (body VARCHAR(100))");
        }
        others = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        others.shutdownNow();
    }

    @Test
    public void aUnitBeyondTheLimitWaitsHoldingNothingAndBeginsWhenOneEnds() throws Exception {
        UnitsOfWork units = new UnitsOfWork(pool, 2, LONG_WAIT);
        UnitOfWork first = units.begin();
        java.util.concurrent.CountDownLatch secondMayEnd = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondBegan = new java.util.concurrent.CountDownLatch(1);
        Future<?> second = others.submit(() -> {
            try (UnitOfWork unit = units.begin()) {
                secondBegan.countDown();
                secondMayEnd.await();
            }
            return null;
        });
        assertTrue(secondBegan.await(10, TimeUnit.SECONDS));
        AtomicBoolean thirdBegan = new AtomicBoolean();
        Future<?> third = others.submit(() -> {
            try (UnitOfWork unit = units.begin()) {
                thirdBegan.set(true);
                insert(units, "la tercera");
                unit.commit();
            }
            return null;
        });
        awaitWaiting(units, 1);
        assertFalse("two units are open, the limit", thirdBegan.get());
        try (Connection read = units.dataSource().getConnection()) {
            assertTrue("a read outside any unit does not wait", read.isValid(1));
        }
        first.close();
        third.get(10, TimeUnit.SECONDS);
        assertTrue(thirdBegan.get());
        secondMayEnd.countDown();
        second.get(10, TimeUnit.SECONDS);
        assertEquals(0, units.waiting());
        assertEquals(1, committedNotes());
    }

    @Test
    public void aUnitThatWaitsTooLongFailsSayingWhyAndTheOthersGoOn() throws Exception {
        UnitsOfWork units = new UnitsOfWork(pool, 1, 50);
        try (UnitOfWork open = units.begin()) {
            StorageException refused = others.submit(() -> assertThrows(StorageException.class, units::begin))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(refused.getMessage(), refused.getMessage().contains("within 50 ms"));
            insert(units, "la que esperó sigue");
            open.commit();
        }
        try (UnitOfWork next = units.begin()) {
            next.commit();
        }
        assertEquals(1, committedNotes());
    }

    @Test
    public void aUnitBegunOutsideTheThreadsOwnUnitDoesNotWaitForItsPermit() throws Exception {
        UnitsOfWork units = new UnitsOfWork(pool, 1, 50);
        try (UnitOfWork open = units.begin()) {
            units.outsideUnit(() -> {
                try (UnitOfWork inner = units.begin()) {
                    insert(units, "comprometida aparte");
                    inner.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            assertEquals("the inner unit committed on its own", 1, committedNotes());
        }
        try (UnitOfWork next = units.begin()) {
            next.commit();
        }
        assertEquals("the outer unit gave back its one permit", 0, units.waiting());
    }

    @Test
    public void aUnitThatCannotGetAConnectionGivesItsTurnBack() throws Exception {
        AtomicBoolean poolDown = new AtomicBoolean(true);
        DataSource failingOnce = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && poolDown.getAndSet(false)) {
                        throw new SQLException("connection refused");
                    }
                    return method.invoke(pool, args);
                });
        UnitsOfWork units = new UnitsOfWork(failingOnce, 1, 50);
        assertThrows(StorageException.class, units::begin);
        try (UnitOfWork unit = units.begin()) {
            insert(units, "después del fallo");
            unit.commit();
        }
        assertEquals(1, committedNotes());
    }

    @Test
    public void withoutALimitNobodyWaits() throws Exception {
        UnitsOfWork units = new UnitsOfWork(pool);
        UnitOfWork first = units.begin();
        others.submit(() -> {
            try (UnitOfWork second = units.begin()) {
                insert(units, "sin límite");
                second.commit();
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
        first.close();
        assertEquals(1, committedNotes());
    }

    private static void insert(UnitsOfWork units, String body) throws SQLException {
        try (Connection connection = units.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO note (body) VALUES ('" + body + "')");
        }
    }

    private int committedNotes() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM note")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void awaitWaiting(UnitsOfWork units, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (units.waiting() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " units waiting, found " + units.waiting());
            }
            Thread.sleep(5);
        }
    }
}
