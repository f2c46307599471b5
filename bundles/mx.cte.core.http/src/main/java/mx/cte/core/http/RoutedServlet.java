package mx.cte.core.http;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * An API servlet whose requests go through a {@link Routes} table: a module registers one of these with its table
 * and writes no dispatching of its own. Errors are answered as {@link JsonServlet} answers them.
 */
public class RoutedServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient Routes routes;

    public RoutedServlet(Routes routes) {
        this.routes = routes;
    }

    public Routes routes() {
        return routes;
    }

    @Override
    protected String allowedMethods() {
        return routes.allMethods();
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

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Routes.Resolution resolution = routes.resolve("OPTIONS", request.getPathInfo());
        if (resolution instanceof Routes.NotFound) {
            throw notFound(request);
        }
        if (resolution instanceof Routes.WrongMethod wrong) {
            response.setHeader("Allow", wrong.allowed() + ", OPTIONS");
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Routes.Resolution resolution = routes.resolve(request.getMethod(), request.getPathInfo());
        if (resolution instanceof Routes.Found found) {
            found.match().route().handler().handle(new ApiCall(request, response, found.match().parameters()));
        } else if (resolution instanceof Routes.WrongMethod wrong) {
            response.setHeader("Allow", wrong.allowed());
            JsonResponses.writeProblem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Método no permitido",
                    "El recurso " + request.getRequestURI() + " no admite el método " + request.getMethod()
                            + "; admite: " + wrong.allowed() + ".",
                    request.getRequestURI());
        } else {
            throw notFound(request);
        }
    }

    private ProblemException notFound(HttpServletRequest request) {
        String prefix = request.getContextPath() + request.getServletPath();
        return ProblemException.notFound("No existe el recurso " + request.getRequestURI() + "; este módulo atiende: "
                + String.join(", ", routes.describe(prefix)) + ".");
    }
}
