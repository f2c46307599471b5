package mx.cte.results.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.EncodedAnswers;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.Routes;
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
 * authority (read): a period's table, a result added, changed or removed with the version it was based on, and the
 * previous period's table copied forward to start from.
 */
final class ExpectedTableResource {

    private static final String INVALID = "Resultado esperado no válido";

    private final ExpectedResults results;
    private final SchoolDirectory directory;

    /** Tables of the last seconds, up to 8 MB of them: a few KB per school and period. */
    private final EncodedAnswers<TableKey> encodedTables = new EncodedAnswers<>(8L << 20);

    private record TableKey(String cct, String period) {
    }

    ExpectedTableResource(ExpectedResults results, SchoolDirectory directory) {
        this.results = results;
        this.directory = directory;
    }

    void addRoutes(Routes.Builder routes) {
        routes.get("/{cct}/expected", this::table)
                .post("/{cct}/expected", this::add)
                .post("/{cct}/expected/copy", this::copyForward)
                .put("/{cct}/expected/{id:int}", this::update)
                .delete("/{cct}/expected/{id:int}", this::remove);
    }

    private void table(ApiCall call) throws IOException {
        Cct cct = RequestAccess.school(call);
        RequestAccess.readableSchool(RequestAccess.caller(call.request()), directory, cct);
        Period period = Params.queryPeriod(call);
        // The service hands out the same list until the table changes: its JSON is encoded once per list.
        encodedTables.ok(call, new TableKey(cct.value(), period.key()), results.table(cct, period),
                table -> tableJson(cct, period, table));
    }

    private static JsonObject tableJson(Cct cct, Period period, List<ExpectedResult> table) {
        JsonArray rows = new JsonArray();
        table.forEach(r -> rows.add(json(r)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", cct.value());
        body.addProperty("periodo", period.key());
        body.addProperty("nombrePeriodo", period.displayName());
        JsonArray areas = new JsonArray();
        IndicatorAreas.DEFAULTS.forEach(areas::add);
        body.add("areasSugeridas", areas);
        body.add("resultados", rows);
        return body;
    }

    private void add(ApiCall call) throws IOException {
        Cct cct = RequestAccess.school(call);
        Caller caller = writer(call, cct);
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        ExpectedResult added = ServiceCalls.call(INVALID, () -> results.add(cct, period, draft(body),
                caller.username()));
        call.created(call.uri() + "/" + added.id(), json(added));
    }

    private void copyForward(ApiCall call) throws IOException {
        Cct cct = RequestAccess.school(call);
        Caller caller = writer(call, cct);
        JsonObject body = call.body();
        Period from = Params.period(JsonRequests.optionalString(body, "desde"), "desde");
        Period to = Params.period(JsonRequests.optionalString(body, "hacia"), "hacia");
        JsonObject copied = new JsonObject();
        copied.addProperty("copiados",
                ServiceCalls.call(INVALID, () -> results.copyForward(cct, from, to, caller.username())));
        call.ok(copied);
    }

    private void update(ApiCall call) throws IOException {
        Cct cct = RequestAccess.school(call);
        Caller caller = writer(call, cct);
        long id = call.pathNumber("id");
        JsonObject body = call.body();
        long version = JsonRequests.number(body, "version");
        call.ok(json(ServiceCalls.call(INVALID, () -> results.update(cct, id, draft(body), version, caller.username()),
                () -> current(cct, id))));
    }

    private void remove(ApiCall call) throws IOException {
        Cct cct = RequestAccess.school(call);
        Caller caller = writer(call, cct);
        long id = call.pathNumber("id");
        long version = Params.queryVersion(call);
        ServiceCalls.call(INVALID, () -> {
            results.remove(cct, id, version, caller.username());
            return null;
        }, () -> current(cct, id));
        call.noContent();
    }

    private JsonObject current(Cct cct, long id) {
        return json(results.find(cct, id).orElseThrow());
    }

    private Caller writer(ApiCall call, Cct cct) {
        return RequestAccess.staff(call, directory, cct,
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
