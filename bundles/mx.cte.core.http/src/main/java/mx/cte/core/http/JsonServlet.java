package mx.cte.core.http;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Set;
import javax.servlet.ServletException;
import mx.cte.core.api.text.LogText;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the platform's API servlets: every answer is JSON, including unsupported methods and unexpected failures, so a
 * client never sees the container's HTML error page or a stack trace.
 */
public abstract class JsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonServlet.class);
    private static final Set<String> SERVLET_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

    /** The header of a write that must take effect once (the web UI sends one with every edit). */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /**
     * Set on the request by the filter that makes keyed writes take effect once and each write one unit of work. A
     * keyed write that reaches a servlet without it came in while that filter was not in the chain (the platform
     * starting, the filter's bundle being updated): served, it could store an edit a second time, so it is refused
     * with 503 and {@code Retry-After}, and the client's outbox sends it again.
     */
    public static final String WRITE_UNIT_ATTRIBUTE = "mx.cte.core.http.write-unit";

    /** Methods this resource answers, for the {@code Allow} header of a 405. */
    protected abstract String allowedMethods();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            if (!SERVLET_METHODS.contains(request.getMethod())) {
                methodNotAllowed(request, response);
                return;
            }
            if (WRITES.contains(request.getMethod()) && request.getHeader(IDEMPOTENCY_HEADER) != null
                    && request.getAttribute(WRITE_UNIT_ATTRIBUTE) == null) {
                throw new ProblemException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Servicio iniciando",
                        "La plataforma aún no acepta cambios con " + IDEMPOTENCY_HEADER + "; se reintentará en un"
                                + " momento.").retryAfter(1);
            }
            super.service(request, response);
        } catch (ProblemException problem) {
            LOG.info("{} {} refused: {} {}", request.getMethod(), LogText.of(request.getRequestURI()),
                    problem.status(), LogText.of(problem.detail()));
            if (!response.isCommitted()) {
                // Keeps headers the servlet set on purpose before refusing.
                response.resetBuffer();
                problem.retryAfterSeconds().ifPresent(
                        seconds -> response.setHeader(JsonResponses.RETRY_AFTER, String.valueOf(seconds)));
                JsonObject body = JsonResponses.problem(problem.status(), problem.title(), problem.detail(),
                        request.getRequestURI());
                problem.extensions().forEach(body::add);
                JsonResponses.writeProblem(response, body);
            }
        } catch (RuntimeException e) {
            if (isContainerBadMessage(e)) {
                // The container could not read the request: a query that is not UTF-8, or a body sent slower than
                // the minimum data rate (etc/jetty.xml, against slow-sending clients). The client's side, not a 500.
                boolean tooSlow = containerStatus(e) == HttpServletResponse.SC_REQUEST_TIMEOUT;
                LOG.info("{} {} refused: {} {}", request.getMethod(), LogText.of(request.getRequestURI()),
                        tooSlow ? 408 : 400, LogText.of(e.getMessage()));
                if (!response.isCommitted()) {
                    response.reset();
                    if (tooSlow) {
                        JsonResponses.writeProblem(response, HttpServletResponse.SC_REQUEST_TIMEOUT,
                                "Solicitud incompleta", "La solicitud llegó demasiado lento y no se terminó de leer;"
                                        + " envíela de nuevo.", request.getRequestURI());
                    } else {
                        JsonResponses.writeProblem(response, HttpServletResponse.SC_BAD_REQUEST,
                                "Solicitud mal formada", "No se pudieron leer los parámetros de la dirección: deben"
                                        + " ser texto UTF-8 codificado para URL (por ejemplo, %C3%B1 para ñ).",
                                request.getRequestURI());
                    }
                }
                return;
            }
            LOG.error("Unexpected failure serving {} {}", request.getMethod(), LogText.of(request.getRequestURI()), e);
            if (!response.isCommitted()) {
                response.reset();
                JsonResponses.writeProblem(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Error interno",
                        "Ocurrió un error inesperado en el servidor; quedó registrado en la bitácora del sistema.",
                        request.getRequestURI());
            }
        }
    }

    /** Jetty's own "bad message" (its class is not imported: the API stays free of the container). */
    private static boolean isContainerBadMessage(RuntimeException e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.eclipse.jetty.http.BadMessageException")) {
                return true;
            }
        }
        return false;
    }

    /** The status Jetty's bad message carries ({@code getCode()}), 400 if it cannot be read. */
    private static int containerStatus(RuntimeException e) {
        try {
            return (Integer) e.getClass().getMethod("getCode").invoke(e);
        } catch (ReflectiveOperationException | ClassCastException unreadable) {
            return HttpServletResponse.SC_BAD_REQUEST;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        methodNotAllowed(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        methodNotAllowed(request, response);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        methodNotAllowed(request, response);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        methodNotAllowed(request, response);
    }

    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        methodNotAllowed(request, response);
    }

    protected void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", allowedMethods());
        JsonResponses.writeProblem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Método no permitido",
                "El recurso " + request.getRequestURI() + " no admite el método " + request.getMethod()
                        + "; admite: " + allowedMethods() + ".",
                request.getRequestURI());
    }
}
