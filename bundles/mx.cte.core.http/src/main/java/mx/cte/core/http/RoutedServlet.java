package mx.cte.core.http;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * An API servlet whose requests go through a {@link Routes} table: a module registers one of these with its table
 * and writes no dispatching of its own. Errors are answered as {@link JsonServlet} answers them.
 *
 * <p>A module whose handlers live in another object passes the table to the constructor; a servlet whose handlers are
 * its own methods (it holds dynamic references, say) overrides {@link #table()} instead, built at first use.
 */
public class RoutedServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private transient volatile Routes routes;

    public RoutedServlet(Routes routes) {
        this.routes = routes;
    }

    /** For a subclass that overrides {@link #table()}. */
    protected RoutedServlet() {
    }

    /** The table of a servlet whose handlers are its own methods, which cannot be named before it is constructed. */
    protected Routes table() {
        throw new IllegalStateException(getClass().getName() + " was given no route table");
    }

    public Routes routes() {
        Routes table = routes;
        if (table == null) {
            // Building it twice in a race is harmless: the table is immutable and the same each time.
            table = table();
            routes = table;
        }
        return table;
    }

    @Override
    protected String allowedMethods() {
        return routes().allMethods();
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
        Routes.Resolution resolution = routes().resolve("OPTIONS", request.getPathInfo());
        if (resolution instanceof Routes.NotFound) {
            throw notFound(request);
        }
        if (resolution instanceof Routes.WrongMethod wrong) {
            response.setHeader("Allow", wrong.allowed() + ", OPTIONS");
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Routes.Resolution resolution = routes().resolve(request.getMethod(), request.getPathInfo());
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
                + String.join(", ", routes().describe(prefix)) + ".");
    }
}
