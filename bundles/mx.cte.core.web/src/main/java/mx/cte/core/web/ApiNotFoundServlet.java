package mx.cte.core.web;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Fallback for every path under {@code /api/} that no module serves: a JSON 404 instead of the container's HTML page.
 * Whiteboard matching prefers longer patterns, so any endpoint a module registers wins over this one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-api-not-found")
@HttpWhiteboardServletPattern("/api/*")
public final class ApiNotFoundServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected String allowedMethods() {
        return "";
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.writeProblem(response, HttpServletResponse.SC_NOT_FOUND, "No encontrado",
                "No existe el recurso " + request.getMethod() + " " + request.getRequestURI()
                        + " en la API; consulte /api/v1/health para verificar el servicio.",
                request.getRequestURI());
    }
}
