package mx.cte.core.http;

import javax.servlet.http.HttpServletRequest;

/** Where a request goes, as the container decided it. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * The path the container matched (decoded, dot segments resolved): the one that picked the servlet, not the one
     * the client sent. {@code /api/v1/guides/../logbook/…} resolves to a logbook path, and must be judged as one.
     */
    public static String resolved(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return servletPath + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
