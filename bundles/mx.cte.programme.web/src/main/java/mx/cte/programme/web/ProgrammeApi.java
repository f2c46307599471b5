package mx.cte.programme.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.core.api.names.WireNames;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.FollowUp;
import mx.cte.programme.api.Goal;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.programme.api.Objective;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeJson;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.programme.api.Progress;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * The improvement programme of a school and school year ({@code 2019-2020}): its staff read and write the draft and
 * the follow-up of each action per session, its director publishes it; its zone's supervisor and its state's
 * authority read what was published, and under {@code /zonas/{zona}} which schools of the zone published theirs.
 */
final class ProgrammeApi {

    private static final String INVALID = "Programa de mejora no válido";
    /** The school year the PEMC replaced the Ruta de Mejora: a new programme of it or later is a PEMC. */
    static final String FIRST_PEMC_CYCLE = "2019-2020";

    private final ImprovementProgramme programmes;
    private final SchoolDirectory directory;

    ProgrammeApi(ImprovementProgramme programmes, SchoolDirectory directory) {
        this.programmes = programmes;
        this.directory = directory;
    }

    Routes routes() {
        return Routes.builder()
                .get("/zonas/{zona}", this::zone)
                .get("/{cct}", this::cycles)
                .get("/{cct}/{cycle}", this::programme)
                .put("/{cct}/{cycle}", this::save)
                .post("/{cct}/{cycle}/continuar", this::carryOver)
                .post("/{cct}/{cycle}/publicar", this::publish)
                .get("/{cct}/{cycle}/seguimiento", this::followUps)
                .put("/{cct}/{cycle}/acciones/{action}/seguimiento", this::followUp)
                .build();
    }

    record GoalBody(@Member(value = "id", optional = true) String id,
            @Member(value = "descripcion", optional = true) String text,
            @Member(value = "fecha", optional = true) LocalDate date) {
    }

    record ObjectiveBody(@Member(value = "id", optional = true) String id,
            @Member(value = "verbo", optional = true) String verb,
            @Member(value = "indicador", optional = true) String indicator,
            @Member(value = "metrica", optional = true) String metric,
            @Member(value = "meta", optional = true) String target,
            @Member(value = "fecha", optional = true) LocalDate date,
            @Member(value = "ambitos", optional = true) List<String> areas,
            @Member(value = "metas", optional = true) List<GoalBody> goals) {

        Objective objective() {
            return new Objective(id, verb, indicator, metric, target, date, areas, goals.stream()
                    .map(g -> new Goal(g.id(), g.text(), g.date())).toList());
        }
    }

    record ActionBody(@Member(value = "id", optional = true) String id,
            @Member(value = "objetivo", optional = true) String objective,
            @Member(value = "ambito", optional = true) String area,
            @Member(value = "descripcion", optional = true) String text,
            @Member(value = "responsables", optional = true) List<String> responsibles,
            @Member(value = "recursos", optional = true) String resources,
            @Member(value = "inicio", optional = true) LocalDate start,
            @Member(value = "fin", optional = true) LocalDate end,
            @Member(value = "medicion", optional = true) String measure) {

        Action action() {
            return new Action(id, objective, area, text, responsibles, resources, start, end, measure);
        }
    }

    /** The programme as the editor sends it: every field is checked by the module, all problems at once. */
    record ProgrammeBody(@Member("tipo") String kind, @Member("version") long version,
            @Member(value = "diagnostico", optional = true) JsonObject diagnosis,
            @Member(value = "objetivos", optional = true) List<ObjectiveBody> objectives,
            @Member(value = "acciones", optional = true) List<ActionBody> actions) {

        ProgrammeKind parsedKind() {
            return ProgrammeKind.parse(kind).orElseThrow(() -> ProblemException.badField("tipo", "El tipo '" + kind
                    + "' no existe: pemc (Programa Escolar de Mejora Continua) o ruta-mejora (Ruta de Mejora"
                    + " Escolar)."));
        }

        ProgrammeContent content() {
            Map<String, String> texts = new LinkedHashMap<>();
            if (diagnosis != null) {
                for (Map.Entry<String, JsonElement> area : diagnosis.entrySet()) {
                    JsonElement text = area.getValue();
                    if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
                        throw ProblemException.badField("diagnostico." + area.getKey(), "El diagnóstico de cada"
                                + " ámbito es un texto.");
                    }
                    texts.put(area.getKey(), text.getAsString());
                }
            }
            return new ProgrammeContent(texts, objectives.stream().map(ObjectiveBody::objective).toList(),
                    actions.stream().map(ActionBody::action).toList());
        }
    }

    record BasedOn(long version) {
    }

    record FollowUpBody(@Member("sesion") String session, @Member("avance") String progress,
            @Member(value = "comentario", optional = true) String comment,
            @Member(value = "ajuste", optional = true) String adjustment, @Member("version") long version) {

        Progress parsedProgress() {
            return Progress.parse(progress).orElseThrow(() -> ProblemException.badField("avance", "El avance '"
                    + progress + "' no existe: " + WireNames.choices(Progress.class) + "."));
        }
    }

    private Caller writer(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school, "Solo el personal de la escuela " + school
                + " escribe su programa de mejora.");
    }

    /** {@code GET /{cct}}: the school years with a programme, latest first, and whether each was published. */
    private void cycles(ApiCall call) throws IOException {
        Cct school = RequestAccess.readableSchool(call, directory);
        boolean staff = RequestAccess.caller(call.request()).isStaffOf(school);
        JsonArray cycles = new JsonArray();
        for (String cycle : programmes.cycles(school)) {
            Programme programme = programmes.find(school, cycle).orElseThrow();
            if (!staff && programme.published() == null) {
                continue;
            }
            JsonObject item = new JsonObject();
            item.addProperty("ciclo", cycle);
            item.addProperty("tipo", programme.kind().wireName());
            item.addProperty("publicado", programme.publishedAt() == null ? null : programme.publishedAt()
                    .toString());
            cycles.add(item);
        }
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.add("ciclos", cycles);
        call.ok(body);
    }

    /**
     * {@code GET /{cct}/{cycle}}: the school's staff read the draft (an empty one of version 0 before the first save,
     * a PEMC from 2019-2020 on), others what was published (404 before).
     */
    private void programme(ApiCall call) throws IOException {
        Cct school = RequestAccess.readableSchool(call, directory);
        String cycle = RequestAccess.schoolYear(call);
        Optional<Programme> found = programmes.find(school, cycle);
        if (RequestAccess.caller(call.request()).isStaffOf(school)) {
            call.ok(found.map(ProgrammeApi::json).orElseGet(() -> empty(school, cycle)));
            return;
        }
        Programme published = found.filter(p -> p.published() != null).orElseThrow(() -> ProblemException.notFound(
                "La escuela " + school + " no ha publicado su programa de mejora " + cycle + "."));
        call.ok(json(published.asPublished()));
    }

    private JsonObject empty(Cct school, String cycle) {
        ProgrammeKind kind = cycle.compareTo(FIRST_PEMC_CYCLE) < 0 ? ProgrammeKind.RUTA_DE_MEJORA
                : ProgrammeKind.PEMC;
        JsonObject json = json(new Programme(school, cycle, kind, ProgrammeContent.empty(), null, null, null, 0, null,
                null, null));
        json.addProperty("puedeContinuar", programmes.cycles(school).stream().anyMatch(c -> c.compareTo(cycle) < 0));
        return json;
    }

    private void save(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        String cycle = RequestAccess.schoolYear(call);
        ProgrammeBody body = call.body(ProgrammeBody.class);
        ProgrammeKind kind = body.parsedKind();
        ProgrammeContent content = body.content();
        call.ok(json(ServiceCalls.call(INVALID, () -> programmes.save(school, cycle, kind, content, body.version(),
                caller.username()), () -> json(programmes.find(school, cycle).orElseThrow()))));
    }

    /** {@code POST /{cct}/{cycle}/continuar}: the year's programme started from the school's latest earlier one. */
    private void carryOver(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        String cycle = RequestAccess.schoolYear(call);
        Programme programme = ServiceCalls.call(INVALID, () -> programmes.carryOver(school, cycle,
                caller.username()), () -> json(programmes.find(school, cycle).orElseThrow()));
        call.created(call.uri().substring(0, call.uri().length() - "/continuar".length()), json(programme));
    }

    /** {@code POST /{cct}/{cycle}/publicar}: the director makes the programme as read what supervisors see. */
    private void publish(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = RequestAccess.director(call, directory, school, "Solo la dirección de la escuela " + school
                + " publica su programa de mejora.");
        String cycle = RequestAccess.schoolYear(call);
        long version = call.body(BasedOn.class).version();
        call.ok(json(ServiceCalls.call(INVALID, () -> programmes.publish(school, cycle, version, caller.username()),
                () -> json(programmes.find(school, cycle).orElseThrow()))));
    }

    /** {@code GET /{cct}/{cycle}/seguimiento}: what each session recorded of each action (the school's staff). */
    private void followUps(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        writer(call, school);
        String cycle = RequestAccess.schoolYear(call);
        JsonArray array = new JsonArray();
        programmes.followUps(school, cycle).forEach(f -> array.add(json(f)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("ciclo", cycle);
        body.add("seguimiento", array);
        call.ok(body);
    }

    /** {@code PUT /{cct}/{cycle}/acciones/{action}/seguimiento}: one session's follow-up; 409 with {@code actual}. */
    private void followUp(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = writer(call, school);
        String cycle = RequestAccess.schoolYear(call);
        String action = call.path("action");
        FollowUpBody body = call.body(FollowUpBody.class);
        Progress progress = body.parsedProgress();
        call.ok(json(ServiceCalls.call(INVALID, () -> programmes.followUp(school, cycle, action, body.session(),
                progress, body.comment(), body.adjustment(), body.version(), caller.username()),
                () -> json(programmes.followUps(school, cycle).stream().filter(f -> f.action().equals(action)
                        && f.session().equals(body.session())).findFirst().orElseThrow()))));
    }

    /** {@code GET /zonas/{zona}?ciclo=2019-2020}: every school of the zone and its published programme, if any. */
    private void zone(ApiCall call) throws IOException {
        ZoneId zone = RequestAccess.readableZone(call, z -> "Solo la supervisión de la zona " + z.key() + " y la"
                + " autoridad de su estado ven los programas de mejora de sus escuelas.");
        String cycle = RequestAccess.schoolYearQuery(call);
        List<School> schools = directory.schools(zone);
        Map<Cct, Programme> published = new LinkedHashMap<>();
        programmes.published(schools.stream().map(School::cct).toList(), cycle)
                .forEach(p -> published.put(p.school(), p));
        JsonArray array = new JsonArray();
        for (School school : schools) {
            JsonObject item = new JsonObject();
            item.addProperty("escuela", school.cct().value());
            item.addProperty("nombre", school.name());
            Programme programme = published.get(school.cct());
            if (programme != null) {
                item.addProperty("tipo", programme.kind().wireName());
                item.addProperty("publicado", programme.publishedAt().toString());
                item.addProperty("objetivos", programme.content().objectives().size());
                item.addProperty("acciones", programme.content().actions().size());
            }
            array.add(item);
        }
        JsonObject body = new JsonObject();
        body.addProperty("zona", zone.key());
        body.addProperty("ciclo", cycle);
        body.add("escuelas", array);
        call.ok(body);
    }

    static JsonObject json(Programme programme) {
        JsonObject json = new JsonObject();
        json.addProperty("escuela", programme.school().value());
        json.addProperty("ciclo", programme.cycle());
        json.addProperty("tipo", programme.kind().wireName());
        json.addProperty("titulo", programme.kind().title());
        JsonArray areas = new JsonArray();
        for (ProgrammeKind.Area area : programme.kind().areas()) {
            JsonObject item = new JsonObject();
            item.addProperty("clave", area.key());
            item.addProperty("titulo", area.title());
            areas.add(item);
        }
        json.add("ambitos", areas);
        ProgrammeJson.write(programme.content()).entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        JsonArray objectives = json.getAsJsonArray("objetivos");
        for (int i = 0; i < objectives.size(); i++) {
            objectives.get(i).getAsJsonObject().addProperty("enunciado", programme.content().objectives().get(i)
                    .sentence());
        }
        json.addProperty("continuadoDe", programme.carriedFrom());
        json.addProperty("version", programme.version());
        if (programme.updatedBy() != null) {
            json.addProperty("actualizadoPor", programme.updatedBy());
            json.addProperty("actualizado", programme.updatedAt().toString());
        }
        if (programme.publishedAt() != null) {
            json.addProperty("publicadoPor", programme.publishedBy());
            json.addProperty("publicado", programme.publishedAt().toString());
        }
        return json;
    }

    static JsonObject json(FollowUp followUp) {
        JsonObject json = new JsonObject();
        json.addProperty("accion", followUp.action());
        json.addProperty("sesion", followUp.session());
        json.addProperty("avance", followUp.progress().wireName());
        json.addProperty("comentario", followUp.comment());
        json.addProperty("ajuste", followUp.adjustment());
        json.addProperty("actualizadoPor", followUp.updatedBy());
        json.addProperty("actualizado", followUp.updatedAt().toString());
        json.addProperty("version", followUp.version());
        return json;
    }
}
