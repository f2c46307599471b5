package mx.cte.results.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RoutedServlet;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;

/**
 * The results module's route table: each request reaches the service call it names once its parameters and the
 * caller's rights are checked, and a mistake is refused, naming its field, before any call. The services record the
 * call and answer 418, which is enough to see where a request went.
 */
public class ResultsRoutesTest {

    private static final int REACHED = 418;

    private final List<String> calls = new ArrayList<>();
    private boolean published;

    private <T> T recording(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("isPublished")) {
                        return published;
                    }
                    calls.add(method.getName());
                    throw new ProblemException(REACHED, "Alcanzado", method.getName());
                }));
    }

    private final RoutedServlet servlet = new ResultsServlet(recording(ExpectedResults.class),
            recording(ResultsAnalysis.class), ApiFixtures.directory());

    private FakeHttp.Response send(Caller caller, String method, String path, String json, String... query) {
        FakeRequest request = FakeRequest.of(method, "/api/v1/results", path);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.query(query[i], query[i + 1]);
        }
        return ApiFixtures.send(servlet, caller, json == null ? request : request.json(json));
    }

    private String reached(Caller caller, String method, String path, String json, String... query) {
        calls.clear();
        FakeHttp.Response response = send(caller, method, path, json, query);
        assertEquals(method + " " + path + ": " + response.body(), REACHED, response.status);
        assertEquals(1, calls.size());
        return calls.get(0);
    }

    @Test
    public void everyRouteReachesItsServiceCall() {
        Caller teacher = ApiFixtures.TEACHER;
        String p = "{\"periodo\":\"2016-11\",\"version\":3}";
        assertEquals("table", reached(teacher, "GET", "/15EJN0101A/expected", null, "periodo", "2016-11"));
        assertEquals("add", reached(teacher, "POST", "/15EJN0101A/expected", "{\"periodo\":\"2016-11\",\"grado\":2}"));
        assertEquals("copyForward", reached(teacher, "POST", "/15EJN0101A/expected/copy",
                "{\"desde\":\"2016-11\",\"hacia\":\"2016-12\"}"));
        assertEquals("update", reached(teacher, "PUT", "/15EJN0101A/expected/7", "{\"grado\":2,\"version\":1}"));
        assertEquals("remove", reached(teacher, "DELETE", "/15EJN0101A/expected/7", null, "version", "1"));
        assertEquals("assessment", reached(teacher, "GET", "/15EJN0101A/groups/2/A", null, "periodo", "2016-11"));
        assertEquals("reflect", reached(teacher, "PUT", "/15EJN0101A/groups/2/A/reflection", p));
        assertEquals("observe", reached(teacher, "POST", "/15EJN0101A/groups/2/A/observations",
                "{\"periodo\":\"2016-11\",\"agente\":\"musica\",\"texto\":\"x\"}"));
        assertEquals("rate", reached(teacher, "PUT", "/15EJN0101A/ratings/7/A", "{\"avance\":\"logrado\","
                + "\"version\":0}"));
        assertEquals("removeObservation", reached(teacher, "DELETE", "/15EJN0101A/observations/9", null));
        assertEquals("coincidences", reached(teacher, "GET", "/15EJN0101A/coincidences", null, "periodo", "2016-11"));
        assertEquals("saveTeamWork", reached(teacher, "PUT", "/15EJN0101A/coincidences/2", p));
        assertEquals("strategy", reached(teacher, "GET", "/15EJN0101A/strategy", null, "periodo", "2016-11"));
        assertEquals("saveStrategyAction", reached(teacher, "POST", "/15EJN0101A/strategy", p));
        assertEquals("saveStrategyAction", reached(teacher, "PUT", "/15EJN0101A/strategy/4", p));
        assertEquals("removeStrategyAction", reached(teacher, "DELETE", "/15EJN0101A/strategy/4", null,
                "version", "3"));
        assertEquals("concentrate", reached(teacher, "GET", "/15EJN0101A/concentrate", null, "periodo", "2016-11"));
        assertEquals("saveConcentrateItem", reached(teacher, "POST", "/15EJN0101A/concentrate",
                "{\"periodo\":\"2016-11\",\"tipo\":\"logro\"}"));
        assertEquals("prefillConcentrate", reached(teacher, "POST", "/15EJN0101A/concentrate/prefill", p));
        assertEquals("saveConcentrateItem", reached(teacher, "PUT", "/15EJN0101A/concentrate/5",
                "{\"periodo\":\"2016-11\",\"tipo\":\"logro\",\"version\":1}"));
        assertEquals("removeConcentrateItem", reached(teacher, "DELETE", "/15EJN0101A/concentrate/5", null,
                "version", "1"));
        assertEquals("publish", reached(ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/publication",
                "{\"periodo\":\"2016-11\",\"publicado\":true}"));
        assertEquals("zoneRollup", reached(ApiFixtures.SUPERVISOR, "GET", "/zones/15-preescolar-015", null,
                "periodo", "2016-11"));
        assertEquals("stateRollup", reached(ApiFixtures.caller("autoridad", "autoridad-estatal@15"), "GET",
                "/states/15", null, "periodo", "2016-11"));
        assertEquals("collectivePending", reached(teacher, "GET", "/collective", null,
                "escuelas", "15EJN0101A,15EJN0102B", "periodo", "2016-11"));
        assertEquals("agreeToCollective", reached(ApiFixtures.DIRECTOR, "PUT", "/collective/agreement",
                "{\"escuelas\":[\"15EJN0101A\",\"15EJN0102B\"],\"escuela\":\"15EJN0101A\"}"));
        assertEquals("leaveCollective", reached(ApiFixtures.DIRECTOR, "DELETE", "/collective/agreement", null,
                "escuelas", "15EJN0101A,15EJN0102B", "escuela", "15EJN0101A"));
        assertEquals("formCollective", reached(ApiFixtures.SUPERVISOR, "PUT", "/collective/agreement",
                "{\"escuelas\":[\"15EJN0101A\",\"15EJN0102B\"]}"));
    }

    private void refused(int status, String field, Caller caller, String method, String path, String json,
            String... query) {
        calls.clear();
        FakeHttp.Response response = send(caller, method, path, json, query);
        assertEquals(method + " " + path + ": " + response.body(), status, response.status);
        if (field != null) {
            assertEquals(field, response.json().get("campo").getAsString());
        }
        assertEquals(List.of(), calls);
    }

    @Test
    public void mistakesAreRefusedNamingTheirFieldBeforeAnyCall() {
        Caller teacher = ApiFixtures.TEACHER;
        refused(400, "periodo", teacher, "GET", "/15EJN0101A/expected", null);
        refused(400, "periodo", teacher, "GET", "/15EJN0101A/concentrate", null, "periodo", "noviembre");
        refused(400, "grado", teacher, "GET", "/15EJN0101A/groups/segundo/A", null, "periodo", "2016-11");
        refused(400, "version", teacher, "DELETE", "/15EJN0101A/strategy/4", null);
        refused(400, "version", teacher, "PUT", "/15EJN0101A/expected/7", "{\"grado\":2}");
        refused(400, "cct", teacher, "GET", "/15EJN01/expected", null, "periodo", "2016-11");
        refused(400, "zona", ApiFixtures.SUPERVISOR, "GET", "/zones/zona-15", null, "periodo", "2016-11");
        refused(400, "entidad", ApiFixtures.SUPERVISOR, "GET", "/states/40", null, "periodo", "2016-11");
        refused(400, "escuelas[1]", ApiFixtures.DIRECTOR, "PUT", "/collective/agreement",
                "{\"escuelas\":[\"15EJN0101A\",\"nada\"],\"escuela\":\"15EJN0101A\"}");
        refused(400, "escuelas", teacher, "GET", "/collective", null, "escuelas", "15EJN0101A",
                "periodo", "2016-11");
        refused(400, "publicado", ApiFixtures.DIRECTOR, "PUT", "/15EJN0101A/publication",
                "{\"periodo\":\"2016-11\"}");
        refused(400, "sintesis", teacher, "PUT", "/15EJN0101A/coincidences/2",
                "{\"periodo\":\"2016-11\",\"sintesis\":[],\"version\":1}");
        refused(404, null, teacher, "GET", "/15EJN0101A/strategy/cuatro", null);
        refused(405, null, teacher, "PATCH", "/15EJN0101A/strategy/4", null);
    }

    @Test
    public void readersSeeOnlyWhatTheSchoolPublishedAndOnlyStaffWrite() {
        published = false;
        FakeHttp.Response draft = send(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A/concentrate", null,
                "periodo", "2016-11");
        assertEquals(403, draft.status);
        assertTrue(draft.body(), draft.json().get("detail").getAsString().contains("aún no comparte"));
        published = true;
        assertEquals("concentrate", reached(ApiFixtures.SUPERVISOR, "GET", "/15EJN0101A/concentrate", null,
                "periodo", "2016-11"));

        refused(403, null, ApiFixtures.SUPERVISOR, "POST", "/15EJN0101A/strategy", "{\"periodo\":\"2016-11\"}");
        refused(403, null, ApiFixtures.TEACHER, "PUT", "/15EJN0101A/publication",
                "{\"periodo\":\"2016-11\",\"publicado\":true}");
        refused(403, null, ApiFixtures.OTHER_TEACHER, "GET", "/15EJN0101A/expected", null, "periodo", "2016-11");
        refused(403, null, ApiFixtures.TEACHER, "GET", "/zones/15-preescolar-015", null, "periodo", "2016-11");
        refused(403, null, ApiFixtures.TEACHER, "PUT", "/collective/agreement",
                "{\"escuelas\":[\"15EJN0101A\",\"15EJN0102B\"],\"escuela\":\"15EJN0101A\"}");
        refused(401, null, null, "GET", "/15EJN0101A/expected", null, "periodo", "2016-11");
    }
}
