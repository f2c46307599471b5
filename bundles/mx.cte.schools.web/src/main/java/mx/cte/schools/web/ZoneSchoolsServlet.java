package mx.cte.schools.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/zones/{zona}/schools}: a zone's schools, for its supervisor and its state's authority. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-zone-schools")
@HttpWhiteboardServletPattern("/api/v1/zones/*")
public final class ZoneSchoolsServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient SchoolDirectory directory;

    @Activate
    public ZoneSchoolsServlet(@Reference SchoolDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.startsWith("/") ? info.substring(1).split("/", -1) : new String[0];
        if (parts.length != 2 || !parts[1].equals("schools")) {
            throw ProblemException.notFound("No existe el recurso " + request.getRequestURI()
                    + "; use /api/v1/zones/{zona}/schools, p. ej. /api/v1/zones/15-preescolar-015/schools.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        if (!RequestAccess.caller(request).canReadZone(zone)) {
            throw ProblemException.forbidden("No tiene acceso a la zona " + zone.key() + ".");
        }
        JsonArray schools = new JsonArray();
        for (School school : directory.schools(zone)) {
            schools.add(SchoolJson.school(school));
        }
        JsonObject body = new JsonObject();
        body.addProperty("zona", zone.key());
        body.add("escuelas", schools);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }
}
