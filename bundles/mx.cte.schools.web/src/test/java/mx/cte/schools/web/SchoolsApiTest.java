package mx.cte.schools.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolStructure;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.storage.api.StaleVersionException;
import org.junit.Test;

/** The routes of schools, zones and catalogue imports over a directory kept in memory. */
public class SchoolsApiTest {

    private final Map<Cct, School> schools = new HashMap<>(Map.of(
            ApiFixtures.SCHOOL, ApiFixtures.school(ApiFixtures.SCHOOL),
            ApiFixtures.OTHER_SCHOOL, ApiFixtures.school(ApiFixtures.OTHER_SCHOOL)));

    private final SchoolDirectory directory = (SchoolDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SchoolDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                case "school" -> Optional.ofNullable(schools.get(args[0]));
                case "schools" -> args[0].equals(ApiFixtures.ZONE) ? List.copyOf(schools.values()) : List.of();
                case "updateStructure" -> {
                    School current = schools.get(args[0]);
                    if (current.version() != (Long) args[2]) {
                        throw new StaleVersionException("escuela " + args[0], (Long) args[2], current.version());
                    }
                    SchoolStructure structure = (SchoolStructure) args[1];
                    if (structure.groups().stream().anyMatch(g -> g.grades().contains(4))) {
                        throw new IllegalArgumentException("El preescolar no tiene 4.º grado");
                    }
                    School changed = new School(current.cct(), current.name(), current.municipality(),
                            current.level(), current.zone(), current.shift(), structure.multigrade(),
                            structure.groups(), current.version() + 1);
                    schools.put(current.cct(), changed);
                    yield changed;
                }
                case "importCatalogue" -> throw new IllegalStateException("sin base de datos en esta prueba");
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final mx.cte.security.api.Accounts accounts = (mx.cte.security.api.Accounts) java.lang.reflect.Proxy
            .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {mx.cte.security.api.Accounts.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "staffOf" -> List.of(new mx.cte.security.api.Account("docente.ana",
                                "Educadora Ana López", true, List.of(), 1));
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
    private final SchoolServlet schoolServlet = new SchoolServlet(directory, accounts);
    private final ZoneSchoolsServlet zoneServlet = new ZoneSchoolsServlet(directory);
    private final CatalogueImportServlet importServlet = new CatalogueImportServlet(new CatalogueImports(directory));

    private static final String STRUCTURE = "{\"multigrado\":true,\"grupos\":[{\"nombre\":\"A\",\"grados\":[1,2]},"
            + "{\"nombre\":\"B\",\"grados\":[3]}],\"version\":1}";

    private FakeHttp.Response school(Caller caller, String method, String path, String json) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/schools", path);
        return ApiFixtures.send(schoolServlet, caller, json == null ? request : request.json(json));
    }

    @Test
    public void theDirectorChangesTheStructureOnTheVersionSheSaw() {
        assertEquals(403, school(ApiFixtures.TEACHER, "PUT", "/15EJN0101A/structure", STRUCTURE).status);
        FakeHttp.Response changed = school(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/structure", STRUCTURE);
        assertEquals(changed.body(), 200, changed.status);
        assertEquals(true, changed.json().get("multigrado").getAsBoolean());
        FakeHttp.Response read = school(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A/structure", null);
        assertEquals(2, read.json().getAsJsonArray("grupos").size());
        assertEquals(2, read.json().get("version").getAsInt());

        FakeHttp.Response stale = school(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/structure", STRUCTURE);
        assertEquals(409, stale.status);
        assertEquals(2, stale.json().getAsJsonObject("actual").get("version").getAsInt());
    }

    @Test
    public void aStructureThatCannotBeIsRefusedNamingWhere() {
        FakeHttp.Response badName = school(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/structure",
                STRUCTURE.replace("\"B\"", "\"B/2\""));
        assertEquals(400, badName.status);
        assertEquals("grupos[1]", badName.json().get("campo").getAsString());
        FakeHttp.Response noGrades = school(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/structure",
                "{\"multigrado\":false,\"grupos\":[{\"nombre\":\"A\"}],\"version\":1}");
        assertEquals("grupos[0].grados", noGrades.json().get("campo").getAsString());
        FakeHttp.Response unknownGrade = school(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/structure",
                STRUCTURE.replace("[3]", "[4]"));
        assertEquals(422, unknownGrade.status);
        assertEquals(1, schools.get(ApiFixtures.SCHOOL).version());
    }

    @Test
    public void schoolsAndZonesAreReadInTheirScope() {
        assertEquals("15EJN0101A", school(ApiFixtures.TEACHER, "GET", "/15EJN0101A", null).json().get("cct")
                .getAsString());
        assertEquals(403, school(ApiFixtures.OTHER_TEACHER, "GET", "/15EJN0101A", null).status);
        assertEquals(403, school(ApiFixtures.TEACHER, "GET", "/15EJN0199Z", null).status);
        assertEquals(400, school(ApiFixtures.TEACHER, "GET", "/15EJN01", null).status);
        FakeHttp.Response staff = school(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A/staff", null);
        assertEquals("who wrote what, by name", "Educadora Ana López", staff.json().getAsJsonArray("personal").get(0)
                .getAsJsonObject().get("nombre").getAsString());
        assertEquals(403, school(ApiFixtures.OTHER_TEACHER, "GET", "/15EJN0101A/staff", null).status);

        FakeHttp.Response zone = ApiFixtures.send(zoneServlet, ApiFixtures.SUPERVISOR,
                FakeRequest.of("GET", "/api/v1/zones", "/15-preescolar-015/schools"));
        assertEquals(2, zone.json().getAsJsonArray("escuelas").size());
        assertEquals(403, ApiFixtures.send(zoneServlet, ApiFixtures.TEACHER,
                FakeRequest.of("GET", "/api/v1/zones", "/15-preescolar-015/schools")).status);
        FakeHttp.Response badZone = ApiFixtures.send(zoneServlet, ApiFixtures.SUPERVISOR,
                FakeRequest.of("GET", "/api/v1/zones", "/15-015/schools"));
        assertEquals("zona", badZone.json().get("campo").getAsString());
    }

    @Test
    public void onlyAnAdministratorImportsTheCatalogueAndFollowsIt() throws Exception {
        byte[] csv = "cct,nombre\n".getBytes(StandardCharsets.UTF_8);
        Caller administrator = ApiFixtures.caller("admin", "administrador");
        assertEquals(403, ApiFixtures.send(importServlet, ApiFixtures.DIRECTOR,
                FakeRequest.of("POST", "/api/v1/school-catalogue", null).body("text/csv", csv)).status);
        assertEquals(415, ApiFixtures.send(importServlet, administrator,
                FakeRequest.of("POST", "/api/v1/school-catalogue", null).json("{}")).status);

        FakeHttp.Response started = ApiFixtures.send(importServlet, administrator,
                FakeRequest.of("POST", "/api/v1/school-catalogue", null).query("archivo", "catalogo-2016.csv")
                        .body("text/csv", csv));
        assertEquals(started.body(), 202, started.status);
        String location = started.headers.get("Location");
        assertTrue(location, location.startsWith("/api/v1/school-catalogue/imports/"));
        assertEquals("catalogo-2016.csv", started.json().get("archivo").getAsString());

        String id = location.substring(location.lastIndexOf('/') + 1);
        String state = "en-curso";
        for (int i = 0; i < 100 && state.equals("en-curso"); i++) {
            Thread.sleep(20);
            state = ApiFixtures.send(importServlet, administrator, FakeRequest.of("GET", "/api/v1/school-catalogue",
                    "/imports/" + id)).json().get("estado").getAsString();
        }
        assertEquals("fallida", state);
        assertEquals(404, ApiFixtures.send(importServlet, administrator,
                FakeRequest.of("GET", "/api/v1/school-catalogue", "/imports/otra")).status);
    }
}
