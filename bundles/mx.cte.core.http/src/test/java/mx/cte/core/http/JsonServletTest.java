package mx.cte.core.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.Test;

public class JsonServletTest {

    private static final class ReadOnlyServlet extends JsonServlet {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException failure;

        ReadOnlyServlet() {
            this(new IllegalStateException("internal detail that must not leak"));
        }

        ReadOnlyServlet(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        protected String allowedMethods() {
            return "GET";
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            throw failure;
        }
    }

    @Test
    public void aQueryTheContainerCannotDecodeIsTheClientsMistakeA400() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ReadOnlyServlet(new org.eclipse.jetty.http.BadMessageException("Unable to parse URI query"))
                .service(FakeHttp.request("GET", "/api/v1/results/15EJN0101A/expected"), response.proxy());
        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("UTF-8"));
    }

    @Test
    public void aBodyThatArrivesTooSlowlyIsA408NotAMalformedRequest() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ReadOnlyServlet(new org.eclipse.jetty.http.BadMessageException(408, "Request content data rate < 2048 B/s"))
                .service(FakeHttp.request("GET", "/api/v1/session"), response.proxy());
        assertEquals(408, response.status);
        assertTrue(response.body(), response.body().contains("demasiado lento"));
    }

    @Test
    public void unsupportedMethodIsAJsonProblemWithAllowHeader() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ReadOnlyServlet().service(FakeHttp.request("DELETE", "/api/v1/x"), response.proxy());

        assertEquals(405, response.status);
        assertEquals(JsonResponses.PROBLEM_JSON, response.contentType);
        assertEquals("GET", response.headers.get("Allow"));
        JsonObject problem = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(405, problem.get("status").getAsInt());
        assertTrue(problem.get("detail").getAsString().contains("DELETE"));
    }

    @Test
    public void methodUnknownToServletsIsAlso405NotAnHtml501() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ReadOnlyServlet().service(FakeHttp.request("PATCH", "/api/v1/x"), response.proxy());

        assertEquals(405, response.status);
        assertEquals(JsonResponses.PROBLEM_JSON, response.contentType);
    }

    @Test
    public void unexpectedFailureIsAJson500WithoutInternals() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ReadOnlyServlet().service(FakeHttp.request("GET", "/api/v1/x"), response.proxy());

        assertEquals(500, response.status);
        assertEquals(JsonResponses.PROBLEM_JSON, response.contentType);
        assertFalse(response.body().contains("internal detail"));
        assertFalse(response.body().contains("IllegalStateException"));
    }

    @Test
    public void aRefusalThatPassesTellsTheClientWhenToSendAgain() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ReadOnlyServlet(new ProblemException(503, "Módulo no disponible", "El módulo se está actualizando.")
                .retryAfter(30)).service(FakeHttp.request("GET", "/api/v1/print/x"), response.proxy());

        assertEquals(503, response.status);
        assertEquals("30", response.headers.get(JsonResponses.RETRY_AFTER));
        assertEquals(JsonResponses.PROBLEM_JSON, response.contentType);
        assertEquals("El módulo se está actualizando.", response.json().get("detail").getAsString());
    }

    @Test
    public void aRefusalForGoodHasNoRetryAfter() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ReadOnlyServlet(ProblemException.notFound("No existe la escuela 15EJN0101A."))
                .service(FakeHttp.request("GET", "/api/v1/x"), response.proxy());

        assertEquals(404, response.status);
        assertFalse(response.headers.containsKey(JsonResponses.RETRY_AFTER));
    }

    @Test
    public void writeRetryLaterSetsTheHeaderAndTheProblem() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        JsonResponses.writeRetryLater(response.proxy(), 409, 1, "Petición en curso", "Se está procesando.",
                "/api/v1/logbook/x");

        assertEquals(409, response.status);
        assertEquals("1", response.headers.get(JsonResponses.RETRY_AFTER));
        assertEquals(409, response.json().get("status").getAsInt());
        assertEquals("/api/v1/logbook/x", response.json().get("instance").getAsString());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aRetryAfterBelowOneSecondIsAProgrammingError() {
        new ProblemException(503, "Servicio ocupado", "Ocupado.").retryAfter(0);
    }
}
