package mx.cte.core.web;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.UnavailableException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import mx.cte.core.http.JsonResponses;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter on {@code /api/*}. A request the HTTP service routed to a module's servlet in the instant that
 * servlet is being removed (a module updated or uninstalled) meets no servlet: the container says so with an
 * {@link UnavailableException} or a bare 404 of its own. This answers {@code 503} with {@code Retry-After: 1} as a JSON
 * problem instead, the same answer as {@link ApiNotFoundServlet} gives a moment later; the platform's own servlets
 * never use {@code sendError}, so any container error under {@code /api} is such a moment. Found by the hot-swap
 * benchmark.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=1000")
@HttpWhiteboardFilterName("cte-servlet-transition")
@HttpWhiteboardFilterPattern("/api/*")
public final class ServletTransitionFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ServletTransitionFilter.class);

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status) throws IOException {
                    sendError(status, null);
                }

                @Override
                public void sendError(int status, String message) throws IOException {
                    if (status == HttpServletResponse.SC_NOT_FOUND
                            || status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                        answerInTransition(request, response, "container " + status);
                    } else {
                        super.sendError(status, message);
                    }
                }
            });
        } catch (UnavailableException unavailable) {
            answerInTransition(request, response, unavailable.getMessage());
        }
    }

    private static void answerInTransition(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        LOG.info("{} {} met a servlet being added or removed ({}): 503", request.getMethod(), request.getRequestURI(),
                why);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        JsonResponses.writeRetryLater(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, 1, "Módulo no disponible",
                "El servicio de " + request.getRequestURI() + " se está instalando o actualizando en este momento;"
                        + " vuelva a intentarlo en unos segundos.", request.getRequestURI());
    }
}
