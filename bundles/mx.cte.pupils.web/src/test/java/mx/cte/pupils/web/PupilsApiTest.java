package mx.cte.pupils.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.pupils.impl.PupilService;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/** The pupils' routes over the module's service on H2: names for the school's staff only, counts for supervision. */
public class PupilsApiTest {

    private static final String BASE = "/15EJN0101A/2019-2020";
    private final List<String> audited = new ArrayList<>();
    private final PupilsServlet servlet = new PupilsServlet(new PupilService(TestDatabases.fresh(DatabaseKind.H2),
            (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditLog.class},
                    (proxy, method, args) -> audited.add(String.valueOf(args[0]) + " " + args[1])),
            ApiFixtures.directory(), Clock.systemUTC(), 1, "anonimizar"), ApiFixtures.directory());

    private FakeHttp.Response send(Caller caller, String method, String path, String json) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/pupils", path);
        return ApiFixtures.send(servlet, caller, json == null ? request : request.json(json));
    }

    private static String pupil(String name, String reading) {
        return "{\"nombre\": \"" + name + "\", \"grado\": 3, \"grupo\": \"A\", \"lectura\": \"" + reading + "\","
                + " \"asistencia\": 76, \"riesgo\": \"alto\", \"apoyo\": \"Tutoría entre pares\"}";
    }

    @Test
    public void theTeacherRecordsAndReadsHerGroupAndSupervisionSeesOnlyCounts() throws Exception {
        FakeHttp.Response added = send(ApiFixtures.TEACHER, "POST", BASE + "/alumnos", pupil("Sofía Ramírez",
                "requiere-apoyo"));
        assertEquals(added.body(), 201, added.status);
        FakeHttp.Response group = send(ApiFixtures.TEACHER, "GET", BASE + "/grupos/3/A", null);
        assertEquals(200, group.status);
        assertEquals("Sofía Ramírez", group.json().getAsJsonArray("alumnos").get(0).getAsJsonObject().get("nombre")
                .getAsString());
        assertTrue("never kept by a cache", group.headers.get("Cache-Control").contains("no-store"));
        assertTrue(audited.toString(), audited.contains("docente.ana alumnos-consultados"));

        for (String path : List.of(BASE + "/grupos/3/A", BASE + "/alumnos.csv")) {
            FakeHttp.Response refused = send(ApiFixtures.SUPERVISOR, "GET", path, null);
            assertEquals(path, 403, refused.status);
            assertTrue(refused.body(), refused.body().contains("la supervisión ve los conteos sin nombres"));
            assertFalse(refused.body().contains("Sofía"));
        }
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, "GET", BASE + "/grupos/3/A", null).status);
        assertEquals(403, send(ApiFixtures.OTHER_TEACHER, "GET", BASE + "/conteos", null).status);

        FakeHttp.Response counts = send(ApiFixtures.SUPERVISOR, "GET", BASE + "/conteos", null);
        assertEquals(counts.body(), 200, counts.status);
        assertFalse(counts.body(), counts.body().contains("Sofía"));
        JsonObject first = counts.json().getAsJsonArray("grupos").get(0).getAsJsonObject();
        assertEquals(1, first.getAsJsonObject("lectura").get("requiere-apoyo").getAsInt());
        assertEquals(1, first.get("asistenciaBaja").getAsInt());
        FakeHttp.Response zone = ApiFixtures.send(servlet, ApiFixtures.SUPERVISOR, FakeRequest.of("GET",
                "/api/v1/pupils", "/zonas/" + ApiFixtures.ZONE.key()).query("ciclo", "2019-2020"));
        assertEquals(zone.body(), 200, zone.status);
        assertEquals(1, zone.json().getAsJsonArray("grupos").size());
    }

    @Test
    public void aWrongValueIsNamedAndAnExportNeverCarriesAFormula() throws Exception {
        FakeHttp.Response wrong = send(ApiFixtures.TEACHER, "POST", BASE + "/alumnos", pupil("Ana", "verde"));
        assertEquals(400, wrong.status);
        assertEquals("lectura", wrong.json().get("campo").getAsString());
        FakeHttp.Response noGroup = send(ApiFixtures.TEACHER, "POST", BASE + "/alumnos", pupil("Ana", "esperado")
                .replace("\"grado\": 3", "\"grado\": 5"));
        assertEquals(422, noGroup.status);
        assertEquals("grupo", noGroup.json().get("campo").getAsString());

        send(ApiFixtures.TEACHER, "POST", BASE + "/alumnos", pupil("=HYPERLINK(\\\"http://x\\\")", "esperado"));
        FakeHttp.Response csv = send(ApiFixtures.DIRECTOR, "GET", BASE + "/alumnos.csv", null);
        assertEquals(200, csv.status);
        assertTrue(csv.body(), csv.body().contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
        assertTrue(audited.toString(), audited.contains("directora alumnos-exportados"));
    }

    @Test
    public void theDirectorImportsTheGroupListTheSchoolHas() throws Exception {
        FakeHttp.Response imported = ApiFixtures.send(servlet, ApiFixtures.DIRECTOR, FakeRequest.of("POST",
                "/api/v1/pupils", BASE + "/importar").body("text/csv", ("grado,grupo,nombre\n3,A,José Peña\n2,A,Eva"
                        + " Solís\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(imported.body(), 200, imported.status);
        assertEquals(2, imported.json().get("agregados").getAsInt());
        FakeHttp.Response refused = ApiFixtures.send(servlet, ApiFixtures.DIRECTOR, FakeRequest.of("POST",
                "/api/v1/pupils", BASE + "/importar").body("text/csv", "grado,grupo,nombre\n9,A,Pedro\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(422, refused.status);
        assertTrue(refused.body(), refused.body().contains("linea 2"));
    }
}
