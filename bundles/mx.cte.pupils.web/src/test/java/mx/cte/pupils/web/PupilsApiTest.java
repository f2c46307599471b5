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
import mx.cte.core.http.JsonResponses;
import mx.cte.pupils.impl.PupilService;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.Caller;
import mx.cte.security.api.RoleGrant;
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
            ApiFixtures.directory(), Clock.systemUTC(), 1, "anonimizar"), ApiFixtures.directory(), accounts());

    /** The school's staff: the director and two teachers; one of them also a teacher of another school. */
    private static Accounts accounts() {
        return (Accounts) Proxy.newProxyInstance(PupilsApiTest.class.getClassLoader(), new Class<?>[] {Accounts.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "staffOf" -> args[0].equals(ApiFixtures.SCHOOL) ? List.of(
                            new Account("directora", "Directora", true, List.of(RoleGrant.parse(
                                    "director@15EJN0101A")), 1),
                            new Account("docente.ana", "Ana Ruiz", true, List.of(RoleGrant.parse(
                                    "docente@15EJN0101A")), 1),
                            new Account("docente.luis", "Luis Mora", true, List.of(RoleGrant.parse(
                                    "docente@15EJN0101A")), 1)) : List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final Caller OTHER_GROUP_TEACHER = ApiFixtures.caller("docente.luis", "docente@15EJN0101A");

    private FakeHttp.Response assign(Caller caller, String group, int grade, String... teachers) {
        return send(caller, "PUT", BASE + "/asignaciones", "{\"grupo\": \"" + group + "\", \"grados\": [" + grade
                + "], \"docentes\": [" + String.join(", ", List.of(teachers).stream().map(t -> "\"" + t + "\"")
                        .toList()) + "]}");
    }

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
        assertEquals(200, assign(ApiFixtures.DIRECTOR, "A", 3, "docente.ana").status);
        FakeHttp.Response added = send(ApiFixtures.TEACHER, "POST", BASE + "/alumnos", pupil("Sofía Ramírez",
                "requiere-apoyo"));
        assertEquals(added.body(), 201, added.status);
        FakeHttp.Response group = send(ApiFixtures.TEACHER, "GET", BASE + "/grupos/3/A", null);
        assertEquals(200, group.status);
        assertEquals("Sofía Ramírez", group.json().getAsJsonArray("alumnos").get(0).getAsJsonObject().get("nombre")
                .getAsString());
        assertTrue("never kept by a cache", group.headers.get("Cache-Control").contains("no-store"));
        assertEquals("nor by the web UI for offline use", "1", group.headers.get(JsonResponses.NOT_KEPT_ON_DEVICE));
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
    public void aTeacherReadsAndWritesOnlyTheGroupsTheDirectorAssignedHer() throws Exception {
        FakeHttp.Response before = send(ApiFixtures.TEACHER, "GET", BASE + "/grupos/3/A", null);
        assertEquals("nobody assigned yet", 403, before.status);
        assertTrue(before.body(), before.body().contains("pida a la dirección que se lo asigne"));
        assertEquals(201, send(ApiFixtures.DIRECTOR, "POST", BASE + "/alumnos", pupil("Sofía Ramírez", "esperado"))
                .status);

        FakeHttp.Response byTeacher = assign(ApiFixtures.TEACHER, "A", 3, "docente.ana");
        assertEquals("only the director assigns", 403, byTeacher.status);
        FakeHttp.Response stranger = assign(ApiFixtures.DIRECTOR, "A", 3, "docente.ana", "docente.bernardo");
        assertEquals(400, stranger.status);
        assertEquals("docentes[1]", stranger.json().get("campo").getAsString());
        FakeHttp.Response noGroup = assign(ApiFixtures.DIRECTOR, "B", 3, "docente.ana");
        assertEquals(422, noGroup.status);
        assertEquals(200, assign(ApiFixtures.DIRECTOR, "A", 3, "docente.ana").status);
        assertEquals(200, assign(ApiFixtures.DIRECTOR, "A", 2, "docente.luis").status);

        FakeHttp.Response listed = send(ApiFixtures.TEACHER, "GET", BASE + "/asignaciones", null);
        assertEquals(listed.body(), 200, listed.status);
        assertFalse(listed.json().get("asigna").getAsBoolean());
        assertEquals(3, listed.json().getAsJsonArray("grupos").size());
        assertEquals(2, listed.json().getAsJsonArray("docentes").size());
        assertEquals(200, send(ApiFixtures.TEACHER, "GET", BASE + "/grupos/3/A", null).status);
        assertEquals(403, send(OTHER_GROUP_TEACHER, "GET", BASE + "/grupos/3/A", null).status);
        assertEquals(403, send(OTHER_GROUP_TEACHER, "POST", BASE + "/alumnos", pupil("Eva Solís", "esperado"))
                .status);
        long id = send(ApiFixtures.TEACHER, "GET", BASE + "/grupos/3/A", null).json().getAsJsonArray("alumnos")
                .get(0).getAsJsonObject().get("id").getAsLong();
        FakeHttp.Response moved = send(OTHER_GROUP_TEACHER, "PUT", "/15EJN0101A/alumnos/" + id, pupil("Sofía Ramírez",
                "esperado").replace("\"grado\": 3", "\"grado\": 2").replace("}", ", \"version\": 1}"));
        assertEquals("not his pupil, even to move her into his group", 403, moved.status);
        assertEquals(403, ApiFixtures.send(servlet, OTHER_GROUP_TEACHER, FakeRequest.of("DELETE", "/api/v1/pupils",
                "/15EJN0101A/alumnos/" + id).query("version", "1")).status);

        FakeHttp.Response list = ApiFixtures.send(servlet, OTHER_GROUP_TEACHER, FakeRequest.of("POST",
                "/api/v1/pupils", BASE + "/importar").body("text/csv", ("grado,grupo,nombre\n2,A,Eva Solís\n3,A,José"
                        + " Peña\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(list.body(), 422, list.status);
        assertTrue(list.body(), list.body().contains("linea 3: el grupo 3° A no le está asignado"));
        FakeHttp.Response own = ApiFixtures.send(servlet, OTHER_GROUP_TEACHER, FakeRequest.of("POST",
                "/api/v1/pupils", BASE + "/importar").body("text/csv", "grado,grupo,nombre\n2,A,Eva Solís\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(own.body(), 200, own.status);

        FakeHttp.Response export = send(OTHER_GROUP_TEACHER, "GET", BASE + "/alumnos.csv", null);
        assertEquals(200, export.status);
        assertTrue(export.body(), export.body().contains("Eva Solís"));
        assertFalse("only his groups", export.body().contains("Sofía"));
        FakeHttp.Response all = send(ApiFixtures.DIRECTOR, "GET", BASE + "/alumnos.csv", null);
        assertTrue(all.body(), all.body().contains("Eva Solís") && all.body().contains("Sofía"));
    }

    @Test
    public void aWrongValueIsNamedAndAnExportNeverCarriesAFormula() throws Exception {
        assertEquals(200, assign(ApiFixtures.DIRECTOR, "A", 3, "docente.ana").status);
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
