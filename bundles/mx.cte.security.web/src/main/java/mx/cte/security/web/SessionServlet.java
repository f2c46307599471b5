package mx.cte.security.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.security.api.RoleGrant;
import mx.cte.security.api.SignIn;
import mx.cte.security.api.SignIn.SessionInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code /api/v1/session}: {@code POST {"usuario", "contrasena"}} signs in and sets the session cookie;
 * {@code GET} says who is signed in and gives the CSRF token; {@code DELETE} signs out (with the CSRF token).
 */
@Component(service = Servlet.class, configurationPid = "mx.cte.security.web")
@Designate(ocd = SessionServlet.Config.class)
@HttpWhiteboardServletName("cte-session")
@HttpWhiteboardServletPattern("/api/v1/session")
public final class SessionServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "CTE sign-in")
    public @interface Config {
        @AttributeDefinition(description = "Behind one reverse proxy that appends X-Forwarded-For (HAProxy's option"
                + " forwardfor), throttle failed sign-ins by the client address it appended instead of the proxy's")
        boolean trustForwardedFor() default false;
    }

    private final transient SignIn signIn;
    private final boolean trustForwardedFor;

    @Activate
    public SessionServlet(@Reference SignIn signIn, Config config) {
        this.signIn = signIn;
        this.trustForwardedFor = config.trustForwardedFor();
    }

    /**
     * The address failed sign-ins are counted against. Behind the one proxy the operator trusts, the last address of
     * X-Forwarded-For is the one that proxy saw; any before it came from the client and may be forged (a guesser
     * writing a new address on every attempt would otherwise never be held back).
     */
    String clientAddress(HttpServletRequest request) {
        if (trustForwardedFor) {
            String last = null;
            java.util.Enumeration<String> values = request.getHeaders("X-Forwarded-For");
            while (values != null && values.hasMoreElements()) {
                for (String part : values.nextElement().split(",")) {
                    if (!part.isBlank()) {
                        last = part.strip();
                    }
                }
            }
            if (last != null) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }

    @Override
    protected Routes table() {
        return Routes.builder()
                .get("/", this::current)
                .post("/", this::signIn)
                .delete("/", this::signOut)
                .build();
    }

    private void signIn(ApiCall call) throws IOException {
        HttpServletRequest request = call.request();
        HttpServletResponse response = call.response();
        JsonObject body = call.body();
        String username = JsonRequests.string(body, "usuario");
        String password = body.has("contraseña") ? JsonRequests.string(body, "contraseña")
                : JsonRequests.string(body, "contrasena");
        SignIn.Outcome outcome = signIn.signIn(username, password, clientAddress(request));
        if (outcome instanceof SignIn.Throttled throttled) {
            int seconds = wholeSeconds(throttled.retryAfter());
            throw new ProblemException(429, "Demasiados intentos", "Demasiados intentos fallidos de inicio de"
                    + " sesión desde aquí. Vuelva a intentarlo en " + inWords(seconds) + ".").retryAfter(seconds);
        }
        if (outcome instanceof SignIn.Busy busy) {
            int seconds = wholeSeconds(busy.retryAfter());
            throw new ProblemException(503, "Servidor ocupado", "Hay muchos inicios de sesión en este momento."
                    + " Vuelva a intentarlo en " + inWords(seconds) + ".").retryAfter(seconds);
        }
        if (!(outcome instanceof SignIn.SignedIn signedIn)) {
            throw new ProblemException(401, "No se pudo iniciar sesión", "Usuario o contraseña incorrectos.");
        }
        SessionInfo session = signedIn.session();
        long maxAge = Math.max(0, Duration.between(Instant.now(), session.expiresAt()).toSeconds());
        // Long enough for the absolute session limit; the server decides when the session really ends.
        SessionCookie.set(request, response, session.token(), Math.max(maxAge, Duration.ofHours(12).toSeconds()));
        call.ok(describe(session));
    }

    /** A wait rounded up to whole seconds, at least one, as {@code Retry-After} counts it. */
    private static int wholeSeconds(Duration wait) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)));
    }

    static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 segundo" : seconds + " segundos";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minuto" : minutes + " minutos";
    }

    private void current(ApiCall call) throws IOException {
        call.ok(describe(current(call.request())));
    }

    private void signOut(ApiCall call) {
        HttpServletRequest request = call.request();
        SessionInfo session = current(request);
        if (!SessionFilter.csrfMatches(request, session)) {
            throw ProblemException.forbidden("Para cerrar la sesión envíe el encabezado " + SessionCookie.CSRF_HEADER
                    + " con el csrfToken de la sesión.");
        }
        signIn.signOut(session.token());
        SessionCookie.clear(request, call.response());
        call.noContent();
    }

    private static SessionInfo current(HttpServletRequest request) {
        Object session = request.getAttribute(SessionFilter.SESSION_ATTRIBUTE);
        if (!(session instanceof SessionInfo info)) {
            throw new ProblemException(401, "Sesión requerida", "No hay una sesión iniciada.");
        }
        return info;
    }

    static JsonObject describe(SessionInfo session) {
        JsonObject json = new JsonObject();
        json.addProperty("usuario", session.caller().username());
        json.addProperty("nombre", session.caller().displayName());
        JsonArray roles = new JsonArray();
        for (RoleGrant grant : session.caller().grants()) {
            JsonObject role = new JsonObject();
            role.addProperty("rol", grant.role().wireName());
            role.addProperty("nombreRol", grant.role().displayName());
            if (grant.scope() != null) {
                role.addProperty("ambito", grant.scope());
            }
            roles.add(role);
        }
        json.add("roles", roles);
        json.addProperty("csrfToken", session.csrfToken());
        json.addProperty("expira", session.expiresAt().toString());
        return json;
    }
}
