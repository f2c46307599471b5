package mx.cte.results.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.ServiceCalls;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResultDraft;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.IndicatorAreas;
import mx.cte.results.api.Period;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * A school's Cuadro de resultados esperados, for its staff (read and write), its zone's supervisor and its state's
 * authority (read): {@code GET /{cct}/expected?periodo=2016-11}, {@code POST} to add one, {@code PUT …/expected/{id}}
 * and {@code DELETE …/expected/{id}?version=N} with the version it was based on, and
 * {@code POST /{cct}/expected/copy {"desde", "hacia"}} to start from the previous period's table.
 */
final class ExpectedTableResource implements ResultsServlet.Resource {

    private static final String INVALID = "Resultado esperado no válido";

    private final ExpectedResults results;
    private final SchoolDirectory directory;

    ExpectedTableResource(ExpectedResults results, SchoolDirectory directory) {
        this.results = results;
        this.directory = directory;
    }

    @Override
    public boolean handle(ResultsServlet.Route route) throws IOException {
        if (route.size() > 3) {
            throw route.notFound();
        }
        Cct cct = RequestAccess.cct(route.part(0));
        String rest = route.part(2);
        HttpServletResponse response = route.response();
        switch (route.method()) {
            case "GET" -> {
                if (rest != null) {
                    return false;
                }
                RequestAccess.readableSchool(RequestAccess.caller(route.request()), directory, cct);
                Period period = Params.queryPeriod(route.request());
                JsonArray rows = new JsonArray();
                results.table(cct, period).forEach(r -> rows.add(json(r)));
                JsonObject body = new JsonObject();
                body.addProperty("escuela", cct.value());
                body.addProperty("periodo", period.key());
                body.addProperty("nombrePeriodo", period.displayName());
                JsonArray areas = new JsonArray();
                IndicatorAreas.DEFAULTS.forEach(areas::add);
                body.add("areasSugeridas", areas);
                body.add("resultados", rows);
                JsonResponses.write(response, HttpServletResponse.SC_OK, body);
            }
            case "POST" -> {
                Caller caller = writer(route, cct);
                JsonObject body = JsonRequests.object(route.request());
                if ("copy".equals(rest)) {
                    Period from = Params.period(JsonRequests.optionalString(body, "desde"), "desde");
                    Period to = Params.period(JsonRequests.optionalString(body, "hacia"), "hacia");
                    JsonObject copied = new JsonObject();
                    copied.addProperty("copiados",
                            ServiceCalls.call(INVALID, () -> results.copyForward(cct, from, to, caller.username())));
                    JsonResponses.write(response, HttpServletResponse.SC_OK, copied);
                } else if (rest == null) {
                    Period period = Params.bodyPeriod(body);
                    ExpectedResult added = ServiceCalls.call(INVALID,
                            () -> results.add(cct, period, draft(body), caller.username()));
                    response.setHeader("Location", route.request().getRequestURI() + "/" + added.id());
                    JsonResponses.write(response, HttpServletResponse.SC_CREATED, json(added));
                } else {
                    return false;
                }
            }
            case "PUT" -> {
                Caller caller = writer(route, cct);
                long id = Params.id(rest, "el resultado esperado");
                JsonObject body = JsonRequests.object(route.request());
                long version = JsonRequests.number(body, "version");
                JsonResponses.write(response, HttpServletResponse.SC_OK, json(ServiceCalls.call(INVALID,
                        () -> results.update(cct, id, draft(body), version, caller.username()), () -> current(cct, id))));
            }
            case "DELETE" -> {
                Caller caller = writer(route, cct);
                long id = Params.id(rest, "el resultado esperado");
                long version = Params.queryVersion(route.request());
                ServiceCalls.call(INVALID, () -> {
                    results.remove(cct, id, version, caller.username());
                    return null;
                }, () -> current(cct, id));
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private JsonObject current(Cct cct, long id) {
        return json(results.find(cct, id).orElseThrow());
    }

    private Caller writer(ResultsServlet.Route route, Cct cct) {
        return Params.writer(route.request(), directory, cct,
                "Solo el personal de la escuela " + cct + " modifica sus resultados.");
    }

    private static ExpectedResultDraft draft(JsonObject body) {
        JsonElement group = body.get("grupo");
        return new ExpectedResultDraft((int) JsonRequests.number(body, "grado"),
                group == null || group.isJsonNull() ? null : JsonRequests.optionalString(body, "grupo"),
                JsonRequests.optionalString(body, "area"), JsonRequests.optionalString(body, "resultado"),
                JsonRequests.optionalString(body, "objetivo"), JsonRequests.optionalString(body, "meta"));
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
