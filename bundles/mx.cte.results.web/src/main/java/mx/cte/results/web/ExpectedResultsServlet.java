package mx.cte.results.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.NoSuchElementException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import mx.cte.core.http.ProblemException;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResultDraft;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.IndicatorAreas;
import mx.cte.results.api.Period;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * A school's Cuadro de resultados esperados, for its staff (read and write), its zone's supervisor and its state's
 * authority (read): {@code GET /api/v1/results/{cct}/expected?periodo=2016-11}, {@code POST} to add one,
 * {@code PUT …/expected/{id}} and {@code DELETE …/expected/{id}?version=N} with the version it was based on, and
 * {@code POST /api/v1/results/{cct}/expected/copy {"desde", "hacia"}} to start from the previous period's table.
 */
@Component(service = Servlet.class, property = {"cte.module=results", "cte.module.title=Análisis de resultados"})
@HttpWhiteboardServletName("cte-results")
@HttpWhiteboardServletPattern("/api/v1/results/*")
public final class ExpectedResultsServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ExpectedResults results;
    private final transient SchoolDirectory directory;

    @Activate
    public ExpectedResultsServlet(@Reference ExpectedResults results, @Reference SchoolDirectory directory) {
        this.results = results;
        this.directory = directory;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD, POST, PUT, DELETE";
    }

    /** The school and what follows {@code /expected}: nothing, an id, or {@code copy}. */
    private record Target(Cct school, String rest) {
    }

    private static Target target(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.startsWith("/") ? info.substring(1).split("/", -1) : new String[0];
        if ((parts.length == 2 || parts.length == 3) && parts[1].equals("expected")) {
            return new Target(RequestAccess.cct(parts[0]), parts.length == 3 ? parts[2] : null);
        }
        throw ProblemException.notFound("No existe el recurso " + request.getRequestURI()
                + "; use /api/v1/results/{cct}/expected[/{id}|/copy]");
    }

    private static long id(Target target) {
        if (target.rest() == null || !target.rest().matches("\\d{1,18}")) {
            throw ProblemException.notFound("Indique el resultado esperado: /api/v1/results/{cct}/expected/{id}");
        }
        return Long.parseLong(target.rest());
    }

    private static Period period(String text, String field) {
        if (text == null) {
            throw ProblemException.badRequest("Falta el campo '" + field + "' (un mes, 2016-11, o un bimestre,"
                    + " 2016-2017-b2)");
        }
        try {
            return new Period(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + ": " + e.getMessage());
        }
    }

    private Caller writer(HttpServletRequest request, Cct cct) {
        Caller caller = RequestAccess.caller(request);
        RequestAccess.writableSchool(caller, directory, cct, "Solo el personal de la escuela " + cct
                + " modifica sus resultados.");
        return caller;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        RequestAccess.readableSchool(RequestAccess.caller(request), directory, target.school());
        Period period = period(request.getParameter("periodo"), "periodo");
        JsonArray rows = new JsonArray();
        results.table(target.school(), period).forEach(r -> rows.add(json(r)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", target.school().value());
        body.addProperty("periodo", period.key());
        body.addProperty("nombrePeriodo", period.displayName());
        JsonArray areas = new JsonArray();
        IndicatorAreas.DEFAULTS.forEach(areas::add);
        body.add("areasSugeridas", areas);
        body.add("resultados", rows);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        Caller caller = writer(request, target.school());
        JsonObject body = JsonRequests.object(request);
        try {
            if ("copy".equals(target.rest())) {
                Period from = period(JsonRequests.string(body, "desde"), "desde");
                Period to = period(JsonRequests.string(body, "hacia"), "hacia");
                JsonObject copied = new JsonObject();
                copied.addProperty("copiados", results.copyForward(target.school(), from, to, caller.username()));
                JsonResponses.write(response, HttpServletResponse.SC_OK, copied);
                return;
            }
            if (target.rest() != null) {
                methodNotAllowed(request, response);
                return;
            }
            Period period = period(JsonRequests.string(body, "periodo"), "periodo");
            ExpectedResult added = results.add(target.school(), period, draft(body), caller.username());
            response.setHeader("Location", request.getRequestURI() + "/" + added.id());
            JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(added));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "Resultado esperado no válido", e.getMessage());
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        Caller caller = writer(request, target.school());
        long id = id(target);
        JsonObject body = JsonRequests.object(request);
        long version = JsonRequests.number(body, "version");
        try {
            JsonResponses.write(response, HttpServletResponse.SC_OK,
                    json(results.update(target.school(), id, draft(body), version, caller.username())));
        } catch (StaleVersionException stale) {
            throw new ProblemException(409, "Conflicto de edición", stale.getMessage());
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "Resultado esperado no válido", e.getMessage());
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Target target = target(request);
        Caller caller = writer(request, target.school());
        long id = id(target);
        String version = request.getParameter("version");
        if (version == null || !version.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("Indique la versión que quiere quitar: ?version=N");
        }
        try {
            results.remove(target.school(), id, Long.parseLong(version), caller.username());
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (StaleVersionException stale) {
            throw new ProblemException(409, "Conflicto de edición", stale.getMessage());
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound(e.getMessage());
        }
    }

    private static ExpectedResultDraft draft(JsonObject body) {
        JsonElement group = body.get("grupo");
        return new ExpectedResultDraft((int) JsonRequests.number(body, "grado"),
                group == null || group.isJsonNull() ? null : group.getAsString(), text(body, "area"),
                text(body, "resultado"), text(body, "objetivo"), text(body, "meta"));
    }

    private static String text(JsonObject body, String member) {
        JsonElement value = body.get(member);
        return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? "" : value.getAsString();
    }

    static JsonObject json(ExpectedResult result) {
        JsonObject json = new JsonObject();
        json.addProperty("id", result.id());
        json.addProperty("periodo", result.period().key());
        json.addProperty("grado", result.content().grade());
        if (result.content().group() != null) {
            json.addProperty("grupo", result.content().group());
        }
        json.addProperty("area", result.content().area());
        json.addProperty("resultado", result.content().text());
        json.addProperty("objetivo", result.content().rmeObjective());
        json.addProperty("meta", result.content().rmeGoal());
        json.addProperty("version", result.version());
        return json;
    }
}
