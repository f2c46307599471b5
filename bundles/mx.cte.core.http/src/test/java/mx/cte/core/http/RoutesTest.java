package mx.cte.core.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class RoutesTest {

    private final List<String> served = new ArrayList<>();

    private Routes.Handler named(String name) {
        return call -> served.add(name);
    }

    private final Routes table = Routes.builder()
            .get("/{cct}/agreements", named("list"))
            .post("/{cct}/agreements", named("create"))
            .get("/{cct}/agreements/{id:int}", named("one"))
            .put("/{cct}/agreements/{id:int}", named("update"))
            .get("/{cct}/agreements/open", named("open"))
            .get("/{cct}/{anything}", named("catch-all"))
            .build();

    private String routeOf(String method, String path) {
        Routes.Resolution resolution = table.resolve(method, path);
        if (resolution instanceof Routes.Found found) {
            return found.match().route().toString() + " " + found.match().parameters();
        }
        return resolution.toString();
    }

    @Test
    public void aPathTakesItsParametersByName() {
        assertEquals("GET /{cct}/agreements/{id:int} {cct=15EJN0101A, id=7}",
                routeOf("GET", "/15EJN0101A/agreements/7"));
        assertEquals("PUT /{cct}/agreements/{id:int} {cct=15EJN0101A, id=7}",
                routeOf("PUT", "/15EJN0101A/agreements/7"));
    }

    @Test
    public void aLiteralSegmentWinsOverAParameterWhateverTheOrderDeclared() {
        assertEquals("GET /{cct}/agreements/open {cct=X}", routeOf("GET", "/X/agreements/open"));
        assertEquals("GET /{cct}/agreements {cct=X}", routeOf("GET", "/X/agreements"));
        assertEquals("GET /{cct}/{anything} {cct=X, anything=staff}", routeOf("GET", "/X/staff"));
    }

    @Test
    public void aNumberParameterTakesOnlyDigitsOfAtMostEighteen() {
        assertEquals("NotFound[]", routeOf("GET", "/X/agreements/7a"));
        assertEquals("NotFound[]", routeOf("GET", "/X/agreements/-7"));
        assertEquals("NotFound[]", routeOf("GET", "/X/agreements/1234567890123456789"));
    }

    @Test
    public void emptySegmentsAndExtraSegmentsMatchNothing() {
        assertEquals("NotFound[]", routeOf("GET", "/X/agreements/"));
        assertEquals("NotFound[]", routeOf("GET", "//agreements"));
        assertEquals("NotFound[]", routeOf("GET", "/X/agreements/7/more"));
        assertEquals("NotFound[]", routeOf("GET", null));
        assertEquals("NotFound[]", routeOf("GET", "/"));
    }

    @Test
    public void aPathOfOtherMethodsNamesThemAndHeadIsServedAsGet() {
        assertEquals("WrongMethod[allowed=GET, HEAD, POST]", routeOf("DELETE", "/X/agreements"));
        assertEquals("GET /{cct}/agreements {cct=X}", routeOf("HEAD", "/X/agreements"));
        assertEquals("WrongMethod[allowed=GET, HEAD, PUT]", routeOf("POST", "/X/agreements/3"));
        assertEquals("DELETE, GET, HEAD, POST, PUT",
                Routes.builder().get("/a", named("a")).post("/a", named("b")).put("/b", named("c"))
                        .delete("/c", named("d")).build().allMethods());
    }

    @Test
    public void malformedTablesFailWhenBuilt() {
        for (String pattern : List.of("no-slash", "/{}", "/{id:float}", "/a//b", "/a{b}")) {
            try {
                Routes.builder().get(pattern, named("x"));
                fail("accepted " + pattern);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains(pattern));
            }
        }
        try {
            Routes.builder().get("/{cct}/a", named("x")).get("/{cct}/a", named("y"));
            fail("accepted a route twice");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("twice"));
        }
    }

    @Test
    public void theServletDispatchesAndAnswersEveryMissAsJson() throws Exception {
        RoutedServlet servlet = new RoutedServlet(Routes.builder()
                .get("/{cct}/agreements/{id:int}", call -> {
                    JsonObject body = new JsonObject();
                    body.addProperty("id", call.pathNumber("id"));
                    body.add("escuela", new JsonPrimitive(call.path("cct")));
                    body.addProperty("limite", call.queryNumber("limite", 20, 1, 100));
                    call.ok(body);
                })
                .post("/{cct}/agreements", call -> call.created(call.uri() + "/1", call.body()))
                .build());

        FakeHttp.Response found = new FakeHttp.Response();
        servlet.service(FakeRequest.of("GET", "/api/v1/logbook", "/15EJN0101A/agreements/42").query("limite", "5")
                .build(), found.proxy());
        assertEquals(200, found.status);
        assertEquals("{\"id\":42,\"escuela\":\"15EJN0101A\",\"limite\":5}", found.body());

        FakeHttp.Response badQuery = new FakeHttp.Response();
        servlet.service(FakeRequest.of("GET", "/api/v1/logbook", "/15EJN0101A/agreements/42")
                .query("limite", "mil").build(), badQuery.proxy());
        assertEquals(400, badQuery.status);
        assertEquals("limite", badQuery.json().get("campo").getAsString());
        assertTrue(badQuery.body(), badQuery.json().get("detail").getAsString().contains("entre 1 y 100"));

        FakeHttp.Response created = new FakeHttp.Response();
        servlet.service(FakeRequest.of("POST", "/api/v1/logbook", "/15EJN0101A/agreements").json("{\"a\":1}")
                .build(), created.proxy());
        assertEquals(201, created.status);
        assertEquals("/api/v1/logbook/15EJN0101A/agreements/1", created.headers.get("Location"));

        FakeHttp.Response wrongMethod = new FakeHttp.Response();
        servlet.service(FakeRequest.of("PUT", "/api/v1/logbook", "/15EJN0101A/agreements").build(),
                wrongMethod.proxy());
        assertEquals(405, wrongMethod.status);
        assertEquals("POST", wrongMethod.headers.get("Allow"));
        assertEquals(JsonResponses.PROBLEM_JSON, wrongMethod.contentType);

        FakeHttp.Response missing = new FakeHttp.Response();
        servlet.service(FakeRequest.of("GET", "/api/v1/logbook", "/15EJN0101A/acuerdos").build(), missing.proxy());
        assertEquals(404, missing.status);
        assertTrue(missing.body(), missing.json().get("detail").getAsString()
                .contains("GET /api/v1/logbook/{cct}/agreements/{id:int}"));

        FakeHttp.Response notJson = new FakeHttp.Response();
        servlet.service(FakeRequest.of("POST", "/api/v1/logbook", "/15EJN0101A/agreements")
                .body("text/plain", new byte[] {'x'}).build(), notJson.proxy());
        assertEquals(415, notJson.status);
    }

    @Test
    public void aKeyedWriteThatDidNotPassTheWriteFilterIsToldToComeBack() throws Exception {
        List<String> stored = new ArrayList<>();
        RoutedServlet servlet = new RoutedServlet(Routes.builder()
                .post("/{cct}/agreements", call -> {
                    stored.add(call.path("cct"));
                    call.created(call.uri() + "/1", new JsonObject());
                }).build());

        // The platform starting: the filter that makes keyed writes take effect once is not in the chain yet.
        FakeHttp.Response early = new FakeHttp.Response();
        servlet.service(FakeRequest.of("POST", "/api/v1/logbook", "/15EJN0101A/agreements")
                .header(JsonServlet.IDEMPOTENCY_HEADER, "clave-0001").json("{}").build(), early.proxy());
        assertEquals(503, early.status);
        assertEquals("1", early.headers.get("Retry-After"));
        assertEquals(List.of(), stored);

        FakeHttp.Response through = new FakeHttp.Response();
        servlet.service(FakeRequest.of("POST", "/api/v1/logbook", "/15EJN0101A/agreements")
                .header(JsonServlet.IDEMPOTENCY_HEADER, "clave-0001").attribute(JsonServlet.WRITE_UNIT_ATTRIBUTE, true)
                .json("{}").build(), through.proxy());
        assertEquals(201, through.status);

        FakeHttp.Response unkeyed = new FakeHttp.Response();
        servlet.service(FakeRequest.of("POST", "/api/v1/logbook", "/15EJN0101A/agreements").json("{}").build(),
                unkeyed.proxy());
        assertEquals(201, unkeyed.status);
        assertEquals(List.of("15EJN0101A", "15EJN0101A"), stored);
    }
}
