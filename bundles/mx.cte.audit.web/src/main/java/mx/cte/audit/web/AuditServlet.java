package mx.cte.audit.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/audit?accion=guia-&usuario=…&desde=2016-11-25T00:00:00Z&limite=100}: audit events, newest first,
 * for platform administrators.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-audit")
@HttpWhiteboardServletPattern("/api/v1/audit")
public final class AuditServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient AuditLog audit;

    @Activate
    public AuditServlet(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestAccess.administrator(request, "Solo un administrador de la plataforma consulta la bitácora de"
                + " auditoría.");
        AuditQuery query;
        try {
            String limit = request.getParameter("limite");
            String since = request.getParameter("desde");
            query = new AuditQuery(request.getParameter("accion"), request.getParameter("usuario"),
                    since == null ? null : Instant.parse(since), limit == null ? 100 : Integer.parseInt(limit));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("'limite' debe ser un número de 1 a 1000");
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'desde' debe ser un instante ISO-8601, p. ej. 2016-11-25T08:00:00Z");
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        JsonArray events = new JsonArray();
        for (AuditEvent event : audit.list(query)) {
            JsonObject json = new JsonObject();
            json.addProperty("id", event.id());
            json.addProperty("fecha", event.at().toString());
            json.addProperty("usuario", event.actor());
            json.addProperty("accion", event.action());
            json.addProperty("objeto", event.target());
            json.addProperty("detalle", event.detail());
            events.add(json);
        }
        JsonObject body = new JsonObject();
        body.add("eventos", events);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }
}
