package mx.cte.results.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.results.api.Period;
import mx.cte.results.api.Progress;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.results.api.Rollup;
import mx.cte.results.api.Tally;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * Read-only views across schools: {@code GET /zones/{zona}?periodo=} for the zone's supervisor (and its state's
 * authority), {@code GET /states/{entidad}?periodo=} for the state's authority, both as chart-ready counts; and
 * {@code GET /collective?escuelas=A,B&periodo=}, the concentrate proposal of a multigrade collective for the staff of
 * any of its schools, once its directors agreed to form it ({@code /collective/agreement}) or its supervision did.
 */
final class RollupResource {

    private final ResultsAnalysis analysis;
    private final SchoolDirectory directory;

    RollupResource(ResultsAnalysis analysis, SchoolDirectory directory) {
        this.analysis = analysis;
        this.directory = directory;
    }

    void addRoutes(Routes.Builder routes) {
        routes.get("/zones/{zona}", this::zone)
                .get("/states/{entidad}", this::state)
                .get("/collective", this::collective)
                .put("/collective/agreement", this::agree)
                .delete("/collective/agreement", this::withdraw);
    }

    private void zone(ApiCall call) throws IOException {
        Period period = Params.queryPeriod(call);
        ZoneId zone = RequestAccess.readableZone(call, z -> "Solo la supervisión de la zona " + z
                + " y la autoridad de su entidad ven su concentrado.");
        call.ok(json("escuelas", analysis.zoneRollup(zone, period)));
    }

    private void state(ApiCall call) throws IOException {
        Period period = Params.queryPeriod(call);
        State state = RequestAccess.authorityState(call, s -> "Solo la autoridad educativa de " + s.displayName()
                + " ve el concentrado de la entidad.");
        call.ok(json("zonas", analysis.stateRollup(state, period)));
    }

    /** The concentrate proposal of a multigrade collective, for the staff of its schools and their supervision. */
    private void collective(ApiCall call) throws IOException {
        Caller caller = RequestAccess.caller(call.request());
        Period period = Params.queryPeriod(call);
        List<Cct> schools = schools(call.query("escuelas").orElse(null));
        boolean member = schools.stream().anyMatch(caller::isStaffOf);
        if (member) {
            List<Cct> pending = analysis.collectivePending(schools);
            if (!pending.isEmpty()) {
                throw notAgreed(pending);
            }
        } else if (supervises(caller, schools)) {
            List<Cct> unpublished = schools.stream().filter(cct -> !analysis.isPublished(cct, period)).toList();
            if (!unpublished.isEmpty()) {
                throw ProblemException.forbidden("Aún no comparten el análisis de " + period.key()
                        + " con la supervisión: " + join(unpublished) + ".");
            }
        } else {
            throw outsider();
        }
        JsonObject body = new JsonObject();
        body.addProperty("periodo", period.key());
        JsonArray members = new JsonArray();
        schools.forEach(s -> members.add(s.value()));
        body.add("escuelas", members);
        body.add("propuesta", AnalysisResource.json(
                ServiceCalls.call("Colectivo no válido", () -> analysis.collectiveProposal(schools, period))));
        call.ok(body);
    }

    /**
     * {@code {"escuelas": [...], "escuela": "A"}}: the director of A agrees to form the collective; the zone's
     * supervisor forms it for all its schools at once (without {@code escuela}). Answers who still has to agree.
     */
    private void agree(ApiCall call) throws IOException {
        Caller caller = RequestAccess.caller(call.request());
        JsonObject body = call.body();
        List<Cct> schools = collective(Params.ccts(body.get("escuelas"), "escuelas"));
        String own = JsonRequests.optionalString(body, "escuela");
        if (own.isBlank()) {
            if (!supervises(caller, schools)) {
                throw supervisionOnly();
            }
            ServiceCalls.run("Colectivo no válido", () -> analysis.formCollective(schools, caller.username()));
        } else {
            Cct school = member(caller, schools, own);
            ServiceCalls.run("Colectivo no válido", () -> analysis.agreeToCollective(schools, school,
                    caller.username()));
        }
        call.ok(pending(schools));
    }

    /** {@code ?escuelas=A,B&escuela=A}: A's director withdraws its agreement. */
    private void withdraw(ApiCall call) throws IOException {
        Caller caller = RequestAccess.caller(call.request());
        List<Cct> schools = schools(call.query("escuelas").orElse(null));
        String own = call.query("escuela").orElse(null);
        if (own == null) {
            if (!supervises(caller, schools)) {
                throw supervisionOnly();
            }
            throw ProblemException.badField("escuela", "escuela: indique qué escuela retira su acuerdo");
        }
        Cct school = member(caller, schools, own);
        ServiceCalls.run("Colectivo no válido", () -> analysis.leaveCollective(schools, school, caller.username()));
        call.ok(pending(schools));
    }

    private static ProblemException supervisionOnly() {
        return ProblemException.forbidden("Solo la supervisión de la zona forma un colectivo multigrado por"
                + " todas sus escuelas; la dirección de cada escuela lo acuerda indicando \"escuela\".");
    }

    /** The school {@code own} names, if it is one of the collective's and the caller directs it. */
    private static Cct member(Caller caller, List<Cct> schools, String own) {
        Cct school = ApiCall.parsed("escuela", own, Cct::parse);
        if (!schools.contains(school)) {
            throw ProblemException.badField("escuela", "escuela: " + school
                    + " no está entre las escuelas del colectivo");
        }
        if (!caller.isDirectorOf(school)) {
            throw ProblemException.forbidden("Solo la dirección de la escuela " + school + " acuerda por ella"
                    + " formar un colectivo multigrado.");
        }
        return school;
    }

    private JsonObject pending(List<Cct> schools) {
        JsonObject answer = new JsonObject();
        JsonArray members = new JsonArray();
        schools.forEach(s -> members.add(s.value()));
        answer.add("escuelas", members);
        JsonArray pending = new JsonArray();
        analysis.collectivePending(schools).forEach(s -> pending.add(s.value()));
        answer.add("faltanPorAcordar", pending);
        answer.addProperty("acordado", pending.isEmpty());
        return answer;
    }

    /** The CCTs of {@code escuelas=A,B}, each checked for its form only: whether they exist is not told here. */
    private static List<Cct> schools(String list) {
        if (list == null || list.isBlank()) {
            throw ProblemException.badField("escuelas",
                    "Indique las escuelas del colectivo: ?escuelas=15EJN0104D,15EJN0105E");
        }
        try {
            return collective(java.util.Arrays.stream(list.split(",")).map(String::strip).map(Cct::parse).toList());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("escuelas", "escuelas: " + e.getMessage());
        }
    }

    /** The collective's schools, each once; 400 unless they are 2 to 30. */
    private static List<Cct> collective(List<Cct> named) {
        List<Cct> schools = named.stream().distinct().toList();
        if (schools.size() < 2 || schools.size() > 30) {
            throw ProblemException.badField("escuelas", "escuelas: un colectivo multigrado reúne de 2 a 30 escuelas");
        }
        return schools;
    }

    /** Whether the caller supervises the zones of all these schools (each must exist in a zone it reads). */
    private boolean supervises(Caller caller, List<Cct> schools) {
        return schools.stream().allMatch(cct -> directory.school(cct).map(School::zone).filter(caller::canReadZone)
                .isPresent());
    }

    private static ProblemException notAgreed(List<Cct> pending) {
        return ProblemException.forbidden("El colectivo multigrado aún no está acordado: falta la dirección de "
                + join(pending) + " (PUT /api/v1/results/collective/agreement), o que lo forme la supervisión.");
    }

    /** The same answer whatever the schools named: an outsider learns nothing about them. */
    private static ProblemException outsider() {
        return ProblemException.forbidden("Solo el personal de las escuelas del colectivo y su supervisión ven su"
                + " concentrado.");
    }

    private static String join(List<Cct> schools) {
        return String.join(", ", schools.stream().map(Cct::value).toList());
    }

    private static JsonObject json(String unitsName, Rollup rollup) {
        JsonObject body = new JsonObject();
        body.addProperty("ambito", rollup.scope());
        body.addProperty("periodo", rollup.period().key());
        JsonArray series = new JsonArray();
        for (Progress progress : Progress.values()) {
            JsonObject serie = new JsonObject();
            serie.addProperty("clave", progress.wireName());
            serie.addProperty("color", progress.light());
            series.add(serie);
        }
        body.add("series", series);
        body.add("total", tally(rollup.total()));
        body.add("porArea", byKey("area", rollup.byArea()));
        body.add("porGrado", byKey("grado", rollup.byGrade()));
        JsonArray units = new JsonArray();
        for (Rollup.Unit unit : rollup.units()) {
            JsonObject json = new JsonObject();
            json.addProperty("clave", unit.key());
            json.addProperty("nombre", unit.name());
            if (unitsName.equals("escuelas")) {
                json.addProperty("publicado", unit.published() == 1);
            } else {
                json.addProperty("escuelas", unit.schools());
                json.addProperty("publicadas", unit.published());
            }
            json.add("total", tally(unit.total()));
            json.add("porArea", byKey("area", unit.byArea()));
            units.add(json);
        }
        body.add(unitsName, units);
        return body;
    }

    private static JsonObject tally(Tally tally) {
        JsonObject json = AnalysisResource.counts(tally.asMap());
        json.addProperty("total", tally.total());
        return json;
    }

    /** [{"area": "Convivencia", "logrado": 3, …}] in the key's order, the shape a chart library takes. */
    private static <K extends Comparable<K>> JsonArray byKey(String keyName, Map<K, Tally> tallies) {
        JsonArray rows = new JsonArray();
        tallies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            JsonObject row = tally(entry.getValue());
            if (entry.getKey() instanceof Number number) {
                row.addProperty(keyName, number);
            } else {
                row.addProperty(keyName, entry.getKey().toString());
            }
            rows.add(row);
        });
        return rows;
    }
}
