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

    /** As DS does when the results module is installed: a zone with one school that shared its analysis. */
    private void installResults() throws ReflectiveOperationException {
        Field field = PrintServlet.class.getDeclaredField("results");
        field.setAccessible(true);
        mx.cte.results.api.Tally tally = new mx.cte.results.api.Tally(3, 1, 2);
        field.set(servlet, Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {mx.cte.results.api.ResultsAnalysis.class}, (proxy, method, args) -> {
                    if (method.getName().equals("zoneRollup")) {
                        return new mx.cte.results.api.Rollup("15-preescolar-015", (mx.cte.results.api.Period) args[1],
                                List.of(new mx.cte.results.api.Rollup.Unit("15EJN0101A", "Jardín de Niños Rosaura", 1,
                                        1, java.util.Map.of("Lenguaje oral", tally), tally)),
                                java.util.Map.of("Lenguaje oral", tally), java.util.Map.of(2, tally), tally);
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    /** As DS does when the pupils module is installed: docente.ana teaches 3° A in 2019-2020; every export recorded. */
    private List<String> installPupils() throws ReflectiveOperationException {
        List<String> exports = new java.util.ArrayList<>();
        Field field = PrintServlet.class.getDeclaredField("pupils");
        field.setAccessible(true);
        field.set(servlet, Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {mx.cte.pupils.api.PupilRecords.class}, (proxy, method, args) -> switch (method
                        .getName()) {
                    case "assignments" -> List.of(new mx.cte.pupils.api.GroupTeachers(
                            mx.cte.schools.api.SchoolGroup.of(3, "A"), List.of("docente.ana")));
                    case "ofGroups" -> {
                        exports.add(args[3] + " " + args[2]);
                        yield List.of(new mx.cte.pupils.api.Pupil(1, ApiFixtures.SCHOOL, "2019-2020",
                                new mx.cte.pupils.api.PupilDraft("Sofía Ramírez", 3, "A", null, null, null, 90, null,
                                        ""), "docente.ana", java.time.Instant.EPOCH, 1));
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
        return exports;
    }

    @Test
    public void aGroupsPupilsArePrintedForItsTeachersAndTheDirectorOnlyAndEachPrintIsAnExport() throws Exception {
        assertEquals("without the module", 503, get(ApiFixtures.TEACHER, "/15EJN0101A/alumnos.pdf", "ciclo",
                "2019-2020", "grado", "3", "grupo", "A").status);
        List<String> exports = installPupils();
        FakeHttp.Response printed = get(ApiFixtures.TEACHER, "/15EJN0101A/alumnos.pdf", "ciclo", "2019-2020", "grado",
                "3", "grupo", "a");
        assertEquals(printed.body(), 200, printed.status);
        assertEquals("application/pdf", printed.contentType);
        assertTrue(PdfText.of(printed.bytes()).contains("Sofía Ramírez"));
        assertEquals(200, get(ApiFixtures.DIRECTOR, "/15EJN0101A/alumnos.pdf", "ciclo", "2019-2020", "grado", "3",
                "grupo", "A").status);
        assertEquals(2, exports.size());

        Caller otherTeacher = ApiFixtures.caller("docente.luis", "docente@15EJN0101A");
        for (Caller refused : List.of(otherTeacher, ApiFixtures.SUPERVISOR, ApiFixtures.OTHER_TEACHER)) {
            FakeHttp.Response answer = get(refused, "/15EJN0101A/alumnos.pdf", "ciclo", "2019-2020", "grado", "3",
                    "grupo", "A");
            assertEquals(refused.username(), 403, answer.status);
        }
        assertEquals("nothing read for them", 2, exports.size());
        assertEquals(404, get(ApiFixtures.DIRECTOR, "/15EJN0101A/alumnos.pdf", "ciclo", "2019-2020", "grado", "5",
                "grupo", "A").status);
        FakeHttp.Response noGrade = get(ApiFixtures.DIRECTOR, "/15EJN0101A/alumnos.pdf", "ciclo", "2019-2020",
                "grupo", "A");
        assertEquals(400, noGrade.status);
        assertTrue(noGrade.body(), noGrade.body().contains("grado"));
    }

    @Test
    public void theZonesResultsAreAWorkbookForItsSupervisionOnly() throws Exception {
        installResults();
        FakeHttp.Response sheet = get(ApiFixtures.SUPERVISOR, "/zonas/15-preescolar-015/resultados.xlsx",
                "periodo", "2016-11");
        assertEquals(sheet.body(), 200, sheet.status);
        assertTrue(sheet.contentType, sheet.contentType.contains("spreadsheetml"));
        assertTrue("a zip, as an XLSX is", sheet.body().startsWith("PK"));
        assertEquals(403, get(ApiFixtures.TEACHER, "/zonas/15-preescolar-015/resultados.xlsx", "periodo",
                "2016-11").status);
        assertEquals(400, get(ApiFixtures.SUPERVISOR, "/zonas/15-preescolar-015/resultados.xlsx").status);
        assertEquals("a state's results for its authority only", 403, get(ApiFixtures.SUPERVISOR,
                "/entidades/15/resultados.xlsx", "periodo", "2016-11").status);
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

    @Test
    public void theGuidesProductsPrintAndExportForTheirReadersAndAre503WithoutTheirModule() throws Exception {
        FakeHttp.Response away = get(ApiFixtures.TEACHER, "/15EJN0101A/productos.pdf", "sesion", "SEP:x");
        assertEquals(503, away.status);
        assertTrue(away.body(), away.json().get("detail").getAsString().contains("Productos que arma la guía"));

        Field field = PrintServlet.class.getDeclaredField("forms");
        field.setAccessible(true);
        field.set(servlet, Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {mx.cte.forms.api.FilledForms.class}, (proxy, method, args) -> List.of()));
        FakeHttp.Response pdf = get(ApiFixtures.SUPERVISOR, "/15EJN0101A/productos.pdf",
                "sesion", "SEP:2019-2020:preescolar:ordinaria-2");
        assertEquals(200, pdf.status);
        assertTrue(pdf.body().startsWith("%PDF-"));
        FakeHttp.Response sheet = get(ApiFixtures.TEACHER, "/15EJN0101A/productos.xlsx",
                "sesion", "SEP:2019-2020:preescolar:ordinaria-2");
        assertEquals(200, sheet.status);
        assertTrue(sheet.contentType, sheet.contentType.contains("spreadsheetml"));
        assertEquals("sesion", get(ApiFixtures.TEACHER, "/15EJN0101A/productos.xlsx").json().get("campo")
                .getAsString());
        assertEquals(403, get(ApiFixtures.OTHER_TEACHER, "/15EJN0101A/productos.pdf", "sesion", "SEP:x").status);
    }
}
