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
        assertTrue("present: its own servlet answers", routes.absentModuleFor("/api/v1/logbook/15EJN0101A").isEmpty());

        routes.left("logbook");
        assertEquals("Cuaderno de Bitácora", routes.absentModuleFor("/api/v1/logbook/15EJN0101A/acuerdos")
                .orElseThrow().title());
        assertTrue(routes.absentModuleFor("/api/v1/logbook").isPresent());
        assertFalse(routes.absentModuleFor("/api/v1/logbooks").isPresent());
        assertFalse(routes.absentModuleFor("/api/v1/otra-cosa").isPresent());

        ModuleRoutes afterRestart = new ModuleRoutes(file);
        assertTrue(afterRestart.absentModuleFor("/api/v1/logbook/x").isPresent());
        afterRestart.arrived("logbook", "Cuaderno de Bitácora", List.of("/api/v1/logbook/*"));
        assertTrue(afterRestart.absentModuleFor("/api/v1/logbook/x").isEmpty());
    }

    @Test
    public void aModuleWithSeveralServletsIsAwayOnlyWhenAllHaveLeft() {
        ModuleRoutes routes = new ModuleRoutes(file);
        routes.arrived("results", "Análisis de resultados", List.of("/api/v1/results/*"));
        routes.arrived("results", "Análisis de resultados", List.of("/api/v1/result-rollups"));
        routes.left("results");
        assertTrue(routes.absentModuleFor("/api/v1/result-rollups").isEmpty());
        routes.left("results");
        assertTrue(routes.absentModuleFor("/api/v1/result-rollups").isPresent());
        assertTrue(routes.absentModuleFor("/api/v1/results/15EJN0101A").isPresent());
    }

    @Test
    public void answers503NamingTheModuleThatIsAway() throws Exception {
        ModuleRoutes routes = new ModuleRoutes(file);
        routes.arrived("logbook", "Cuaderno de Bitácora", List.of("/api/v1/logbook/*"));
        routes.left("logbook");
        FakeHttp.Response response = new FakeHttp.Response();
        new ApiNotFoundServlet(routes).service(FakeHttp.request("POST", "/api/v1/logbook/15EJN0101A"),
                response.proxy());
        assertEquals(503, response.status);
        assertEquals("30", response.headers.get("Retry-After"));
        JsonObject problem = JsonParser.parseString(response.body()).getAsJsonObject();
        assertTrue(problem.get("detail").getAsString(), problem.get("detail").getAsString()
                .contains("Cuaderno de Bitácora"));
    }
}
