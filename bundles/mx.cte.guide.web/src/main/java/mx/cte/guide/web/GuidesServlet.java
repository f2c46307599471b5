package mx.cte.guide.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Read-only guide API.
 * <ul>
 * <li>{@code GET /api/v1/guides}: every guide with status and editions, and the refused guide bundles;</li>
 * <li>{@code GET /api/v1/guides/{key}}: the active edition of a guide, whole;</li>
 * <li>{@code GET /api/v1/guides/{key}/versions}: its editions;</li>
 * <li>{@code GET /api/v1/guides/{key}/versions/{version}}: one edition whole, active or not, so that work captured
 * under an older edition stays readable.</li>
 * </ul>
 * Choosing the active edition is an administrator's action, in the shell until sign-in exists.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-guides")
@HttpWhiteboardServletPattern({"/api/v1/guides", "/api/v1/guides/*"})
public final class GuidesServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient GuideRegistry registry;
    /** Each installed edition's guide as JSON, serialized once (by edition key and version). */
    private final transient java.util.Map<String, GuideJson.SerializedGuide> serialized =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public GuidesServlet(@Reference GuideRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        List<String> segments = path == null ? List.of()
                : List.of(path.replaceAll("^/+|/+$", "").split("/")).stream().filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            JsonResponses.write(response, HttpServletResponse.SC_OK,
                    GuideJson.catalog(registry.editions(), registry.refused()));
            return;
        }
        GuideId id;
        try {
            id = GuideId.parse(segments.get(0));
        } catch (IllegalArgumentException e) {
            JsonResponses.writeProblem(response, HttpServletResponse.SC_BAD_REQUEST, "Solicitud incorrecta",
                    e.getMessage(), request.getRequestURI());
            return;
        }
        List<GuideEdition> editions = registry.editions(id);
        if (editions.isEmpty()) {
            notFound(request, response, "No hay ninguna guía instalada con la clave " + id.key() + ".");
            return;
        }
        if (segments.size() == 1) {
            Optional<GuideEdition> active = registry.active(id);
            if (active.isEmpty()) {
                notFound(request, response, "La guía " + id.key() + " no tiene edición activa: ninguna de sus "
                        + "ediciones tiene instalados todos sus tipos de producto (faltan "
                        + editions.get(0).missingProductTypes() + ").");
                return;
            }
            JsonResponses.writeRevalidated(request, response, GuideJson.editionText(active.get(), serialized));
        } else if (segments.get(1).equals("versions") && segments.size() == 2) {
            JsonArray array = new JsonArray();
            editions.forEach(e -> array.add(GuideJson.editionSummary(e)));
            JsonObject body = new JsonObject();
            body.addProperty("key", id.key());
            body.add("editions", array);
            JsonResponses.write(response, HttpServletResponse.SC_OK, body);
        } else if (segments.get(1).equals("versions") && segments.size() == 3) {
            Optional<GuideEdition> edition = registry.edition(id, segments.get(2));
            if (edition.isEmpty()) {
                notFound(request, response, "La guía " + id.key() + " no tiene instalada la edición "
                        + segments.get(2) + "; hay: " + editions.stream().map(GuideEdition::version).toList() + ".");
                return;
            }
            JsonResponses.writeRevalidated(request, response, GuideJson.editionText(edition.get(), serialized));
        } else {
            notFound(request, response, "No existe el recurso " + request.getRequestURI()
                    + "; las rutas de una guía son /api/v1/guides/{clave}, /api/v1/guides/{clave}/versions y "
                    + "/api/v1/guides/{clave}/versions/{versión}.");
        }
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        JsonResponses.writeProblem(response, HttpServletResponse.SC_NOT_FOUND, "No encontrado", detail,
                request.getRequestURI());
    }
}
