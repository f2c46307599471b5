package mx.cte.print;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.logbook.api.Logbook;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;

/** The print routes: who reads which document, and what each needs before a PDF is made. */
public class PrintServletTest {

    private final PrintServlet servlet = new PrintServlet(ApiFixtures.directory(),
            (mx.cte.security.api.Accounts) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {mx.cte.security.api.Accounts.class}, (proxy, method, args) -> List.of()));

    private FakeHttp.Response get(Caller caller, String path, String... query) {
        FakeRequest request = FakeRequest.of("GET", "/api/v1/print", path);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.query(query[i], query[i + 1]);
        }
        return ApiFixtures.send(servlet, caller, request);
    }

    /** As DS does when the logbook module is installed. */
    private void installLogbook() throws ReflectiveOperationException {
        Field field = PrintServlet.class.getDeclaredField("logbook");
        field.setAccessible(true);
        field.set(servlet, Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logbook.class},
                (proxy, method, args) -> List.of()));
    }

    @Test
    public void aDocumentOfAModuleThatIsAwayIs503() {
        FakeHttp.Response away = get(ApiFixtures.TEACHER, "/15EJN0101A/bitacora.pdf", "sesion", "SEP:x");
        assertEquals(503, away.status);
        assertTrue(away.body(), away.json().get("detail").getAsString().contains("Cuaderno de Bitácora"));
        assertEquals(503, get(ApiFixtures.TEACHER, "/15EJN0101A/concentrado.pdf", "periodo", "2016-11").status);
    }

    @Test
    public void theLogbookPrintsForItsReadersOnceTheSessionIsNamed() throws Exception {
        installLogbook();
        FakeHttp.Response noSession = get(ApiFixtures.SUPERVISOR, "/15EJN0101A/bitacora.pdf");
        assertEquals(400, noSession.status);
        assertEquals("sesion", noSession.json().get("campo").getAsString());
        FakeHttp.Response pdf = get(ApiFixtures.SUPERVISOR, "/15EJN0101A/bitacora.pdf",
                "sesion", "SEP:2016-2017:preescolar:ordinaria-3");
        assertEquals(200, pdf.status);
        assertEquals("application/pdf", pdf.contentType);
        assertEquals("private, no-store", pdf.headers.get("Cache-Control"));
        assertTrue(pdf.body().startsWith("%PDF-"));
        assertEquals(403, get(ApiFixtures.OTHER_TEACHER, "/15EJN0101A/bitacora.pdf", "sesion", "SEP:x").status);
        FakeHttp.Response unknown = get(ApiFixtures.TEACHER, "/15EJN0101A/diario.pdf");
        assertEquals(404, unknown.status);
        assertTrue(unknown.body(), unknown.body().contains("/api/v1/print/{cct}/bitacora.pdf"));
    }
}
