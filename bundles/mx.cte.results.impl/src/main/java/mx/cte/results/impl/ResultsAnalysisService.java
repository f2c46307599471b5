package mx.cte.results.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.TextFields;
import mx.cte.results.api.Agent;
import mx.cte.results.api.Concentrate;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.GradeCoincidences;
import mx.cte.results.api.GradeCoincidences.Convergence;
import mx.cte.results.api.GradeTeamWork;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.GroupReflection;
import mx.cte.results.api.Observation;
import mx.cte.results.api.Period;
import mx.cte.results.api.Progress;
import mx.cte.results.api.Rating;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.results.api.Rollup;
import mx.cte.results.api.StrategyAction;
import mx.cte.results.api.SynthesisFrame;
import mx.cte.results.impl.Aggregation.Count;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The analysis of a period in the platform database (tables {@code results_*} besides the expected results). */
@Component(service = ResultsAnalysis.class)
public final class ResultsAnalysisService implements ResultsAnalysis {

    private static final int REASON_MAX = 1000;
    private static final int ANSWER_MAX = 2000;

    private final Database database;
    private final SchoolDirectory directory;
    private final ExpectedResults expected;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ResultsAnalysisService(@Reference Database database, @Reference SchoolDirectory directory,
            @Reference ExpectedResults expected, @Reference AuditLog audit) {
        this(database, directory, expected, audit, Clock.systemUTC());
    }

    ResultsAnalysisService(Database database, SchoolDirectory directory, ExpectedResults expected, AuditLog audit,
            Clock clock) {
        this.database = database;
        this.directory = directory;
        this.expected = expected;
        this.audit = audit;
        this.clock = clock;
        // The expected-results service applies the module's changelog; applying it again is a no-op that makes this
        // service safe to construct on its own in tests.
        database.migrate(ExpectedResultsService.MODULE, ResultsAnalysisService.class.getClassLoader(),
                ExpectedResultsService.CHANGELOG);
    }

    // ---------------------------------------------------------------- checks

    private School school(Cct cct) {
        return directory.school(cct)
                .orElseThrow(() -> new NoSuchElementException("La escuela " + cct + " no está en el directorio"));
    }

    /** The group's name as the school spells it, or an error naming the grade and group. */
    private static String group(School school, int grade, String group) {
        if (grade < 1 || grade > school.level().grades()) {
            throw new IllegalArgumentException("grado: " + grade + " no existe en " + school.level().wireName()
                    + " (grados 1 a " + school.level().grades() + ")");
        }
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("grupo: indique el grupo");
        }
        return school.groups().stream()
                .filter(g -> g.name().equalsIgnoreCase(group.strip()) && g.grades().contains(grade))
                .map(g -> g.name()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("grupo: la escuela no tiene el grupo " + group.strip()
                        + " en " + grade + "°"));
    }

    private static String limited(String field, String text, int max, boolean required) {
        return TextFields.checked(field, text, max, required);
    }

    private Instant now() {
        return clock.instant();
    }

    private static StaleVersionException stale(String record, long expected, long current) {
        return new StaleVersionException(record, expected, current);
    }

    // ---------------------------------------------------------------- activity 2

    @Override
    public GroupAssessment assessment(Cct cct, Period period, int grade, String group) {
        School school = school(cct);
        String name = group(school, grade, group);
        List<ExpectedResult> results = expected.table(cct, period).stream()
                .filter(r -> Aggregation.appliesTo(r, grade, name)).toList();
        return database.inTransaction(connection -> {
            Map<Long, Rating> ratings = new HashMap<>();
            ratings(connection, cct, period).stream().filter(r -> r.group().equals(name))
                    .forEach(r -> ratings.put(r.expectedResultId(), r));
            List<GroupAssessment.AssessedResult> assessed = results.stream()
                    .map(r -> new GroupAssessment.AssessedResult(r, ratings.get(r.id()))).toList();
            GroupReflection reflection = Sql.first(connection, "SELECT worked, failed, attribution, materials, version"
                    + " FROM results_reflection WHERE cct = ? AND period = ? AND grade = ? AND group_name = ?",
                    row -> new GroupReflection(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getLong(5)), cct.value(), period.key(), grade, name)
                    .orElse(GroupReflection.empty());
            List<Observation> observations = Sql.query(connection, "SELECT id, grade, group_name, agent, text, author,"
                    + " created_at FROM results_observation WHERE cct = ? AND period = ? AND grade = ? AND group_name = ?"
                    + " ORDER BY id", ResultsAnalysisService::observation, cct.value(), period.key(), grade, name);
            return new GroupAssessment(grade, name, assessed, reflection, observations);
        });
    }

    private static Observation observation(ResultSet row) throws SQLException {
        return new Observation(row.getLong("id"), row.getInt("grade"), row.getString("group_name"),
                Agent.parse(row.getString("agent")), row.getString("text"), row.getString("author"),
                Sql.instant(row, "created_at"));
    }

    private static List<Rating> ratings(Connection connection, Cct cct, Period period) throws SQLException {
        return Sql.query(connection, "SELECT r.expected_id, r.group_name, r.progress, r.hardest, r.reason,"
                + " r.updated_by, r.version FROM results_rating r JOIN results_expected e ON e.id = r.expected_id"
                + " WHERE e.cct = ? AND e.period = ?", row -> new Rating(row.getLong(1), row.getString(2),
                        Progress.parse(row.getString(3)), row.getBoolean(4), row.getString(5), row.getString(6),
                        row.getLong(7)), cct.value(), period.key());
    }

    @Override
    public Rating rate(Cct cct, long expectedResultId, String group, Progress progress, boolean hardest,
            String reason, long expectedVersion, String author) {
        School school = school(cct);
        if (progress == null) {
            throw new IllegalArgumentException("avance: indique logrado, en-proceso o sin-avance");
        }
        String why = limited("porque", reason, REASON_MAX, false);
        ExpectedResult result = expectedResult(cct, expectedResultId);
        String name = group(school, result.content().grade(), group);
        if (!Aggregation.appliesTo(result, result.content().grade(), name)) {
            throw new IllegalArgumentException("grupo: el resultado esperado " + expectedResultId + " es del grupo "
                    + result.content().group() + ", no del " + name);
        }
        Rating saved = database.inTransaction(connection -> {
            Optional<Long> current = Sql.first(connection, "SELECT version FROM results_rating WHERE expected_id = ?"
                    + " AND group_name = ?", row -> row.getLong(1), expectedResultId, name);
            String record = "La valoración del resultado " + expectedResultId + " en el grupo " + name;
            if (current.isEmpty()) {
                if (expectedVersion != 0) {
                    throw stale(record, expectedVersion, 0);
                }
                Sql.insert(connection, "INSERT INTO results_rating (cct, expected_id, group_name, progress, hardest,"
                        + " reason, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)", cct.value(),
                        expectedResultId, name, progress.wireName(), hardest, why, author, now());
                return new Rating(expectedResultId, name, progress, hardest, why, author, 1);
            }
            if (Sql.update(connection, "UPDATE results_rating SET progress = ?, hardest = ?, reason = ?,"
                    + " updated_by = ?, updated_at = ?, version = version + 1 WHERE expected_id = ? AND group_name = ?"
                    + " AND version = ?", progress.wireName(), hardest, why, author, now(), expectedResultId, name,
                    expectedVersion) == 0) {
                throw stale(record, expectedVersion, current.get());
            }
            return new Rating(expectedResultId, name, progress, hardest, why, author, expectedVersion + 1);
        });
        audit.record("resultado-valorado", cct + " #" + expectedResultId + " " + saved.group(),
                progress.wireName() + (hardest ? ", de mayor dificultad" : ""));
        return saved;
    }

    private ExpectedResult expectedResult(Cct cct, long id) {
        return expected.find(cct, id).orElseThrow(() -> new NoSuchElementException("La escuela " + cct
                + " no tiene el resultado esperado " + id));
    }

    @Override
    public GroupReflection reflect(Cct cct, Period period, int grade, String group, GroupReflection reflection,
            long expectedVersion, String author) {
        String name = group(school(cct), grade, group);
        GroupReflection clean = new GroupReflection(
                limited("funcionaron", reflection.workedActions(), ANSWER_MAX, false),
                limited("noFuncionaron", reflection.failedActions(), ANSWER_MAX, false),
                limited("atribucion", reflection.attribution(), ANSWER_MAX, false),
                limited("materiales", reflection.materialsToShare(), ANSWER_MAX, false), 0);
        long version = upsert(new Versioned("results_reflection", "cct = ? AND period = ? AND grade = ? AND group_name = ?",
                new Object[] {cct.value(), period.key(), grade, name},
                "La reflexión del grupo " + grade + "° " + name),
                List.of("worked", "failed", "attribution", "materials"),
                new Object[] {clean.workedActions(), clean.failedActions(), clean.attribution(),
                    clean.materialsToShare()},
                List.of("cct", "period", "grade", "group_name"), expectedVersion, author);
        audit.record("reflexion-grupo-guardada", cct + " " + period + " " + grade + "° " + name, "");
        return new GroupReflection(clean.workedActions(), clean.failedActions(), clean.attribution(),
                clean.materialsToShare(), version);
    }

    /** A row identified by its natural key, written whole and versioned. */
    private record Versioned(String table, String where, Object[] key, String record) {
    }

    /** Inserts the row when {@code expectedVersion} is 0 and none exists, else updates it at that version. */
    private long upsert(Versioned row, List<String> columns, Object[] values, List<String> keyColumns,
            long expectedVersion, String author) {
        return database.inTransaction(connection -> {
            Optional<Long> current = Sql.first(connection, "SELECT version FROM " + row.table() + " WHERE "
                    + row.where(), r -> r.getLong(1), row.key());
            if (current.isEmpty()) {
                if (expectedVersion != 0) {
                    throw stale(row.record(), expectedVersion, 0);
                }
                List<String> all = new ArrayList<>(keyColumns);
                all.addAll(columns);
                all.addAll(List.of("updated_by", "updated_at", "version"));
                Object[] parameters = concat(concat(row.key(), values), new Object[] {author, now(), 1L});
                Sql.update(connection, "INSERT INTO " + row.table() + " (" + String.join(", ", all) + ") VALUES ("
                        + all.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")", parameters);
                return 1L;
            }
            String assignments = columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
            Object[] parameters = concat(concat(values, new Object[] {author, now()}),
                    concat(row.key(), new Object[] {expectedVersion}));
            if (Sql.update(connection, "UPDATE " + row.table() + " SET " + assignments + ", updated_by = ?,"
                    + " updated_at = ?, version = version + 1 WHERE " + row.where() + " AND version = ?",
                    parameters) == 0) {
                throw stale(row.record(), expectedVersion, current.get());
            }
            return expectedVersion + 1;
        });
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Override
    public Observation observe(Cct cct, Period period, int grade, String group, Agent agent, String text,
            String author) {
        String name = group(school(cct), grade, group);
        if (agent == null) {
            throw new IllegalArgumentException("agente: indique quién observa (educacion-fisica, ingles, musica,"
                    + " computo, usaer u otro)");
        }
        String observation = limited("observacion", text, ANSWER_MAX, true);
        Instant at = now();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO results_observation (cct,"
                + " period, grade, group_name, agent, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                cct.value(), period.key(), grade, name, agent.wireName(), observation, author, at));
        audit.record("observacion-agregada", cct + " " + period + " " + grade + "° " + name, agent.title());
        return new Observation(id, grade, name, agent, observation, author, at);
    }

    @Override
    public void removeObservation(Cct cct, long id, String author) {
        int removed = database.inTransaction(connection -> Sql.update(connection,
                "DELETE FROM results_observation WHERE id = ? AND cct = ?", id, cct.value()));
        if (removed == 0) {
            throw new NoSuchElementException("La escuela " + cct + " no tiene la observación " + id);
        }
        audit.record("observacion-quitada", cct + " #" + id, "");
    }

    // ---------------------------------------------------------------- activities 3 and 5

    @Override
    public List<GradeCoincidences> coincidences(Cct cct, Period period) {
        School school = school(cct);
        List<ExpectedResult> results = expected.table(cct, period);
        return database.inTransaction(connection -> {
            List<Rating> ratings = ratings(connection, cct, period);
            Map<Integer, GradeTeamWork> work = new HashMap<>();
            Sql.query(connection, "SELECT grade, coincidences, frame_funcionaron, frame_no_funcionaron,"
                    + " frame_sin_avance, frame_avances, frame_esperados, version FROM results_grade_work"
                    + " WHERE cct = ? AND period = ?", row -> {
                        Map<SynthesisFrame, String> synthesis = new EnumMap<>(SynthesisFrame.class);
                        SynthesisFrame[] frames = SynthesisFrame.values();
                        for (int i = 0; i < frames.length; i++) {
                            synthesis.put(frames[i], row.getString(3 + i));
                        }
                        return new GradeTeamWork(row.getInt(1), row.getString(2), synthesis, row.getLong(8));
                    }, cct.value(), period.key()).forEach(w -> work.put(w.grade(), w));
            TreeSet<Integer> grades = new TreeSet<>();
            results.forEach(r -> grades.add(r.content().grade()));
            List<GradeCoincidences> all = new ArrayList<>();
            for (int grade : grades) {
                List<String> groups = Aggregation.groupsOf(school, grade);
                List<Convergence> convergences = Aggregation.convergences(grade, groups, results, ratings);
                all.add(new GradeCoincidences(grade, groups, convergences,
                        Aggregation.suggestedCoincidences(groups, convergences),
                        work.getOrDefault(grade, new GradeTeamWork(grade, "", emptySynthesis(), 0))));
            }
            return all;
        });
    }

    private static Map<SynthesisFrame, String> emptySynthesis() {
        Map<SynthesisFrame, String> synthesis = new EnumMap<>(SynthesisFrame.class);
        for (SynthesisFrame frame : SynthesisFrame.values()) {
            synthesis.put(frame, "");
        }
        return synthesis;
    }

    @Override
    public GradeTeamWork saveTeamWork(Cct cct, Period period, int grade, String coincidences,
            Map<SynthesisFrame, String> synthesis, long expectedVersion, String author) {
        School school = school(cct);
        if (grade < 1 || grade > school.level().grades()) {
            throw new IllegalArgumentException("grado: " + grade + " no existe en " + school.level().wireName()
                    + " (grados 1 a " + school.level().grades() + ")");
        }
        String text = limited("coincidencias", coincidences, 4000, false);
        Map<SynthesisFrame, String> clean = emptySynthesis();
        synthesis.forEach((frame, value) -> clean.put(frame,
                limited("sintesis." + frame.wireName(), value, ANSWER_MAX, false)));
        List<Object> values = new ArrayList<>();
        values.add(text);
        for (SynthesisFrame frame : SynthesisFrame.values()) {
            values.add(clean.get(frame));
        }
        long version = upsert(new Versioned("results_grade_work", "cct = ? AND period = ? AND grade = ?",
                new Object[] {cct.value(), period.key(), grade}, "El trabajo del equipo de " + grade + "°"),
                List.of("coincidences", "frame_funcionaron", "frame_no_funcionaron", "frame_sin_avance",
                        "frame_avances", "frame_esperados"),
                values.toArray(), List.of("cct", "period", "grade"), expectedVersion, author);
        audit.record("trabajo-equipo-guardado", cct + " " + period + " " + grade + "°", "");
        return new GradeTeamWork(grade, text, clean, version);
    }

    // ---------------------------------------------------------------- activity 4

    @Override
    public List<StrategyAction> strategy(Cct cct, Period period) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT id, action, ambit, contributes,"
                + " reason, version FROM results_strategy WHERE cct = ? AND period = ? ORDER BY id",
                row -> new StrategyAction(row.getLong(1), row.getString(2), row.getString(3), row.getBoolean(4),
                        row.getString(5), row.getLong(6)), cct.value(), period.key()));
    }

    @Override
    public StrategyAction saveStrategyAction(Cct cct, Period period, long id, String action, String ambit,
            boolean contributes, String reason, long expectedVersion, String author) {
        school(cct);
        String what = limited("accion", action, 500, true);
        String where = limited("ambito", ambit, 100, false);
        String why = limited("porque", reason, REASON_MAX, false);
        StrategyAction saved = database.inTransaction(connection -> {
            if (id == 0) {
                long added = Sql.insert(connection, "INSERT INTO results_strategy (cct, period, action, ambit,"
                        + " contributes, reason, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                        cct.value(), period.key(), what, where, contributes, why, author, now());
                return new StrategyAction(added, what, where, contributes, why, 1);
            }
            long current = currentVersion(connection, "results_strategy", cct, id, "La acción de la Estrategia Global");
            if (Sql.update(connection, "UPDATE results_strategy SET action = ?, ambit = ?, contributes = ?, reason = ?,"
                    + " updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ? AND cct = ? AND version = ?",
                    what, where, contributes, why, author, now(), id, cct.value(), expectedVersion) == 0) {
                throw stale("La acción de la Estrategia Global " + id, expectedVersion, current);
            }
            return new StrategyAction(id, what, where, contributes, why, expectedVersion + 1);
        });
        audit.record("accion-estrategia-valorada", cct + " " + period + " #" + saved.id(),
                what + (contributes ? " (contribuye)" : " (no contribuye)"));
        return saved;
    }

    private static long currentVersion(Connection connection, String table, Cct cct, long id, String record)
            throws SQLException {
        return Sql.first(connection, "SELECT version FROM " + table + " WHERE id = ? AND cct = ?", row -> row.getLong(1),
                id, cct.value()).orElseThrow(() -> new NoSuchElementException(record + " " + id
                        + " no existe en la escuela " + cct));
    }

    @Override
    public void removeStrategyAction(Cct cct, long id, long expectedVersion, String author) {
        removeVersioned("results_strategy", cct, id, expectedVersion, "La acción de la Estrategia Global");
        audit.record("accion-estrategia-quitada", cct + " #" + id, "");
    }

    private void removeVersioned(String table, Cct cct, long id, long expectedVersion, String record) {
        database.inTransaction(connection -> {
            long current = currentVersion(connection, table, cct, id, record);
            if (Sql.update(connection, "DELETE FROM " + table + " WHERE id = ? AND cct = ? AND version = ?", id,
                    cct.value(), expectedVersion) == 0) {
                throw stale(record + " " + id, expectedVersion, current);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- activities 6 and 7

    @Override
    public Concentrate concentrate(Cct cct, Period period) {
        school(cct);
        List<ExpectedResult> results = expected.table(cct, period);
        return database.inTransaction(connection -> {
            List<ConcentrateItem> items = items(connection, cct, period);
            List<ConcentrateItem> proposal = missing(items,
                    Aggregation.proposal(results, ratings(connection, cct, period)));
            Optional<Object[]> publication = Sql.first(connection, "SELECT published_at, published_by FROM"
                    + " results_publication WHERE cct = ? AND period = ?",
                    row -> new Object[] {Sql.instant(row, "published_at"), row.getString("published_by")},
                    cct.value(), period.key());
            return new Concentrate(items, proposal, publication.map(p -> (Instant) p[0]).orElse(null),
                    publication.map(p -> (String) p[1]).orElse(null));
        });
    }

    private static List<ConcentrateItem> items(Connection connection, Cct cct, Period period) throws SQLException {
        return Sql.query(connection, "SELECT id, kind, area, grades, text, rme_objective, rme_goal, rme_contribution,"
                + " version FROM results_concentrate WHERE cct = ? AND period = ?"
                + " ORDER BY CASE WHEN kind = 'logro' THEN 0 ELSE 1 END, id",
                row -> new ConcentrateItem(row.getLong(1), ConcentrateItem.Kind.parse(row.getString(2)),
                        row.getString(3), grades(row.getString(4)), row.getString(5), row.getString(6),
                        row.getString(7), row.getString(8), row.getLong(9)), cct.value(), period.key());
    }

    private static List<Integer> grades(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    /** The proposal's lines that the saved concentrate does not already have (same kind and text). */
    private static List<ConcentrateItem> missing(List<ConcentrateItem> saved, List<ConcentrateItem> proposal) {
        Set<String> present = new HashSet<>();
        saved.forEach(i -> present.add(i.kind() + "|" + Aggregation.normalized(i.text())));
        return proposal.stream().filter(i -> !present.contains(i.kind() + "|" + Aggregation.normalized(i.text())))
                .toList();
    }

    /** The collective's members, each once and in order: the same set always has the same key. */
    private static List<Cct> members(List<Cct> schools) {
        List<Cct> members = new TreeSet<>(schools.stream().map(Cct::value).toList()).stream().map(Cct::parse).toList();
        if (members.size() < 2) {
            throw new IllegalArgumentException("colectivo: un colectivo multigrado reúne dos o más escuelas");
        }
        if (members.size() > 30) {
            throw new IllegalArgumentException("colectivo: un colectivo multigrado reúne a lo más 30 escuelas");
        }
        return members;
    }

    private static String key(List<Cct> members) {
        return String.join(",", members.stream().map(Cct::value).toList());
    }

    @Override
    public List<Cct> agreeToCollective(List<Cct> schools, Cct school, String author) {
        List<Cct> members = members(schools);
        if (!members.contains(school)) {
            throw new IllegalArgumentException("colectivo: la escuela " + school + " no está en el colectivo");
        }
        school(school);
        database.inTransaction(connection -> agree(connection, members, List.of(school), author));
        audit.record("colectivo-acordado", key(members), "la escuela " + school + " acuerda formarlo");
        return collectivePending(members);
    }

    @Override
    public void formCollective(List<Cct> schools, String author) {
        List<Cct> members = members(schools);
        checkCollective(members);
        database.inTransaction(connection -> agree(connection, members, members, author));
        audit.record("colectivo-formado", key(members), "formado por la supervisión");
    }

    private int agree(Connection connection, List<Cct> members, List<Cct> agreeing, String author)
            throws SQLException {
        for (Cct cct : agreeing) {
            Sql.update(connection, "DELETE FROM results_collective_agreement WHERE members = ? AND cct = ?",
                    key(members), cct.value());
            Sql.update(connection, "INSERT INTO results_collective_agreement (members, cct, agreed_by, agreed_at)"
                    + " VALUES (?, ?, ?, ?)", key(members), cct.value(), author, now());
        }
        return agreeing.size();
    }

    @Override
    public void leaveCollective(List<Cct> schools, Cct school, String author) {
        List<Cct> members = members(schools);
        int removed = database.inTransaction(connection -> Sql.update(connection,
                "DELETE FROM results_collective_agreement WHERE members = ? AND cct = ?", key(members), school.value()));
        if (removed > 0) {
            audit.record("colectivo-dejado", key(members), "la escuela " + school + " retira su acuerdo");
        }
    }

    @Override
    public List<Cct> collectivePending(List<Cct> schools) {
        List<Cct> members = members(schools);
        Set<String> agreed = new HashSet<>(database.inTransaction(connection -> Sql.query(connection,
                "SELECT cct FROM results_collective_agreement WHERE members = ?", row -> row.getString(1).strip(),
                key(members))));
        return members.stream().filter(cct -> !agreed.contains(cct.value())).toList();
    }

    @Override
    public List<ConcentrateItem> collectiveProposal(List<Cct> schools, Period period) {
        List<Cct> members = members(schools);
        checkCollective(members);
        return proposal(members, period);
    }

    /** All multigrade schools of one zone. */
    private void checkCollective(List<Cct> members) {
        ZoneId zone = null;
        for (Cct cct : members) {
            School school = school(cct);
            if (!school.multigrade()) {
                throw new IllegalArgumentException("colectivo: la escuela " + cct + " no es multigrado");
            }
            if (zone != null && !zone.equals(school.zone())) {
                throw new IllegalArgumentException("colectivo: la escuela " + cct + " es de la zona " + school.zone()
                        + ", no de la " + zone);
            }
            zone = school.zone();
        }
    }

    private List<ConcentrateItem> proposal(List<Cct> members, Period period) {
        List<ExpectedResult> results = new ArrayList<>();
        List<Rating> ratings = new ArrayList<>();
        for (Cct cct : members) {
            results.addAll(expected.table(cct, period));
            ratings.addAll(database.inTransaction(connection -> ratings(connection, cct, period)));
        }
        return Aggregation.proposal(results, ratings);
    }

    @Override
    public int prefillConcentrate(Cct cct, Period period, List<Cct> collective, String author) {
        school(cct);
        List<Cct> schools = new ArrayList<>(collective == null ? List.of() : collective);
        if (!schools.contains(cct)) {
            schools.add(cct);
        }
        if (schools.size() > 1) {
            List<Cct> pending = collectivePending(schools);
            if (!pending.isEmpty()) {
                throw new IllegalArgumentException("colectivo: aún falta que lo acuerde la dirección de "
                        + String.join(", ", pending.stream().map(Cct::value).toList()));
            }
        }
        List<ConcentrateItem> proposal = schools.size() > 1 ? collectiveProposal(schools, period)
                : proposal(schools, period);
        int added = database.inTransaction(connection -> {
            List<ConcentrateItem> lines = missing(items(connection, cct, period), proposal);
            for (ConcentrateItem line : lines) {
                insertItem(connection, cct, period, line, author);
            }
            return lines.size();
        });
        audit.record("concentrado-prellenado", cct + " " + period,
                added + " renglones" + (schools.size() > 1 ? " del colectivo de " + schools.size() + " escuelas" : ""));
        return added;
    }

    private long insertItem(Connection connection, Cct cct, Period period, ConcentrateItem item, String author)
            throws SQLException {
        return Sql.insert(connection, "INSERT INTO results_concentrate (cct, period, kind, area, grades, text,"
                + " rme_objective, rme_goal, rme_contribution, updated_by, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", cct.value(), period.key(), item.kind().wireName(),
                item.area(), item.grades().stream().map(String::valueOf).collect(Collectors.joining(",")),
                item.text(), item.rmeObjective(), item.rmeGoal(), item.rmeContribution(), author, now());
    }

    private ConcentrateItem checked(School school, ConcentrateItem item) {
        if (item.kind() == null) {
            throw new IllegalArgumentException("tipo: indique logro o desafio");
        }
        for (int grade : item.grades()) {
            if (grade < 1 || grade > school.level().grades()) {
                throw new IllegalArgumentException("grados: " + grade + " no existe en " + school.level().wireName()
                        + " (grados 1 a " + school.level().grades() + ")");
            }
        }
        return new ConcentrateItem(item.id(), item.kind(), limited("area", item.area(), 60, false), item.grades(),
                limited("texto", item.text(), 1000, true), limited("objetivo", item.rmeObjective(), 500, false),
                limited("meta", item.rmeGoal(), 500, false),
                limited("contribucion", item.rmeContribution(), 1000, false), item.version());
    }

    @Override
    public ConcentrateItem saveConcentrateItem(Cct cct, Period period, ConcentrateItem item, String author) {
        ConcentrateItem clean = checked(school(cct), item);
        ConcentrateItem saved = database.inTransaction(connection -> {
            if (clean.id() == 0) {
                long id = insertItem(connection, cct, period, clean, author);
                return withVersion(clean, id, 1);
            }
            long current = currentVersion(connection, "results_concentrate", cct, clean.id(),
                    "El renglón del concentrado");
            if (Sql.update(connection, "UPDATE results_concentrate SET kind = ?, area = ?, grades = ?, text = ?,"
                    + " rme_objective = ?, rme_goal = ?, rme_contribution = ?, updated_by = ?, updated_at = ?,"
                    + " version = version + 1 WHERE id = ? AND cct = ? AND version = ?", clean.kind().wireName(),
                    clean.area(), clean.grades().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    clean.text(), clean.rmeObjective(), clean.rmeGoal(), clean.rmeContribution(), author, now(),
                    clean.id(), cct.value(), clean.version()) == 0) {
                throw stale("El renglón del concentrado " + clean.id(), clean.version(), current);
            }
            return withVersion(clean, clean.id(), clean.version() + 1);
        });
        audit.record("concentrado-renglon-guardado", cct + " " + period + " #" + saved.id(), saved.text());
        return saved;
    }

    private static ConcentrateItem withVersion(ConcentrateItem item, long id, long version) {
        return new ConcentrateItem(id, item.kind(), item.area(), item.grades(), item.text(), item.rmeObjective(),
                item.rmeGoal(), item.rmeContribution(), version);
    }

    @Override
    public void removeConcentrateItem(Cct cct, long id, long expectedVersion, String author) {
        removeVersioned("results_concentrate", cct, id, expectedVersion, "El renglón del concentrado");
        audit.record("concentrado-renglon-quitado", cct + " #" + id, "");
    }

    @Override
    public boolean isPublished(Cct cct, Period period) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT cct FROM results_publication"
                + " WHERE cct = ? AND period = ?", row -> true, cct.value(), period.key())).isPresent();
    }

    @Override
    public void publish(Cct cct, Period period, boolean published, String author) {
        school(cct);
        database.inTransaction(connection -> {
            Sql.update(connection, "DELETE FROM results_publication WHERE cct = ? AND period = ?", cct.value(),
                    period.key());
            if (published) {
                Sql.update(connection, "INSERT INTO results_publication (cct, period, published_by, published_at)"
                        + " VALUES (?, ?, ?, ?)", cct.value(), period.key(), author, now());
            }
            return null;
        });
        audit.record(published ? "analisis-publicado" : "analisis-retirado", cct + " " + period, "");
    }

    // ---------------------------------------------------------------- roll-ups

    /** Counts of the published schools whose CCT starts with {@code prefix} (a state's two digits). */
    private List<Count> counts(Period period, String prefix) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT e.cct, e.grade, e.area, r.progress,"
                + " COUNT(*) FROM results_rating r JOIN results_expected e ON e.id = r.expected_id"
                + " JOIN results_publication p ON p.cct = e.cct AND p.period = e.period"
                + " WHERE e.period = ? AND e.cct LIKE ? GROUP BY e.cct, e.grade, e.area, r.progress",
                row -> new Count(row.getString(1), row.getInt(2), row.getString(3), Progress.parse(row.getString(4)),
                        row.getInt(5)), period.key(), prefix + "%"));
    }

    private Set<String> published(Period period, String prefix) {
        return new HashSet<>(database.inTransaction(connection -> Sql.query(connection,
                "SELECT cct FROM results_publication WHERE period = ? AND cct LIKE ?", row -> row.getString(1),
                period.key(), prefix + "%")));
    }

    @Override
    public Rollup zoneRollup(ZoneId zone, Period period) {
        List<School> schools = directory.schools(zone);
        Set<String> inZone = schools.stream().map(s -> s.cct().value()).collect(Collectors.toSet());
        List<Count> counts = counts(period, zone.state().code()).stream().filter(c -> inZone.contains(c.cct()))
                .toList();
        Set<String> published = published(period, zone.state().code());
        Map<String, List<Count>> bySchool = counts.stream().collect(Collectors.groupingBy(Count::cct));
        List<Rollup.Unit> units = new ArrayList<>();
        for (School school : schools) {
            List<Count> own = bySchool.getOrDefault(school.cct().value(), List.of());
            units.add(new Rollup.Unit(school.cct().value(), school.name(),
                    published.contains(school.cct().value()) ? 1 : 0, 1, Aggregation.byArea(own),
                    Aggregation.total(own)));
        }
        return new Rollup(zone.key(), period, units, Aggregation.byArea(counts), Aggregation.byGrade(counts),
                Aggregation.total(counts));
    }

    @Override
    public Rollup stateRollup(State state, Period period) {
        List<Count> counts = counts(period, state.code());
        Set<String> published = published(period, state.code());
        Map<String, String> zoneOf = new HashMap<>();
        Map<String, Integer> schoolsIn = new LinkedHashMap<>();
        for (Zone zone : directory.zones(state)) {
            schoolsIn.put(zone.id().key(), zone.schools());
            for (School school : directory.schools(zone.id())) {
                zoneOf.put(school.cct().value(), zone.id().key());
            }
        }
        Map<String, List<Count>> byZone = counts.stream()
                .filter(c -> zoneOf.containsKey(c.cct()))
                .collect(Collectors.groupingBy(c -> zoneOf.get(c.cct())));
        Map<String, Integer> publishedIn = new HashMap<>();
        published.stream().filter(zoneOf::containsKey).forEach(c -> publishedIn.merge(zoneOf.get(c), 1, Integer::sum));
        List<Rollup.Unit> units = new ArrayList<>();
        schoolsIn.forEach((zone, schools) -> {
            List<Count> own = byZone.getOrDefault(zone, List.of());
            units.add(new Rollup.Unit(zone, "Zona " + zone, publishedIn.getOrDefault(zone, 0), schools,
                    Aggregation.byArea(own), Aggregation.total(own)));
        });
        List<Count> all = byZone.values().stream().flatMap(List::stream).toList();
        return new Rollup(state.code(), period, units, Aggregation.byArea(all), Aggregation.byGrade(all),
                Aggregation.total(all));
    }
}
