package mx.cte.pupils.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.api.names.WireNames;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.pupils.api.Area;
import mx.cte.pupils.api.GroupTally;
import mx.cte.pupils.api.ImportResult;
import mx.cte.pupils.api.Light;
import mx.cte.pupils.api.Pupil;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.pupils.api.PupilRecords;
import mx.cte.pupils.api.Risk;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/**
 * The pupils who need support. Named records (personal data of minors) only for the school's staff, the teachers and
 * the director, every read and export audited by the module; the school's, the zone's and the state's tallies carry
 * no name and are read by its supervision and authority too.
 */
final class PupilsApi {

    private static final String INVALID = "Registro de alumno no válido";

    private final PupilRecords pupils;
    private final SchoolDirectory directory;

    PupilsApi(PupilRecords pupils, SchoolDirectory directory) {
        this.pupils = pupils;
        this.directory = directory;
    }

    Routes routes() {
        return Routes.builder()
                .get("/zonas/{zona}", this::zone)
                .get("/{cct}/{cycle}/grupos/{grade:int}/{group}", this::group)
                .get("/{cct}/{cycle}/alumnos.csv", this::export)
                .post("/{cct}/{cycle}/alumnos", this::add)
                .post("/{cct}/{cycle}/importar", this::importList)
                .get("/{cct}/{cycle}/conteos", this::schoolTallies)
                .put("/{cct}/alumnos/{id:int}", this::update)
                .delete("/{cct}/alumnos/{id:int}", this::remove)
                .build();
    }

    /** A pupil as the page sends it. */
    record PupilBody(@Member(value = "nombre", optional = true) String name, @Member("grado") int grade,
            @Member(value = "grupo", optional = true) String group,
            @Member(value = "lectura", optional = true) String reading,
            @Member(value = "escritura", optional = true) String writing,
            @Member(value = "matematicas", optional = true) String mathematics,
            @Member(value = "asistencia", optional = true) Integer attendance,
            @Member(value = "riesgo", optional = true) String risk,
            @Member(value = "apoyo", optional = true) String support) {

        PupilDraft draft() {
            return new PupilDraft(name, grade, group, light("lectura", reading), light("escritura", writing),
                    light("matematicas", mathematics), attendance, risk == null || risk.isEmpty() ? null
                            : Risk.parse(risk).orElseThrow(() -> ProblemException.badField("riesgo", "El riesgo '"
                                    + risk + "' no existe: " + WireNames.choices(Risk.class) + ".")), support);
        }

        private static Light light(String field, String value) {
            return value == null || value.isEmpty() ? null : Light.parse(value).orElseThrow(() ->
                    ProblemException.badField(field, "La valoración '" + value + "' no existe: "
                            + WireNames.choices(Light.class) + "."));
        }
    }

    record BasedOn(long version) {
    }

    /** Named data: the school's teachers and director, nobody else (its supervision reads the tallies). */
    private Caller staff(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school, "Los datos con nombre de los alumnos de la escuela "
                + school + " solo los ven sus docentes y su dirección; la supervisión ve los conteos sin nombres.");
    }

    private void group(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        int grade = (int) call.pathNumber("grade");
        String group = call.path("group");
        JsonArray array = new JsonArray();
        pupils.ofGroup(school, cycle, grade, group, caller.username()).forEach(p -> array.add(json(p)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("ciclo", cycle);
        body.addProperty("grado", grade);
        body.addProperty("grupo", group);
        body.add("alumnos", array);
        call.ok(body); // JSON answers are never stored by caches (JsonResponses)
    }

    /** {@code GET …/alumnos.csv}: the school's pupils of the year for a spreadsheet, an export audited as such. */
    private void export(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        StringWriter csv = new StringWriter();
        csv.write("grado,grupo,nombre,lectura,escritura,matematicas,asistencia,riesgo,apoyo\r\n");
        for (Pupil pupil : pupils.ofSchool(school, cycle, caller.username())) {
            PupilDraft p = pupil.content();
            csv.write(String.join(",", String.valueOf(p.grade()), quoted(p.group()), quoted(p.name()),
                    title(p.reading()), title(p.writing()), title(p.mathematics()),
                    p.attendance() == null ? "" : String.valueOf(p.attendance()), p.risk() == null ? ""
                            : p.risk().title(), quoted(p.support())) + "\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = call.response();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"alumnos-" + school + "-" + cycle + ".csv\"");
        noStore(call);
        response.setContentLength(bytes.length + 3);
        // With a byte-order mark, so that a spreadsheet opens the accents right.
        response.getOutputStream().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        response.getOutputStream().write(bytes);
    }

    /** Pupils' data is never kept by a browser's or a school network's cache. */
    private static void noStore(ApiCall call) {
        call.response().setHeader("Cache-Control", "private, no-store");
    }

    private static String title(Light light) {
        return light == null ? "" : light.title();
    }

    /** A CSV field quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs it. */
    static String quoted(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private void add(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        PupilDraft draft = call.body(PupilBody.class).draft();
        Pupil pupil = ServiceCalls.call(INVALID, () -> pupils.add(school, cycle, draft, caller.username()));
        call.created("/api/v1/pupils/" + school + "/alumnos/" + pupil.id(), json(pupil));
    }

    private void update(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        long id = call.pathNumber("id");
        PupilDraft draft = call.body(PupilBody.class).draft();
        long version = call.body(BasedOn.class).version();
        call.ok(json(ServiceCalls.call(INVALID, () -> pupils.update(school, id, draft, version, caller.username()))));
    }

    private void remove(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        long id = call.pathNumber("id");
        long version = call.query("version", Long::parseLong).orElseThrow(() -> ProblemException.badField("version",
                "Indique la versión del registro que elimina, por ejemplo ?version=2."));
        ServiceCalls.run(INVALID, () -> pupils.remove(school, id, version, caller.username()));
        call.noContent();
    }

    /** {@code POST …/importar}: the body is the group list, an XLSX workbook or CSV (grado, grupo, nombre). */
    private void importList(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        byte[] list = RequestBodies.read(call.request(), 1024 * 1024, "Una lista de grupo pesa menos de 1 MB.");
        ImportResult result = ServiceCalls.call("Lista de grupo no válida", () -> pupils.importList(school, cycle,
                new ByteArrayInputStream(list), caller.username()));
        JsonObject body = new JsonObject();
        body.addProperty("agregados", result.added());
        JsonArray skipped = new JsonArray();
        result.skipped().forEach(skipped::add);
        body.add("yaRegistrados", skipped);
        call.ok(body);
    }

    /** {@code GET …/conteos}: the school's groups counted, no names: staff, its supervision and state authority. */
    private void schoolTallies(ApiCall call) throws IOException {
        Cct school = RequestAccess.readableSchool(call, directory);
        String cycle = RequestAccess.schoolYear(call);
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("ciclo", cycle);
        body.add("grupos", json(pupils.tallies(List.of(school), cycle)));
        call.ok(body);
    }

    /** {@code GET /zonas/{zona}?ciclo=}: every group of the zone's schools counted, no names. */
    private void zone(ApiCall call) throws IOException {
        ZoneId zone = RequestAccess.readableZone(call, z -> "Solo la supervisión de la zona " + z.key() + " y la"
                + " autoridad de su estado ven los conteos de sus escuelas.");
        String cycle = RequestAccess.schoolYearQuery(call);
        List<School> schools = directory.schools(zone);
        JsonObject body = new JsonObject();
        body.addProperty("zona", zone.key());
        body.addProperty("ciclo", cycle);
        body.add("grupos", json(pupils.tallies(schools.stream().map(School::cct).toList(), cycle)));
        call.ok(body);
    }

    static JsonArray json(List<GroupTally> tallies) {
        JsonArray array = new JsonArray();
        for (GroupTally tally : tallies) {
            JsonObject item = new JsonObject();
            item.addProperty("escuela", tally.school().value());
            item.addProperty("grado", tally.grade());
            item.addProperty("grupo", tally.group());
            item.addProperty("alumnos", tally.pupils());
            for (Area area : Area.values()) {
                JsonObject counts = new JsonObject();
                for (Map.Entry<Light, Integer> light : tally.lights().get(area).entrySet()) {
                    counts.addProperty(light.getKey().wireName(), light.getValue());
                }
                item.add(area.wireName(), counts);
            }
            JsonObject risks = new JsonObject();
            tally.risks().forEach((risk, count) -> risks.addProperty(risk.wireName(), count));
            item.add("riesgo", risks);
            item.addProperty("asistenciaBaja", tally.lowAttendance());
            array.add(item);
        }
        return array;
    }

    static JsonObject json(Pupil pupil) {
        PupilDraft p = pupil.content();
        JsonObject json = new JsonObject();
        json.addProperty("id", pupil.id());
        json.addProperty("ciclo", pupil.cycle());
        json.addProperty("nombre", p.name());
        json.addProperty("grado", p.grade());
        json.addProperty("grupo", p.group());
        json.addProperty("lectura", p.reading() == null ? null : p.reading().wireName());
        json.addProperty("escritura", p.writing() == null ? null : p.writing().wireName());
        json.addProperty("matematicas", p.mathematics() == null ? null : p.mathematics().wireName());
        json.addProperty("asistencia", p.attendance());
        json.addProperty("riesgo", p.risk() == null ? null : p.risk().wireName());
        json.addProperty("apoyo", p.support());
        json.addProperty("actualizadoPor", pupil.updatedBy());
        json.addProperty("actualizado", pupil.updatedAt().toString());
        json.addProperty("version", pupil.version());
        return json;
    }
}
