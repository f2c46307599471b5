package mx.cte.results.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The results-analysis module over HTTP, under {@code /api/v1/results}: a school's expected-results table
 * ({@code /{cct}/expected…}), its analysis of a period ({@code /{cct}/groups…}, {@code /ratings…},
 * {@code /coincidences…}, {@code /strategy…}, {@code /concentrate…}, {@code /publication}), a multigrade collective's
 * proposal ({@code /collective}) and the roll-ups ({@code /zones/{zona}}, {@code /states/{entidad}}). The table of
 * routes and their bodies is in docs/modules.md.
 */
@Component(service = Servlet.class, property = {"cte.module=results", "cte.module.title=Análisis de resultados"})
@HttpWhiteboardServletName("cte-results")
@HttpWhiteboardServletPattern("/api/v1/results/*")
public final class ResultsServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ExpectedTableResource expected;
    private final transient AnalysisResource analysis;
    private final transient RollupResource rollups;

    @Activate
    public ResultsServlet(@Reference ExpectedResults results, @Reference ResultsAnalysis analysis,
            @Reference SchoolDirectory directory) {
        this.expected = new ExpectedTableResource(results, directory);
        this.analysis = new AnalysisResource(analysis, results, directory);
        this.rollups = new RollupResource(analysis, directory);
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, PUT, DELETE";
    }

    /** A request split into its method and the path segments after {@code /api/v1/results}. */
    record Route(String method, List<String> parts, HttpServletRequest request, HttpServletResponse response) {

        String part(int index) {
            return index < parts.size() ? parts.get(index) : null;
        }

        int size() {
            return parts.size();
        }

        ProblemException notFound() {
            return ProblemException.notFound("No existe el recurso " + request.getRequestURI()
                    + "; las rutas del módulo de resultados están en docs/modules.md");
        }
    }

    /** What a resource answers: true when it handled the route, false when the method is not one it takes there. */
    interface Resource {
        boolean handle(Route route) throws IOException;
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<String> parts = info.length() <= 1 ? List.of() : Arrays.asList(info.substring(1).split("/", -1));
        Route route = new Route(request.getMethod().equals("HEAD") ? "GET" : request.getMethod(), parts, request,
                response);
        if (parts.isEmpty()) {
            throw route.notFound();
        }
        Resource resource = switch (parts.get(0)) {
            case "zones", "states", "collective" -> rollups;
            default -> parts.size() >= 2 && parts.get(1).equals("expected") ? expected : analysis;
        };
        if (!resource.handle(route)) {
            methodNotAllowed(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch(request, response);
    }
}
