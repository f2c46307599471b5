package mx.cte.idempotency;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.security.api.Caller;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * One request, one transaction, on both engines: a write's rows (here, a module's row and its audit row) and the
 * answer kept for its key commit together and before the answer goes out; a server error rolls all back; a resend
 * after a commit whose answer was lost gets the stored answer instead of storing the write twice.
 */
@RunWith(Parameterized.class)
public class WriteUnitTest {

    private static final Caller TEACHER = new Caller("docente.ana", "Ana",
            List.of(RoleGrant.parse("docente@15EJN0101A")));

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final Database database;
    private final IdempotencyFilter filter;
    private final ExecutorService otherClient = Executors.newSingleThreadExecutor();
    private final AtomicInteger moduleRuns = new AtomicInteger();

    public WriteUnitTest(DatabaseKind kind) {
        database = TestDatabases.fresh(kind);
        filter = new IdempotencyFilter(database, new IdempotencyStore(database, Clock.systemUTC()),
                Clock.systemUTC());
        database.inTransaction(connection -> connection.createStatement().executeUpdate(
                "CREATE TABLE module_row (body VARCHAR(100))"));
    }

    @After
    public void stop() {
        otherClient.shutdown();
    }

    private static FakeRequest write(String key) {
        FakeRequest request = FakeRequest.of("POST", "/api/v1/logbook", "/15EJN0101A/agreements")
                .attribute(Caller.REQUEST_ATTRIBUTE, TEACHER).json("{\"acuerdo\":\"Leer en voz alta\"}");
        return key == null ? request : request.header(IdempotencyFilter.HEADER, key);
    }

    private static void insert(Connection connection, String body) throws SQLException {
        connection.createStatement().executeUpdate("INSERT INTO module_row (body) VALUES ('" + body + "')");
    }

    /** What another client sees: only what was committed. */
    private int committed(String sql) throws Exception {
        return otherClient.submit(() -> database.inTransaction(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getInt(1);
            }
        })).get();
    }

    /** A module that stores its row and its audit row, each in a transaction of its own, then answers. */
    private FilterChain module(int status) {
        return (request, response) -> {
            assertEquals("the servlet sees the write passed the filter", Boolean.TRUE,
                    request.getAttribute(mx.cte.core.http.JsonServlet.WRITE_UNIT_ATTRIBUTE));
            moduleRuns.incrementAndGet();
            database.inTransaction(connection -> {
                insert(connection, "acuerdo");
                return null;
            });
            database.inTransaction(connection -> {
                insert(connection, "auditoria");
                return null;
            });
            try {
                assertEquals("nothing is visible before the request's one commit", 0,
                        committed("SELECT COUNT(*) FROM module_row"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            http.setContentType("application/json");
            http.getWriter().write("{\"id\": 7}");
        };
    }

    private FakeHttp.Response send(FakeRequest request, FilterChain chain) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(request.build(), response.proxy(), chain);
        return response;
    }

    @Test
    public void theRowsAndTheKeptAnswerCommitTogether() throws Exception {
        FakeHttp.Response created = send(write("clave-0001"), module(201));
        assertEquals(201, created.status);
        assertEquals("{\"id\": 7}", created.body());
        assertEquals(2, committed("SELECT COUNT(*) FROM module_row"));
        assertEquals(1, committed("SELECT COUNT(*) FROM idempotency_answer WHERE status = 201"));
    }

    @Test
    public void aResendAfterACommitWhoseAnswerWasLostIsAnsweredNotStoredAgain() throws Exception {
        send(write("clave-0002"), module(201));
        FakeHttp.Response resent = send(write("clave-0002"), module(201));
        assertEquals(201, resent.status);
        assertEquals("true", resent.headers.get(IdempotencyFilter.REPLAYED));
        assertEquals("{\"id\": 7}", resent.body());
        assertEquals(1, moduleRuns.get());
        assertEquals("no duplicate", 2, committed("SELECT COUNT(*) FROM module_row"));
    }

    @Test
    public void aServerErrorRollsBackEveryRowAndTheRetryRunsAgain() throws Exception {
        assertEquals(500, send(write("clave-0003"), module(500)).status);
        assertEquals(0, committed("SELECT COUNT(*) FROM module_row"));
        assertEquals(0, committed("SELECT COUNT(*) FROM idempotency_answer"));
        assertEquals(201, send(write("clave-0003"), module(201)).status);
        assertEquals(2, moduleRuns.get());
        assertEquals(2, committed("SELECT COUNT(*) FROM module_row"));
    }

    @Test
    public void aFailureThatEscapesRollsBackToo() throws Exception {
        FilterChain failing = (request, response) -> {
            database.inTransaction(connection -> {
                insert(connection, "a medias");
                return null;
            });
            throw new IllegalStateException("falla después de escribir");
        };
        assertThrows(IllegalStateException.class, () -> send(write("clave-0004"), failing));
        assertThrows(IllegalStateException.class, () -> send(write(null), failing));
        assertEquals(0, committed("SELECT COUNT(*) FROM module_row"));
        assertEquals(201, send(write("clave-0004"), module(201)).status);
    }

    @Test
    public void aWriteWithoutAKeyIsOneUnitToo() throws Exception {
        assertEquals(500, send(write(null), module(500)).status);
        assertEquals(0, committed("SELECT COUNT(*) FROM module_row"));
        assertEquals(201, send(write(null), module(201)).status);
        assertEquals(2, committed("SELECT COUNT(*) FROM module_row"));
        assertEquals("no answer is kept without a key", 0, committed("SELECT COUNT(*) FROM idempotency_answer"));
    }

    @Test
    public void aWriteThatFindsTheDatabaseBusyIsRefusedWith503AndRunsNothing() throws Exception {
        Database busy = (Database) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Database.class}, (proxy, method, args) -> {
                    if (method.getName().equals("beginUnitOfWork")) {
                        throw new mx.cte.storage.api.StorageException("No unit of work could begin within 50 ms",
                                null);
                    }
                    try {
                        return method.invoke(database, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        IdempotencyFilter onBusy = new IdempotencyFilter(busy, new IdempotencyStore(database, Clock.systemUTC()),
                Clock.systemUTC());
        for (String key : java.util.Arrays.asList("clave-0005", null)) {
            FakeHttp.Response refused = new FakeHttp.Response();
            onBusy.doFilter(write(key).build(), refused.proxy(), module(201));
            assertEquals(503, refused.status);
            assertEquals("2", refused.headers.get("Retry-After"));
            assertTrue(refused.body(), refused.body().contains("La base de datos está ocupada"));
        }
        assertEquals("the module did not run", 0, moduleRuns.get());
        assertEquals("the key is free for the resend", 201, send(write("clave-0005"), module(201)).status);
        assertEquals(2, committed("SELECT COUNT(*) FROM module_row"));
    }
}
