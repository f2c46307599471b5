package mx.cte.schools.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolStructure;
import mx.cte.security.http.RequestAccess;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/schools/{cct}}: the school, for its staff, its zone's supervisor and its state's authority.
 * {@code PUT /api/v1/schools/{cct}/structure}: multigrade flag and groups, for its staff, with the version it was
 * based on ({@code 409} with the current school when someone changed it first).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-schools")
@HttpWhiteboardServletPattern("/api/v1/schools/*")
public final class SchoolServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient SchoolDirectory directory;

    @Activate
    public SchoolServlet(@Reference SchoolDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, PUT";
    }

    private String[] parts(HttpServletRequest request) {
        String info = request.getPathInfo();
        String[] parts = info == null ? new String[0] : info.substring(1).split("/", -1);
        if (parts.length == 1 && !parts[0].isEmpty() || parts.length == 2 && parts[1].equals("structure")) {
            return parts;
        }
        throw ProblemException.notFound("No existe el recurso " + request.getRequestURI()
                + "; use /api/v1/schools/{cct} o /api/v1/schools/{cct}/structure.");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        Cct cct = RequestAccess.cct(parts[0]);
        School school = RequestAccess.readableSchool(RequestAccess.caller(request), directory, cct);
        JsonResponses.write(response, HttpServletResponse.SC_OK, parts.length == 1 ? SchoolJson.school(school)
                : structure(school));
    }

    private static JsonObject structure(School school) {
        JsonObject json = new JsonObject();
        json.addProperty("multigrado", school.multigrade());
        json.add("grupos", SchoolJson.groups(school.groups()));
        json.addProperty("version", school.version());
        return json;
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        if (parts.length != 2) {
            methodNotAllowed(request, response);
            return;
        }
        Cct cct = RequestAccess.cct(parts[0]);
        School school = RequestAccess.directedSchool(RequestAccess.caller(request), directory, cct,
                "Solo la dirección de la escuela " + cct + " cambia sus grupos y si es multigrado.");
        JsonObject body = JsonRequests.object(request);
        long version = JsonRequests.number(body, "version");
        SchoolStructure structure = new SchoolStructure(bool(body, "multigrado"), groups(body));
        try {
            School updated = directory.updateStructure(cct, structure, version);
            JsonResponses.write(response, HttpServletResponse.SC_OK, SchoolJson.school(updated));
        } catch (StaleVersionException stale) {
            JsonObject problem = JsonResponses.problem(409, "Conflicto de edición", stale.getMessage(),
                    request.getRequestURI());
            problem.add("actual", SchoolJson.school(directory.school(cct).orElse(school)));
            JsonResponses.writeProblem(response, problem);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static boolean bool(JsonObject body, String member) {
        JsonElement value = body.get(member);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw ProblemException.badRequest("El campo '" + member + "' debe ser true o false");
        }
        return value.getAsBoolean();
    }

    private static List<SchoolGroup> groups(JsonObject body) {
        JsonElement value = body.get("grupos");
        if (value == null || !value.isJsonArray()) {
            throw ProblemException.badRequest("El campo 'grupos' debe ser una lista");
        }
        JsonArray array = value.getAsJsonArray();
        List<SchoolGroup> groups = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "grupos[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw ProblemException.badRequest("'" + at + "' debe ser un objeto con nombre y grados");
            }
            JsonObject group = array.get(i).getAsJsonObject();
            JsonElement grades = group.get("grados");
            if (grades == null || !grades.isJsonArray()) {
                throw ProblemException.badRequest("'" + at + ".grados' debe ser una lista de números");
            }
            List<Integer> gradeList = new ArrayList<>();
            for (JsonElement grade : grades.getAsJsonArray()) {
                if (!grade.isJsonPrimitive() || !grade.getAsJsonPrimitive().isNumber()) {
                    throw ProblemException.badRequest("'" + at + ".grados' debe ser una lista de números");
                }
                gradeList.add(grade.getAsInt());
            }
            try {
                groups.add(new SchoolGroup(JsonRequests.string(group, "nombre"), gradeList));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(at + ": " + e.getMessage());
            } catch (ProblemException e) {
                throw ProblemException.badRequest(at + ": " + e.detail());
            }
        }
        return groups;
    }
}
