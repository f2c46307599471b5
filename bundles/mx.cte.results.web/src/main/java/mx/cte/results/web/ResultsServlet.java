package mx.cte.results.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The results-analysis module over HTTP, under {@code /api/v1/results}: the roll-ups across schools and the multigrade
 * collectives ({@link RollupResource}), a school's expected-results table ({@link ExpectedTableResource}) and its
 * analysis of a period ({@link AnalysisResource}); each declares its routes. Bodies are in docs/modules.md.
 */
@Component(service = Servlet.class, property = {"cte.module=results", "cte.module.title=Análisis de resultados"})
@HttpWhiteboardServletName("cte-results")
@HttpWhiteboardServletPattern("/api/v1/results/*")
public final class ResultsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ResultsServlet(@Reference ExpectedResults results, @Reference ResultsAnalysis analysis,
            @Reference SchoolDirectory directory) {
        super(routes(results, analysis, directory));
    }

    static Routes routes(ExpectedResults results, ResultsAnalysis analysis, SchoolDirectory directory) {
        Routes.Builder routes = Routes.builder();
        new RollupResource(analysis, directory).addRoutes(routes);
        new ExpectedTableResource(results, directory).addRoutes(routes);
        new AnalysisResource(analysis, results, directory).addRoutes(routes);
        return routes.build();
    }
}
