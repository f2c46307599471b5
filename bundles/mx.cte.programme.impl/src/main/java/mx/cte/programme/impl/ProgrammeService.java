package mx.cte.programme.impl;

import com.google.gson.JsonParser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.TextFields;
import mx.cte.guide.api.GuideId;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.FollowUp;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeJson;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.programme.api.Progress;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolYears;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The improvement programmes in the platform database: one row per school and school year ({@code programme}, the
 * draft and the published content as JSON) and one per action and session followed up ({@code programme_followup}).
 */
@Component(service = ImprovementProgramme.class)
public final class ProgrammeService implements ImprovementProgramme {

    static final String MODULE = "programme";
    static final String CHANGELOG = "mx/cte/programme/impl/db/changelog.xml";
    private static final String COLUMNS = "cct, cycle, kind, content, carried_from, updated_by, updated_at, version,"
            + " published_content, published_by, published_at";
    private static final String FOLLOW_UP_COLUMNS = "action_id, session_key, progress, comment, adjustment,"
            + " updated_by, updated_at, version";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ProgrammeService(@Reference Database database, @Reference AuditLog audit) {
        this(database, audit, Clock.systemUTC());
    }

    ProgrammeService(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        database.migrate(MODULE, ProgrammeService.class.getClassLoader(), CHANGELOG);
    }

    private static String checkedCycle(String cycle) {
        SchoolYears.problem(cycle).ifPresent(problem -> {
            throw InvalidContentException.of("ciclo", problem);
        });
        return cycle;
    }

    @Override
    public Optional<Programme> find(Cct school, String cycle) {
        if (SchoolYears.problem(cycle).isPresent()) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> Sql.first(connection, "SELECT " + COLUMNS + " FROM programme"
                + " WHERE cct = ? AND cycle = ?", ProgrammeService::programme, school.value(), cycle));
    }

    @Override
    public List<String> cycles(Cct school) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT cycle FROM programme WHERE cct = ?"
                + " ORDER BY cycle DESC", row -> row.getString(1), school.value()));
    }

    @Override
    public Programme save(Cct school, String cycle, ProgrammeKind kind, ProgrammeContent content, long expectedVersion,
            String author) {
        checkedCycle(cycle);
        ProgrammeContent checked = ProgrammeCheck.checked(kind, content);
        Optional<Programme> current = find(school, cycle);
        current.ifPresent(programme -> refuseRemovingFollowedActions(school, cycle, programme.content(), checked));
        String json = ProgrammeJson.write(checked).toString();
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            if (current.isEmpty() && expectedVersion == 0) {
                Sql.insertFirstVersion(connection, record(cycle), "INSERT INTO programme (cct, cycle, kind, content,"
                        + " updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)", school.value(), cycle,
                        kind.wireName(), json, author, now);
            } else {
                Sql.updateVersioned(connection, record(cycle), expectedVersion, current.map(Programme::version)
                        .orElse(0L), "UPDATE programme SET kind = ?, content = ?, updated_by = ?, updated_at = ?,"
                        + " version = version + 1 WHERE cct = ? AND cycle = ? AND version = ?", kind.wireName(),
                        json, author, now, school.value(), cycle);
            }
            return null;
        });
        audit.record("programa-guardado", school + " " + cycle, kind.wireName() + ": " + checked.objectives().size()
                + " objetivos, " + checked.actions().size() + " acciones");
        return find(school, cycle).orElseThrow();
    }

    private static String record(String cycle) {
        return "El programa de mejora " + cycle;
    }

    /** The follow-up of an action is the programme's history: an action with some is suspended, not removed. */
    private void refuseRemovingFollowedActions(Cct school, String cycle, ProgrammeContent before,
            ProgrammeContent after) {
        Set<String> kept = after.actions().stream().map(Action::id).collect(Collectors.toSet());
        List<Action> removed = before.actions().stream().filter(a -> !kept.contains(a.id())).toList();
        if (removed.isEmpty()) {
            return;
        }
        Map<String, Long> followed = new HashMap<>();
        followUps(school, cycle).forEach(f -> followed.merge(f.action(), 1L, Long::sum));
        List<InvalidContentException.FieldProblem> problems = new ArrayList<>();
        for (Action action : removed) {
            Long sessions = followed.get(action.id());
            if (sessions != null) {
                problems.add(new InvalidContentException.FieldProblem("acciones", "la acción «" + action.text()
                        + "» (" + action.id() + ") tiene seguimiento de " + sessions + (sessions == 1 ? " sesión"
                                : " sesiones") + "; márquela como suspendida en lugar de quitarla"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
    }

    @Override
    public Programme carryOver(Cct school, String cycle, String author) {
        checkedCycle(cycle);
        Programme earlier = database.inTransaction(connection -> Sql.first(connection, "SELECT " + COLUMNS
                + " FROM programme WHERE cct = ? AND cycle < ? ORDER BY cycle DESC", ProgrammeService::programme,
                school.value(), cycle)).orElseThrow(() -> new NoSuchElementException("La escuela " + school
                        + " no tiene un programa de mejora de un ciclo anterior a " + cycle + " del cual continuar."));
        Map<String, Progress> latest = new HashMap<>();
        followUps(school, earlier.cycle()).forEach(f -> latest.put(f.action(), f.progress()));
        List<Action> pending = earlier.content().actions().stream()
                .filter(a -> latest.get(a.id()) != Progress.CUMPLIDA).toList();
        ProgrammeContent carried = new ProgrammeContent(earlier.content().diagnosis(), earlier.content().objectives(),
                pending);
        String json = ProgrammeJson.write(carried).toString();
        database.inTransaction(connection -> {
            Sql.insertFirstVersion(connection, record(cycle), "INSERT INTO programme (cct, cycle, kind, content,"
                    + " carried_from, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                    school.value(), cycle, earlier.kind().wireName(), json, earlier.cycle(), author, clock.instant());
            return null;
        });
        audit.record("programa-continuado", school + " " + cycle, "del ciclo " + earlier.cycle() + ": "
                + pending.size() + " de " + earlier.content().actions().size() + " acciones pendientes");
        return find(school, cycle).orElseThrow();
    }

    @Override
    public Programme publish(Cct school, String cycle, long expectedVersion, String author) {
        checkedCycle(cycle);
        Programme current = find(school, cycle).orElseThrow(() -> new NoSuchElementException("La escuela " + school
                + " no tiene programa de mejora del ciclo " + cycle + "."));
        if (current.content().objectives().isEmpty() || current.content().actions().isEmpty()) {
            throw InvalidContentException.of("objetivos", "un programa se publica con al menos un objetivo y una"
                    + " acción");
        }
        Instant now = clock.instant();
        // Publishing does not change the draft, so it keeps its version: what was read is what gets published.
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, record(cycle), expectedVersion, current.version(), "UPDATE programme SET"
                    + " published_content = content, published_by = ?, published_at = ? WHERE cct = ? AND cycle = ?"
                    + " AND version = ?", author, now, school.value(), cycle);
            return null;
        });
        audit.record("programa-publicado", school + " " + cycle, "versión " + expectedVersion);
        return find(school, cycle).orElseThrow();
    }

    @Override
    public List<Programme> published(Collection<Cct> schools, String cycle) {
        if (schools.isEmpty() || SchoolYears.problem(cycle).isPresent()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(cycle);
        schools.forEach(s -> parameters.add(s.value()));
        String marks = Sql.placeholders(schools.size());
        return database.inTransaction(connection -> Sql.query(connection, "SELECT " + COLUMNS + " FROM programme"
                + " WHERE cycle = ? AND published_content IS NOT NULL AND cct IN (" + marks + ") ORDER BY cct",
                ProgrammeService::programme, parameters.toArray())).stream().map(Programme::asPublished).toList();
    }

    @Override
    public List<FollowUp> followUps(Cct school, String cycle) {
        if (SchoolYears.problem(cycle).isPresent()) {
            return List.of();
        }
        List<FollowUp> followUps = new ArrayList<>(database.inTransaction(connection -> Sql.query(connection,
                "SELECT " + FOLLOW_UP_COLUMNS + " FROM programme_followup WHERE cct = ? AND cycle = ?",
                ProgrammeService::followUp, school.value(), cycle)));
        followUps.sort(java.util.Comparator.comparing(FollowUp::session, SessionOrder.INSTANCE)
                .thenComparing(FollowUp::action));
        return followUps;
    }

    @Override
    public FollowUp followUp(Cct school, String cycle, String action, String session, Progress progress,
            String comment, String adjustment, long expectedVersion, String author) {
        checkedCycle(cycle);
        Programme programme = find(school, cycle).orElseThrow(() -> new NoSuchElementException("La escuela " + school
                + " no tiene programa de mejora del ciclo " + cycle + "."));
        List<InvalidContentException.FieldProblem> problems = new ArrayList<>();
        if (action == null || programme.content().action(action).isEmpty()) {
            problems.add(new InvalidContentException.FieldProblem("accion", "el programa " + cycle + " no tiene la"
                    + " acción '" + action + "'"));
        }
        sessionProblem(session, cycle).ifPresent(p -> problems.add(new InvalidContentException.FieldProblem("sesion",
                p)));
        if (progress == null) {
            problems.add(new InvalidContentException.FieldProblem("avance", "indique el avance: sin-iniciar,"
                    + " en-proceso, cumplida o suspendida"));
        }
        TextFields.problem(comment, 2000, false).ifPresent(p -> problems.add(
                new InvalidContentException.FieldProblem("comentario", p)));
        TextFields.problem(adjustment, 2000, false).ifPresent(p -> problems.add(
                new InvalidContentException.FieldProblem("ajuste", p)));
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        String note = comment == null ? "" : comment.strip();
        String change = adjustment == null ? "" : adjustment.strip();
        Optional<FollowUp> current = findFollowUp(school, cycle, action, session);
        String record = "El seguimiento de la acción " + action + " en la sesión " + session;
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            if (current.isEmpty() && expectedVersion == 0) {
                Sql.insertFirstVersion(connection, record, "INSERT INTO programme_followup (cct, cycle, action_id,"
                        + " session_key, progress, comment, adjustment, updated_by, updated_at, version) VALUES (?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, 1)", school.value(), cycle, action, session,
                        progress.wireName(), note, change, author, now);
            } else {
                Sql.updateVersioned(connection, record, expectedVersion, current.map(FollowUp::version).orElse(0L),
                        "UPDATE programme_followup SET progress = ?, comment = ?, adjustment = ?, updated_by = ?,"
                        + " updated_at = ?, version = version + 1 WHERE cct = ? AND cycle = ? AND action_id = ? AND"
                        + " session_key = ? AND version = ?", progress.wireName(), note, change, author, now,
                        school.value(), cycle, action, session);
            }
            return null;
        });
        audit.record("programa-seguimiento", school + " " + cycle + " " + action, session + ": "
                + progress.wireName());
        return findFollowUp(school, cycle, action, session).orElseThrow();
    }

    /** A follow-up is recorded in a session of the programme's own school year. */
    private static Optional<String> sessionProblem(String session, String cycle) {
        GuideId id;
        try {
            id = GuideId.parse(session);
        } catch (RuntimeException e) {
            return Optional.of("'" + session + "' no es la clave de una sesión (por ejemplo SEP:" + cycle
                    + ":primaria:ordinaria-3)");
        }
        if (!id.cycle().equals(cycle)) {
            return Optional.of("la sesión " + session + " es del ciclo " + id.cycle() + ", no del " + cycle
                    + " del programa");
        }
        return Optional.empty();
    }

    private Optional<FollowUp> findFollowUp(Cct school, String cycle, String action, String session) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT " + FOLLOW_UP_COLUMNS + " FROM"
                + " programme_followup WHERE cct = ? AND cycle = ? AND action_id = ? AND session_key = ?",
                ProgrammeService::followUp, school.value(), cycle, action, session));
    }

    private static Programme programme(ResultSet row) throws SQLException {
        String published = row.getString("published_content");
        return new Programme(new Cct(row.getString("cct")), row.getString("cycle"), ProgrammeKind.parse(
                row.getString("kind")).orElseThrow(), content(row.getString("content")),
                row.getString("carried_from"), row.getString("updated_by"), Sql.instant(row, "updated_at"),
                row.getLong("version"), published == null ? null : content(published), row.getString("published_by"),
                published == null ? null : Sql.instant(row, "published_at"));
    }

    private static ProgrammeContent content(String json) {
        return ProgrammeJson.read(JsonParser.parseString(json).getAsJsonObject());
    }

    private static FollowUp followUp(ResultSet row) throws SQLException {
        return new FollowUp(row.getString("action_id"), row.getString("session_key"), Progress.parse(
                row.getString("progress")).orElseThrow(), row.getString("comment"), row.getString("adjustment"),
                row.getString("updated_by"), Sql.instant(row, "updated_at"), row.getLong("version"));
    }
}
