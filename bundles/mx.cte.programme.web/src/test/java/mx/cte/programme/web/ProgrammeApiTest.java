package mx.cte.programme.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.lang.reflect.Proxy;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.programme.impl.ProgrammeService;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/** The programme's routes over the module's service on H2: what staff, the director and readers get. */
public class ProgrammeApiTest {

    private static final String PATH = "/15EJN0101A/2019-2020";
    static final String PEMC = "{\"tipo\": \"pemc\", \"version\": %d, \"diagnostico\": {\"aprovechamiento\":"
            + " \"El 40 %% de los niños de 3° no expresa sus ideas con claridad.\"}, \"objetivos\": [{\"id\": \"o1\","
            + " \"verbo\": \"Incrementar\", \"indicador\": \"el porcentaje de niños de 3° que narran con"
            + " secuencia\", \"metrica\": \"porcentaje\", \"meta\": \"75\", \"fecha\": \"2020-06-30\", \"ambitos\":"
            + " [\"aprovechamiento\"], \"metas\": [{\"descripcion\": \"50 %% en diciembre\", \"fecha\":"
            + " \"2019-12-13\"}]}], \"acciones\": [{\"objetivo\": \"o1\", \"ambito\": \"practicas\", \"descripcion\":"
            + " \"Ronda de narración los lunes\", \"responsables\": [\"Educadoras de 3°\"], \"recursos\": \"Cuentos"
            + " de la biblioteca\", \"inicio\": \"2019-09-02\", \"fin\": \"2020-06-29\", \"medicion\": \"Lista de"
            + " cotejo mensual\"}]}";

    private final ProgrammeService service = new ProgrammeService(TestDatabases.fresh(DatabaseKind.H2), (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
                AuditLog.class}, (proxy, method, args) -> null));
    private final ProgrammeServlet servlet = new ProgrammeServlet(service, ApiFixtures.directory());

    private FakeHttp.Response send(Caller caller, String method, String path, String json) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/programme", path);
        return ApiFixtures.send(servlet, caller, json == null ? request : request.json(json));
    }

    @Test
    public void staffStartFromAnEmptyPemcWithItsEightAreasAndSaveIt() throws Exception {
        FakeHttp.Response empty = send(ApiFixtures.TEACHER, "GET", PATH, null);
        assertEquals(empty.body(), 200, empty.status);
        assertEquals(0, empty.json().get("version").getAsInt());
        assertEquals("pemc", empty.json().get("tipo").getAsString());
        assertEquals(8, empty.json().getAsJsonArray("ambitos").size());
        assertFalse(empty.json().get("puedeContinuar").getAsBoolean());
        assertEquals("before 2019-2020 a new programme is a Ruta de Mejora", "ruta-mejora", send(ApiFixtures.TEACHER,
                "GET", "/15EJN0101A/2016-2017", null).json().get("tipo").getAsString());

        FakeHttp.Response saved = send(ApiFixtures.TEACHER, "PUT", PATH, String.format(PEMC, 0));
        assertEquals(saved.body(), 200, saved.status);
        JsonObject body = saved.json();
        assertEquals(1, body.get("version").getAsInt());
        assertEquals("a1", body.getAsJsonArray("acciones").get(0).getAsJsonObject().get("id").getAsString());
        assertTrue(body.getAsJsonArray("objetivos").get(0).getAsJsonObject().get("enunciado").getAsString()
                .startsWith("Incrementar el porcentaje de niños de 3° que narran con secuencia a 75"));

        FakeHttp.Response stale = send(ApiFixtures.DIRECTOR, "PUT", PATH, String.format(PEMC, 0));
        assertEquals(409, stale.status);
        assertEquals(1, stale.json().getAsJsonObject("actual").get("version").getAsInt());
    }

    @Test
    public void everyFieldAtFaultIsNamedAndNothingIsStored() throws Exception {
        FakeHttp.Response refused = send(ApiFixtures.TEACHER, "PUT", PATH, String.format(PEMC, 0)
                .replace("\"verbo\": \"Incrementar\"", "\"verbo\": \"\"").replace("\"practicas\"", "\"patio\""));
        assertEquals(refused.body(), 422, refused.status);
        assertEquals("objetivos[0].verbo", refused.json().get("campo").getAsString());
        assertEquals("acciones[0].ambito", refused.json().getAsJsonArray("campos").get(1).getAsJsonObject()
                .get("campo").getAsString());
        FakeHttp.Response badDate = send(ApiFixtures.TEACHER, "PUT", PATH, String.format(PEMC, 0)
                .replace("\"2019-09-02\"", "\"02/09/2019\""));
        assertEquals(400, badDate.status);
        assertEquals("acciones[0].inicio", badDate.json().get("campo").getAsString());
        FakeHttp.Response badCycle = send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/2019", null);
        assertEquals(400, badCycle.status);
        assertEquals("ciclo", badCycle.json().get("campo").getAsString());
        assertEquals(0, send(ApiFixtures.TEACHER, "GET", PATH, null).json().get("version").getAsInt());
    }

    @Test
    public void theDirectorPublishesAndTheSupervisorReadsOnlyWhatWasPublished() throws Exception {
        send(ApiFixtures.TEACHER, "PUT", PATH, String.format(PEMC, 0));
        assertEquals(404, send(ApiFixtures.SUPERVISOR, "GET", PATH, null).status);
        assertEquals("a teacher does not publish", 403, send(ApiFixtures.TEACHER, "POST", PATH + "/publicar",
                "{\"version\": 1}").status);
        FakeHttp.Response published = send(ApiFixtures.DIRECTOR, "POST", PATH + "/publicar", "{\"version\": 1}");
        assertEquals(published.body(), 200, published.status);
        assertTrue(published.json().has("publicado"));

        send(ApiFixtures.TEACHER, "PUT", PATH, String.format(PEMC, 1).replace("Ronda de narración",
                "Borrador sin publicar"));
        FakeHttp.Response read = send(ApiFixtures.SUPERVISOR, "GET", PATH, null);
        assertEquals(read.body(), 200, read.status);
        assertTrue(read.body().contains("Ronda de narración"));
        assertFalse(read.body().contains("Borrador sin publicar"));
        FakeHttp.Response zoneAnswer = ApiFixtures.send(servlet, ApiFixtures.SUPERVISOR, FakeRequest.of("GET",
                "/api/v1/programme", "/zonas/" + ApiFixtures.ZONE.key()).query("ciclo", "2019-2020"));
        assertEquals(zoneAnswer.body(), 200, zoneAnswer.status);
        JsonObject zone = zoneAnswer.json();
        assertEquals(2, zone.getAsJsonArray("escuelas").size());
        for (com.google.gson.JsonElement school : zone.getAsJsonArray("escuelas")) {
            boolean ours = school.getAsJsonObject().get("escuela").getAsString().equals("15EJN0101A");
            assertEquals("only the school that published has a programme listed", ours, school.getAsJsonObject()
                    .has("acciones"));
        }

        assertEquals("the supervisor writes nothing", 403, send(ApiFixtures.SUPERVISOR, "PUT", PATH,
                String.format(PEMC, 2)).status);
        assertEquals("the supervisor does not read the follow-up", 403, send(ApiFixtures.SUPERVISOR, "GET", PATH
                + "/seguimiento", null).status);
        assertEquals("another school's staff read nothing", 403, send(ApiFixtures.OTHER_TEACHER, "GET", PATH,
                null).status);
    }

    @Test
    public void aSessionFollowsUpAnActionAndTheNextYearCarriesItOver() throws Exception {
        send(ApiFixtures.TEACHER, "PUT", PATH, String.format(PEMC, 0));
        String followUp = "{\"sesion\": \"SEP:2019-2020:preescolar:ordinaria-3\", \"avance\": \"en-proceso\","
                + " \"comentario\": \"12 de 20 niños narran con inicio, desarrollo y cierre\", \"version\": 0}";
        FakeHttp.Response recorded = send(ApiFixtures.TEACHER, "PUT", PATH + "/acciones/a1/seguimiento", followUp);
        assertEquals(recorded.body(), 200, recorded.status);
        assertEquals("en-proceso", recorded.json().get("avance").getAsString());
        assertEquals(409, send(ApiFixtures.DIRECTOR, "PUT", PATH + "/acciones/a1/seguimiento", followUp).status);
        FakeHttp.Response unknown = send(ApiFixtures.TEACHER, "PUT", PATH + "/acciones/a7/seguimiento", followUp);
        assertEquals(422, unknown.status);
        assertEquals("accion", unknown.json().get("campo").getAsString());
        assertEquals(400, send(ApiFixtures.TEACHER, "PUT", PATH + "/acciones/a1/seguimiento", followUp.replace(
                "en-proceso", "casi")).status);
        assertEquals(1, send(ApiFixtures.TEACHER, "GET", PATH + "/seguimiento", null).json()
                .getAsJsonArray("seguimiento").size());

        assertTrue(send(ApiFixtures.TEACHER, "GET", "/15EJN0101A/2020-2021", null).json().get("puedeContinuar")
                .getAsBoolean());
        FakeHttp.Response carried = send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/2020-2021/continuar", "{}");
        assertEquals(carried.body(), 201, carried.status);
        assertEquals("2019-2020", carried.json().get("continuadoDe").getAsString());
        assertEquals(409, send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/2020-2021/continuar", "{}").status);
        assertEquals(404, send(ApiFixtures.TEACHER, "POST", "/15EJN0101A/2015-2016/continuar", "{}").status);
    }
}
