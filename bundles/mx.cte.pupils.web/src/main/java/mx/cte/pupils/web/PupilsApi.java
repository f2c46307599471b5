package mx.cte.pupils.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.api.names.WireNames;
import mx.cte.core.api.text.SpreadsheetText;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonBinding.Member;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RequestBodies;
import mx.cte.core.http.Routes;
import mx.cte.core.http.ServiceCalls;
import mx.cte.pupils.api.Area;
import mx.cte.pupils.api.GroupTally;
import mx.cte.pupils.api.GroupTeachers;
import mx.cte.pupils.api.ImportResult;
import mx.cte.pupils.api.Light;
import mx.cte.pupils.api.Pupil;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.pupils.api.PupilPlace;
import mx.cte.pupils.api.PupilRecords;
import mx.cte.pupils.api.Risk;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.Caller;
import mx.cte.security.api.Role;
import mx.cte.security.http.RequestAccess;

/**
 * The pupils who need support. Named records (personal data of minors) only for the school's director and the
 * teachers the director assigned to the pupil's group that school year, every read and export audited by the module;
 * the school's, the zone's and the state's tallies carry no name and are read by its supervision and authority too.
 */
final class PupilsApi {

    private static final String INVALID = "Registro de alumno no válido";

    private final PupilRecords pupils;
    private final SchoolDirectory directory;
    private final Accounts accounts;

    PupilsApi(PupilRecords pupils, SchoolDirectory directory, Accounts accounts) {
        this.pupils = pupils;
        this.directory = directory;
        this.accounts = accounts;
    }

    Routes routes() {
        return Routes.builder()
                .get("/zonas/{zona}", this::zone)
                .get("/{cct}/{cycle}/grupos/{grade:int}/{group}", this::group)
                .get("/{cct}/{cycle}/alumnos.csv", this::export)
                .post("/{cct}/{cycle}/alumnos", this::add)
                .post("/{cct}/{cycle}/importar", this::importList)
                .get("/{cct}/{cycle}/conteos", this::schoolTallies)
                .get("/{cct}/{cycle}/asignaciones", this::assignments)
                .put("/{cct}/{cycle}/asignaciones", this::assign)
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

    /** The teachers of one group: {@code {"grupo": "A", "grados": [3], "docentes": ["docente.ana"]}}. */
    record AssignmentBody(@Member("grupo") String group, @Member("grados") List<Integer> grades,
            @Member(value = "docentes", optional = true) List<String> teachers) {
    }

    /** Named data: the school's teachers and director, nobody else (its supervision reads the tallies). */
    private Caller staff(ApiCall call, Cct school) {
        return RequestAccess.staff(call, directory, school, "Los datos con nombre de los alumnos de la escuela "
                + school + " solo los ven sus docentes y su dirección; la supervisión ve los conteos sin nombres.");
    }

    /**
     * The director reads and writes every group; a teacher only the groups the director assigned them for the school
     * year (403 saying so otherwise).
     */
    private void mayUseGroup(Caller caller, Cct school, String cycle, int grade, String group) {
        if (caller.isDirectorOf(school)) {
            return;
        }
        List<GroupTeachers> groups = pupils.assignments(school, cycle);
        // A group the school does not have holds nobody's data: the service says which groups it has (422).
        if (groups.stream().noneMatch(a -> a.covers(grade, group))
                || GroupTeachers.assigned(groups, grade, group, caller.username())) {
            return;
        }
        throw ProblemException.forbidden("Los datos con nombre de los alumnos del grupo " + grade + "° " + group
                + " en " + cycle + " solo los ven la dirección y los docentes que ella asignó al grupo; pida a la"
                + " dirección que se lo asigne.");
    }

    /** The groups of the year the caller may read by name: all of them for the director. */
    private List<SchoolGroup> readableGroups(Caller caller, Cct school, String cycle) {
        return pupils.assignments(school, cycle).stream().filter(a -> caller.isDirectorOf(school)
                || a.teachers().contains(caller.username())).map(GroupTeachers::group).toList();
    }

    private void group(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        int grade = (int) call.pathNumber("grade");
        String group = call.path("group");
        mayUseGroup(caller, school, cycle, grade, group);
        JsonArray array = new JsonArray();
        pupils.ofGroup(school, cycle, grade, group, caller.username()).forEach(p -> array.add(json(p)));
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("ciclo", cycle);
        body.addProperty("grado", grade);
        body.addProperty("grupo", group);
        body.add("alumnos", array);
        // Never stored by caches (JsonResponses), nor kept by the web UI on the device for offline use.
        JsonResponses.notKeptOnDevice(call.response());
        call.ok(body);
    }

    /**
     * {@code GET …/alumnos.csv}: the pupils of the year for a spreadsheet, an export audited as such: the whole school
     * for the director, a teacher's own groups for a teacher.
     */
    private void export(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        List<Pupil> exported;
        if (caller.isDirectorOf(school)) {
            exported = pupils.ofSchool(school, cycle, caller.username());
        } else {
            List<SchoolGroup> own = readableGroups(caller, school, cycle);
            if (own.isEmpty()) {
                throw ProblemException.forbidden("La dirección no le ha asignado ningún grupo en " + cycle + ": solo"
                        + " exporta los alumnos de sus grupos.");
            }
            exported = pupils.ofGroups(school, cycle, own, caller.username());
        }
        StringWriter csv = new StringWriter();
        csv.write("grado,grupo,nombre,lectura,escritura,matematicas,asistencia,riesgo,apoyo\r\n");
        for (Pupil pupil : exported) {
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

    /** A CSV field quoted when needed, defused so that a spreadsheet never runs it as a formula. */
    static String quoted(String value) {
        String text = SpreadsheetText.defused(value);
        return text.matches(".*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private void add(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        PupilDraft draft = call.body(PupilBody.class).draft();
        mayUseGroup(caller, school, cycle, draft.grade(), draft.group() == null ? "" : draft.group());
        Pupil pupil = ServiceCalls.call(INVALID, () -> pupils.add(school, cycle, draft, caller.username()));
        call.created("/api/v1/pupils/" + school + "/alumnos/" + pupil.id(), json(pupil));
    }

    private void update(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        long id = call.pathNumber("id");
        PupilDraft draft = call.body(PupilBody.class).draft();
        long version = call.body(BasedOn.class).version();
        // Both the group it is in and the one it moves to.
        PupilPlace place = placeOf(school, id);
        mayUseGroup(caller, school, place.cycle(), place.grade(), place.group());
        mayUseGroup(caller, school, place.cycle(), draft.grade(), draft.group() == null ? "" : draft.group());
        call.ok(json(ServiceCalls.call(INVALID, () -> pupils.update(school, id, draft, version, caller.username()))));
    }

    private void remove(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        long id = call.pathNumber("id");
        long version = call.query("version", Long::parseLong).orElseThrow(() -> ProblemException.badField("version",
                "Indique la versión del registro que elimina, por ejemplo ?version=2."));
        PupilPlace place = placeOf(school, id);
        mayUseGroup(caller, school, place.cycle(), place.grade(), place.group());
        ServiceCalls.run(INVALID, () -> pupils.remove(school, id, version, caller.username()));
        call.noContent();
    }

    /** {@code POST …/importar}: the body is the group list, an XLSX workbook or CSV (grado, grupo, nombre). */
    private void importList(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        byte[] list = RequestBodies.read(call.request(), 1024 * 1024, "Una lista de grupo pesa menos de 1 MB.");
        boolean director = caller.isDirectorOf(school);
        List<SchoolGroup> own = director ? List.of() : readableGroups(caller, school, cycle);
        ImportResult result = ServiceCalls.call("Lista de grupo no válida", () -> pupils.importList(school, cycle,
                new ByteArrayInputStream(list), caller.username(), place -> director || own.stream().anyMatch(g ->
                        GroupTeachers.covers(g, place.grade(), place.group()))));
        JsonObject body = new JsonObject();
        body.addProperty("agregados", result.added());
        JsonArray skipped = new JsonArray();
        result.skipped().forEach(skipped::add);
        body.add("yaRegistrados", skipped);
        call.ok(body);
    }

    private PupilPlace placeOf(Cct school, long id) {
        return pupils.placeOf(school, id).orElseThrow(() -> ProblemException.notFound("La escuela " + school
                + " no tiene al alumno " + id + "."));
    }

    /**
     * {@code GET …/asignaciones}: every group of the school with the teachers assigned to it for the year, the
     * school's teachers to choose from, and whether the caller assigns (the director).
     */
    private void assignments(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = staff(call, school);
        String cycle = RequestAccess.schoolYear(call);
        JsonObject body = new JsonObject();
        body.addProperty("escuela", school.value());
        body.addProperty("ciclo", cycle);
        body.addProperty("asigna", caller.isDirectorOf(school));
        JsonArray groups = new JsonArray();
        pupils.assignments(school, cycle).forEach(a -> groups.add(json(a)));
        body.add("grupos", groups);
        JsonArray teachers = new JsonArray();
        for (Account account : teachersOf(school)) {
            JsonObject teacher = new JsonObject();
            teacher.addProperty("usuario", account.username());
            teacher.addProperty("nombre", account.displayName());
            teachers.add(teacher);
        }
        body.add("docentes", teachers);
        call.ok(body);
    }

    private List<Account> teachersOf(Cct school) {
        return accounts.staffOf(school).stream().filter(a -> a.grants().stream().anyMatch(g -> g.role() == Role.DOCENTE
                && g.scope().equals(school.value()))).toList();
    }

    /** {@code PUT …/asignaciones}: the director sets the teachers of one group for the year. */
    private void assign(ApiCall call) throws IOException {
        Cct school = RequestAccess.school(call);
        Caller caller = RequestAccess.director(call, directory, school, "Solo la dirección de la escuela " + school
                + " asigna los grupos a sus docentes.");
        String cycle = RequestAccess.schoolYear(call);
        AssignmentBody assignment = call.body(AssignmentBody.class);
        List<String> teachers = assignment.teachers() == null ? List.of() : assignment.teachers();
        Set<String> known = teachersOf(school).stream().map(Account::username).collect(Collectors.toSet());
        for (int i = 0; i < teachers.size(); i++) {
            if (!known.contains(teachers.get(i))) {
                throw ProblemException.badField("docentes[" + i + "]", "'" + teachers.get(i) + "' no es docente de"
                        + " la escuela " + school + " con una cuenta activa.");
            }
        }
        SchoolGroup group;
        try {
            group = new SchoolGroup(assignment.group() == null ? "" : assignment.group(), assignment.grades());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("grupo", e.getMessage() + ".");
        }
        GroupTeachers assigned = ServiceCalls.call("Asignación no válida", () -> pupils.assign(school, cycle, group,
                teachers, caller.username()));
        call.ok(json(assigned));
    }

    private static JsonObject json(GroupTeachers assignment) {
        JsonObject item = new JsonObject();
        item.addProperty("grupo", assignment.group().name());
        JsonArray grades = new JsonArray();
        assignment.group().grades().forEach(grades::add);
        item.add("grados", grades);
        JsonArray teachers = new JsonArray();
        assignment.teachers().forEach(teachers::add);
        item.add("docentes", teachers);
        return item;
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
