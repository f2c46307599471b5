package mx.cte.results.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.results.api.Agent;
import mx.cte.results.api.Concentrate;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.GradeCoincidences;
import mx.cte.results.api.GradeTeamWork;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.GroupReflection;
import mx.cte.results.api.Observation;
import mx.cte.results.api.Period;
import mx.cte.results.api.Progress;
import mx.cte.results.api.Rating;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.results.api.StrategyAction;
import mx.cte.results.api.SynthesisFrame;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * A school's analysis of a period, activities 2 to 7: each group's assessment of the expected results (ratings,
 * reflection, observations), the coincidences of a grade's team, the Estrategia Global actions, the school's
 * concentrate and its publication. Its staff read and write it; its supervisor and state authority read it once the
 * school has published the period (a school's working drafts are its own).
 */
final class AnalysisResource {

    private static final String INVALID = "Análisis no válido";

    private final ResultsAnalysis analysis;
    private final ExpectedResults expected;
    private final SchoolDirectory directory;

    AnalysisResource(ResultsAnalysis analysis, ExpectedResults expected, SchoolDirectory directory) {
        this.analysis = analysis;
        this.expected = expected;
        this.directory = directory;
    }

    void addRoutes(Routes.Builder routes) {
        routes.get("/{cct}/groups/{grado}/{grupo}", this::assessment)
                .put("/{cct}/groups/{grado}/{grupo}/reflection", this::reflect)
                .post("/{cct}/groups/{grado}/{grupo}/observations", this::observe)
                .put("/{cct}/ratings/{id:int}/{grupo}", this::rate)
                .delete("/{cct}/observations/{id:int}", this::removeObservation)
                .get("/{cct}/coincidences", this::coincidences)
                .put("/{cct}/coincidences/{grado}", this::saveTeamWork)
                .get("/{cct}/strategy", this::strategy)
                .post("/{cct}/strategy", this::addStrategyAction)
                .put("/{cct}/strategy/{id:int}", this::changeStrategyAction)
                .delete("/{cct}/strategy/{id:int}", this::removeStrategyAction)
                .get("/{cct}/concentrate", this::concentrate)
                .post("/{cct}/concentrate", this::addConcentrateItem)
                .post("/{cct}/concentrate/prefill", this::prefillConcentrate)
                .put("/{cct}/concentrate/{id:int}", this::changeConcentrateItem)
                .delete("/{cct}/concentrate/{id:int}", this::removeConcentrateItem)
                .put("/{cct}/publication", this::publish);
    }

    private static Cct school(ApiCall call) {
        return RequestAccess.school(call);
    }

    private static int grade(ApiCall call) {
        return call.path("grado", Params::grade);
    }

    /** Staff always; the zone's supervisor and the state's authority once the school published the period. */
    private void checkReader(ApiCall call, Cct cct, Period period) {
        Caller caller = RequestAccess.caller(call.request());
        RequestAccess.readableSchool(caller, directory, cct);
        if (!caller.isStaffOf(cct) && !analysis.isPublished(cct, period)) {
            throw ProblemException.forbidden("La escuela " + cct + " aún no comparte su análisis de "
                    + period.displayName() + ".");
        }
    }

    private Caller writer(ApiCall call, Cct cct) {
        return RequestAccess.staff(call, directory, cct,
                "Solo el personal de la escuela " + cct + " registra su análisis.");
    }

    private void assessment(ApiCall call) throws IOException {
        Cct cct = school(call);
        int grade = grade(call);
        String group = call.path("grupo");
        Period period = Params.queryPeriod(call);
        checkReader(call, cct, period);
        call.ok(json(ServiceCalls.call(INVALID, () -> analysis.assessment(cct, period, grade, group))));
    }

    private void reflect(ApiCall call) throws IOException {
        Cct cct = school(call);
        int grade = grade(call);
        String group = call.path("grupo");
        Caller caller = writer(call, cct);
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        GroupReflection reflection = new GroupReflection(JsonRequests.optionalString(body, "funcionaron"),
                JsonRequests.optionalString(body, "noFuncionaron"), JsonRequests.optionalString(body, "atribucion"),
                JsonRequests.optionalString(body, "materiales"), 0);
        long version = JsonRequests.number(body, "version");
        call.ok(json(ServiceCalls.call(INVALID, () -> analysis.reflect(cct, period, grade, group, reflection,
                version, caller.username()), () -> json(analysis.assessment(cct, period, grade, group).reflection()))));
    }

    private void observe(ApiCall call) throws IOException {
        Cct cct = school(call);
        int grade = grade(call);
        String group = call.path("grupo");
        Caller caller = writer(call, cct);
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        Observation added = ServiceCalls.call(INVALID, () -> analysis.observe(cct, period, grade, group,
                Agent.parse(JsonRequests.optionalString(body, "agente")), JsonRequests.optionalString(body, "texto"),
                caller.username()));
        call.answer(201, json(added));
    }

    private void rate(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        long id = call.pathNumber("id");
        String group = call.path("grupo");
        JsonObject body = call.body();
        long version = JsonRequests.number(body, "version");
        Rating rating = ServiceCalls.call(INVALID, () -> analysis.rate(cct, id, group,
                Progress.parse(JsonRequests.optionalString(body, "avance")), JsonRequests.bool(body, "dificil", false),
                JsonRequests.optionalString(body, "porque"), version, caller.username()),
                () -> currentRating(cct, id, group));
        call.ok(json(rating));
    }

    private JsonElement currentRating(Cct cct, long expectedResultId, String group) {
        ExpectedResult result = expected.find(cct, expectedResultId).orElseThrow();
        return analysis.assessment(cct, result.period(), result.content().grade(), group).results().stream()
                .filter(r -> r.result().id() == expectedResultId && r.rating() != null).findFirst()
                .map(r -> (JsonElement) json(r.rating())).orElseThrow();
    }

    private void removeObservation(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        long id = call.pathNumber("id");
        ServiceCalls.run(INVALID, () -> analysis.removeObservation(cct, id, caller.username()));
        call.noContent();
    }

    private void coincidences(ApiCall call) throws IOException {
        Cct cct = school(call);
        Period period = Params.queryPeriod(call);
        checkReader(call, cct, period);
        JsonArray grades = new JsonArray();
        analysis.coincidences(cct, period).forEach(g -> grades.add(json(g)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", cct.value());
        body.addProperty("periodo", period.key());
        body.add("frases", frames());
        body.add("grados", grades);
        call.ok(body);
    }

    private void saveTeamWork(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        int grade = grade(call);
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        Map<SynthesisFrame, String> synthesis = new EnumMap<>(SynthesisFrame.class);
        JsonElement given = body.get("sintesis");
        if (given != null && !given.isJsonNull()) {
            if (!given.isJsonObject()) {
                throw ProblemException.badField("sintesis",
                        "El campo 'sintesis' debe ser un objeto: {\"funcionaron\": …}");
            }
            for (String key : given.getAsJsonObject().keySet()) {
                SynthesisFrame frame = ServiceCalls.call(INVALID, () -> SynthesisFrame.parse(key));
                synthesis.put(frame, JsonRequests.optionalString(given.getAsJsonObject(), key));
            }
        }
        long version = JsonRequests.number(body, "version");
        call.ok(json(ServiceCalls.call(INVALID, () -> analysis.saveTeamWork(cct, period, grade,
                JsonRequests.optionalString(body, "coincidencias"), synthesis, version, caller.username()),
                () -> json(analysis.coincidences(cct, period).stream().filter(g -> g.grade() == grade)
                        .findFirst().orElseThrow().teamWork()))));
    }

    private static JsonArray frames() {
        JsonArray frames = new JsonArray();
        for (SynthesisFrame frame : SynthesisFrame.values()) {
            JsonObject json = new JsonObject();
            json.addProperty("clave", frame.wireName());
            json.addProperty("frase", frame.frame());
            frames.add(json);
        }
        return frames;
    }

    private void strategy(ApiCall call) throws IOException {
        Cct cct = school(call);
        Period period = Params.queryPeriod(call);
        checkReader(call, cct, period);
        JsonArray actions = new JsonArray();
        analysis.strategy(cct, period).forEach(a -> actions.add(json(a)));
        JsonObject body = new JsonObject();
        body.addProperty("periodo", period.key());
        body.add("acciones", actions);
        call.ok(body);
    }

    private void addStrategyAction(ApiCall call) throws IOException {
        call.answer(201, json(saveStrategyAction(call, 0)));
    }

    private void changeStrategyAction(ApiCall call) throws IOException {
        call.ok(json(saveStrategyAction(call, call.pathNumber("id"))));
    }

    /** @param actionId 0 to add one */
    private StrategyAction saveStrategyAction(ApiCall call, long actionId) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        long version = actionId == 0 ? 0 : JsonRequests.number(body, "version");
        return ServiceCalls.call(INVALID, () -> analysis.saveStrategyAction(cct, period, actionId,
                JsonRequests.optionalString(body, "accion"), JsonRequests.optionalString(body, "ambito"),
                JsonRequests.bool(body, "contribuye", false), JsonRequests.optionalString(body, "porque"),
                version, caller.username()), () -> json(analysis.strategy(cct, period).stream()
                        .filter(a -> a.id() == actionId).findFirst().orElseThrow()));
    }

    private void removeStrategyAction(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        long actionId = call.pathNumber("id");
        long version = Params.queryVersion(call);
        ServiceCalls.run(INVALID, () -> analysis.removeStrategyAction(cct, actionId, version, caller.username()));
        call.noContent();
    }

    private void concentrate(ApiCall call) throws IOException {
        Cct cct = school(call);
        Period period = Params.queryPeriod(call);
        checkReader(call, cct, period);
        call.ok(json(period, analysis.concentrate(cct, period)));
    }

    private void prefillConcentrate(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        List<Cct> collective = Params.ccts(body.get("colectivo"), "colectivo");
        JsonObject added = new JsonObject();
        added.addProperty("agregados", ServiceCalls.call(INVALID,
                () -> analysis.prefillConcentrate(cct, period, collective, caller.username())));
        call.ok(added);
    }

    private void addConcentrateItem(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        call.answer(201, json(ServiceCalls.call(INVALID, () -> analysis.saveConcentrateItem(cct, period,
                item(body, 0, 0), caller.username()))));
    }

    private void changeConcentrateItem(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        long itemId = call.pathNumber("id");
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        long version = JsonRequests.number(body, "version");
        call.ok(json(ServiceCalls.call(INVALID, () -> analysis.saveConcentrateItem(cct, period,
                item(body, itemId, version), caller.username()), () -> json(analysis.concentrate(cct, period)
                        .items().stream().filter(i -> i.id() == itemId).findFirst().orElseThrow()))));
    }

    private void removeConcentrateItem(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = writer(call, cct);
        long itemId = call.pathNumber("id");
        long version = Params.queryVersion(call);
        ServiceCalls.run(INVALID, () -> analysis.removeConcentrateItem(cct, itemId, version, caller.username()));
        call.noContent();
    }

    private static ConcentrateItem item(JsonObject body, long id, long version) {
        List<Integer> grades = new ArrayList<>();
        JsonElement given = body.get("grados");
        if (given != null && !given.isJsonNull()) {
            if (!given.isJsonArray()) {
                throw ProblemException.badField("grados",
                        "El campo 'grados' debe ser una lista de números, p. ej. [1, 2]");
            }
            for (JsonElement grade : given.getAsJsonArray()) {
                if (!grade.isJsonPrimitive() || !grade.getAsJsonPrimitive().isNumber()) {
                    throw ProblemException.badField("grados", "grados: cada grado es un número, p. ej. [1, 2]");
                }
                grades.add(grade.getAsInt());
            }
        }
        return new ConcentrateItem(id, ServiceCalls.call(INVALID,
                () -> ConcentrateItem.Kind.parse(JsonRequests.optionalString(body, "tipo"))),
                JsonRequests.optionalString(body, "area"), grades, JsonRequests.optionalString(body, "texto"),
                JsonRequests.optionalString(body, "objetivo"), JsonRequests.optionalString(body, "meta"),
                JsonRequests.optionalString(body, "contribucion"), version);
    }

    /** {"periodo", "publicado"}: the director shares the period's analysis with the supervision, or withdraws it. */
    private void publish(ApiCall call) throws IOException {
        Cct cct = school(call);
        Caller caller = RequestAccess.caller(call.request());
        RequestAccess.directedSchool(caller, directory, cct, "Solo la dirección de la escuela " + cct
                + " comparte su análisis con la supervisión o lo retira.");
        JsonObject body = call.body();
        Period period = Params.bodyPeriod(body);
        if (!body.has("publicado")) {
            throw ProblemException.badField("publicado",
                    "Falta el campo 'publicado' (true para compartir con la supervisión)");
        }
        boolean published = JsonRequests.bool(body, "publicado", false);
        ServiceCalls.run(INVALID, () -> analysis.publish(cct, period, published, caller.username()));
        call.ok(json(period, analysis.concentrate(cct, period)));
    }

    // ---------------------------------------------------------------- JSON

    static JsonObject json(GroupAssessment assessment) {
        JsonObject json = new JsonObject();
        json.addProperty("grado", assessment.grade());
        json.addProperty("grupo", assessment.group());
        JsonArray results = new JsonArray();
        for (GroupAssessment.AssessedResult assessed : assessment.results()) {
            JsonObject result = ExpectedTableResource.json(assessed.result());
            if (assessed.rating() != null) {
                result.add("valoracion", json(assessed.rating()));
            }
            results.add(result);
        }
        json.add("resultados", results);
        json.add("reflexion", json(assessment.reflection()));
        JsonArray observations = new JsonArray();
        assessment.observations().forEach(o -> observations.add(json(o)));
        json.add("observaciones", observations);
        return json;
    }

    static JsonObject json(GroupReflection reflection) {
        JsonObject answers = new JsonObject();
        answers.addProperty("funcionaron", reflection.workedActions());
        answers.addProperty("noFuncionaron", reflection.failedActions());
        answers.addProperty("atribucion", reflection.attribution());
        answers.addProperty("materiales", reflection.materialsToShare());
        answers.addProperty("version", reflection.version());
        return answers;
    }

    static JsonObject json(Rating rating) {
        JsonObject json = new JsonObject();
        json.addProperty("resultado", rating.expectedResultId());
        json.addProperty("grupo", rating.group());
        json.addProperty("avance", rating.progress().wireName());
        json.addProperty("semaforo", rating.progress().light());
        json.addProperty("dificil", rating.hardest());
        json.addProperty("porque", rating.reason());
        json.addProperty("registro", rating.updatedBy());
        json.addProperty("version", rating.version());
        return json;
    }

    static JsonObject json(Observation observation) {
        JsonObject json = new JsonObject();
        json.addProperty("id", observation.id());
        json.addProperty("grado", observation.grade());
        json.addProperty("grupo", observation.group());
        json.addProperty("agente", observation.agent().wireName());
        json.addProperty("nombreAgente", observation.agent().title());
        json.addProperty("texto", observation.text());
        json.addProperty("autor", observation.author());
        json.addProperty("fecha", observation.createdAt().toString());
        return json;
    }

    static JsonObject json(GradeCoincidences grade) {
        JsonObject json = new JsonObject();
        json.addProperty("grado", grade.grade());
        JsonArray groups = new JsonArray();
        grade.groups().forEach(groups::add);
        json.add("grupos", groups);
        JsonArray results = new JsonArray();
        for (GradeCoincidences.Convergence convergence : grade.results()) {
            JsonObject result = ExpectedTableResource.json(convergence.result());
            result.add("conteo", counts(convergence.counts()));
            JsonArray hardest = new JsonArray();
            convergence.hardestIn().forEach(hardest::add);
            result.add("dificilEn", hardest);
            JsonArray unrated = new JsonArray();
            convergence.unrated().forEach(unrated::add);
            result.add("sinValorar", unrated);
            result.addProperty("coinciden", convergence.shared());
            results.add(result);
        }
        json.add("resultados", results);
        json.addProperty("coincidenciasSugeridas", grade.suggested());
        json.add("equipo", json(grade.teamWork()));
        return json;
    }

    static JsonObject json(GradeTeamWork work) {
        JsonObject team = new JsonObject();
        team.addProperty("grado", work.grade());
        team.addProperty("coincidencias", work.coincidences());
        JsonObject synthesis = new JsonObject();
        work.synthesis().forEach((frame, text) -> synthesis.addProperty(frame.wireName(), text));
        team.add("sintesis", synthesis);
        team.addProperty("version", work.version());
        return team;
    }

    static JsonObject counts(Map<Progress, Integer> counts) {
        JsonObject json = new JsonObject();
        for (Progress progress : Progress.values()) {
            json.addProperty(progress.wireName(), counts.getOrDefault(progress, 0));
        }
        return json;
    }

    static JsonObject json(StrategyAction action) {
        JsonObject json = new JsonObject();
        json.addProperty("id", action.id());
        json.addProperty("accion", action.action());
        json.addProperty("ambito", action.ambit());
        json.addProperty("contribuye", action.contributes());
        json.addProperty("porque", action.reason());
        json.addProperty("version", action.version());
        return json;
    }

    static JsonObject json(ConcentrateItem item) {
        JsonObject json = new JsonObject();
        if (item.id() != 0) {
            json.addProperty("id", item.id());
        }
        json.addProperty("tipo", item.kind().wireName());
        json.addProperty("area", item.area());
        JsonArray grades = new JsonArray();
        item.grades().forEach(grades::add);
        json.add("grados", grades);
        json.addProperty("texto", item.text());
        json.addProperty("objetivo", item.rmeObjective());
        json.addProperty("meta", item.rmeGoal());
        json.addProperty("contribucion", item.rmeContribution());
        json.addProperty("version", item.version());
        return json;
    }

    static JsonArray json(List<ConcentrateItem> items) {
        JsonArray array = new JsonArray();
        items.forEach(i -> array.add(json(i)));
        return array;
    }

    static JsonObject json(Period period, Concentrate concentrate) {
        JsonObject json = new JsonObject();
        json.addProperty("periodo", period.key());
        json.add("renglones", json(concentrate.items()));
        json.add("propuesta", json(concentrate.proposal()));
        json.addProperty("publicado", concentrate.publishedAt() != null);
        if (concentrate.publishedAt() != null) {
            json.addProperty("publicadoEl", concentrate.publishedAt().toString());
            json.addProperty("publicadoPor", concentrate.publishedBy());
        }
        return json;
    }
}
