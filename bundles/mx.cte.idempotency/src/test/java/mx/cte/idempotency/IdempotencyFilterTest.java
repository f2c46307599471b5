package mx.cte.idempotency;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.FakeRequest;
import mx.cte.security.api.Caller;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/** The filter between the container and a module's servlet, with request and response doubles as strict as Jetty's. */
public class IdempotencyFilterTest {

    private static final String PATH = "/api/v1/logbook/15EJN0101A/agreements";
    private static final byte[] BODY = "{\"acuerdo\": \"Leer en voz alta cada día\"}".getBytes(StandardCharsets.UTF_8);

    private final mx.cte.storage.api.Database database = TestDatabases.fresh(DatabaseKind.H2);
    private final IdempotencyFilter filter = new IdempotencyFilter(database, new IdempotencyStore(database,
            Clock.systemUTC()), Clock.systemUTC());

    private static HttpServletRequest keyedWrite(String key) {
        Caller teacher = new Caller("docente.ana", "Ana", List.of(RoleGrant.parse("docente@15EJN0101A")));
        return FakeRequest.of("POST", "/api/v1/logbook", "/15EJN0101A/agreements")
                .attribute(Caller.REQUEST_ATTRIBUTE, teacher).header(IdempotencyFilter.HEADER, key)
                .body("application/json", BODY).build();
    }

    /** A response that, like Jetty's, refuses its output stream once its writer was used, and the reverse. */
    private static final class StrictResponse {
        int status = 200;
        Integer error;
        String using;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(IdempotencyFilterTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "getStatus" -> {
                                return status;
                            }
                            case "sendError" -> {
                                error = (Integer) args[0];
                                status = error;
                            }
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "getHeader" -> {
                                return headers.get((String) args[0]);
                            }
                            case "setContentType", "setCharacterEncoding", "setContentLength", "flushBuffer" -> { }
                            case "getContentType", "getCharacterEncoding" -> {
                                return null;
                            }
                            case "getWriter" -> {
                                use("WRITER");
                                return new PrintWriter(body, true, StandardCharsets.UTF_8);
                            }
                            case "getOutputStream" -> {
                                use("STREAM");
                                return new ServletOutputStream() {
                                    @Override
                                    public void write(int b) {
                                        body.write(b);
                                    }

                                    @Override
                                    public boolean isReady() {
                                        return true;
                                    }

                                    @Override
                                    public void setWriteListener(WriteListener listener) {
                                    }
                                };
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }

        private void use(String how) {
            if (using != null && !using.equals(how)) {
                throw new IllegalStateException(using);
            }
            using = how;
        }
    }

    @Test
    public void theContainersErrorForAServletBeingRemovedGoesOutAsItsErrorAndIsNotKept() throws Exception {
        StrictResponse first = new StrictResponse();
        // No servlet behind the path, in the instant a module is updated: the container answers with sendError.
        FilterChain noServlet = (request, response) -> ((HttpServletResponse) response).sendError(404);
        filter.doFilter(keyedWrite("clave-0001"), first.proxy(), noServlet);
        assertEquals("the outer filters see the container's error", Integer.valueOf(404), first.error);

        StrictResponse resent = new StrictResponse();
        FilterChain module = (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(201);
            http.getWriter().write("{\"id\": 7}");
        };
        filter.doFilter(keyedWrite("clave-0001"), resent.proxy(), module);
        assertEquals("the resend with the same key runs, as the error was not kept", 201, resent.status);
        assertNull(resent.headers.get(IdempotencyFilter.REPLAYED));
        assertEquals("{\"id\": 7}", resent.body.toString(StandardCharsets.UTF_8));

        StrictResponse repeated = new StrictResponse();
        filter.doFilter(keyedWrite("clave-0001"), repeated.proxy(), noServlet);
        assertEquals(201, repeated.status);
        assertEquals("true", repeated.headers.get(IdempotencyFilter.REPLAYED));
    }
}
