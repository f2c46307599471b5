package mx.cte.core.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.RequestPaths;
import mx.cte.core.http.JsonServlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Fallback for every path under {@code /api/} that no servlet serves right now. Whiteboard matching prefers longer
 * patterns, so any endpoint a module registers wins over this one. A path of a module that is away (being
 * uninstalled, updated or reinstalled) answers {@code 503} naming the module, and so does a path whose servlet is
 * registered but not yet routed to, or no longer (the moment around a module's update: found by the hot-swap
 * benchmark, which saw 404s there); any other path a JSON {@code 404} instead of the container's HTML page.
 */
// Immediate: it must watch every module servlet from boot on. As a delayed component the HTTP service released it when
// idle and the next request re-created it with no module known yet, so a module's path answered 404 (hot-swap benchmark).
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName("cte-api-not-found")
@HttpWhiteboardServletPattern("/api/*")
public final class ApiNotFoundServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    static final String ROUTES_FILE = "module-routes.properties";

    private final transient ModuleRoutes routes;

    @Activate
    public ApiNotFoundServlet(BundleContext context) {
        this(new ModuleRoutes(context.getDataFile(ROUTES_FILE).toPath()));
    }

    ApiNotFoundServlet(ModuleRoutes routes) {
        this.routes = routes;
    }

    @Reference(service = Servlet.class, target = "(" + ModuleRoutes.MODULE + "=*)",
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModuleServlet(ServiceReference<Servlet> servlet) {
        routes.arrived(String.valueOf(servlet.getProperty(ModuleRoutes.MODULE)),
                (String) servlet.getProperty(ModuleRoutes.TITLE), patterns(servlet.getProperty(
                        "osgi.http.whiteboard.servlet.pattern")));
    }

    void removeModuleServlet(ServiceReference<Servlet> servlet) {
        routes.left(String.valueOf(servlet.getProperty(ModuleRoutes.MODULE)), patterns(servlet.getProperty(
                "osgi.http.whiteboard.servlet.pattern")));
    }

    private static List<String> patterns(Object property) {
        if (property instanceof String[] array) {
            return Arrays.asList(array);
        }
        return property == null ? List.of() : List.of(String.valueOf(property));
    }

    @Override
    protected String allowedMethods() {
        return "";
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // /api/v1/logbook/..%2F.. is not a logbook path and must not be answered as the logbook being away.
        String path = RequestPaths.resolved(request);
        Optional<ModuleRoutes.Unavailable> unavailable = routes.unavailableFor(path);
        if (unavailable.isPresent()) {
            boolean away = unavailable.get().away();
            JsonResponses.writeRetryLater(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, away ? 30 : 1,
                    "Módulo no disponible",
                    "El módulo " + unavailable.get().module().title() + " no está disponible en este momento (se está"
                            + " instalando o actualizando). Sus datos se conservan; vuelva a intentarlo en "
                            + (away ? "unos minutos." : "unos segundos."),
                    request.getRequestURI());
            return;
        }
        JsonResponses.writeProblem(response, HttpServletResponse.SC_NOT_FOUND, "No encontrado",
                "No existe el recurso " + request.getMethod() + " " + request.getRequestURI()
                        + " en la API; consulte /api/v1/health para verificar el servicio.",
                request.getRequestURI());
    }
}
