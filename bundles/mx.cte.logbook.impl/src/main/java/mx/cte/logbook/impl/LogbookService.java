package mx.cte.logbook.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.InvalidAgreementException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.logbook.api.Logbook;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The Cuaderno de Bitácora in the platform database (tables {@code logbook_*}). */
@Component(service = Logbook.class)
public final class LogbookService implements Logbook {

    static final String MODULE = "logbook";
    static final String PRODUCT_TYPE = "acuerdo-bitacora";
    static final String CHANGELOG = "mx/cte/logbook/impl/db/changelog.xml";
    /** Deadlines are dates in Mexico's central time, where most schools are. */
    static final ZoneId SCHOOL_TIME = ZoneId.of("America/Mexico_City");
    private static final String COLUMNS = "id, cct, session_key, activity, text, commitments, deadline, status,"
            + " recorded_by, recorded_at, updated_by, updated_at, version";

    private final Database database;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    /** The guides, to check that an agreement's activity is one its guide marks as producing one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile GuideRegistry guides;

    @Activate
    public LogbookService(@Reference Database database, @Reference Accounts accounts, @Reference AuditLog audit) {
        this(database, accounts, audit, Clock.systemUTC());
    }

    LogbookService(Database database, Accounts accounts, AuditLog audit, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        database.migrate(MODULE, LogbookService.class.getClassLoader(), CHANGELOG);
    }

    /** What each activity of the session's guide yields, over its installed editions; empty when none is installed. */
    static Map<Integer, Set<String>> productsByActivity(List<GuideEdition> editions) {
        Map<Integer, Set<String>> products = new java.util.TreeMap<>();
        for (GuideEdition edition : editions) {
            for (Activity activity : edition.guide().activities()) {
                Set<String> types = products.computeIfAbsent(activity.number(), n -> new java.util.TreeSet<>());
                if (activity.product() != null) {
                    types.add(activity.product().type());
                }
            }
        }
        return products;
    }

    /**
     * An agreement comes from an activity its guide marks as producing one ({@value #PRODUCT_TYPE}). A session whose
     * guide is no longer installed is taken at its word: old agreements stay editable.
     */
    static Optional<FieldProblem> activityProblem(String session, int activity, Map<Integer, Set<String>> products) {
        if (products.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> producing = products.entrySet().stream().filter(e -> e.getValue().contains(PRODUCT_TYPE))
                .map(Map.Entry::getKey).sorted().toList();
        if (producing.contains(activity)) {
            return Optional.empty();
        }
        String which = producing.isEmpty() ? "ninguna actividad de esa guía registra acuerdos; deje la actividad vacía"
                : "registran acuerdos las actividades " + producing.stream().map(String::valueOf)
                        .collect(Collectors.joining(", "));
        return Optional.of(new FieldProblem("actividad", (products.containsKey(activity)
                ? "la actividad " + activity + " de la sesión " + session + " no registra acuerdos en la bitácora"
                : "la sesión " + session + " no tiene la actividad " + activity) + "; " + which));
    }

    private void check(Cct school, AgreementDraft draft, LocalDate previousDeadline) {
        List<FieldProblem> problems = new ArrayList<>();
        GuideId session = null;
        try {
            session = GuideId.parse(draft.session());
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("sesion", "'" + draft.session() + "' no es la clave de una sesión, p. ej."
                    + " SEP:2016-2017:preescolar:ordinaria-3"));
        }
        if (draft.activity() != null && (draft.activity() < 1 || draft.activity() > 999)) {
            problems.add(new FieldProblem("actividad", "el número de actividad va de 1 a 999"));
        } else if (draft.activity() != null && session != null) {
            GuideRegistry registry = guides;
            if (registry != null) {
                activityProblem(draft.session(), draft.activity(), productsByActivity(registry.editions(session)))
                        .ifPresent(problems::add);
            }
        }
        if (draft.text().isEmpty()) {
            problems.add(new FieldProblem("acuerdo", "escriba lo que se acordó"));
        } else if (draft.text().length() > 2000) {
            problems.add(new FieldProblem("acuerdo", "tiene más de 2000 caracteres"));
        }
        if (draft.commitments().length() > 4000) {
            problems.add(new FieldProblem("compromisos", "tienen más de 4000 caracteres"));
        }
        if (draft.responsibles().isEmpty()) {
            problems.add(new FieldProblem("responsables", "nombre al menos a un responsable"));
        } else {
            Set<String> staff = accounts.staffOf(school).stream().map(Account::username).collect(Collectors.toSet());
            for (String responsible : draft.responsibles()) {
                if (!staff.contains(responsible)) {
                    problems.add(new FieldProblem("responsables", "'" + responsible + "' no es personal de la escuela "
                            + school));
                }
            }
        }
        if (draft.deadline() == null) {
            problems.add(new FieldProblem("fechaLimite", "falta la fecha límite"));
        } else if (!draft.deadline().equals(previousDeadline)
                && draft.deadline().isBefore(LocalDate.now(clock.withZone(SCHOOL_TIME)))) {
            problems.add(new FieldProblem("fechaLimite", "la fecha " + draft.deadline() + " ya pasó"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgreementException(problems);
        }
    }

    @Override
    public Agreement record(Cct school, AgreementDraft draft, String author) {
        check(school, draft, null);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        long id = database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO logbook_agreement (cct,"
                    + " session_key, activity, text, commitments, deadline, status, recorded_by, recorded_at,"
                    + " updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, school.value());
                bind(insert, 2, draft);
                insert.setString(8, author);
                insert.setObject(9, now);
                insert.setString(10, author);
                insert.setObject(11, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    long created = keys.getLong(1);
                    writeResponsibles(connection, created, draft.responsibles());
                    return created;
                }
            }
        });
        audit.record("acuerdo-registrado", school + " #" + id, draft.session() + ": " + draft.text());
        return find(school, id).orElseThrow();
    }

    private static void bind(PreparedStatement statement, int first, AgreementDraft draft) throws SQLException {
        statement.setString(first, draft.session());
        statement.setObject(first + 1, draft.activity(), java.sql.Types.INTEGER);
        statement.setString(first + 2, draft.text());
        statement.setString(first + 3, draft.commitments());
        statement.setObject(first + 4, draft.deadline());
        statement.setString(first + 5, draft.status().wireName());
    }

    private static void writeResponsibles(Connection connection, long id, List<String> responsibles)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM logbook_responsible WHERE agreement_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO logbook_responsible (agreement_id, position, username) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String username : responsibles) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setString(3, username);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public Agreement update(Cct school, long id, AgreementDraft draft, long expectedVersion, String author) {
        Agreement current = find(school, id).orElseThrow(
                () -> new NoSuchElementException("La escuela " + school + " no tiene el acuerdo " + id));
        check(school, draft, current.content().deadline());
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE logbook_agreement SET"
                    + " session_key = ?, activity = ?, text = ?, commitments = ?, deadline = ?, status = ?,"
                    + " updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ? AND cct = ? AND version = ?")) {
                bind(update, 1, draft);
                update.setString(7, author);
                update.setObject(8, now);
                update.setLong(9, id);
                update.setString(10, school.value());
                update.setLong(11, expectedVersion);
                if (update.executeUpdate() == 0) {
                    throw new StaleVersionException("El acuerdo " + id, expectedVersion, current.version());
                }
            }
            writeResponsibles(connection, id, draft.responsibles());
            return null;
        });
        audit.record("acuerdo-actualizado", school + " #" + id, "estado " + draft.status().wireName());
        return find(school, id).orElseThrow();
    }

    @Override
    public Optional<Agreement> find(Cct school, long id) {
        List<Agreement> found = select("WHERE cct = ? AND id = ?", school.value(), id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Agreement> ofSession(Cct school, String session) {
        return select("WHERE cct = ? AND session_key = ? ORDER BY id", school.value(), session);
    }

    @Override
    public List<Agreement> open(Cct school) {
        return select("WHERE cct = ? AND status <> ? ORDER BY deadline, id", school.value(),
                AgreementStatus.CUMPLIDO.wireName());
    }

    private List<Agreement> select(String where, Object... parameters) {
        return database.inTransaction(connection -> {
            Map<Long, Object[]> rows = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM logbook_agreement " + where)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        Object activity = row.getObject("activity");
                        rows.put(row.getLong("id"), new Object[] {row.getString("cct").strip(),
                            row.getString("session_key"), activity == null ? null : ((Number) activity).intValue(),
                            row.getString("text"), row.getString("commitments"),
                            row.getObject("deadline", LocalDate.class), row.getString("status"),
                            row.getString("recorded_by"), row.getObject("recorded_at", OffsetDateTime.class),
                            row.getString("updated_by"), row.getObject("updated_at", OffsetDateTime.class),
                            row.getLong("version")});
                    }
                }
            }
            List<Agreement> agreements = new ArrayList<>();
            for (Map.Entry<Long, Object[]> entry : rows.entrySet()) {
                Object[] r = entry.getValue();
                AgreementDraft content = new AgreementDraft((String) r[1], (Integer) r[2], (String) r[3],
                        responsibles(connection, entry.getKey()), (String) r[4], (LocalDate) r[5],
                        AgreementStatus.parse((String) r[6]).orElseThrow());
                agreements.add(new Agreement(entry.getKey(), Cct.parse((String) r[0]), content, (String) r[7],
                        ((OffsetDateTime) r[8]).toInstant(), (String) r[9], ((OffsetDateTime) r[10]).toInstant(),
                        (Long) r[11]));
            }
            return agreements;
        });
    }

    private static List<String> responsibles(Connection connection, long id) throws SQLException {
        List<String> usernames = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT username FROM logbook_responsible WHERE agreement_id = ? ORDER BY position")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    usernames.add(row.getString(1));
                }
            }
        }
        return usernames;
    }
}
