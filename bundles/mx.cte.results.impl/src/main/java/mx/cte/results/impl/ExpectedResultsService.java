package mx.cte.results.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import mx.cte.audit.api.AuditLog;
import mx.cte.cluster.api.AnnouncementListener;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.cache.RecentReads;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResultDraft;
import mx.cte.results.api.ExpectedResults;
import mx.cte.results.api.Period;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Cuadro de resultados esperados in the platform database (table {@code results_expected}). Every member of a
 * school's staff opens its table many times during a session; a table read in the last seconds is answered from
 * memory ({@link RecentReads}): a change here drops the school's tables at once, and is announced ({@value #TOPIC})
 * to the other nodes sharing the database, which drop theirs when it commits.
 */
@Component(service = {ExpectedResults.class, AnnouncementListener.class},
        property = AnnouncementListener.TOPIC + "=" + ExpectedResultsService.TOPIC)
public final class ExpectedResultsService implements ExpectedResults, AnnouncementListener {

    static final String TOPIC = "resultados-esperados";

    static final String MODULE = "results";
    static final String CHANGELOG = "mx/cte/results/impl/db/changelog.xml";
    private static final String COLUMNS = "id, cct, period, grade, group_name, area, text, rme_objective, rme_goal, version";

    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final RecentReads<TableKey, List<ExpectedResult>> recentTables = new RecentReads<>(Duration.ofSeconds(5),
            20_000);
    /** Optional: without it (a test, the cluster bundle being replaced) other nodes see a change within 5 s. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Cluster cluster;

    private record TableKey(Cct school, Period period) {
    }

    @Activate
    public ExpectedResultsService(@Reference Database database, @Reference SchoolDirectory directory,
            @Reference AuditLog audit) {
        this(database, directory, audit, Clock.systemUTC());
    }

    ExpectedResultsService(Database database, SchoolDirectory directory, AuditLog audit, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        database.migrate(MODULE, ExpectedResultsService.class.getClassLoader(), CHANGELOG);
    }

    /** Another node (or this one, heard back once the change committed) changed the tables of a school. */
    @Override
    public void announced(String message) {
        if (Cct.isValid(message)) {
            Cct school = Cct.parse(message);
            recentTables.forgetWhere(key -> key.school().equals(school));
        } else {
            recentTables.forgetAll();
        }
    }

    private void changed(Cct school) {
        recentTables.forgetNowAndLater(key -> key.school().equals(school), database::afterUnitOfWork);
        Cluster nodes = cluster;
        if (nodes != null) {
            // Joins the change's unit of work: heard (here too) once it commits.
            nodes.announce(TOPIC, school.value());
        }
    }

    private void check(Cct cct, ExpectedResultDraft draft) {
        School school = directory.school(cct)
                .orElseThrow(() -> new NoSuchElementException("La escuela " + cct + " no está en el directorio"));
        List<String> problems = new ArrayList<>();
        if (draft.grade() < 1 || draft.grade() > school.level().grades()) {
            problems.add("grado: " + draft.grade() + " no existe en " + school.level().wireName() + " (grados 1 a "
                    + school.level().grades() + ")");
        } else if (draft.group() != null && school.groups().stream().noneMatch(
                g -> g.name().equalsIgnoreCase(draft.group()) && g.grades().contains(draft.grade()))) {
            problems.add("grupo: la escuela no tiene el grupo " + draft.group() + " en " + draft.grade() + "°");
        }
        if (draft.area().isEmpty() || draft.area().length() > 60) {
            problems.add("area: escriba el área o indicador (a lo más 60 caracteres), p. ej. Lenguaje oral");
        }
        if (draft.text().isEmpty() || draft.text().length() > 1000) {
            problems.add("resultado: escriba el resultado esperado (a lo más 1000 caracteres)");
        }
        if (draft.rmeObjective().length() > 500 || draft.rmeGoal().length() > 500) {
            problems.add("rutaDeMejora: el objetivo y la meta tienen a lo más 500 caracteres cada uno");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    @Override
    public ExpectedResult add(Cct school, Period period, ExpectedResultDraft draft, String author) {
        check(school, draft);
        long id = database.inTransaction(connection -> insert(connection, school, period, draft, author));
        changed(school);
        audit.record("resultado-esperado-agregado", school + " " + period + " #" + id, draft.text());
        return existing(school, id);
    }

    private long insert(Connection connection, Cct school, Period period, ExpectedResultDraft draft, String author)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO results_expected (cct, period,"
                + " grade, group_name, area, text, rme_objective, rme_goal, updated_by, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, school.value());
            insert.setString(2, period.key());
            bind(insert, 3, draft);
            insert.setString(9, author);
            insert.setObject(10, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, int first, ExpectedResultDraft draft) throws SQLException {
        statement.setInt(first, draft.grade());
        statement.setString(first + 1, draft.group());
        statement.setString(first + 2, draft.area());
        statement.setString(first + 3, draft.text());
        statement.setString(first + 4, draft.rmeObjective());
        statement.setString(first + 5, draft.rmeGoal());
    }

    @Override
    public ExpectedResult update(Cct school, long id, ExpectedResultDraft draft, long expectedVersion, String author) {
        ExpectedResult current = existing(school, id);
        check(school, draft);
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El resultado esperado " + id, expectedVersion, current.version(),
                    "UPDATE results_expected SET grade = ?, group_name = ?, area = ?, text = ?, rme_objective = ?,"
                    + " rme_goal = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ? AND cct = ?"
                    + " AND version = ?", draft.grade(), draft.group(), draft.area(), draft.text(),
                    draft.rmeObjective(), draft.rmeGoal(), author, clock.instant(), id, school.value());
            return null;
        });
        changed(school);
        audit.record("resultado-esperado-cambiado", school + " " + current.period() + " #" + id, draft.text());
        return existing(school, id);
    }

    @Override
    public void remove(Cct school, long id, long expectedVersion, String author) {
        ExpectedResult current = existing(school, id);
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El resultado esperado " + id, expectedVersion, current.version(),
                    "DELETE FROM results_expected WHERE id = ? AND cct = ? AND version = ?", id, school.value());
            return null;
        });
        changed(school);
        audit.record("resultado-esperado-quitado", school + " " + current.period() + " #" + id,
                current.content().text());
    }

    @Override
    public java.util.Optional<ExpectedResult> find(Cct school, long id) {
        return select("WHERE cct = ? AND id = ?", school.value(), id).stream().findFirst();
    }

    private ExpectedResult existing(Cct school, long id) {
        return find(school, id).orElseThrow(
                () -> new NoSuchElementException("La escuela " + school + " no tiene el resultado esperado " + id));
    }

    @Override
    public List<ExpectedResult> table(Cct school, Period period) {
        // Whole-grade results first: H2 and PostgreSQL order NULLs differently, so say it.
        return recentTables.get(new TableKey(school, period), key -> List.copyOf(select("WHERE cct = ? AND period = ?"
                + " ORDER BY grade, CASE WHEN group_name IS NULL THEN 0 ELSE 1 END, group_name, id", school.value(),
                period.key())));
    }

    @Override
    public int copyForward(Cct school, Period from, Period to, String author) {
        List<ExpectedResult> source = table(school, from);
        Set<String> present = new HashSet<>();
        table(school, to).forEach(r -> present.add(identity(r.content())));
        int copied = database.inTransaction(connection -> {
            int count = 0;
            for (ExpectedResult result : source) {
                if (present.add(identity(result.content()))) {
                    insert(connection, school, to, result.content(), author);
                    count++;
                }
            }
            return count;
        });
        changed(school);
        audit.record("resultados-esperados-copiados", school + " " + from + " → " + to, copied + " resultados");
        return copied;
    }

    private static String identity(ExpectedResultDraft draft) {
        return draft.grade() + "|" + draft.group() + "|" + draft.area() + "|" + draft.text();
    }

    private List<ExpectedResult> select(String where, Object... parameters) {
        return database.inTransaction(connection -> {
            List<ExpectedResult> results = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM results_expected " + where)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        results.add(new ExpectedResult(row.getLong("id"), Cct.parse(row.getString("cct")),
                                new Period(row.getString("period")), new ExpectedResultDraft(row.getInt("grade"),
                                        row.getString("group_name"), row.getString("area"), row.getString("text"),
                                        row.getString("rme_objective"), row.getString("rme_goal")),
                                row.getLong("version")));
                    }
                }
            }
            return results;
        });
    }
}
