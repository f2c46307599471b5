package mx.cte.core.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mx.cte.core.http.FakeHttp;
import org.junit.Test;

public class ModuleRoutesTest {

    private final Path file;

    public ModuleRoutesTest() throws Exception {
        file = Files.createTempDirectory("routes").resolve("module-routes.properties");
    }

    @Test
    public void aModuleAwayIsNamedForItsPathsAndRememberedAcrossRestarts() {
        ModuleRoutes routes = new ModuleRoutes(file);
        routes.arrived("logbook", "Cuaderno de Bitácora", List.of("/api/v1/logbook/*"));
        assertFalse("present, so a request that reached the fallback met its servlet between registration and"
                + " routing", routes.unavailableFor("/api/v1/logbook/15EJN0101A").orElseThrow().away());

        routes.left("logbook", List.of("/api/v1/logbook/*"));
        ModuleRoutes.Unavailable away = routes.unavailableFor("/api/v1/logbook/15EJN0101A/acuerdos").orElseThrow();
        assertEquals("Cuaderno de Bitácora", away.module().title());
        assertTrue(away.away());
        assertTrue(routes.unavailableFor("/api/v1/logbook").isPresent());
        assertFalse(routes.unavailableFor("/api/v1/logbooks").isPresent());
        assertFalse(routes.unavailableFor("/api/v1/otra-cosa").isPresent());

        ModuleRoutes afterRestart = new ModuleRoutes(file);
        assertTrue(afterRestart.unavailableFor("/api/v1/logbook/x").orElseThrow().away());
        afterRestart.arrived("logbook", "Cuaderno de Bitácora", List.of("/api/v1/logbook/*"));
        assertFalse(afterRestart.unavailableFor("/api/v1/logbook/x").orElseThrow().away());
    }

    @Test
    public void aModuleWithSeveralServletsIsAwayOnlyWhenAllHaveLeft() {
        ModuleRoutes routes = new ModuleRoutes(file);
        routes.arrived("results", "Análisis de resultados", List.of("/api/v1/results/*"));
        routes.arrived("results", "Análisis de resultados", List.of("/api/v1/result-rollups"));
        routes.left("results", List.of("/api/v1/result-rollups"));
        assertFalse("just after one of its servlets left, the module is settling",
                routes.unavailableFor("/api/v1/result-rollups").orElseThrow().away());
        assertFalse(routes.unavailableFor("/api/v1/results/15EJN0101A").orElseThrow().away());
        routes.left("results", List.of("/api/v1/results/*"));
        assertTrue(routes.unavailableFor("/api/v1/result-rollups").orElseThrow().away());
        assertTrue(routes.unavailableFor("/api/v1/results/15EJN0101A").orElseThrow().away());
    }

    @Test
    public void answers503NamingTheModuleThatIsAway() throws Exception {
        ModuleRoutes routes = new ModuleRoutes(file);
        routes.arrived("logbook", "Cuaderno de Bitácora", List.of("/api/v1/logbook/*"));
        routes.left("logbook", List.of("/api/v1/logbook/*"));
        FakeHttp.Response response = new FakeHttp.Response();
        new ApiNotFoundServlet(routes).service(FakeHttp.request("POST", "/api/v1/logbook/15EJN0101A"),
                response.proxy());
        assertEquals(503, response.status);
        assertEquals("30", response.headers.get("Retry-After"));
        JsonObject problem = JsonParser.parseString(response.body()).getAsJsonObject();
        assertTrue(problem.get("detail").getAsString(), problem.get("detail").getAsString()
                .contains("Cuaderno de Bitácora"));
    }

    @Test
    public void aModuleBetweenRegistrationAndRoutingAnswers503ForASecondNot404() throws Exception {
        ModuleRoutes routes = new ModuleRoutes(file);
        routes.arrived("logbook", "Cuaderno de Bitácora", List.of("/api/v1/logbook/*"));
        FakeHttp.Response response = new FakeHttp.Response();
        new ApiNotFoundServlet(routes).service(FakeHttp.request("GET", "/api/v1/logbook/15EJN0101A/agreements"),
                response.proxy());
        assertEquals(503, response.status);
        assertEquals("1", response.headers.get("Retry-After"));
        FakeHttp.Response other = new FakeHttp.Response();
        new ApiNotFoundServlet(routes).service(FakeHttp.request("GET", "/api/v1/no-existe"), other.proxy());
        assertEquals(404, other.status);
    }
}
