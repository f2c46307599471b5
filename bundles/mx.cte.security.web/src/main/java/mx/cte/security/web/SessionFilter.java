package mx.cte.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.RequestPaths;
import mx.cte.security.api.Caller;
import mx.cte.security.api.SignIn;
import mx.cte.security.api.SignIn.SessionInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Every {@code /api/*} request passes here. The session cookie becomes the request's {@link Caller}; anything that is
 * not explicitly public needs a session (401 otherwise), and every state-changing request needs the session's CSRF
 * token in {@code X-CSRF-Token} (403 otherwise). Public: health, the sign-in endpoint, and reading guides and product
 * types, which are public documents. Whether the caller may touch a given school is each endpoint's own check.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("cte-session")
@HttpWhiteboardFilterPattern("/api/*")
public final class SessionFilter implements Filter {

    static final String SESSION_ATTRIBUTE = "mx.cte.security.session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SignIn signIn;

    @Activate
    public SessionFilter(@Reference SignIn signIn) {
        this.signIn = signIn;
    }

    /**
     * What is public is decided on the path the container resolved ({@link RequestPaths#resolved}), never on the raw
     * URI, where {@code /api/v1/guides/../logbook/…} looks like a guide; and only when the raw URI says plainly what
     * the container resolved: a URI that needed dot segments, encoded dots or slashes, or path parameters to get
     * there is never public, whatever it resolves to.
     */
    static boolean isPublic(String method, String rawPath, String resolvedPath) {
        return plainlySays(rawPath, resolvedPath) && isPublic(method, resolvedPath);
    }

    private static boolean plainlySays(String rawPath, String resolvedPath) {
        if (rawPath.contains(";") || rawPath.contains("//")) {
            return false;
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return decoded.equals(resolvedPath) && !decoded.contains("/./") && !decoded.contains("/../")
                && !decoded.endsWith("/.") && !decoded.endsWith("/..");
    }

    static boolean isPublic(String method, String path) {
        if (path.equals("/api/v1/session")) {
            return true;
        }
        boolean reading = method.equals("GET") || method.equals("HEAD");
        return reading && (path.equals("/api/v1/health") || path.equals("/api/v1/product-types")
                || path.equals("/api/v1/guides") || path.startsWith("/api/v1/guides/"));
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        String path = RequestPaths.resolved(request);
        Optional<SessionInfo> session = Optional.ofNullable(SessionCookie.read(request)).flatMap(signIn::resolve);
        session.ifPresent(s -> {
            request.setAttribute(Caller.REQUEST_ATTRIBUTE, s.caller());
            request.setAttribute(SESSION_ATTRIBUTE, s);
        });
        if (isPublic(request.getMethod(), rawPath, path)) {
            proceedAs(session, request, response, chain);
            return;
        }
        if (session.isEmpty()) {
            JsonResponses.writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Sesión requerida",
                    "Inicie sesión para usar " + path + " (POST /api/v1/session).", path);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request, session.get())) {
            JsonResponses.writeProblem(response, HttpServletResponse.SC_FORBIDDEN, "Falta el token CSRF",
                    "Las solicitudes que modifican datos deben enviar el encabezado " + SessionCookie.CSRF_HEADER
                            + " con el csrfToken de la sesión (GET /api/v1/session).", path);
            return;
        }
        proceedAs(session, request, response, chain);
    }

    /**
     * Runs the rest of the request as the signed-in user's JAAS subject, as Karaf's shell does for its user, so that
     * whatever is recorded downstream (the audit log) knows who acted.
     */
    @SuppressWarnings("removal")
    private static void proceedAs(Optional<SessionInfo> session, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (session.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Subject subject = new Subject(true, Set.of(new SessionUser(session.get().caller().username())), Set.of(),
                Set.of());
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Void>) () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            if (e.getException() instanceof ServletException servlet) {
                throw servlet;
            }
            throw new ServletException(e.getException());
        }
    }

    /** The signed-in user as a JAAS principal. */
    record SessionUser(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }

    static boolean csrfMatches(HttpServletRequest request, SessionInfo session) {
        String sent = request.getHeader(SessionCookie.CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
