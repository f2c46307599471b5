package mx.cte.audit.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.servlet.Servlet;
import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
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
public final class AuditServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient AuditLog audit;

    @Activate
    public AuditServlet(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected Routes table() {
        return Routes.builder().get("/", this::events).build();
    }

    private void events(ApiCall call) throws IOException {
        RequestAccess.administrator(call.request(), "Solo un administrador de la plataforma consulta la bitácora de"
                + " auditoría.");
        Instant since = call.query("desde", text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("debe ser un instante ISO-8601, p. ej. 2016-11-25T08:00:00Z");
            }
        }).orElse(null);
        AuditQuery query = new AuditQuery(call.query("accion").orElse(null), call.query("usuario").orElse(null),
                since, call.queryNumber("limite", 100, 1, 1000));
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
        call.ok(body);
    }
}
